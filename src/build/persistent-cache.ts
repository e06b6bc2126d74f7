import { promises as fs } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { BuildCache } from "./build-cache.js";

const FILE_NAME = "build-cache.v8";

interface StoredCache {
  readonly key: string;
  readonly documents: Array<[string, unknown]>;
  readonly markdown: Array<[string, unknown]>;
  readonly terms: Array<[string, unknown]>;
  readonly outputs: Array<[string, unknown]>;
}

/**
 * Loads the cache folder's cache if it was written under the same global key (kiji version,
 * resolved-config digest, Markdown settings); anything else starts empty.
 */
export async function loadPersistentCache(dir: string, key: string): Promise<BuildCache | undefined> {
  const bytes = await fs.readFile(path.join(dir, FILE_NAME)).catch(() => undefined);
  if (!bytes) return undefined;
  try {
    const stored = deserialize(bytes) as StoredCache;
    if (stored.key !== key) return undefined;
    return {
      documents: new Map(stored.documents) as BuildCache["documents"],
      markdown: new Map(stored.markdown) as BuildCache["markdown"],
      images: new Map(),
      terms: new Map(stored.terms) as BuildCache["terms"],
      texts: new Map(),
      markdownKeys: new Map(),
      outputs: new Map(stored.outputs) as BuildCache["outputs"],
    };
  } catch {
    return undefined;
  }
}

/** Writes the cache atomically (temporary file, then rename), so a crash never leaves half a cache. */
export async function savePersistentCache(dir: string, key: string, cache: BuildCache): Promise<void> {
  const stored: StoredCache = {
    key,
    documents: [...cache.documents],
    markdown: [...cache.markdown],
    terms: [...cache.terms],
    outputs: [...cache.outputs],
  };
  await fs.mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `${FILE_NAME}.${process.pid}.tmp`);
  await fs.writeFile(temporary, serialize(stored));
  await fs.rename(temporary, path.join(dir, FILE_NAME));
}
