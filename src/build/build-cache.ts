import type { BodyFactsTable, PostTerms, RelatedRanking, TermTableRecord } from "../features/index.js";
import type { WrittenFile } from "../write/index.js";
import type { ConvertedMarkdown } from "./prepare-document.js";
import type { CacheTable } from "./record-store.js";

/**
 * A source file's front matter and where its body starts, parsed once and reused while its bytes
 * do not change. The body is not stored: it is the text from `bodyStart` on (a slice shares the text).
 */
export interface CachedDocument {
  /** Front matter as plain data (see encodeData). */
  readonly data: unknown;
  /**
   * Digest of the front matter's text: with the file's path, all a document shows other pages
   * but its body and what is derived from it (see the page reuse in writeSite).
   */
  readonly frontKey: string;
  /** Offset in the normalized text where the body starts. */
  readonly bodyStart: number;
  readonly bodyLine: number;
  /** Markdown cache keys of what was converted with the document, so it is neither decoded nor hashed again. */
  readonly keys?: PreparedKeys;
}

/**
 * The Markdown cache keys of a document's body and automatic excerpt, when they were converted as
 * the document was prepared (no template tag can change them). The excerpt's key holds for the
 * separator it was cut at: front-matter defaults may give the post another.
 */
export interface PreparedKeys {
  readonly body?: string;
  readonly excerpt?: { readonly key: string; readonly separator: string };
}

/** A document's bytes as last read, with the size/mtime/ctime signature the scan saw then; `text()` decodes them once. */
export interface CachedText {
  readonly signature: string;
  readonly digest: string;
  /** The text, when this process read the file; the cache folder keeps only signature and digest. */
  readonly text?: () => string;
  /** Whether the signature may be kept in the cache folder (see SourceEntry.settled). */
  readonly settled?: boolean;
}

/**
 * Caches one build hands to the next (the dev server keeps one in memory; `kiji build` keeps
 * one in the cache folder, read entry by entry). A value passed into build(), never module state,
 * so two builds in one process cannot interfere.
 */
export interface BuildCache {
  /** Parsed documents by digest of the file's bytes. */
  readonly documents: CacheTable<CachedDocument>;
  /** Converted Markdown (HTML and text features) by digest of (renderer settings, Markdown text). */
  readonly markdown: CacheTable<ConvertedMarkdown>;
  /** Drawn OGP images by digest of everything that shapes them (only when there is no cache folder). */
  readonly images: Map<string, Uint8Array>;
  /** Each post's related-post terms by digest of (title, excerpt, headings, body, field weights). */
  readonly terms: CacheTable<PostTerms>;
  /** The last related-post ranking of the whole site, with the digest of everything it was ranked from. */
  readonly related: CacheTable<RelatedRanking>;
  /** Every post's related-post terms as numbers (a manifest and chunks of posts), so re-ranking after an edit reads only the edited post's terms. */
  readonly termTable: CacheTable<TermTableRecord>;
  /** What each rendered body showed the features stage (one entry), so unchanged bodies are not read from the Markdown cache there. */
  readonly bodyFacts: CacheTable<BodyFactsTable>;
  /**
   * Document texts by path, reused without reading the file while its signature holds. The
   * cache folder keeps the digests of settled files: a build reads only files changed since.
   */
  readonly texts: Map<string, CachedText>;
  /**
   * Markdown cache keys by the Markdown text itself, so an unchanged body (the same string the
   * text cache handed back) is not hashed again on every rebuild. In memory only, like `texts`.
   */
  readonly markdownKeys: Map<string, string>;
  /** What the last build wrote into the destination, so unchanged files are not rewritten. */
  outputs: ReadonlyMap<string, WrittenFile>;
}

/** An empty cache. */
export function createBuildCache(): BuildCache {
  return { documents: new Map(), markdown: new Map(), images: new Map(), terms: new Map(), related: new Map(), termTable: new Map(), bodyFacts: new Map(), texts: new Map(), markdownKeys: new Map(), outputs: new Map() };
}
