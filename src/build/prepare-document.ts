import { extractExcerpt, formatOf } from "../content/index.js";
import type { ResolvedRelatedConfig } from "../config/index.js";
import { combinePostTerms, postTermsKey, tallyTextFeatures, type PostTerms, type TermTally, type TextFeatures, type Tokenizer } from "../features/index.js";
import type { MarkdownRenderer } from "../markdown/index.js";
import { KijiError, digest, isKijiError } from "../shared/index.js";
import { encodeData, parseFrontMatter } from "../source/index.js";

/** One document to prepare: its normalized text and what the build knows about it. */
export interface PrepareTask {
  readonly relativePath: string;
  readonly text: string;
  /** The site's excerpt separator (posts may override it in front matter). */
  readonly excerptSeparator: string;
  /** Posts get automatic excerpts; pages do not. */
  readonly isPost: boolean;
  /** False to parse front matter only (the content tools need no HTML). Default: true. */
  readonly render?: boolean;
  /** The related-post field weights: given them, posts come back with their terms. */
  readonly termFields?: ResolvedRelatedConfig["fields"];
}

/**
 * A Markdown text as the build keeps it: the HTML, and what the features stage needs from its
 * text (reading units, terms), extracted right after rendering so the plain text is dropped.
 */
export interface ConvertedMarkdown {
  readonly html: string;
  readonly features: TextFeatures;
}

/** What converts Markdown: one renderer and one tokenizer per thread, reused for every document. */
export interface Converter {
  readonly renderer: MarkdownRenderer;
  readonly tokenizer: Tokenizer;
  /** Digest of the renderer's settings, part of every cache key. */
  readonly rendererKey: string;
}

/** Converted Markdown with the term tallies its features were packed from, for the post's terms in this thread. */
interface TalliedMarkdown {
  readonly converted: ConvertedMarkdown;
  readonly headingTally: TermTally;
  readonly textTally: TermTally;
}

function convertTallied(markdown: string, converter: Converter): TalliedMarkdown {
  const rendered = converter.renderer.render(markdown);
  const { features, headingTally, textTally } = tallyTextFeatures(rendered, converter.tokenizer);
  return { converted: { html: rendered.html, features }, headingTally, textTally };
}

/** Renders Markdown and extracts its text features. */
export function convertMarkdown(markdown: string, converter: Converter): ConvertedMarkdown {
  return convertTallied(markdown, converter).converted;
}

/** Markdown converted ahead of the template pass, keyed as the build's Markdown cache is. */
export interface ConvertedEntry {
  readonly key: string;
  readonly converted: ConvertedMarkdown;
}

/**
 * A prepared document: front matter parsed (plain data), where the body starts (the body is the
 * text from `bodyStart` on, so it need not travel back), and its Markdown converted when no
 * template pass can change it.
 */
export type PrepareResult =
  | {
      readonly ok: true;
      readonly data: unknown;
      /** Digest of the front matter's text (see CachedDocument.frontKey). */
      readonly frontKey: string;
      readonly bodyStart: number;
      readonly bodyLine: number;
      readonly body?: ConvertedEntry;
      readonly excerpt?: ConvertedEntry;
      /** The separator `excerpt` was cut at. */
      readonly excerptSeparator?: string;
      /** A post's related-post terms, keyed as the terms cache is (the features stage finds them there). */
      readonly terms?: { readonly key: string; readonly terms: PostTerms };
    }
  | { readonly ok: false; readonly error: { message: string; file?: string; line?: number; column?: number; hint?: string; frame?: string } };

/** The Markdown cache key of a text: renderer settings + text. */
export function markdownKey(rendererKey: string, markdown: string): string {
  return digest(rendererKey, markdown);
}

function hasTemplateTags(text: string): boolean {
  return text.includes("{{") || text.includes("{%");
}

/** A converted text as prepareDocument keeps it until the post's terms are made: the entry returned, and its tallies. */
interface Converted {
  readonly entry: ConvertedEntry;
  readonly tallied: TalliedMarkdown;
}

/**
 * A post's terms, when its title and excerpt are plain from its front matter. Front-matter
 * defaults may still change them: the key is made from what this thread saw, so the features
 * stage only finds these terms if the post it ranks has the same title and excerpt. The terms are
 * what postTerms makes of the packed features, summed from the tallies before packing.
 */
function termsOf(task: PrepareTask, data: Record<string, unknown>, body: Converted | undefined, excerpt: Converted | undefined, tokenizer: Tokenizer): { key: string; terms: PostTerms } | undefined {
  if (!task.isPost || !task.termFields || !body || typeof data.title !== "string") return undefined;
  const frontMatterExcerpt = typeof data.excerpt === "string" ? data.excerpt : undefined;
  if (frontMatterExcerpt === undefined && excerpt === undefined) return undefined;
  const postExcerpt = frontMatterExcerpt ?? { features: excerpt!.entry.converted.features, key: excerpt!.entry.key };
  const post = { title: data.title, excerpt: postExcerpt, body: { features: body.entry.converted.features, key: body.entry.key } };
  const sources = { title: data.title, excerpt: frontMatterExcerpt ?? excerpt!.tallied.textTally, headings: body.tallied.headingTally, body: body.tallied.textTally };
  return { key: postTermsKey(post, task.termFields), terms: combinePostTerms(sources, task.termFields, tokenizer) };
}

/**
 * The per-document pure function of the build: parse front matter and, where the template pass
 * cannot change the text, convert its Markdown (body and automatic excerpt) and extract the
 * features of its text. Runs in a worker thread or in the main thread; errors come back as data
 * so they cross threads intact.
 */
export function prepareDocument(task: PrepareTask, converter: Converter): PrepareResult {
  try {
    const { data, body, bodyLine } = parseFrontMatter(task.text, task.relativePath);
    const bodyStart = task.text.length - body.length;
    const prepared = { ok: true as const, data: encodeData(data), frontKey: digest(task.text.slice(0, bodyStart)), bodyStart, bodyLine };
    const extension = task.relativePath.slice(task.relativePath.lastIndexOf("."));
    if (task.render === false || formatOf(extension) !== "markdown") return prepared;
    const liquid = data.render_with_liquid !== false;
    const convert = (text: string): Converted | undefined => {
      if (liquid && hasTemplateTags(text)) return undefined;
      const tallied = convertTallied(text, converter);
      return { entry: { key: markdownKey(converter.rendererKey, text), converted: tallied.converted }, tallied };
    };
    let excerpt: Converted | undefined;
    let excerptSeparator: string | undefined;
    if (task.isPost && (data.excerpt === undefined || data.excerpt === null)) {
      const separator = typeof data.excerpt_separator === "string" ? data.excerpt_separator : task.excerptSeparator;
      if (separator !== "") excerpt = convert(extractExcerpt(body, separator));
      if (excerpt) excerptSeparator = separator;
    }
    const converted = convert(body);
    const terms = termsOf(task, data, converted, excerpt, converter.tokenizer);
    return { ...prepared, body: converted?.entry, excerpt: excerpt?.entry, excerptSeparator, terms };
  } catch (error) {
    if (!isKijiError(error)) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { message: `cannot render Markdown: ${message}`, file: task.relativePath } };
    }
    const { message, file, line, column, hint, frame } = error;
    return { ok: false, error: { message, file, line, column, hint, frame } };
  }
}

/** Turns an error that crossed a thread back into a KijiError. */
export function reviveError(error: Extract<PrepareResult, { ok: false }>["error"]): KijiError {
  return new KijiError(error.message, error);
}
