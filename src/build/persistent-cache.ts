import type { RenderRecord } from "../outputs/index.js";
import type { WrittenFile } from "../write/index.js";
import type { BuildCache, CachedText } from "./build-cache.js";
import { openRecordStore } from "./record-store.js";

/** The cache folder opened for one build: the caches it holds, and how to keep them for the next. */
export interface PersistentCache {
  readonly cache: BuildCache;
  /** Stores what the build added and drops what it swept; closes the folder. */
  save(): Promise<void>;
  /** Closes the folder without saving (a failed build). */
  close(): void;
}

/** A page's render record as stored: its key and reads, or nothing usable. */
function readRender(key: unknown, reads: unknown): RenderRecord | undefined {
  if (typeof key !== "string" || !Array.isArray(reads) || !reads.every((read) => typeof read === "string")) return undefined;
  return { key, reads: reads as string[] };
}

/** The manifest as stored: [file, digest, size, mtimeMs] per file, and [render key, reads] after them for a document's page. */
function readManifest(value: unknown): Map<string, WrittenFile> {
  const manifest = new Map<string, WrittenFile>();
  if (!Array.isArray(value)) return manifest;
  for (const entry of value as unknown[]) {
    if (!Array.isArray(entry) || (entry.length !== 4 && entry.length !== 6)) continue;
    const [file, digest, size, mtimeMs, key, reads] = entry as unknown[];
    if (typeof file !== "string" || typeof digest !== "string" || typeof size !== "number" || typeof mtimeMs !== "number") continue;
    manifest.set(file, { digest, size, mtimeMs, render: readRender(key, reads) });
  }
  return manifest;
}

/** Source files' signatures and digests as stored: [path, signature, digest] each. */
function readTexts(value: unknown): Map<string, CachedText> {
  const texts = new Map<string, CachedText>();
  if (!Array.isArray(value)) return texts;
  for (const entry of value as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 3) continue;
    const [file, signature, digest] = entry as unknown[];
    if (typeof file === "string" && typeof signature === "string" && typeof digest === "string") texts.set(file, { signature, digest, settled: true });
  }
  return texts;
}

/** Only settled files are kept: one changed just before its scan may change again under the same signature. */
function storedTexts(texts: ReadonlyMap<string, CachedText>): unknown[] {
  const stored: unknown[] = [];
  for (const [file, { signature, digest, settled }] of texts) if (settled) stored.push([file, signature, digest]);
  return stored;
}

function storedManifest(manifest: ReadonlyMap<string, WrittenFile>): unknown[] {
  return [...manifest].map(([file, { digest, size, mtimeMs, render }]) => (render ? [file, digest, size, mtimeMs, render.key, render.reads] : [file, digest, size, mtimeMs]));
}

/**
 * Opens the cache folder written under the global key (engine digest, resolved-config digest,
 * Markdown settings); under any other key it opens empty. Only the index is read here: each
 * document, rendered Markdown and term list is read when the build asks for it.
 */
export async function openPersistentCache(dir: string, key: string): Promise<PersistentCache> {
  const store = await openRecordStore(dir, key);
  const cache: BuildCache = {
    documents: store.table("documents"),
    markdown: store.table("markdown"),
    terms: store.table("terms"),
    related: store.table("related"),
    termTable: store.table("term-table"),
    bodyFacts: store.table("body-facts"),
    images: new Map(),
    texts: readTexts(store.inline("texts")),
    markdownKeys: new Map(),
    outputs: readManifest(store.inline("outputs")),
  };
  return {
    cache,
    save: () => store.save({ outputs: storedManifest(cache.outputs), texts: storedTexts(cache.texts) }),
    close: () => store.close(),
  };
}
