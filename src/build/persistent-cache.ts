import type { WrittenFile } from "../write/index.js";
import type { BuildCache } from "./build-cache.js";
import { openRecordStore } from "./record-store.js";

/** The cache folder opened for one build: the caches it holds, and how to keep them for the next. */
export interface PersistentCache {
  readonly cache: BuildCache;
  /** Stores what the build added and drops what it swept; closes the folder. */
  save(): Promise<void>;
  /** Closes the folder without saving (a failed build). */
  close(): void;
}

function readManifest(value: unknown): Map<string, WrittenFile> {
  const manifest = new Map<string, WrittenFile>();
  if (!Array.isArray(value)) return manifest;
  for (const entry of value as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 4) continue;
    const [file, digest, size, mtimeMs] = entry as unknown[];
    if (typeof file === "string" && typeof digest === "string" && typeof size === "number" && typeof mtimeMs === "number") manifest.set(file, { digest, size, mtimeMs });
  }
  return manifest;
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
    texts: new Map(),
    markdownKeys: new Map(),
    outputs: readManifest(store.inline("outputs")),
  };
  return {
    cache,
    save: () => store.save({ outputs: [...cache.outputs].map(([file, { digest, size, mtimeMs }]) => [file, digest, size, mtimeMs]) }),
    close: () => store.close(),
  };
}
