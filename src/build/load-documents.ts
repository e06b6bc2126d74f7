import type { ResolvedRelatedConfig } from "../config/index.js";
import type { MarkdownOptions } from "../markdown/index.js";
import { MAX_DOCUMENT_BYTES, decodeData, lazySourceDocument, readSourceBytes, readSourceLater, type SourceBytes, type SourceDocument, type SourceEntry } from "../source/index.js";
import type { BuildCache, CachedDocument, PreparedKeys } from "./build-cache.js";
import { mapLimit } from "./map-limit.js";

import { reviveError, type PrepareResult, type PrepareTask } from "./prepare-document.js";
import { BATCH_SIZE, createDocumentPreparer, type DocumentPreparer } from "./prepare-documents.js";

// Files read at once: chunks of one batch each, so about 64 reads are in flight.
const READ_CHUNKS = 4;

/** What loading documents needs. */
export interface LoadDocumentsOptions {
  readonly cache: BuildCache;
  readonly excerptSeparator: string;
  readonly markdownOptions: MarkdownOptions;
  readonly rendererKey: string;
  readonly threads: number;
  /** Told when a worker thread died on a batch, which the main thread then prepared. */
  readonly onWorkerLost?: (error: Error, files: readonly string[]) => void;
  /** False to parse front matter only, without rendering Markdown. Default: true. */
  readonly render?: boolean;
  /** The related-post field weights, so posts get their terms where they are rendered. */
  readonly termFields?: ResolvedRelatedConfig["fields"];
  /** Awaited between chunks of documents when it returns a promise (see createYielder). */
  readonly pause?: () => Promise<void> | undefined;
  /** Cache keys this build used, so the rest can be swept afterwards. */
  readonly used: { readonly documents: Set<string>; readonly markdown: Set<string>; readonly texts?: Set<string> };
}

/**
 * A source document as the build loaded it, with the Markdown cache keys of what was converted
 * when it was prepared, so an unchanged document's body need not even be decoded.
 */
export interface LoadedDocument extends SourceDocument {
  readonly keys?: PreparedKeys;
  /** See CachedDocument.frontKey. */
  readonly frontKey?: string;
}

/** A group of entries of one kind. */
export interface DocumentGroup {
  readonly entries: readonly SourceEntry[];
  readonly isPost: boolean;
}

/**
 * A document's digest, and its text when first asked for: from the cache while the file's size,
 * mtime and ctime are those it was read at (a rebuild reads none of 10,000 unchanged posts), else
 * from disk.
 */
function readText(entry: SourceEntry, options: LoadDocumentsOptions): SourceBytes {
  const { texts } = options.cache;
  options.used.texts?.add(entry.relativePath);
  const cached = texts.get(entry.relativePath);
  if (cached && entry.signature !== undefined && cached.signature === entry.signature) {
    if (cached.text) return { digest: cached.digest, text: cached.text };
    const later = readSourceLater(entry, cached.digest);
    texts.set(entry.relativePath, { ...cached, text: later.text });
    return later;
  }
  let read = readSourceBytes(entry, MAX_DOCUMENT_BYTES);
  // Known to the cache: the bytes are let go, and read again only if the text is ever asked for.
  if (options.cache.documents.has(read.digest)) read = readSourceLater(entry, read.digest);
  if (entry.signature !== undefined) texts.set(entry.relativePath, { signature: entry.signature, digest: read.digest, text: read.text, settled: entry.settled });
  return read;
}

type FlatEntry = { readonly entry: SourceEntry; readonly isPost: boolean };
type PrepareError = Extract<PrepareResult, { ok: false }>["error"];

/** One chunk of documents read: their texts, their parsed front matter, and the first error preparing them, once they are. */
interface ReadChunk {
  readonly texts: SourceBytes[];
  readonly parsed: Array<CachedDocument | undefined>;
  readonly stored: Promise<PrepareError | undefined>;
}

/**
 * Reads a chunk of documents, takes each from the cache (read once: the cache folder reads it
 * from disk; a record that cannot be read is a miss) and hands the misses to the preparer at once.
 */
async function readChunk(chunk: readonly FlatEntry[], preparer: DocumentPreparer, options: LoadDocumentsOptions): Promise<ReadChunk> {
  await preparer.ready();
  // Reading from the cache never waits for I/O: let the dev server take file events meanwhile.
  await options.pause?.();
  const texts = chunk.map(({ entry }) => readText(entry, options));
  const parsed = texts.map(({ digest }) => {
    options.used.documents.add(digest);
    return options.cache.documents.get(digest);
  });
  const misses = parsed.flatMap((cached, index) => (cached ? [] : [index]));
  const tasks = misses.map((index): PrepareTask => ({
    relativePath: chunk[index]!.entry.relativePath,
    text: texts[index]!.text(),
    excerptSeparator: options.excerptSeparator,
    isPost: chunk[index]!.isPost,
    render: options.render,
    termFields: options.termFields,
  }));
  // Stored as soon as they come, so a cold build never holds every document's HTML at once.
  const stored = preparer.prepare(tasks).then((results) => storeResults(results, { chunk, texts, parsed, misses }, options));
  // Awaited in source order once every chunk is read; until then a failure must not count as unhandled.
  stored.catch(() => undefined);
  return { texts, parsed, stored };
}

