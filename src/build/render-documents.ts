import type { DocumentBase, Post } from "../content/index.js";
import { extractTextFeatures, type DocumentText } from "../features/index.js";
import { digest, wrapError } from "../shared/index.js";
import { defineLazyValue, type DocumentView, type RenderReads, type SiteViews, type TemplateEngine } from "../templates/index.js";
import type { BuildCache } from "./build-cache.js";
import type { LazyRenderer } from "./lazy-renderer.js";
import type { LoadedDocument } from "./load-documents.js";
import { convertMarkdown, markdownKey, type ConvertedMarkdown, type Converter } from "./prepare-document.js";

/** What converting document bodies needs. */
export interface ConvertInput {
  readonly documents: ReadonlyArray<{ doc: DocumentBase; view: DocumentView; source: LoadedDocument }>;
  readonly views: SiteViews;
  readonly engine: TemplateEngine;
  /** Renders what the source stage could not (bodies with template tags) and extracts text features; its renderer is loaded when first needed. */
  readonly converter: Converter & { readonly renderer: LazyRenderer };
  readonly cache: BuildCache;
  /** Markdown cache keys used by this build. */
  readonly usedMarkdown: Set<string>;
  /** Awaited between documents when it returns a promise: lets the dev server's event loop run. */
  readonly pause?: () => Promise<void> | undefined;
  /** Hears each read of a document's `content` and `excerpt` (see RenderReads). */
  readonly reads?: RenderReads;
}

/**
 * A converted body or excerpt: the digest of what it was converted from and, for Markdown, that
 * text, so its HTML and text features can be read from the Markdown cache when they are needed.
 */
interface Converted {
  readonly key: string;
  /** The Markdown, read only if the cache lost its entry. */
  readonly markdown?: () => string;
  /** Set for HTML bodies, which are their own HTML. */
  readonly converted?: ConvertedMarkdown;
}

interface Where {
  readonly file: string;
  readonly line: number;
}

function convertNow(markdown: string, input: ConvertInput, where: Where): ConvertedMarkdown {
  try {
    return convertMarkdown(markdown, input.converter);
  } catch (error) {
    throw wrapError(error, where, "cannot render Markdown");
  }
}

/** The Markdown's cache key; converts it now unless the cache holds it (its entry is read only when asked for). */
function convertCached(markdown: string, input: ConvertInput, where: Where): Promise<Converted> {
  const { markdownKeys } = input.cache;
  let key = markdownKeys.get(markdown);
  if (key === undefined) markdownKeys.set(markdown, (key = markdownKey(input.converter.rendererKey, markdown)));
  return convertKnown(key, () => markdown, input, where);
}

/** Markdown whose cache key is known: marked used, and converted now (the renderer loaded first) only if the cache does not hold it. */
async function convertKnown(key: string, markdown: () => string, input: ConvertInput, where: Where): Promise<Converted> {
  input.usedMarkdown.add(key);
  if (!input.cache.markdown.has(key)) {
    await input.converter.renderer.load();
    input.cache.markdown.set(key, convertNow(markdown(), input, where));
  }
  return { key, markdown };
}

/** A converted text's HTML and features: from the Markdown cache, or converted again if the cache lost them (a damaged record). */
function readConverted({ key, markdown, converted }: Converted, input: ConvertInput, where: Where): ConvertedMarkdown {
  if (converted) return converted;
  const cached = input.cache.markdown.get(key);
  if (cached) return cached;
  const again = convertNow(markdown!(), input, where);
  input.cache.markdown.set(key, again);
  return again;
}

/** A body (or excerpt) after the template pass and the Markdown stage. */
async function convert(text: string, doc: DocumentBase, source: LoadedDocument, context: Record<string, unknown>, input: ConvertInput): Promise<Converted> {
  // The one filter that renders Markdown: its renderer must be there before the template runs.
  if (doc.renderWithLiquid && text.includes("markdownify")) await input.converter.renderer.load();
  const body = doc.renderWithLiquid
    ? await input.engine.renderBody({ file: doc.relativePath, body: text, bodyLine: doc.bodyLine, fileText: source.text }, context)
    : text;
  if (doc.format === "markdown") return convertCached(body, input, { file: doc.relativePath, line: doc.bodyLine });
  const features = extractTextFeatures({ text: visibleText(body), headings: [] }, input.converter.tokenizer);
  return { converted: { html: body, features }, key: digest(body) };
}

