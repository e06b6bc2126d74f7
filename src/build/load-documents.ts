import type { MarkdownOptions } from "../markdown/index.js";
import { MAX_DOCUMENT_BYTES, decodeData, readSourceText, type SourceDocument, type SourceEntry } from "../source/index.js";
import type { BuildCache } from "./build-cache.js";
import { mapLimit } from "./map-limit.js";
import { reviveError, type PrepareTask } from "./prepare-document.js";
import { prepareDocuments } from "./prepare-documents.js";

const READ_CONCURRENCY = 64;

/** What loading documents needs. */
export interface LoadDocumentsOptions {
  readonly cache: BuildCache;
  readonly excerptSeparator: string;
  readonly markdownOptions: MarkdownOptions;
  readonly rendererKey: string;
  readonly threads: number;
  /** False to parse front matter only, without rendering Markdown. Default: true. */
  readonly render?: boolean;
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

/**
 * Reads documents and parses them, reusing the cache for files whose bytes did not change and
 * preparing the rest (front matter + Markdown) on every core. Returns one array per group.
 */
export async function loadDocuments(groups: readonly DocumentGroup[], options: LoadDocumentsOptions): Promise<SourceDocument[][]> {
  const { cache, used } = options;
  const flat = groups.flatMap((group) => group.entries.map((entry) => ({ entry, isPost: group.isPost })));
  const texts = await mapLimit(flat, READ_CONCURRENCY, ({ entry }) => readText(entry, options));
  const misses: number[] = [];
  texts.forEach(({ digest }, index) => {
    used.documents.add(digest);
    if (!cache.documents.has(digest)) misses.push(index);
  });
  const tasks: PrepareTask[] = misses.map((index) => ({
    relativePath: flat[index]!.entry.relativePath,
    text: texts[index]!.text,
    excerptSeparator: options.excerptSeparator,
    isPost: flat[index]!.isPost,
    render: options.render,
  }));
  const results = await prepareDocuments(tasks, options);
  results.forEach((result, i) => {
    if (!result.ok) throw reviveError(result.error);
    cache.documents.set(texts[misses[i]!]!.digest, { data: result.data, body: result.body, bodyLine: result.bodyLine });
    for (const { key, rendered } of result.rendered) {
      cache.markdown.set(key, rendered);
      used.markdown.add(key);
    }
  });
  const documents = flat.map(({ entry }, index): SourceDocument => {
    const { text, digest } = texts[index]!;
    const cached = cache.documents.get(digest)!;
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
