import type { DocumentBase, Post } from "../content/index.js";
import { extractTextFeatures, type DocumentText } from "../features/index.js";
import { digest, wrapError } from "../shared/index.js";
import type { SourceDocument } from "../source/index.js";
import type { DocumentView, SiteViews, TemplateEngine } from "../templates/index.js";
import type { BuildCache } from "./build-cache.js";
import { convertMarkdown, markdownKey, type ConvertedMarkdown, type Converter } from "./prepare-document.js";

/** What converting document bodies needs. */
export interface ConvertInput {
  readonly documents: ReadonlyArray<{ doc: DocumentBase; view: DocumentView; source: SourceDocument }>;
  readonly views: SiteViews;
  readonly engine: TemplateEngine;
  /** Renders what the source stage could not (bodies with template tags) and extracts text features. */
  readonly converter: Converter;
  readonly cache: BuildCache;
  /** Markdown cache keys used by this build. */
  readonly usedMarkdown: Set<string>;
}

/** A converted body or excerpt, and the digest of what it was converted from. */
interface Converted {
  readonly converted: ConvertedMarkdown;
  readonly key: string;
}

function convertCached(markdown: string, input: ConvertInput, file: string, line: number): Converted {
  const { markdownKeys } = input.cache;
  let key = markdownKeys.get(markdown);
  if (key === undefined) markdownKeys.set(markdown, (key = markdownKey(input.converter.rendererKey, markdown)));
  input.usedMarkdown.add(key);
  let converted = input.cache.markdown.get(key);
  if (!converted) {
    try {
      converted = convertMarkdown(markdown, input.converter);
    } catch (error) {
      throw wrapError(error, { file, line }, "cannot render Markdown");
    }
    input.cache.markdown.set(key, converted);
  }
  return { converted, key };
}

/** A body (or excerpt) after the template pass and the Markdown stage. */
async function convert(text: string, doc: DocumentBase, source: SourceDocument, context: Record<string, unknown>, input: ConvertInput): Promise<Converted> {
  const body = doc.renderWithLiquid
    ? await input.engine.renderBody({ file: doc.relativePath, body: text, bodyLine: doc.bodyLine, fileText: source.text }, context)
    : text;
  if (doc.format === "markdown") return convertCached(body, input, doc.relativePath, doc.bodyLine);
  const features = extractTextFeatures({ text: visibleText(body), headings: [] }, input.converter.tokenizer);
  return { converted: { html: body, features }, key: digest(body) };
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
    const { converted: body, key } = await convert(doc.body, doc, source, context, input);
    view.content = body.html;
    const excerptSource = (doc as Partial<Post>).excerptSource;
    const excerpt = excerptSource === undefined ? undefined : await convert(excerptSource, doc, source, context, input);
    if (excerpt) view.excerpt = excerpt.converted.html;
    const frontMatterExcerpt = typeof doc.data.excerpt === "string" ? doc.data.excerpt : undefined;
    const excerptText = excerpt ? { features: excerpt.converted.features, key: excerpt.key } : frontMatterExcerpt;
    texts.set(doc, { html: body.html, body: body.features, excerpt: excerptText, key });
  }
  return texts;
}
