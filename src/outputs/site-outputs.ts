import type { ResolvedConfig } from "../config/index.js";
import { redirectTarget, type DocumentBase, type Page, type SiteContent, type TimeZone } from "../content/index.js";
import type { OgImagePlan } from "../features/index.js";
import { KijiError, messages, type Logger } from "../shared/index.js";
import { createUrlHelpers, type BodySource, type DateContext, type SiteViews, type TemplateEngine } from "../templates/index.js";
import { documentPages, type PageReuse } from "./document-pages.js";
import { feedOutputs, feedSpecs, type FeedSpec } from "./feeds.js";
import { archiveOutputs, archivePages, homeOutputs, homePages, type HomePages } from "./list-pages.js";
import { notFoundOutputs } from "./not-found-page.js";
import { ogpImages, type ImageCache } from "./ogp-images.js";
import type { OutputFile } from "./output-file.js";
import { redirectOutputs, redirectUrl, renderRedirect } from "./redirect-pages.js";
import { sitemapOutputs, type SitemapEntry } from "./sitemap.js";
import { noJekyllOutput, staticFileOutputs } from "./static-files.js";

/** Everything the output kinds may draw on. */
export interface SiteOutputsInput {
  readonly config: ResolvedConfig;
  readonly content: SiteContent;
  readonly views: SiteViews;
  readonly engine: TemplateEngine;
  readonly zone: TimeZone;
  /** Build time in ms. */
  readonly now: number;
  /** A page's body as read from the source (the paginated home page renders it once per page). */
  readonly bodyOf: (page: Page) => BodySource;
  /** Each post's OGP image (features' planOgImages). */
  readonly ogImages: OgImagePlan;
  /** Where drawn OGP cards are kept between builds. */
  readonly imageCache: ImageCache;
  readonly logger: Logger;
}

/** A source of output files, consumed one file at a time. */
export type OutputSource = AsyncIterable<OutputFile> | Iterable<OutputFile>;

/** What the generated files will be, decided before anything is rendered. */
export interface OutputPlan {
  /** Pages of the paginated home page (page 1 is the template page itself). */
  readonly home: HomePages | undefined;
  /** Generated HTML pages in jekyll-sitemap's order: archives, then pages 2, 3 … of the home page. */
  readonly generatedPages: readonly SitemapEntry[];
  readonly feeds: readonly FeedSpec[];
  readonly sitemap: boolean;
  readonly robots: boolean;
  readonly notFound: boolean;
  readonly redirectsJson: boolean;
}

/** Output paths the source already writes (documents, static files, archives, redirects), compared as the writer would. */
function writtenPaths(content: SiteContent): Map<string, string> {
  const paths = new Map<string, string>();
  const add = (path: string, what: string): void => void paths.set(path.normalize("NFC").toLowerCase(), what);
  for (const doc of [...content.posts, ...content.pages]) add(doc.outputPath, doc.relativePath);
  for (const file of content.staticFiles) add(file.outputPath, file.relativePath);
  for (const archive of content.archives) add(archive.outputPath, `the ${archive.type} archive ${archive.url}`);
  for (const redirect of content.redirects) add(redirect.outputPath, `redirect_from in ${redirect.relativePath}`);
  return paths;
}

/** Plans the generated outputs: a file the source provides itself is not generated; a generated page on top of a document is an error. */
export function planOutputs(input: Pick<SiteOutputsInput, "config" | "content" | "views">): OutputPlan {
  const { config, content, views } = input;
  const written = writtenPaths(content);
  const exists = (path: string): boolean => written.has(path.normalize("NFC").toLowerCase());
  const home = homePages(content, config, views);
  const generatedPages: SitemapEntry[] = [];
  for (const archive of content.archives) {
    const pages = archivePages(archive, views.archives.get(archive)!, config);
    generatedPages.push(...pages.map((page) => ({ url: page.url })));
    for (const page of pages.slice(1)) checkFree(page, written);
  }
  for (const page of home?.pages.slice(1) ?? []) {
    checkFree(page, written);
    generatedPages.push({ url: page.url });
  }
  return {
    home,
    generatedPages,
    feeds: config.feed ? feedSpecs(config.feed, content).filter((feed) => !exists(feed.outputPath)) : [],
    sitemap: config.sitemap && !exists("sitemap.xml"),
    robots: config.sitemap && !exists("robots.txt"),
    notFound: !exists("404.html"),
    redirectsJson: !exists("redirects.json"),
  };
}

