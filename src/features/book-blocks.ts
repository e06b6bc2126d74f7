import type { ResolvedConfig } from "../config/index.js";
import type { DocumentBase, Post } from "../content/index.js";
import { atFrontMatterKey, type SourceTextLookup } from "./at-front-matter-key.js";
import { parseBookCatalogue, type Book } from "./book-catalogue.js";
import { amazonUrl, chooseBooks, createBookMatcher } from "./choose-books.js";
import type { Tokenizer } from "./tokenize.js";

/** A book as a page shows it: the catalogue entry plus its link. */
export interface BookLink extends Book {
  readonly url: string;
  /** `sponsored noopener` for affiliate links (Google's and Japan's rules), `noopener` otherwise. */
  readonly rel: string;
  /** Whether the link carries the associate tag. */
  readonly isAffiliate: boolean;
}

/** What the book blocks are made from. */
export interface BookBlocksInput {
  readonly config: ResolvedConfig;
  /** `site.data`; the catalogue is `site.data.books`. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly sourceText: SourceTextLookup;
  readonly tokenizer: Tokenizer;
}

/** Book blocks of one build. */
export interface BookBlocks {
  readonly hasCatalogue: boolean;
  /** A post's books: front matter `books:`, or the best matches of its tags, category and terms. */
  forPost(post: Post, terms: readonly string[]): BookLink[];
  /** A page's books: only those its front matter lists. */
  forPage(page: DocumentBase): BookLink[];
  /** Whether HTML links to the configured Amazon host with an associate tag. */
  hasAffiliateLink(html: string): boolean;
  /** The pattern hasAffiliateLink looks for, as text (cached answers are kept under it). */
  readonly affiliatePattern: string;
}

const CATALOGUE_FILES = ["_data/books.yml", "_data/books.yaml", "_data/books.json", "_data/books.csv", "_data/books.tsv"];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Reads the catalogue once and returns the book-block functions of this build. */
export function createBookBlocks(input: BookBlocksInput): BookBlocks {
  const { affiliate } = input.config;
  const file = CATALOGUE_FILES.find((name) => input.sourceText(name) !== undefined) ?? CATALOGUE_FILES[0]!;
  const catalogue = parseBookCatalogue(input.data.books, file, input.sourceText(file));
  const matcher = createBookMatcher(catalogue, file, input.tokenizer);
  // One link per catalogue book, shared by the posts showing it (30,000 copies at 10,000 posts otherwise).
  const links = new Map<Book, BookLink>();
  const link = (book: Book): BookLink => {
    let made = links.get(book);
    if (made === undefined) {
      const isAffiliate = affiliate.amazonTag !== undefined;
      links.set(book, (made = { ...book, url: amazonUrl(book.asin, affiliate), rel: isAffiliate ? "sponsored noopener" : "noopener", isAffiliate }));
    }
    return made;
  };
  const affiliateLink = new RegExp(`//${escapeRegExp(affiliate.amazonHost)}/[^"'\\s<>]*[?&](?:amp;)?tag=`);
  return {
    hasCatalogue: catalogue.length > 0,
    forPost(post, terms) {
      const choice = { listed: post.data.books, tags: post.tags, categories: post.categories, terms };
      return atFrontMatterKey(post, "books", input.sourceText, () => chooseBooks(choice, matcher, affiliate.books)).map(link);
    },
    forPage(page) {
      const listed = page.data.books;
      if (!Array.isArray(listed)) return [];
      return atFrontMatterKey(page, "books", input.sourceText, () => chooseBooks({ listed, tags: [], categories: [], terms: [] }, matcher, 0)).map(link);
    },
    hasAffiliateLink: (html) => affiliateLink.test(html),
    affiliatePattern: affiliateLink.source,
  };
}
