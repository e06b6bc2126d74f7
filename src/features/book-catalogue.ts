import { KijiError, messages } from "../shared/index.js";

/** A book of the catalogue (`_data/books.yml`). */
export interface Book {
  /** ASIN; for books usually the ISBN-10. Upper case. */
  readonly asin: string;
  readonly title: string;
  readonly author: string | undefined;
  /** One line on why to read it. */
  readonly description: string | undefined;
  /** Cover image URL or path. */
  readonly image: string | undefined;
  readonly tags: readonly string[];
  readonly categories: readonly string[];
}

/**
 * An ASIN as written in YAML: a number (an ISBN-10 without an X) gets back the leading zeros YAML
 * dropped; letters become upper case.
 */
export function normalizeAsin(value: unknown): string {
  if (typeof value === "number" && Number.isInteger(value)) return String(value).padStart(10, "0");
  return String(value ?? "").trim().toUpperCase();
}

/** True when the ISBN-10's check digit matches: the sum of digit × weight (10 … 1) is divisible by 11. */
export function isValidIsbn10(isbn: string): boolean {
  if (!/^\d{9}[\dX]$/.test(isbn)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (10 - i) * (isbn[i] === "X" ? 10 : Number(isbn[i]));
  return sum % 11 === 0;
}

/**
 * Checks an ASIN: ten letters and digits; one that starts with a digit is an ISBN-10 (Amazon
 * uses a book's ISBN-10 as its ASIN), so its check digit must match. Returns the error, if any.
 */
export function asinProblem(asin: string): KijiError | undefined {
  if (!/^[A-Z0-9]{10}$/.test(asin)) return new KijiError(messages.asinInvalid(asin).message);
  if (/^\d/.test(asin) && !isValidIsbn10(asin)) {
    const { message, hint } = messages.isbnChecksum(asin);
    return new KijiError(message, { hint });
  }
  return undefined;
}

function textField(value: unknown): string | undefined {
  return value === undefined || value === null || value === "" ? undefined : String(value);
}

function listField(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item) => item !== null && item !== undefined).map(String);
  if (typeof value === "string") return value.split(/[,、\s]+/).filter(Boolean);
  return [];
}

function lineOf(text: string | undefined, needle: string): number | undefined {
  if (!text) return undefined;
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  return index === -1 ? undefined : index + 1;
}

/**
 * Reads and checks the book catalogue (`site.data.books`, a list of books). `file` and `text` are
 * the data file's, for errors: a book without asin or title, a bad ASIN, or one listed twice.
 */
export function parseBookCatalogue(data: unknown, file: string, text?: string): Book[] {
  if (data === undefined || data === null) return [];
  const fail = (position: number, detail: string, line?: number): never => {
    const { message, hint } = messages.bookEntryInvalid(position, detail);
    throw new KijiError(message, { file, line, hint });
  };
  if (!Array.isArray(data)) return fail(0, "list expected: the catalogue must be a list of books");
  const seen = new Set<string>();
  return data.map((entry: unknown, i): Book => {
    if (typeof entry !== "object" || entry === null) return fail(i + 1, "is not a mapping of keys");
    const record = entry as Record<string, unknown>;
    const asin = normalizeAsin(record.asin ?? record.isbn);
    if (asin === "") return fail(i + 1, "has no 'asin'");
    const line = lineOf(text, asin);
    const problem = asinProblem(asin);
    if (problem) throw new KijiError(problem.message, { file, line, hint: problem.hint });
    if (seen.has(asin)) return fail(i + 1, `repeats asin '${asin}'`, line);
    seen.add(asin);
    const title = textField(record.title);
    if (title === undefined) return fail(i + 1, `('${asin}') has no 'title'`, line);
    return {
      asin,
      title,
      author: textField(record.author),
      description: textField(record.description),
      image: textField(record.image),
      tags: listField(record.tags),
      categories: listField(record.categories),
    };
  });
}
