import type { ResolvedConfig } from "../config/index.js";
import type { Archive, DocumentBase, JekyllTime, Page, Post, SiteContent, StaticFile } from "../content/index.js";
import type { OgImage, OgImagePlan, SiteFeatures } from "../features/index.js";
import { trackedTime, type RenderReads } from "./render-reads.js";

/** What templates see as `page` (and as each entry of `site.posts`): a plain object. */
export type DocumentView = Record<string, unknown>;

/** The views of one build: `site`, and one view per post, page and archive. */
export interface SiteViews {
  readonly site: Readonly<Record<string, unknown>>;
  readonly posts: ReadonlyMap<Post, DocumentView>;
  readonly pages: ReadonlyMap<Page, DocumentView>;
  readonly archives: ReadonlyMap<Archive, DocumentView>;
  /** Post views newest first: `site.posts`, for kiji's own use without a read being heard. */
  readonly newest: readonly DocumentView[];
}

/**
 * `page.og_image`: the absolute URL of the post's OGP image for og:image/twitter:image. When kiji
 * draws the card, `page.image` (what jekyll-seo-tag reads) names it too, also for posts without `image`.
 */
function imageFields(image: OgImage | undefined): DocumentView {
  if (!image) return {};
  return image.outputPath === undefined ? { og_image: image.url } : { image: image.path, og_image: image.url };
}

function postView(post: Post, image: OgImage | undefined): DocumentView {
  return {
    ...post.data,
    ...imageFields(image),
    url: post.url,
    id: post.id,
    date: post.date,
    title: post.title,
    slug: post.slug,
    categories: post.categories,
    tags: post.tags,
    path: post.relativePath,
    relative_path: post.relativePath,
    name: post.relativePath.slice(post.relativePath.lastIndexOf("/") + 1),
    collection: "posts",
    draft: post.type === "drafts",
    excerpt: typeof post.data.excerpt === "string" ? post.data.excerpt : undefined,
    content: undefined,
  };
}

function pageView(page: Page): DocumentView {
  return { ...page.data, url: page.url, path: page.relativePath, relative_path: page.relativePath, content: undefined };
}

