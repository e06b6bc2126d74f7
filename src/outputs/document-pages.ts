import type { DocumentBase, Page, Post } from "../content/index.js";
import { siteForPost, type SiteViews, type TemplateEngine } from "../templates/index.js";
import type { OutputFile } from "./output-file.js";

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
}

async function renderDocument(
  doc: DocumentBase,
  view: Record<string, unknown>,
  site: Readonly<Record<string, unknown>>,
  engine: TemplateEngine,
): Promise<OutputFile> {
  const content = String(view.content ?? "");
  if (doc.layout === undefined) return { path: doc.outputPath, contents: content };
  const html = await engine.renderLayouts(doc.layout, content, { site, page: view, paginator: undefined }, doc.relativePath);
  return { path: doc.outputPath, contents: html };
}

/**
 * Post and page files: each document's converted content wrapped in its layouts. A generator,
 * so the writer stores each file before the next is rendered and the site is never held in memory.
 */
export async function* documentPages(input: DocumentPagesInput): AsyncGenerator<OutputFile> {
  const { views, engine } = input;
  for (const post of input.posts) {
    const redirect = input.redirectPage?.(post);
    if (redirect) {
      yield { path: post.outputPath, contents: await redirect };
      continue;
    }
    const view = views.posts.get(post)!;
    yield await renderDocument(post, view, siteForPost(views.site, view), engine);
  }
  for (const page of input.pages) {
    if (page === input.skip) continue;
    const redirect = input.redirectPage?.(page);
    yield redirect ? { path: page.outputPath, contents: await redirect } : await renderDocument(page, views.pages.get(page)!, views.site, engine);
  }
}
