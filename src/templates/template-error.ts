import { KijiError, codeFrame, messages } from "../shared/index.js";

/** A template file kiji knows: where its text starts in the source file, for line numbers. */
export interface TemplateSource {
  /** Name the template is loaded by (`post.html` for an include, `_layouts/post.html` for a layout). */
  readonly name: string;
  /** Path relative to the site source. */
  readonly file: string;
  /** The template text (front matter removed). */
  readonly text: string;
  /** The whole file, for code frames. */
  readonly fileText: string;
  /** Line of the file where `text` starts. */
  readonly firstLine: number;
}

// Nunjucks reports "(path) [Line 3, Column 7]\n  message", nesting one such block per include.
const LOCATION = /\(([^()\n]*)\)(?: \[Line (\d+)(?:, Column (\d+))?\])?\n\s*/g;

/**
 * Turns a Nunjucks error into a KijiError at the innermost template's file and line (counted
 * in the source file, front matter included).
 */
export function toTemplateError(error: unknown, sources: ReadonlyMap<string, TemplateSource>, fallback: TemplateSource): KijiError {
  const text = error instanceof Error ? error.message : String(error);
  let last: { path: string; line?: number; column?: number; end: number } | undefined;
  for (const m of text.matchAll(LOCATION)) {
    last = { path: m[1]!, line: m[2] ? Number(m[2]) : undefined, column: m[3] ? Number(m[3]) : undefined, end: m.index + m[0].length };
  }
  let detail = last ? text.slice(last.end) : text;
  detail = detail.replace(/^(Template render error: |Error: )+/, "").trim();
  const source = (last && sources.get(last.path)) ?? fallback;
  let line: number | undefined;
  if (last?.line !== undefined) {
    // Nunjucks counts parse-error lines from 1 but runtime-error lines from 0.
    const isRuntime = /\n\s*Error: /.test(`\n${text.slice(last.end)}`);
    line = last.line + (isRuntime ? 1 : 0) + source.firstLine - 1;
  }
  const column = last?.column;
  const { message } = messages.templateError(detail);
  return new KijiError(message, {
    file: source.file,
    line,
    column,
    frame: line !== undefined ? codeFrame(source.fileText, line, column) : undefined,
    cause: error,
  });
}
