import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { KijiError, parseYaml } from "../shared/index.js";
import type { PastedBook } from "./pasted-blocks.js";

/** The catalogue file, relative to the source. */
export const CATALOGUE = "_data/books.yml";

/** `_data/books.yml` as text, and the ASINs it lists. */
export interface BookCatalogue {
  readonly text: string | undefined;
  readonly asins: ReadonlySet<string>;
}

/** Reads the catalogue (a YAML list of books with `asin` or `isbn`); a missing file is an empty one. */
export function readBookCatalogue(source: string): BookCatalogue {
  const file = path.join(source, CATALOGUE);
  if (!existsSync(file)) return { text: undefined, asins: new Set() };
  const text = readFileSync(file, "utf8");
  const data = parseYaml(text, { file: CATALOGUE, fileText: text });
  if (data !== null && data !== undefined && !Array.isArray(data)) {
    throw new KijiError("the book catalogue must be a list of books", { file: CATALOGUE, hint: "Write each book as '- asin: …' with title and description." });
  }
  const asins = ((data ?? []) as Array<Record<string, unknown> | null>).map((book) => String(book?.asin ?? book?.isbn ?? "").toUpperCase().padStart(10, "0"));
  return { text, asins: new Set(asins) };
}

/** The catalogue text with `books` appended as list entries (asin, title, description), nothing else changed. */
export function appendBooks(catalogue: BookCatalogue, books: readonly PastedBook[]): string {
  const entries = books.map((book) => {
    const lines = [`- asin: ${JSON.stringify(book.asin)}`, `  title: ${JSON.stringify(book.title)}`];
    if (book.description) lines.push(`  description: ${JSON.stringify(book.description)}`);
    return lines.join("\n");
  });
  const head = catalogue.text ?? "# Books the posts recommend (kiji's book blocks). asin: the ASIN or ISBN-10.\n";
  return `${head}${head.endsWith("\n") || head === "" ? "" : "\n"}${entries.join("\n")}\n`;
}
