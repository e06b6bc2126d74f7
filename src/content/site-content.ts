import type { ResolvedConfig } from "../config/index.js";
import type { SourceDocument, SourceEntry } from "../source/index.js";
import { KijiError, messages, type Logger } from "../shared/index.js";
import type { Page, Post, StaticFile } from "./documents.js";
import { collectArchives, groupPosts, type Archive } from "./archives.js";
import { collectRedirects, type Redirect } from "./redirects.js";
import { buildSiteData, type DataFileSource } from "./data-files.js";
import { createPage, createStaticFile } from "./create-page.js";
import { createPost, isPostFileName } from "./create-post.js";
import type { TimeZone } from "./time.js";

/** The whole site as a typed model: what gets published, in Jekyll's order. */
export interface SiteContent {
  /** Published posts (and drafts, with --drafts), oldest first, as Jekyll's `site.posts.docs`. */
  readonly posts: readonly Post[];
  readonly pages: readonly Page[];
  readonly staticFiles: readonly StaticFile[];
  /** `site.data`. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Category name → its posts, newest first (names in order of first use, as Jekyll). */
  readonly categories: ReadonlyMap<string, readonly Post[]>;
  /** Tag name → its posts, newest first (names in order of first use, as Jekyll). */
  readonly tags: ReadonlyMap<string, readonly Post[]>;
  /** Tag, category and date archive pages. */
  readonly archives: readonly Archive[];
  /** Old URLs that forward to a post or page (`redirect_from`). */
  readonly redirects: readonly Redirect[];
}

/** What buildSiteContent works from: documents already read and split. */
export interface SiteContentInput {
  readonly config: ResolvedConfig;
  readonly zone: TimeZone;
  /** Build time in ms: posts dated later are future posts. */
  readonly now: number;
  readonly postDocs: readonly SourceDocument[];
  readonly draftDocs: readonly SourceDocument[];
  readonly pageDocs: readonly SourceDocument[];
  readonly staticEntries: readonly SourceEntry[];
  readonly dataFiles: readonly DataFileSource[];
  /** Names of the layouts in `_layouts/` (archives are made only for layouts that exist). */
  readonly layoutNames: ReadonlySet<string>;
  readonly logger: Logger;
  /** Awaited between posts when it returns a promise: lets the dev server's event loop run during a long stage. */
  readonly pause?: () => Promise<void> | undefined;
}

function comparePosts(a: Post, b: Post): number {
  if (a.date.epochMs !== b.date.epochMs) return a.date.epochMs - b.date.epochMs;
  return a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0;
}

/** Refuses two documents (or generated pages) that write the same file, naming both. */
function checkUniqueOutputs(items: ReadonlyArray<{ outputPath: string; relativePath: string; url: string }>): void {
  const seen = new Map<string, string>();
  for (const item of items) {
    const key = item.outputPath.normalize("NFC").toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      const { message, hint } = messages.duplicateOutput(item.url, first, item.relativePath);
      throw new KijiError(message, { file: item.relativePath, hint });
    }
    seen.set(key, item.relativePath);
  }
}

/** Builds the content model with Jekyll 4.3's publishing rules (drafts, future, unpublished). */
export async function buildSiteContent(input: SiteContentInput): Promise<SiteContent> {
  const { config, logger } = input;
  const isPublishable = (post: Post): boolean =>
    (post.published || config.unpublished) && (config.future || Math.floor(post.date.epochMs / 1000) <= Math.floor(input.now / 1000));
  const posts: Post[] = [];
  for (const doc of input.postDocs) {
    if (!isPostFileName(doc.entry.collectionPath ?? doc.entry.relativePath)) {
      logger.warn(`${doc.entry.relativePath}: ${messages.postFileName(doc.entry.relativePath).message}`);
      continue;
    }
    const post = createPost(doc, "posts", input);
    if (isPublishable(post)) posts.push(post);
    await input.pause?.();
  }
  if (config.showDrafts) {
    for (const doc of input.draftDocs) {
      const draft = createPost(doc, "drafts", input);
      if (isPublishable(draft)) posts.push(draft);
    }
  }
  posts.sort(comparePosts);
  const pages = input.pageDocs
    .map((doc) => createPage(doc, config))
    .filter((page) => page.data.published !== false || config.unpublished);
  const staticFiles = input.staticEntries.map(createStaticFile);
  const archives = collectArchives({ posts, settings: config.archives, layoutNames: input.layoutNames, zone: input.zone, logger });
  const redirects = collectRedirects([...posts, ...pages]);
  checkUniqueOutputs([
    ...posts,
    ...pages,
    ...staticFiles,
    ...archives.map((archive) => ({ ...archive, relativePath: `the ${archive.type} archive '${archive.title ?? archive.url}'` })),
    ...redirects.map((redirect) => ({ ...redirect, url: redirect.from, relativePath: `redirect_from in ${redirect.relativePath}` })),
  ]);
  return {
    posts,
    pages,
    staticFiles,
    data: buildSiteData(input.dataFiles),
    categories: groupPosts(posts, (post) => post.categories),
    tags: groupPosts(posts, (post) => post.tags),
    archives,
    redirects,
  };
}
