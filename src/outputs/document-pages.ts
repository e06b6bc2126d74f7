import type { DocumentBase, Page, Post } from "../content/index.js";
import { readToken, siteForPost, type SiteViews, type TemplateEngine } from "../templates/index.js";
import type { OutputFile, RenderRecord } from "./output-file.js";

/**
 * Keeps a document's page without rendering it when nothing it can show changed: the site key
 * (front matter, templates, data, config …) is unchanged and each value it read last time (another
 * document's content, a related list, the build time) still has the same stamp.
 */
export interface PageReuse {
  /** What rendering the file the last build wrote at `path` read, if the destination still holds that file as written. */
  previous(path: string): RenderRecord | undefined;
  /** The key of a page that read `reads`, from the site key and what those values are in this build. */
  keyOf(reads: readonly string[]): string;
  /** Renders one page, noting what it read. */
  track<T>(render: () => Promise<T>): Promise<{ readonly value: T; readonly reads: string[] }>;
  /** Notes a read no view getter hears (see RenderReads.read). */
  note(field: string, file: string): void;
}

/** What rendering documents into pages needs. */
export interface DocumentPagesInput {
  readonly posts: readonly Post[];
  readonly pages: readonly Page[];
  readonly views: SiteViews;
  readonly engine: TemplateEngine;
  /** A page another output kind renders (the paginated home page). */
  readonly skip?: DocumentBase;
  /** The redirect page of a document with `redirect_to`. */
  readonly redirectPage?: (doc: DocumentBase) => Promise<string> | undefined;
  /** Keeps unchanged pages (disk builds that know what the last one rendered). */
  readonly reuse?: PageReuse;
}

async function renderHtml(doc: DocumentBase, view: Record<string, unknown>, site: Readonly<Record<string, unknown>>, engine: TemplateEngine): Promise<string> {
  const content = String(view.content ?? "");
  if (doc.layout === undefined) return content;
  return engine.renderLayouts(doc.layout, content, { site, page: view, paginator: undefined }, doc.relativePath);
}

/**
 * A rendered page at `path`: kept when nothing it read last time changed, else rendered with what
 * it reads noted. `own` are reads it always makes: what the page itself is made of (a document's
 * front matter, an archive's posts), which no getter hears.
 */
export async function reusablePage(reuse: PageReuse | undefined, path: string, render: () => Promise<string>, own: readonly string[]): Promise<OutputFile> {
  if (!reuse) return { path, contents: await render() };
  const previous = reuse.previous(path);
  if (previous && reuse.keyOf(previous.reads) === previous.key) return { path, kept: previous };
  const tracked = await reuse.track(render);
  const reads = [...new Set([...tracked.reads, ...own])].sort();
  return { path, contents: tracked.value, render: { key: reuse.keyOf(reads), reads } };
}

/** A document's page. */
function renderDocument(doc: DocumentBase, view: Record<string, unknown>, site: () => Readonly<Record<string, unknown>>, input: DocumentPagesInput): Promise<OutputFile> {
  return reusablePage(input.reuse, doc.outputPath, () => renderHtml(doc, view, site(), input.engine), [readToken("own", doc.relativePath)]);
}

/**
 * Post and page files: each document's converted content wrapped in its layouts. A generator,
 * so the writer stores each file before the next is rendered and the site is never held in memory.
 */
export async function* documentPages(input: DocumentPagesInput): AsyncGenerator<OutputFile> {
  const { views } = input;
  for (const post of input.posts) {
    const redirect = input.redirectPage?.(post);
    if (redirect) {
      yield { path: post.outputPath, contents: await redirect };
      continue;
    }
    const view = views.posts.get(post)!;
    yield await renderDocument(post, view, () => siteForPost(views, view, input.reuse && (() => input.reuse!.note("recent", ""))), input);
  }
  for (const page of input.pages) {
    if (page === input.skip) continue;
    const redirect = input.redirectPage?.(page);
    yield redirect ? { path: page.outputPath, contents: await redirect } : await renderDocument(page, views.pages.get(page)!, () => views.site, input);
  }
}
