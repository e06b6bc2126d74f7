import type { CtaBlock, ResolvedCtaConfig } from "../config/index.js";

/**
 * The call-to-action block for a post: the block of its first category that has one, else the
 * default; undefined when CTA blocks are off or the post's front matter says `cta: false`.
 */
export function chooseCta(categories: readonly string[], frontMatter: unknown, config: ResolvedCtaConfig | undefined): CtaBlock | undefined {
  if (!config || frontMatter === false) return undefined;
  for (const category of categories) {
    const block = config.categories[category];
    if (block) return block;
  }
  return config.default;
}
