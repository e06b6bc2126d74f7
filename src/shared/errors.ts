/** Where in a source file something went wrong; lines and columns count from 1. */
export interface SourceLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** What a KijiError carries besides its message. */
export interface KijiErrorDetails extends SourceLocation {
  /** What the user can do about it. */
  readonly hint?: string;
  /** The lower-level error this one wraps. */
  readonly cause?: unknown;
  /** A few lines of the source around `line`, for the terminal and the browser overlay. */
  readonly frame?: string;
}

/** The one error type of kiji: a message plus where it happened and what to do. */
export class KijiError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
  readonly frame?: string;

  constructor(message: string, details: KijiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "KijiError";
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.hint = details.hint;
    this.frame = details.frame;
  }

  /** A copy with location fields filled in where this error has none. */
  withLocation(location: SourceLocation): KijiError {
    return new KijiError(this.message, {
      file: this.file ?? location.file,
      line: this.line ?? location.line,
      column: this.column ?? location.column,
      hint: this.hint,
      frame: this.frame,
      cause: this.cause,
    });
  }
}

/** True for errors kiji raised on purpose (as opposed to bugs). */
export function isKijiError(error: unknown): error is KijiError {
  return error instanceof KijiError;
}

/**
 * Wraps any error thrown while a stage worked on `file`, keeping the original as `cause`.
 * A KijiError keeps its own location and gains the file if it had none.
 */
export function wrapError(error: unknown, location: SourceLocation, message?: string): KijiError {
  if (isKijiError(error)) return error.withLocation(location);
  const text = error instanceof Error ? error.message : String(error);
  return new KijiError(message ? `${message}: ${text}` : text, { ...location, cause: error });
}

/** Lines `line - 2 … line + 2` of `text`, numbered, with a caret under `column`. */
export function codeFrame(text: string, line: number, column?: number): string {
  const lines = text.split("\n");
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 2);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? ">" : " ";
    out.push(`${marker} ${String(n).padStart(width)} | ${lines[n - 1] ?? ""}`);
    if (n === line && column !== undefined && column > 0) {
      out.push(`  ${" ".repeat(width)} | ${" ".repeat(column - 1)}^`);
    }
  }
  return out.join("\n");
}

/** `file:line:column: message` plus hint and code frame: the one format for terminal and browser. */
export function formatError(error: unknown): string {
  if (!isKijiError(error)) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return `internal error: ${text}\nThis is a bug in kiji; please report it with the command you ran.`;
  }
  let where = "";
  if (error.file) {
    where = error.file;
    if (error.line !== undefined) where += `:${error.line}`;
    if (error.line !== undefined && error.column !== undefined) where += `:${error.column}`;
    where += ": ";
  }
  const parts = [`${where}${error.message}`];
  if (error.frame) parts.push(error.frame);
  if (error.hint) parts.push(`hint: ${error.hint}`);
  return parts.join("\n");
}
