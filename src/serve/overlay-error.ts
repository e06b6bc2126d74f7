import { formatError, isKijiError } from "../shared/index.js";

/** A failed build as the browser overlay shows it: the KijiError fields plus the terminal text. */
export interface OverlayError {
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
  readonly frame?: string;
  /** The same text `kiji build` prints (formatError), for plain-text views. */
  readonly text: string;
}

/** Describes any error for the overlay; errors that are not KijiErrors are shown as kiji bugs. */
export function describeError(error: unknown): OverlayError {
  const text = formatError(error);
  if (!isKijiError(error)) return { message: text.split("\n")[0] ?? text, text };
  return {
    message: error.message,
    file: error.file,
    line: error.line,
    column: error.column,
    hint: error.hint,
    frame: error.frame,
    text,
  };
}
