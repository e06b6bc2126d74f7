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

/** A source file's digest, and its text decoded when first asked for. */
export interface SourceBytes {
  readonly digest: string;
  /** The text with BOM and CRLF normalized; throws for a file that is not UTF-8 text. */
  text(): string;
}

/**
 * Reads a source file and digests its bytes, but decodes them only when `text()` is first called
 * (decoding 10,000 posts took 0.3 s; a build whose cache knows the digest may need no text at
 * all). The read itself is synchronous: source files are small, and a promise per file (open,
 * stat, read, close on the thread pool) took four times as long on 10,000 posts. `maxBytes`
 * refuses larger files.
 */
export function readSourceBytes(entry: SourceEntry, maxBytes = Infinity): SourceBytes {
  let bytes: Buffer | undefined = readBytes(entry);
  if (bytes.length > maxBytes) {
    const { message, hint } = messages.documentTooLarge(bytes.length, maxBytes);
    throw new KijiError(message, { file: entry.relativePath, hint });
  }
  let text: string | undefined;
  return {
    digest: digest(bytes),
    text() {
      if (text === undefined) {
        text = decodeSourceText(bytes!, entry.relativePath);
        bytes = undefined;
      }
      return text;
    },
  };
}

/**
 * The text of a file already read as `digest`, read again only when first asked for, so a build
 * that has what it needs from the cache holds neither bytes nor text. A file that changed since
 * is an error naming it.
 */
export function readSourceLater(entry: SourceEntry, digest: string): SourceBytes {
  let text: string | undefined;
  return {
    digest,
    text() {
      if (text !== undefined) return text;
      const read = readSourceBytes(entry, MAX_DOCUMENT_BYTES);
      if (read.digest !== digest) throw new KijiError(messages.fileChangedDuringBuild().message, { file: entry.relativePath, hint: messages.fileChangedDuringBuild().hint });
      return (text = read.text());
    },
  };
}

/** Decodes a source file's bytes into normalized text; NUL bytes and invalid UTF-8 are errors naming the file. */
function decodeSourceText(bytes: Buffer, file: string): string {
  if (bytes.includes(0)) {
    const { message, hint } = messages.invalidUtf8();
    throw new KijiError(message.replace("UTF-8 text", "text (it contains NUL bytes)"), { file, hint });
  }
  return normalizeText(decodeUtf8(bytes, file));
}

/** Reads a source file as text, with BOM and CRLF normalized; `maxBytes` refuses larger files. */
export async function readSourceText(entry: SourceEntry, maxBytes = Infinity): Promise<{ text: string; digest: string }> {
  const read = readSourceBytes(entry, maxBytes);
  return { text: read.text(), digest: read.digest };
}

/** Reads a source file and splits off its front matter. */
export async function readSourceDocument(entry: SourceEntry): Promise<SourceDocument> {
  const { text, digest: contentDigest } = await readSourceText(entry, MAX_DOCUMENT_BYTES);
  const { data, body, bodyLine } = parseFrontMatter(text, entry.relativePath);
  return { entry, data, body, bodyLine, text, digest: contentDigest };
}

/**
 * A source document whose `text` (and `body`, the text from `bodyStart` on) is produced by
 * `text()` only when first read: for documents the cache already parsed, most builds never need it.
 */
export function lazySourceDocument<T extends Omit<SourceDocument, "text" | "body">>(fields: T, text: () => string, bodyStart: number): T & SourceDocument {
  let body: string | undefined;
  return Object.defineProperties(
    { ...fields },
    {
      text: { get: text, enumerable: true },
      body: { get: () => (body ??= text().slice(bodyStart)), enumerable: true },
    },
  ) as T & SourceDocument;
}