function staticFileView(file: StaticFile): DocumentView {
  const name = file.relativePath.slice(file.relativePath.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return {
    relative_path: `/${file.relativePath}`,
    path: file.absolutePath,
    name,
    basename: dot > 0 ? name.slice(0, dot) : name,
    extname: dot > 0 ? name.slice(dot) : "",
    modified_time: new Date(file.mtimeMs),
    collection: null,
    url: file.url,
  };
}

/** An archive as jekyll-archives shows it: posts, type, title (tag or category), date (date archives), url. */
function archiveView(archive: Archive, views: ReadonlyMap<Post, DocumentView>): DocumentView {
  return {
    layout: archive.layout,
    type: archive.type,
    title: archive.title,
    date: archive.date,
    name: "index",
    path: archive.outputPath,
    url: archive.url,
    permalink: undefined,
    posts: archive.posts.map((post) => views.get(post)!),
    content: "",
  };
}

/**
 * kiji's additions beside `site.archives`, so a theme needs no loop over every archive per page
 * (quadratic at thousands of tags): `site.archives_by_type.category` (the list, in order) and
 * `site.archive_urls.tag["LLM"]` (the URL of the tag or category archive titled so).
 */
function archiveLookups(archives: readonly DocumentView[]): { archives_by_type: Record<string, DocumentView[]>; archive_urls: Record<string, Record<string, unknown>> } {
  const byType: Record<string, DocumentView[]> = { year: [], month: [], day: [], category: [], tag: [] };
  // Null prototypes: a tag named "constructor" finds nothing but its own archive.
  const urls: Record<string, Record<string, unknown>> = { category: Object.create(null), tag: Object.create(null) };
  for (const archive of archives) {
    const type = String(archive.type);
    byType[type]?.push(archive);
    const byTitle = urls[type];
    if (byTitle) byTitle[String(archive.title)] = archive.url;
  }
  return { archives_by_type: byType, archive_urls: urls };
}

function groupViews(groups: ReadonlyMap<string, readonly Post[]>, views: ReadonlyMap<Post, DocumentView>): Record<string, DocumentView[]> {
  const out: Record<string, DocumentView[]> = {};
  for (const [name, posts] of groups) out[name] = posts.map((post) => views.get(post)!);
  return out;
}

/** The keys of `site` that list documents or archives, heard when read (see RenderReads). */
const SITE_LISTS = ["posts", "pages", "html_pages", "documents", "categories", "tags", "archives", "archives_by_type", "archive_urls"] as const;

/**
 * Builds `site` and the document views Jekyll templates expect: posts newest first with
 * `next`/`previous`, pages, static files, categories, tags, archives (as jekyll-archives), data and
 * `site.time`; each post's OGP image.
 */
export function createSiteViews(content: SiteContent, config: ResolvedConfig, time: JekyllTime, ogImages: OgImagePlan = new Map(), reads?: RenderReads): SiteViews {
  const posts = new Map(content.posts.map((post) => [post, postView(post, ogImages.get(post))]));
  const ascending = content.posts.map((post) => posts.get(post)!);
  // What reaches other documents' views is heard when read (see RenderReads): neighbours, an archive's posts, site's lists.
  const heard = (view: DocumentView, key: string, value: unknown, field: string, file: string): void => {
    if (!reads) {
      view[key] = value;
      return;
    }
    heardValue(view, key, value, () => reads.read(field, file));
  };
  content.posts.forEach((post, i) => {
    heard(ascending[i]!, "previous", ascending[i - 1], "previous", post.relativePath);
    heard(ascending[i]!, "next", ascending[i + 1], "next", post.relativePath);
  });
  const pages = new Map(content.pages.map((page) => [page, pageView(page)]));
  const pageViews = [...pages.values()];
  const archives = new Map(content.archives.map((archive) => [archive, archiveView(archive, posts)]));
  for (const [archive, view] of archives) heard(view, "posts", view.posts, "archive", archive.url);
  const newest = [...ascending].reverse();
  const site = {
    ...config.siteVariables,
    // Every use of it is heard (a page that shows it may change with every build), the date filter's as the text it makes.
    time: reads ? trackedTime(time, reads) : time,
    posts: newest,
    pages: pageViews,
    html_pages: pageViews.filter((view) => String(view.url).endsWith("/") || String(view.url).endsWith(".html")),
    static_files: content.staticFiles.map(staticFileView),
    categories: groupViews(content.categories, posts),
    tags: groupViews(content.tags, posts),
    data: content.data,
    documents: ascending,
    related_posts: [],
    archives: [...archives.values()],
    ...archiveLookups([...archives.values()]),
  };
  for (const key of SITE_LISTS) heard(site, key, site[key], "site", key);
  return { site, posts, pages, archives, newest };
}

/**
 * Puts a document's view back as createSiteViews made it, before content and derived data were
 * added, keeping the object (site.posts, archives and neighbours hold it) and its `previous`/`next`:
 * for re-rendering one document whose body changed.
 */
export function resetDocumentView(view: DocumentView, doc: Post | Page, image: OgImage | undefined): void {
  const { previous, next } = view;
  for (const key of Object.keys(view)) delete view[key];
  if (doc.type === "pages") Object.assign(view, pageView(doc));
  else Object.assign(view, postView(doc, image), { previous, next });
}

/**
 * `site` as one post sees it: `site.related_posts` is the ten most recent other posts (Jekyll
 * without LSI). `onRecent` hears a read of them (see RenderReads).
 */
export function siteForPost(views: SiteViews, view: DocumentView, onRecent?: () => void): Record<string, unknown> {
  const recent = (): DocumentView[] => views.newest.slice(0, 11).filter((other) => other !== view).slice(0, 10);
  const own = Object.create(views.site) as Record<string, unknown>;
  defineLazyValue(own, "related_posts", recent, true, onRecent);
  return own;
}

/**
 * Makes `view[key]` computed when a template reads it: each time, or (`keep`) once and then
 * remembered. `onRead` hears every read (see RenderReads). Assigning to it replaces it.
 */
export function defineLazyValue(view: DocumentView, key: string, compute: () => unknown, keep: boolean, onRead?: () => void): void {
  let kept: { readonly value: unknown } | undefined;
  const get = (): unknown => {
    onRead?.();
    if (!keep) return compute();
    kept ??= { value: compute() };
    return kept.value;
  };
  Object.defineProperty(view, key, { get, set: replaceWithValue(view, key), enumerable: true, configurable: true });
}

/** Makes `view[key]` the value, `onRead` hearing each read of it. Assigning to it replaces it. */
function heardValue(view: DocumentView, key: string, value: unknown, onRead: () => void): void {
  Object.defineProperty(view, key, { get: () => (onRead(), value), set: replaceWithValue(view, key), enumerable: true, configurable: true });
}

const SCORE = Symbol("kiji.score");
const LIST_OF = Symbol("kiji.listOf");

/**
 * Makes a related entry's `score` heard as a read of `related-score` of the document listing it.
 * One getter for every entry, reading the entry's own symbols: at 10,000 posts, 30,000 entries
 * with a getter each held 9 MB of closures and 13 MB of dictionary-mode properties.
 */
function heardScores(reads: RenderReads): (entry: DocumentView, value: number, file: string) => void {
  const score: PropertyDescriptor = {
    get(this: DocumentView & { [SCORE]: unknown; [LIST_OF]: string }) {
      reads.read("related-score", this[LIST_OF]);
      return this[SCORE];
    },
    set(this: DocumentView, value: unknown) {
      Object.defineProperty(this, "score", { value, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  };
  return (entry, value, file) => void Object.defineProperties(entry, { [SCORE]: { value }, [LIST_OF]: { value: file }, score });
}

/** The setter of a computed view property: assigning to it makes it a plain value. */
function replaceWithValue(view: DocumentView, key: string): (value: unknown) => void {
  return (value) => void Object.defineProperty(view, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Puts derived data into the document views: `page.related` ({url, title, date, image, score}; the scores heard apart from the list),
 * `page.reading_time` (front matter wins), `page.books`, `page.cta` and, on pages carrying an affiliate link,
 * `page.affiliate_disclosure`.
 */
export function addFeatureViews(views: SiteViews, features: SiteFeatures, reads?: RenderReads): void {
  // A lookup rather than a merged map: re-rendering one document should not copy every view.
  const viewOf = (doc: DocumentBase): DocumentView | undefined => views.posts.get(doc as Post) ?? views.pages.get(doc as Page);
  const heardScore = reads && heardScores(reads);
  for (const [doc, derived] of features.documents) {
    const view = viewOf(doc);
    if (!view) continue;
    // Derived from the body: a page showing another document's must know it did (see RenderReads).
    // Without a recorder (the dev server's builds into memory) a plain value costs less than a getter.
    const define = (key: string, compute: () => unknown): void => {
      if (reads) defineLazyValue(view, key, compute, true, () => reads.read(key, doc.relativePath));
      else view[key] = compute();
    };
    // Read when a template asks: the site's lists may not be ranked until then (see DocumentFeatures).
    const related = (): unknown =>
      derived.related().map(({ post, score }) => {
        const entry: DocumentView = {
          url: post.url,
          title: post.title,
          date: post.date,
          // The post's own view knows its image, the OGP card kiji draws included.
          image: views.posts.get(post)?.image ?? post.data.image,
        };
        // Scores move with every post added or edited (a term's rarity changes): heard apart, so a page not showing them is kept while its list stays.
        const rounded = Math.round(score * 10_000) / 10_000;
        if (heardScore) heardScore(entry, rounded, doc.relativePath);
        else entry.score = rounded;
        return entry;
      });
    // Always computed on first read, recorder or not: the lists may not be ranked yet.
    defineLazyValue(view, "related", related, true, reads && (() => reads.read("related", doc.relativePath)));
    const { readingTime, books, cta } = derived;
    if (readingTime !== undefined && (view.reading_time === undefined || view.reading_time === null)) define("reading_time", () => readingTime);
    define("books", () => books.map(({ asin, title, author, description, image, url, rel }) => ({ asin, title, author, description, image, url, rel })));
    define("affiliate_disclosure", () => (derived.hasAffiliateLinks ? features.disclosure : undefined));
    if (cta) define("cta", () => ({ ...cta }));
  }
}
