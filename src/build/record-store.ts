import { randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, statSync, writeSync, promises as fs } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { crc32 } from "node:zlib";

/**
 * A table of cache entries by key. A `Map` is one (the dev server's in-memory caches); the cache
 * folder's tables are another, reading each record from disk only when it is asked for.
 */
export interface CacheTable<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  set(key: string, value: V): unknown;
  delete(key: string): boolean;
  keys(): IterableIterator<string>;
  readonly size: number;
}

/** Where a record lies: segment number, byte offset and length, and the CRC-32 of its bytes. */
interface RecordLocation {
  readonly segment: number;
  readonly offset: number;
  readonly length: number;
  readonly crc: number;
}

/** The index file: the global key, the segment files, every table's records, and small inline values. */
interface StoredIndex {
  readonly format: number;
  readonly key: string;
  readonly segments: readonly string[];
  readonly tables: Record<string, { readonly keys: readonly string[]; readonly locations: Float64Array }>;
  readonly inline: Record<string, unknown>;
}

const INDEX_FILE = "index.v9";
const SEGMENT_NAME = /^segment-[a-z0-9]+-[0-9a-f]+\.bin$/;
// The single-file cache of kiji before this store; removed on the first save.
const LEGACY_FILE = "build-cache.v8";
const FORMAT = 9;
// Records are written in chunks of about this size, so a cold build never holds them all.
const FLUSH_BYTES = 1 << 20;
// A segment is rewritten (its live records copied into the new one) once less than this share of it is live…
const MIN_LIVE_SHARE = 0.5;
// …and the smallest segments are merged while there are more than this many.
const MAX_SEGMENTS = 8;

/** Reads and validates the index file; anything unreadable or under another key is an empty store. */
async function readIndex(dir: string, key: string): Promise<StoredIndex | undefined> {
  const bytes = await fs.readFile(path.join(dir, INDEX_FILE)).catch(() => undefined);
  if (!bytes || bytes.length < 4 || bytes.readUInt32LE(0) !== crc32(bytes.subarray(4))) return undefined;
  try {
    const index = deserialize(bytes.subarray(4)) as StoredIndex;
    if (index?.format !== FORMAT || index.key !== key || typeof index.tables !== "object" || typeof index.inline !== "object") return undefined;
    // Segment names are only ever kiji's own, inside the folder.
    if (!Array.isArray(index.segments) || !index.segments.every((name) => typeof name === "string" && SEGMENT_NAME.test(name))) return undefined;
    return index;
  } catch {
    return undefined;
  }
}

/** The open segment files of a store: reading records, and appending this build's. */
class Segments {
  readonly names: string[];
  private readonly fds = new Map<number, number>();
  /** Records of this build not yet written to the new segment. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private written = 0;
  private current: number | undefined;

  constructor(readonly dir: string, names: readonly string[]) {
    this.names = [...names];
  }

  /** The record's bytes, or undefined when the segment is missing, short or corrupt. */
  read(at: RecordLocation): Buffer | undefined {
    if (at.segment === this.current && at.offset >= this.written) this.flush();
    try {
      let fd = this.fds.get(at.segment);
      if (fd === undefined) this.fds.set(at.segment, (fd = openSync(path.join(this.dir, this.names[at.segment]!), "r")));
      const bytes = Buffer.allocUnsafe(at.length);
      if (readSync(fd, bytes, 0, at.length, at.offset) !== at.length || crc32(bytes) !== at.crc) return undefined;
      return bytes;
    } catch {
      return undefined;
    }
  }

  /** Appends a record to this build's segment (created on first use) and says where it went. */
  append(bytes: Uint8Array): RecordLocation {
    if (this.current === undefined) {
      this.current = this.names.length;
      this.names.push(`segment-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}.bin`);
    }
    const offset = this.written + this.pendingBytes;
    this.pending.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    this.pendingBytes += bytes.byteLength;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    return { segment: this.current, offset, length: bytes.byteLength, crc: crc32(bytes) };
  }

