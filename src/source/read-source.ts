import { promises as fs } from "node:fs";
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

/** Reads a source file as text, with BOM and CRLF normalized; `maxBytes` refuses larger files. */
export async function readSourceText(entry: SourceEntry, maxBytes = Infinity): Promise<{ text: string; digest: string }> {
  const bytes = await fs.readFile(entry.absolutePath).catch((error: NodeJS.ErrnoException) => {
    const why = error.code === "ENOENT" ? "it was deleted while the build was running" : error.message;
    throw new KijiError(`cannot read file: ${why}`, { file: entry.relativePath, cause: error, hint: "Run the build again." });
  });
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
