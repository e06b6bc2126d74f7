import type { DocumentBase, Post } from "../content/index.js";
import type { MarkdownRenderer, RenderedMarkdown } from "../markdown/index.js";
import { wrapError } from "../shared/index.js";
import type { SourceDocument } from "../source/index.js";
import type { DocumentView, SiteViews, TemplateEngine } from "../templates/index.js";
import type { BuildCache } from "./build-cache.js";
import { markdownKey } from "./prepare-document.js";

/** What converting document bodies needs. */
export interface ConvertInput {
  readonly documents: ReadonlyArray<{ doc: DocumentBase; view: DocumentView; source: SourceDocument }>;
  readonly views: SiteViews;
  readonly engine: TemplateEngine;
  readonly renderer: MarkdownRenderer;
  /** Digest of the renderer's settings, part of every cache key. */
  readonly rendererKey: string;
  readonly cache: BuildCache;
  /** Markdown cache keys used by this build. */
  readonly usedMarkdown: Set<string>;
}

function renderCached(markdown: string, input: ConvertInput, file: string, line: number): RenderedMarkdown {
  const key = markdownKey(input.rendererKey, markdown);
  input.usedMarkdown.add(key);
  let rendered = input.cache.markdown.get(key);
  if (!rendered) {
    try {
      rendered = input.renderer.render(markdown);
    } catch (error) {
      throw wrapError(error, { file, line }, "cannot render Markdown");
    }
    input.cache.markdown.set(key, rendered);
  }
  return rendered;
}

/** Converted HTML of a body (or excerpt) after the template pass. */
async function convert(text: string, doc: DocumentBase, source: SourceDocument, context: Record<string, unknown>, input: ConvertInput): Promise<string> {
  const body = doc.renderWithLiquid
    ? await input.engine.renderBody({ file: doc.relativePath, body: text, bodyLine: doc.bodyLine, fileText: source.text }, context)
    : text;
  return doc.format === "markdown" ? renderCached(body, input, doc.relativePath, doc.bodyLine).html : body;
}

/**
 * Runs the template pass and the Markdown stage over every document and stores the results in
 * the views (`content`, and `excerpt` for posts), as Jekyll does before it applies layouts.
 */
export async function convertDocuments(input: ConvertInput): Promise<void> {
  for (const { doc, view, source } of input.documents) {
    const context = { site: input.views.site, page: view };
    view.content = await convert(doc.body, doc, source, context, input);
    const excerpt = (doc as Partial<Post>).excerptSource;
    if (excerpt !== undefined) view.excerpt = await convert(excerpt, doc, source, context, input);
  }
}
