import { digest } from "../shared/index.js";
import type { TermTable } from "./term-table.js";

/** Where the term table is kept: a Map, or a table of the cache folder. */
export interface TermTableStore {
  get(key: string): TermTableRecord | undefined;
  set(key: string, value: TermTableRecord): unknown;
  has(key: string): boolean;
  delete(key: string): boolean;
  keys(): IterableIterator<string>;
}

/** The table's dictionary and the keys of its chunks, in post order. */
interface TableManifest {
  readonly kind: "manifest";
  readonly words: string;
  readonly generation: string;
  readonly chunks: readonly string[];
}

/** A run of consecutive posts of the table. */
interface TableChunk {
  readonly kind: "chunk";
  readonly postKeys: readonly string[];
  /** Offsets into this chunk's ids, from 0. */
  readonly start: Int32Array;
  readonly ids: Int32Array;
  readonly counts: Float32Array | Float64Array;
}

/** One record of the term table store. */
export type TermTableRecord = TableManifest | TableChunk;

const MANIFEST = "site";
// A chunk ends after a post whose key hashes to 0 modulo this: about 256 posts a chunk, and a post
// added or removed changes only the chunk it is in, so a one-post build writes one chunk, not the table.
const CHUNK_SPAN = 256;

/** FNV-1a of a key: where chunks end does not depend on the posts around it. */
function endsChunk(key: string): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % CHUNK_SPAN === 0;
}

/** The stored table, put together from its chunks; undefined when there is none or a chunk is missing. */
export function loadTermTable(store: TermTableStore | undefined): TermTable | undefined {
  const manifest = store?.get(MANIFEST);
  if (manifest?.kind !== "manifest") return undefined;
  const chunks: TableChunk[] = [];
  for (const key of manifest.chunks) {
    const chunk = store!.get(key);
    if (chunk?.kind !== "chunk") return undefined;
    chunks.push(chunk);
  }
  const total = chunks.reduce((sum, chunk) => sum + chunk.ids.length, 0);
  const ids = new Int32Array(total);
  const counts = chunks.every((chunk) => chunk.counts instanceof Float32Array) ? new Float32Array(total) : new Float64Array(total);
  const start = new Int32Array(chunks.reduce((sum, chunk) => sum + chunk.postKeys.length, 0) + 1);
  let at = 0;
  let post = 0;
  for (const chunk of chunks) {
    ids.set(chunk.ids, at);
    counts.set(chunk.counts, at);
    for (let i = 1; i <= chunk.postKeys.length; i++) start[post + i] = at + chunk.start[i]!;
    at += chunk.ids.length;
    post += chunk.postKeys.length;
  }
  return { words: manifest.words, generation: manifest.generation, postKeys: chunks.flatMap((chunk) => chunk.postKeys), start, ids, counts };
}

/** Stores the table: chunks the store does not have yet, then the manifest; drops the chunks no longer named. */
export function saveTermTable(store: TermTableStore, table: TermTable): void {
  const names: string[] = [];
  let first = 0;
  for (let p = 0; p < table.postKeys.length; p++) {
    if (p + 1 < table.postKeys.length && !endsChunk(table.postKeys[p]!)) continue;
    const postKeys = table.postKeys.slice(first, p + 1);
    const name = `chunk:${digest(table.generation, ...postKeys)}`;
    if (!store.has(name)) store.set(name, chunkOf(table, first, p + 1, postKeys));
    names.push(name);
    first = p + 1;
  }
  store.set(MANIFEST, { kind: "manifest", words: table.words, generation: table.generation, chunks: names });
  const named = new Set([MANIFEST, ...names]);
  for (const key of [...store.keys()]) if (!named.has(key)) store.delete(key);
}

function chunkOf(table: TermTable, from: number, to: number, postKeys: string[]): TableChunk {
  const base = table.start[from]!;
  const start = table.start.slice(from, to + 1).map((offset) => offset - base);
  const end = table.start[to]!;
  return { kind: "chunk", postKeys, start, ids: table.ids.slice(base, end), counts: table.counts.slice(base, end) };
}
