import type { DocumentBase, Post } from "../content/index.js";
import type { DocumentText } from "../features/index.js";
import type { MarkdownRenderer, RenderedMarkdown } from "../markdown/index.js";
import { digest, wrapError } from "../shared/index.js";
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

/** A converted body or excerpt, and the digest of what it was converted from. */
interface Converted {
  readonly rendered: RenderedMarkdown;
  readonly key: string;
}

function renderCached(markdown: string, input: ConvertInput, file: string, line: number): Converted {
  const { markdownKeys } = input.cache;
  let key = markdownKeys.get(markdown);
  if (key === undefined) markdownKeys.set(markdown, (key = markdownKey(input.rendererKey, markdown)));
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
  return { rendered, key };
}

/** A body (or excerpt) after the template pass and the Markdown stage. */
async function convert(text: string, doc: DocumentBase, source: SourceDocument, context: Record<string, unknown>, input: ConvertInput): Promise<Converted> {
  const body = doc.renderWithLiquid
    ? await input.engine.renderBody({ file: doc.relativePath, body: text, bodyLine: doc.bodyLine, fileText: source.text }, context)
    : text;
  if (doc.format === "markdown") return renderCached(body, input, doc.relativePath, doc.bodyLine);
  return { rendered: { html: body, headings: [], text: visibleText(body) }, key: digest(body) };
}

/** Rough visible text of an HTML body (tags, scripts, styles and code blocks dropped), for reading time. */
function visibleText(html: string): string {
  return html.replace(/<(script|style|pre)\b[\s\S]*?<\/\1>|<[^>]*>/gi, " ");
}

/**
 * Runs the template pass and the Markdown stage over every document and stores the results in
 * the views (`content`, and `excerpt` for posts), as Jekyll does before it applies layouts.
 * Returns each document's text for the features stage.
 */
export async function convertDocuments(input: ConvertInput): Promise<Map<DocumentBase, DocumentText>> {
  const texts = new Map<DocumentBase, DocumentText>();
  for (const { doc, view, source } of input.documents) {
    const context = { site: input.views.site, page: view };
    const { rendered: body, key } = await convert(doc.body, doc, source, context, input);
    view.content = body.html;
    const excerptSource = (doc as Partial<Post>).excerptSource;
    const excerpt = excerptSource === undefined ? undefined : (await convert(excerptSource, doc, source, context, input)).rendered;
    if (excerpt) view.excerpt = excerpt.html;
    const frontMatterExcerpt = typeof doc.data.excerpt === "string" ? doc.data.excerpt : undefined;
    const headings = body.headings.map((heading) => heading.text);
    texts.set(doc, { html: body.html, text: body.text, headings, excerpt: excerpt?.text ?? frontMatterExcerpt, key });
  }
  return texts;
}
