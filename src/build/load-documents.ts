import type { ResolvedRelatedConfig } from "../config/index.js";
import type { MarkdownOptions } from "../markdown/index.js";
import { MAX_DOCUMENT_BYTES, decodeData, readSourceText, type SourceDocument, type SourceEntry } from "../source/index.js";
import type { BuildCache } from "./build-cache.js";
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
  /** False to parse front matter only, without rendering Markdown. Default: true. */
  readonly render?: boolean;
  /** The related-post field weights, so posts get their terms where they are rendered. */
  readonly termFields?: ResolvedRelatedConfig["fields"];
  /** Cache keys this build used, so the rest can be swept afterwards. */
  readonly used: { readonly documents: Set<string>; readonly markdown: Set<string>; readonly texts?: Set<string> };
}

/** A group of entries of one kind. */
export interface DocumentGroup {
  readonly entries: readonly SourceEntry[];
  readonly isPost: boolean;
}

/**
 * A document's text: from the cache while the file's size, mtime and ctime are those it was read
 * at (the dev server rebuilds without reading 1,000 unchanged posts), else from disk.
 */
async function readText(entry: SourceEntry, options: LoadDocumentsOptions): Promise<{ text: string; digest: string }> {
  const { texts } = options.cache;
  options.used.texts?.add(entry.relativePath);
  const cached = texts.get(entry.relativePath);
  if (cached && entry.signature !== undefined && cached.signature === entry.signature) return cached;
  const read = await readSourceText(entry, MAX_DOCUMENT_BYTES);
  if (entry.signature !== undefined) texts.set(entry.relativePath, { signature: entry.signature, ...read });
  return read;
}

type FlatEntry = { readonly entry: SourceEntry; readonly isPost: boolean };

/** One chunk of documents read: their texts, and the results of preparing those not in the cache. */
interface ReadChunk {
  readonly texts: ReadonlyArray<{ text: string; digest: string }>;
  readonly misses: readonly number[];
  readonly results: Promise<PrepareResult[]>;
}

/** Reads a chunk of documents and hands those the cache does not hold to the preparer at once. */
async function readChunk(chunk: readonly FlatEntry[], preparer: DocumentPreparer, options: LoadDocumentsOptions): Promise<ReadChunk> {
  const texts = await Promise.all(chunk.map(({ entry }) => readText(entry, options)));
  const misses: number[] = [];
  texts.forEach(({ digest }, index) => {
    options.used.documents.add(digest);
    if (!options.cache.documents.has(digest)) misses.push(index);
  });
  const tasks = misses.map((index): PrepareTask => ({
    relativePath: chunk[index]!.entry.relativePath,
    text: texts[index]!.text,
    excerptSeparator: options.excerptSeparator,
    isPost: chunk[index]!.isPost,
    render: options.render,
    termFields: options.termFields,
  }));
  return { texts, misses, results: preparer.prepare(tasks) };
}

/** Puts a chunk's prepared documents (and their converted Markdown) into the cache. */
async function storeChunk(chunk: ReadChunk, options: LoadDocumentsOptions): Promise<void> {
  const { cache, used } = options;
  (await chunk.results).forEach((result, i) => {
    if (!result.ok) throw reviveError(result.error);
    const { text, digest } = chunk.texts[chunk.misses[i]!]!;
    const body = text.slice(result.bodyStart);
    cache.documents.set(digest, { data: result.data, body, bodyLine: result.bodyLine });
    for (const converted of [result.body, result.excerpt]) {
      if (!converted) continue;
      cache.markdown.set(converted.key, converted.converted);
      used.markdown.add(converted.key);
    }
    // The template pass hands the body back unchanged: its key is known, no need to hash it again.
    if (result.body) cache.markdownKeys.set(body, result.body.key);
    if (result.terms) cache.terms.set(result.terms.key, result.terms.terms);
  });
}

/**
 * Reads documents and parses them, reusing the cache for files whose bytes did not change and
 * preparing the rest (front matter + Markdown + text features) on every core while the rest is
 * still being read. Returns one array per group.
 */
export async function loadDocuments(groups: readonly DocumentGroup[], options: LoadDocumentsOptions): Promise<SourceDocument[][]> {
  const flat: FlatEntry[] = groups.flatMap((group) => group.entries.map((entry) => ({ entry, isPost: group.isPost })));
  const preparer = createDocumentPreparer(options);
  let chunks: ReadChunk[];
  try {
    const slices = Array.from({ length: Math.ceil(flat.length / BATCH_SIZE) }, (_, i) => flat.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE));
    chunks = await mapLimit(slices, READ_CHUNKS, (slice) => readChunk(slice, preparer, options));
    preparer.flush();
    for (const chunk of chunks) await storeChunk(chunk, options);
  } finally {
    await preparer.close();
  }
  const texts = chunks.flatMap((chunk) => chunk.texts);
  const documents = flat.map(({ entry }, index): SourceDocument => {
    const { text, digest } = texts[index]!;
    const cached = options.cache.documents.get(digest)!;
    return { entry, data: decodeData(cached.data) as Record<string, unknown>, body: cached.body, bodyLine: cached.bodyLine, text, digest };
  });
  const out: SourceDocument[][] = [];
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