  /** Writes the records still pending to this build's segment. */
  flush(): void {
    if (this.current === undefined || this.pendingBytes === 0) return;
    let fd = this.fds.get(this.current);
    if (fd === undefined) this.fds.set(this.current, (fd = openSync(path.join(this.dir, this.names[this.current]!), "a+")));
    const chunk = Buffer.concat(this.pending, this.pendingBytes);
    for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done, chunk.length - done, this.written + done);
    this.written += chunk.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The segment records of this build go to, if any were written. */
  get newSegment(): number | undefined {
    return this.current;
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

/**
 * A cache table kept in segment files: the index of keys is in memory, values are read (and
 * checked against their CRC) on `get`, and new values are appended to this build's segment at
 * once, so neither loading nor a cold build holds the whole cache. A record that cannot be read
 * back intact is a miss.
 */
class DiskTable<V> implements CacheTable<V> {
  constructor(readonly locations: Map<string, RecordLocation>, private readonly segments: Segments) {}

  get size(): number {
    return this.locations.size;
  }

  get(key: string): V | undefined {
    const at = this.locations.get(key);
    const bytes = at && this.segments.read(at);
    if (!bytes) {
      this.locations.delete(key);
      return undefined;
    }
    try {
      return deserialize(bytes) as V;
    } catch {
      this.locations.delete(key);
      return undefined;
    }
  }

  has(key: string): boolean {
    return this.locations.has(key);
  }

  set(key: string, value: V): this {
    this.locations.set(key, this.segments.append(serialize(value)));
    return this;
  }

  delete(key: string): boolean {
    return this.locations.delete(key);
  }

  keys(): IterableIterator<string> {
    return this.locations.keys();
  }
}

/** A cache folder opened for one build: its tables, its small inline values, and how to save it. */
export interface RecordStore {
  /** The table called `name` (empty when the folder had none under this key). */
  table<V>(name: string): CacheTable<V>;
  /** A small value kept inside the index itself (read whole on open), or undefined. */
  inline(name: string): unknown;
  /**
   * Writes this build's records and a new index naming only the tables' current entries (so
   * deleted entries are gone), compacts mostly-dead segments, removes files nothing names, and
   * closes the store. The index is replaced atomically, so a crash leaves the previous cache.
   */
  save(inline: Record<string, unknown>): Promise<void>;
  /** Closes the segment files without saving. */
  close(): void;
}

function locationsOf(stored: StoredIndex["tables"][string] | undefined): Map<string, RecordLocation> {
  const locations = new Map<string, RecordLocation>();
  if (!stored || !(stored.locations instanceof Float64Array) || stored.locations.length !== stored.keys.length * 4) return locations;
  stored.keys.forEach((key, i) => {
    const [segment, offset, length, crc] = stored.locations.subarray(i * 4, i * 4 + 4);
    locations.set(key, { segment: segment!, offset: offset!, length: length!, crc: crc! });
  });
  return locations;
}

/** Opens the record store in `dir` written under the global `key`; another key, or none, opens it empty. */
export async function openRecordStore(dir: string, key: string): Promise<RecordStore> {
  const index = await readIndex(dir, key);
  await fs.mkdir(dir, { recursive: true });
  const segments = new Segments(dir, index?.segments ?? []);
  const tables = new Map<string, DiskTable<unknown>>();
  return {
    table<V>(name: string): CacheTable<V> {
      let table = tables.get(name);
      if (!table) tables.set(name, (table = new DiskTable(locationsOf(index?.tables[name]), segments)));
      return table as DiskTable<V>;
    },
    inline: (name) => index?.inline[name],
    async save(inline) {
      try {
        compactSegments([...tables.values()], segments);
        segments.flush();
      } finally {
        segments.close();
      }
      const stored = storedTables(tables, segments.names);
      await writeIndex(dir, { format: FORMAT, key, segments: stored.segments, tables: stored.tables, inline });
      await removeUnnamed(dir, stored.segments);
    },
    close: () => segments.close(),
  };
}

/** Moves the live records of mostly-dead segments, and of the smallest when there are too many, into this build's segment. */
function compactSegments(tables: ReadonlyArray<DiskTable<unknown>>, segments: Segments): void {
  const live = new Map<number, number>();
  for (const table of tables) for (const at of table.locations.values()) live.set(at.segment, (live.get(at.segment) ?? 0) + at.length);
  const old = [...live.keys()].filter((segment) => segment !== segments.newSegment);
  const sizeOf = (segment: number): number => {
    try {
      return statSync(path.join(segments.dir, segments.names[segment]!)).size;
    } catch {
      return 0;
    }
  };
  const moved = new Set(old.filter((segment) => live.get(segment)! < MIN_LIVE_SHARE * sizeOf(segment)));
  const kept = old.filter((segment) => !moved.has(segment)).sort((a, b) => live.get(a)! - live.get(b)!);
  while (kept.length + 1 > MAX_SEGMENTS) moved.add(kept.shift()!);
  if (moved.size === 0) return;
  for (const table of tables) {
    for (const [key, at] of table.locations) {
      if (!moved.has(at.segment)) continue;
      const bytes = segments.read(at);
      if (bytes) table.locations.set(key, segments.append(bytes));
      else table.locations.delete(key);
    }
  }
}

/** The tables as the index stores them, with segments renumbered to those still named. */
function storedTables(tables: ReadonlyMap<string, DiskTable<unknown>>, names: readonly string[]): { tables: StoredIndex["tables"]; segments: string[] } {
  const renumber = new Map<number, number>();
  const stored: Record<string, { keys: string[]; locations: Float64Array }> = {};
  for (const [name, table] of tables) {
    const keys = [...table.locations.keys()];
    const locations = new Float64Array(keys.length * 4);
    keys.forEach((key, i) => {
      const at = table.locations.get(key)!;
      if (!renumber.has(at.segment)) renumber.set(at.segment, renumber.size);
      locations.set([renumber.get(at.segment)!, at.offset, at.length, at.crc], i * 4);
    });
    stored[name] = { keys, locations };
  }
  const segments: string[] = [];
  for (const [old, renumbered] of renumber) segments[renumbered] = names[old]!;
  return { tables: stored, segments };
}

/** Writes the index atomically (temporary file, then rename), its CRC-32 first. */
async function writeIndex(dir: string, index: StoredIndex): Promise<void> {
  const body = serialize(index);
  const head = Buffer.alloc(4);
  head.writeUInt32LE(crc32(body));
  const temporary = path.join(dir, `${INDEX_FILE}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  await fs.writeFile(temporary, Buffer.concat([head, body]));
  await fs.rename(temporary, path.join(dir, INDEX_FILE));
}

/** Removes segment files the index does not name (swept, compacted, or left by a crash) and kiji's older cache file. */
async function removeUnnamed(dir: string, named: readonly string[]): Promise<void> {
  const keep = new Set(named);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => (SEGMENT_NAME.test(name) && !keep.has(name)) || name === LEGACY_FILE);
  await Promise.all(stale.map((name) => fs.rm(path.join(dir, name), { force: true })));
}
