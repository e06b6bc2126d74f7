import type { ResolvedFeed } from "../config/index.js";
import { escapePath, outputPathFor, slugify, type Post, type SiteContent } from "../content/index.js";
import type { DateContext, DocumentView, SiteViews, UrlHelpers } from "../templates/index.js";
import { renderAtomFeed } from "./atom-feed.js";
import type { OutputFile } from "./output-file.js";

/** One feed to write: the main one, a category's or a tag's. */
export interface FeedSpec {
  /** URL without baseurl (%-encoded). */
  readonly url: string;
  readonly outputPath: string;
  readonly category?: string;
  readonly tag?: string;
}

function spec(path: string, extra: Pick<FeedSpec, "category" | "tag"> = {}): FeedSpec {
  const url = escapePath(path.startsWith("/") ? path : `/${path}`);
  return { url, outputPath: outputPathFor(url, ".xml", "page"), ...extra };
}

/** A name as a file name: as written when jekyll-feed would take it, else its slug (case kept, Japanese kept). */
function fileName(name: string): string {
  return /^[a-zA-Z0-9_]+$/.test(name) ? name : slugify(name, "default", true);
}

/**
 * The feeds of a site, as jekyll-feed names them: `feed.path`, `/feed/<category>.xml` and
 * `<tags.path><tag>.xml`. Unlike jekyll-feed, tags with characters outside `[a-zA-Z0-9_]`
 * (every Japanese tag) get a feed too, named by their slug.
 */
export function feedSpecs(settings: ResolvedFeed, content: SiteContent): FeedSpec[] {
  const specs = [spec(settings.path)];
  const categories = settings.categories === "all" ? [...content.categories.keys()] : settings.categories;
  for (const category of categories) {
    const name = /[/\\]|^\./.test(category) ? slugify(category, "default", true) : category;
    if (name !== "") specs.push(spec(`/feed/${name}.xml`, { category }));
  }
  if (settings.tags && content.tags.size > 0) {
    const only = settings.tags.only ?? [...content.tags.keys()];
    const base = settings.tags.path.endsWith("/") ? settings.tags.path : `${settings.tags.path}/`;
    for (const tag of only.filter((name) => !settings.tags!.except.includes(name))) {
      if (fileName(tag) !== "") specs.push(spec(`${base}${fileName(tag)}.xml`, { tag }));
    }
  }
  return specs;
}

/** What writing the feeds needs. */
export interface FeedOutputsInput {
  readonly specs: readonly FeedSpec[];
  readonly settings: ResolvedFeed;
  readonly content: SiteContent;
  readonly views: SiteViews;
  readonly urls: UrlHelpers;
  readonly dates: DateContext;
  readonly showDrafts: boolean;
}

function feedPosts(feed: FeedSpec, input: FeedOutputsInput): DocumentView[] {
  const view = (post: Post): DocumentView => input.views.posts.get(post)!;
  let posts = feed.tag !== undefined ? (input.content.tags.get(feed.tag) ?? []).map(view) : (input.views.site.posts as DocumentView[]);
  if (feed.category !== undefined) {
    posts = posts.filter((post) => (post.categories as readonly unknown[]).some((category) => String(category) === feed.category));
  }
  if (!input.showDrafts) posts = posts.filter((post) => post.draft !== true);
  return posts.slice(0, input.settings.postsLimit);
}

/** Every feed file, entries newest first, `posts_limit` of them. */
export function* feedOutputs(input: FeedOutputsInput): Generator<OutputFile> {
  const buildTime = input.views.site.time as Parameters<typeof renderAtomFeed>[1];
  for (const feed of input.specs) {
    const xml = renderAtomFeed(
      {
        url: feed.url,
        category: feed.category,
        posts: feedPosts(feed, input),
        site: input.views.site,
        urls: input.urls,
        dates: input.dates,
        excerptOnly: input.settings.excerptOnly,
      },
      buildTime,
    );
    yield { path: feed.outputPath, contents: xml };
  }
}