/**
 * Puts a chunk's prepared documents (and their converted Markdown) into the cache; returns the
 * first error. A prepared document's text is let go, to be read again only if asked for, as a
 * cached one's is: a cold build of 10,000 posts held about 80 MB of decoded text otherwise.
 */
function storeResults(
  results: readonly PrepareResult[],
  chunk: { chunk: readonly FlatEntry[]; texts: ReadChunk["texts"]; parsed: ReadChunk["parsed"]; misses: readonly number[] },
  options: LoadDocumentsOptions,
): PrepareError | undefined {
  const { cache, used } = options;
  let failed: PrepareError | undefined;
  results.forEach((result, i) => {
    if (!result.ok) {
      failed ??= result.error;
      return;
    }
    const index = chunk.misses[i]!;
    const { entry } = chunk.chunk[index]!;
    const { digest } = chunk.texts[index]!;
    chunk.texts[index] = readSourceLater(entry, digest);
    const cachedText = cache.texts.get(entry.relativePath);
    if (cachedText?.digest === digest) cache.texts.set(entry.relativePath, { ...cachedText, text: chunk.texts[index]!.text });
    const keys = { body: result.body?.key, excerpt: result.excerpt && { key: result.excerpt.key, separator: result.excerptSeparator! } };
    const prepared = { data: result.data, frontKey: result.frontKey, bodyStart: result.bodyStart, bodyLine: result.bodyLine, keys };
    cache.documents.set(digest, prepared);
    chunk.parsed[index] = prepared;
    for (const converted of [result.body, result.excerpt]) {
      if (!converted) continue;
      cache.markdown.set(converted.key, converted.converted);
      used.markdown.add(converted.key);
    }
    if (result.terms) cache.terms.set(result.terms.key, result.terms.terms);
  });
  return failed;
}

/**
 * Reads documents and parses them, reusing the cache for files whose bytes did not change and
 * preparing the rest (front matter + Markdown + text features) on every core while the rest is
 * still being read. Returns one array per group.
 */
export async function loadDocuments(groups: readonly DocumentGroup[], options: LoadDocumentsOptions): Promise<LoadedDocument[][]> {
  const flat: FlatEntry[] = groups.flatMap((group) => group.entries.map((entry) => ({ entry, isPost: group.isPost })));
  const preparer = createDocumentPreparer(options);
  let chunks: ReadChunk[];
  try {
    const slices = Array.from({ length: Math.ceil(flat.length / BATCH_SIZE) }, (_, i) => flat.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE));
    chunks = await mapLimit(slices, READ_CHUNKS, (slice) => readChunk(slice, preparer, options));
    await preparer.flush();
    // Of several failing documents, the first in source order is reported.
    for (const chunk of chunks) {
      const error = await chunk.stored;
      if (error) throw reviveError(error);
    }
  } finally {
    await preparer.close();
  }
  const texts = chunks.flatMap((chunk) => chunk.texts);
  const parsed = chunks.flatMap((chunk) => chunk.parsed);
  const documents = flat.map(({ entry }, index): LoadedDocument => {
    const { text, digest } = texts[index]!;
    const { data, frontKey, bodyStart, bodyLine, keys } = parsed[index]!;
    return lazySourceDocument({ entry, data: decodeData(data) as Record<string, unknown>, bodyLine, digest, keys, frontKey }, text, bodyStart);
  });
  const out: LoadedDocument[][] = [];
  let offset = 0;
  for (const group of groups) {
    out.push(documents.slice(offset, offset + group.entries.length));
    offset += group.entries.length;
  }
  return out;
}

/** Drops cache entries this build did not use (deleted or edited files), so the cache does not grow without end. */
export function sweepCache(cache: BuildCache, used: LoadDocumentsOptions["used"] & { readonly terms: Set<string> }): void {
  for (const key of cache.documents.keys()) if (!used.documents.has(key)) cache.documents.delete(key);
  for (const key of cache.markdown.keys()) if (!used.markdown.has(key)) cache.markdown.delete(key);
  for (const key of cache.terms.keys()) if (!used.terms.has(key)) cache.terms.delete(key);
  for (const [text, key] of cache.markdownKeys) if (!used.markdown.has(key)) cache.markdownKeys.delete(text);
  for (const key of cache.texts.keys()) if (!used.texts?.has(key)) cache.texts.delete(key);
}