function checkFree(page: { url: string; outputPath: string }, written: ReadonlyMap<string, string>): void {
  const other = written.get(page.outputPath.normalize("NFC").toLowerCase());
  if (other === undefined) return;
  const { message, hint } = messages.duplicateOutput(page.url, other, "a generated list page");
  throw new KijiError(message, { file: other, hint });
}

/** Every output kind of a site, in writing order. Add a new kind here. */
export function siteOutputs(input: SiteOutputsInput, plan: OutputPlan = planOutputs(input), reuse?: PageReuse): OutputSource[] {
  const { config, content, views, engine } = input;
  const urls = createUrlHelpers(config);
  const dates: DateContext = { zone: input.zone, now: input.now };
  const redirects = { content, views, engine, urls, writeJson: plan.redirectsJson };
  const redirectPage = (doc: DocumentBase): Promise<string> | undefined => {
    const to = redirectTarget(doc);
    return to === undefined ? undefined : renderRedirect(doc.url, redirectUrl(to, urls), redirects, doc.relativePath);
  };
  const list = { config, content, views, engine, bodyOf: input.bodyOf, reuse };
  const hasStylesheet = content.staticFiles.some((file) => file.relativePath === "sitemap.xsl");
  return [
    documentPages({ posts: content.posts, pages: content.pages, views, engine, skip: plan.home?.template, redirectPage, reuse }),
    homeOutputs(list, plan.home),
    archiveOutputs(list),
    redirectOutputs(redirects),
    plan.notFound ? notFoundOutputs({ views, engine, urls, lang: config.lang }) : [],
    config.feed ? feedOutputs({ specs: plan.feeds, settings: config.feed, content, views, urls, dates, showDrafts: config.showDrafts }) : [],
    sitemapOutputs({ config, content, views, generated: plan.generatedPages, urls, dates, hasStylesheet }, plan),
    staticFileOutputs(content.staticFiles),
    noJekyllOutput(),
    ogpImages({ posts: content.posts, plan: input.ogImages, config, cache: input.imageCache, logger: input.logger }),
  ];
}

/** The OGP cards that will be drawn (posts without an image of their own, when cards are on). */
function cardPaths(config: ResolvedConfig, ogImages: OgImagePlan): string[] {
  if (!config.ogp.enabled) return [];
  return [...ogImages.values()].flatMap((image) => (image.outputPath === undefined ? [] : [image.outputPath]));
}

/**
 * The paths (relative to the destination, Unicode as is) of the files `siteOutputs` will write,
 * without rendering anything: what `kiji check` resolves links and images against. An output kind
 * added to `siteOutputs` adds its paths here.
 */
export function outputPaths(content: SiteContent, config: ResolvedConfig, ogImages: OgImagePlan, views: SiteViews): Set<string> {
  const plan = planOutputs({ config, content, views });
  const paths = new Set<string>([".nojekyll", ...cardPaths(config, ogImages)]);
  for (const doc of [...content.posts, ...content.pages, ...content.staticFiles, ...content.archives, ...content.redirects]) paths.add(doc.outputPath);
  for (const page of plan.home?.pages ?? []) paths.add(page.outputPath);
  for (const archive of content.archives) for (const page of archivePages(archive, views.archives.get(archive)!, config)) paths.add(page.outputPath);
  for (const feed of plan.feeds) paths.add(feed.outputPath);
  if (plan.sitemap) paths.add("sitemap.xml");
  if (plan.robots) paths.add("robots.txt");
  if (plan.notFound) paths.add("404.html");
  if (plan.redirectsJson && (content.redirects.length > 0 || content.posts.concat().some((doc) => redirectTarget(doc)) || content.pages.some((doc) => redirectTarget(doc)))) paths.add("redirects.json");
  return paths;
}

/** How many files `siteOutputs` will yield at least (for progress bars). */
export function countOutputs(input: Pick<SiteOutputsInput, "content" | "config" | "ogImages">, plan?: OutputPlan): number {
  const { content } = input;
  const base = content.posts.length + content.pages.length + content.staticFiles.length + content.archives.length + content.redirects.length + 1;
  const cards = cardPaths(input.config, input.ogImages).length;
  return base + cards + (plan ? plan.feeds.length + (plan.home ? plan.home.pages.length - 1 : 0) + Number(plan.sitemap) + Number(plan.robots) + Number(plan.notFound) : 0);
}
