import type { CtaBlock, ResolvedCtaConfig } from "../config/index.js";

/** What choosing a post's call-to-action block looks at. */
export interface CtaInput {
  readonly categories: readonly string[];
  /** The post's `cta` front matter: `false` turns the block off for that post. */
  readonly frontMatter: unknown;
  /** The post's rendered body… */
  readonly html?: string;
  /** …or, instead, whether it links to a URL (see linksIn), when that is known without the HTML. */
  readonly linksTo?: (url: string) => boolean;
}

/** The body's link targets, with the `&` of query strings decoded as HTML writes them. */
export function linksIn(html: string): Set<string> {
  const links = new Set<string>();
  for (const match of html.matchAll(/href="([^"]*)"/g)) links.add(match[1]!.replace(/&(?:amp|#x26|#38);/g, "&"));
  return links;
}

/**
 * The call-to-action block for a post: the block of its first category that has one, else the
 * default. Undefined when CTA blocks are off, the front matter says `cta: false`, or the body
 * already links to the block's URL (posts written before the theme carry their CTA inline; a
 * second, identical block under it would only repeat it).
 */
export function chooseCta(input: CtaInput, config: ResolvedCtaConfig | undefined): CtaBlock | undefined {
  if (!config || input.frontMatter === false) return undefined;
  const block = input.categories.map((category) => config.categories[category]).find((found) => found !== undefined) ?? config.default;
  const linksTo = input.linksTo ?? ((url: string) => linksIn(input.html ?? "").has(url));
  return linksTo(block.url) ? undefined : block;
}

/** Every URL a CTA block of the config links to. */
export function ctaUrls(config: ResolvedCtaConfig | undefined): string[] {
  return config ? [...new Set([config.default.url, ...Object.values(config.categories).map((block) => block.url)])] : [];
}
