import { frontMatterLine, type DocumentBase } from "../content/index.js";
import { isKijiError } from "../shared/index.js";

/** A source file's text by path relative to the source, if the build read it. */
export type SourceTextLookup = (relativePath: string) => string | undefined;

/** Runs `fn`; a KijiError it throws gets the document's file and the line of front-matter `key`. */
export function atFrontMatterKey<T>(doc: DocumentBase, key: string, sourceText: SourceTextLookup, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!isKijiError(error)) throw error;
    const text = sourceText(doc.relativePath);
    throw error.withLocation({ file: doc.relativePath, line: text === undefined ? undefined : frontMatterLine(text, doc.bodyLine, key) });
  }
}