/**
 * A document's body converted: by the key it was prepared under when there is one (no template
 * tag could change it, so it is neither decoded nor hashed again), else through convert().
 */
function convertBody(doc: DocumentBase, source: LoadedDocument, context: Record<string, unknown>, input: ConvertInput): Promise<Converted> {
  const key = source.keys?.body;
  if (key !== undefined && doc.format === "markdown") return convertKnown(key, () => doc.body, input, { file: doc.relativePath, line: doc.bodyLine });
  return convert(doc.body, doc, source, context, input);
}

/** A post's automatic excerpt converted, like its body; by its prepared key when the post's separator is the one it was cut at. */
async function convertExcerpt(doc: DocumentBase, source: LoadedDocument, context: Record<string, unknown>, input: ConvertInput): Promise<Converted | undefined> {
  const post = doc as Partial<Post>;
  if (post.excerptSeparator === undefined) return undefined;
  const prepared = source.keys?.excerpt;
  if (prepared && prepared.separator === post.excerptSeparator && doc.format === "markdown") {
    return convertKnown(prepared.key, () => post.excerptSource!, input, { file: doc.relativePath, line: doc.bodyLine });
  }
  return convert(post.excerptSource!, doc, source, context, input);
}

/** Rough visible text of an HTML body (tags, scripts, styles and code blocks dropped), for reading time. */
function visibleText(html: string): string {
  return html.replace(/<(script|style|pre)\b[\s\S]*?<\/\1>|<[^>]*>/gi, " ");
}

/**
 * A document's text for the features stage, its HTML and features read when asked. A class, so
 * its getters are shared: an object literal with getters of its own is a slow (dictionary-mode)
 * object in V8, about 0.5 KB more per document.
 */
class LazyText implements DocumentText {
  constructor(
    readonly key: string,
    readonly excerpt: DocumentText["excerpt"],
    private readonly load: () => ConvertedMarkdown,
  ) {}

  get html(): string {
    return this.load().html;
  }

  get body(): ConvertedMarkdown["features"] {
    return this.load().features;
  }
}

/** A rendered excerpt's features for the features stage, read when asked (a class for the same reason as LazyText). */
class LazyExcerpt {
  constructor(
    readonly key: string,
    private readonly load: () => ConvertedMarkdown,
  ) {}

  get features(): ConvertedMarkdown["features"] {
    return this.load().features;
  }
}

/**
 * Runs the template pass and the Markdown stage over every document and stores the results in
 * the views (`content`, and `excerpt` for posts), as Jekyll does before it applies layouts.
 * Returns each document's text for the features stage. A Markdown body's HTML and text features
 * are not kept: they are read from the Markdown cache each time they are asked for, remembering
 * only the last, as the features stage asks for one document's in turn.
 */
export async function convertDocuments(input: ConvertInput): Promise<Map<DocumentBase, DocumentText>> {
  const texts = new Map<DocumentBase, DocumentText>();
  let last: { readonly key: string; readonly converted: ConvertedMarkdown } | undefined;
  for (const { doc, view, source } of input.documents) {
    const where = { file: doc.relativePath, line: doc.bodyLine };
    const context = { site: input.views.site, page: view };
    const body = await convertBody(doc, source, context, input);
    const excerpt = await convertExcerpt(doc, source, context, input);
    // Its HTML and features are read from the Markdown cache only when a template or the terms ask for them.
    // A list page asks for a post's excerpt again and again: kept once read. The body's HTML is read
    // each time, so the views never hold every post's HTML at once; a build whose templates show no
    // excerpt reads none. Every read is heard, as a page showing another document's must know it did.
    const { reads } = input;
    const onRead = (field: string): (() => void) | undefined => reads && (() => reads.read(field, doc.relativePath));
    if (excerpt) defineLazyValue(view, "excerpt", () => readConverted(excerpt, input, where).html, true, onRead("excerpt"));
    const frontMatterExcerpt = typeof doc.data.excerpt === "string" ? doc.data.excerpt : undefined;
    const excerptText = excerpt ? new LazyExcerpt(excerpt.key, () => readConverted(excerpt, input, where)) : frontMatterExcerpt;
    const load = (): ConvertedMarkdown => {
      if (last?.key !== body.key) last = { key: body.key, converted: readConverted(body, input, where) };
      return last.converted;
    };
    const { converted } = body;
    defineLazyValue(view, "content", converted ? () => converted.html : () => load().html, false, onRead("content"));
    texts.set(doc, new LazyText(body.key, excerptText, load));
    await input.pause?.();
  }
  return texts;
}
