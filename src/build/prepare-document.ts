import { extractExcerpt, formatOf } from "../content/index.js";
import type { MarkdownRenderer, RenderedMarkdown } from "../markdown/index.js";
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
}

/** Markdown rendered ahead of the template pass, keyed as the build's Markdown cache is. */
export interface RenderedEntry {
  readonly key: string;
  readonly rendered: RenderedMarkdown;
}

/** A prepared document: front matter parsed (plain data), and its Markdown rendered when no template pass can change it. */
export type PrepareResult =
  | { readonly ok: true; readonly data: unknown; readonly body: string; readonly bodyLine: number; readonly rendered: readonly RenderedEntry[] }
  | { readonly ok: false; readonly error: { message: string; file?: string; line?: number; column?: number; hint?: string; frame?: string } };

/** The Markdown cache key of a text: renderer settings + text. */
export function markdownKey(rendererKey: string, markdown: string): string {
  return digest(rendererKey, markdown);
}

function hasTemplateTags(text: string): boolean {
  return text.includes("{{") || text.includes("{%");
}

/**
 * The per-document pure function of the build: parse front matter and, where the template pass
 * cannot change the text, render its Markdown (body and automatic excerpt). Runs in a worker
 * thread or in the main thread; errors come back as data so they cross threads intact.
 */
export function prepareDocument(task: PrepareTask, renderer: MarkdownRenderer, rendererKey: string): PrepareResult {
  try {
    const { data, body, bodyLine } = parseFrontMatter(task.text, task.relativePath);
    const rendered: RenderedEntry[] = [];
    const extension = task.relativePath.slice(task.relativePath.lastIndexOf("."));
    if (task.render !== false && formatOf(extension) === "markdown") {
      const liquid = data.render_with_liquid !== false;
      const texts = [body];
      if (task.isPost && (data.excerpt === undefined || data.excerpt === null)) {
        const separator = typeof data.excerpt_separator === "string" ? data.excerpt_separator : task.excerptSeparator;
        if (separator !== "") texts.push(extractExcerpt(body, separator));
      }
      for (const text of texts) {
        if (liquid && hasTemplateTags(text)) continue;
        rendered.push({ key: markdownKey(rendererKey, text), rendered: renderer.render(text) });
      }
    }
    return { ok: true, data: encodeData(data), body, bodyLine, rendered };
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
