import { readFileSync } from "node:fs";
import { KijiError, digest, messages } from "../shared/index.js";
import { normalizeText, parseFrontMatter } from "./front-matter.js";
import type { SourceDocument, SourceEntry } from "./source-file.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes UTF-8 strictly: invalid bytes (binary files) are an error naming the file. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch (error) {
    const { message, hint } = messages.invalidUtf8();
    throw new KijiError(message, { file, hint, cause: error });
  }
}

/** Documents larger than this are refused: Markdown parsers need many times a file's size in memory. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** A file's bytes, or a KijiError naming it. */
function readBytes(entry: SourceEntry): Buffer {
  try {
    return readFileSync(entry.absolutePath);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const why = code === "ENOENT" ? "it was deleted while the build was running" : message;
    throw new KijiError(`cannot read file: ${why}`, { file: entry.relativePath, cause: error, hint: "Run the build again." });
  }
}

/**
 * Reads a source file as text, with BOM and CRLF normalized; `maxBytes` refuses larger files.
 * The read itself is synchronous: source files are small, and a promise per file (open, stat,
 * read, close on the thread pool) took four times as long on 10,000 posts.
 */
export async function readSourceText(entry: SourceEntry, maxBytes = Infinity): Promise<{ text: string; digest: string }> {
  const bytes = readBytes(entry);
  if (bytes.length > maxBytes) {
    const { message, hint } = messages.documentTooLarge(bytes.length, maxBytes);
    throw new KijiError(message, { file: entry.relativePath, hint });
  }
  if (bytes.includes(0)) {
    const { message, hint } = messages.invalidUtf8();
    throw new KijiError(message.replace("UTF-8 text", "text (it contains NUL bytes)"), { file: entry.relativePath, hint });
  }
  return { text: normalizeText(decodeUtf8(bytes, entry.relativePath)), digest: digest(bytes) };
}

/** Reads a source file and splits off its front matter. */
export async function readSourceDocument(entry: SourceEntry): Promise<SourceDocument> {
  const { text, digest: contentDigest } = await readSourceText(entry, MAX_DOCUMENT_BYTES);
  const { data, body, bodyLine } = parseFrontMatter(text, entry.relativePath);
  return { entry, data, body, bodyLine, text, digest: contentDigest };
}
