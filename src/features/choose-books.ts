import type { ResolvedAffiliateConfig } from "../config/index.js";
import { KijiError, messages } from "../shared/index.js";
import { asinProblem, normalizeAsin, type Book } from "./book-catalogue.js";
import type { Tokenizer } from "./tokenize.js";

/** The catalogue prepared for matching: books by ASIN, and each book's terms. */
export interface BookMatcher {
  readonly catalogueFile: string;
  readonly byAsin: ReadonlyMap<string, Book>;
  readonly books: ReadonlyArray<{ book: Book; termCount: number; tags: ReadonlySet<string>; categories: ReadonlySet<string> }>;
  /** Each term of the catalogue → the books (indices) whose title, description or tags have it. */
  readonly termBooks: ReadonlyMap<string, readonly number[]>;
}

/** What a post offers for choosing its books. */
export interface BookChoiceInput {
  /** Front matter `books:` as written: a list of ASINs, false, or absent. */
  readonly listed: unknown;
  readonly tags: readonly string[];
  readonly categories: readonly string[];
  /** The post's terms (see extractPostTerms). */
  readonly terms: readonly string[];
}

const normalizeName = (name: string): string => name.normalize("NFKC").toLowerCase();

/** Prepares the catalogue once per build. */
export function createBookMatcher(books: readonly Book[], catalogueFile: string, tokenizer: Tokenizer): BookMatcher {
  const termBooks = new Map<string, number[]>();
  const entries = books.map((book, index) => {
    const terms = new Set(tokenizer.tokenize([book.title, book.description ?? "", ...book.tags].join("\n")));
    for (const term of terms) termBooks.set(term, [...(termBooks.get(term) ?? []), index]);
    return { book, termCount: terms.size, tags: new Set(book.tags.map(normalizeName)), categories: new Set(book.categories.map(normalizeName)) };
  });
  return { catalogueFile, byAsin: new Map(books.map((book) => [book.asin, book])), books: entries, termBooks };
}

/** The Amazon link of a book: `https://{host}/dp/{ASIN}/?tag={tag}` (no tag parameter without a tag). */
export function amazonUrl(asin: string, affiliate: ResolvedAffiliateConfig): string {
  const base = `https://${affiliate.amazonHost}/dp/${encodeURIComponent(asin)}/`;
  return affiliate.amazonTag ? `${base}?tag=${encodeURIComponent(affiliate.amazonTag)}` : base;
}

function listedBooks(listed: readonly unknown[], matcher: BookMatcher): Book[] {
  return listed.map((value) => {
    const asin = normalizeAsin(value);
    const problem = asinProblem(asin);
    if (problem) throw problem;
    const book = matcher.byAsin.get(asin);
    if (!book) {
      const { message, hint } = messages.bookUnknown(asin, matcher.catalogueFile);
      throw new KijiError(message, { hint });
    }
    return book;
  });
}

/**
 * A post's books: the ASINs its front matter lists (each checked against the catalogue), none
 * for `books: false`, or else the `count` best matches: 2 per shared tag, 1 for a shared
 * category, plus the share of the book's terms found in the post. Ties keep catalogue order.
 * Throws a KijiError without location; the caller adds the post's file and line.
 */
export function chooseBooks(input: BookChoiceInput, matcher: BookMatcher, count: number): Book[] {
  if (input.listed === false) return [];
  if (Array.isArray(input.listed)) return listedBooks(input.listed, matcher);
  if (input.listed !== undefined && input.listed !== null) {
    const { message, hint } = messages.frontMatterListOrFalse("books");
    throw new KijiError(message, { hint });
  }
  const tags = input.tags.map(normalizeName);
  const categories = input.categories.map(normalizeName);
  const shared = new Array<number>(matcher.books.length).fill(0);
  for (const term of input.terms) for (const index of matcher.termBooks.get(term) ?? []) shared[index]!++;
  const scored = matcher.books.map((entry, order) => {
    const score =
      2 * tags.filter((tag) => entry.tags.has(tag)).length +
      (categories.some((category) => entry.categories.has(category)) ? 1 : 0) +
      (entry.termCount > 0 ? shared[order]! / entry.termCount : 0);
    return { book: entry.book, score, order };
  });
  return scored
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, count)
    .map((entry) => entry.book);
}
