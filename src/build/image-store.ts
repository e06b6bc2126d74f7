import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { CachedImage, ImageCache } from "../outputs/index.js";
import { digest } from "../shared/index.js";

/** The image cache of one build, plus what the build reports and sweeps afterwards. */
export interface ImageStore extends ImageCache {
  /** Images drawn (not found in the cache) during this build. */
  readonly rendered: () => number;
  /** Images used during this build, drawn or not. */
  readonly used: () => number;
  /** Forgets the images this build did not use, so the cache does not grow without end. */
  sweep(): Promise<void>;
}

const FOLDER = "ogp";

/** Where an image store keeps images. */
export interface ImageStoreOptions {
  /** The cache folder; images go to `<cacheDir>/ogp/`. Undefined: keep them in `memory`. */
  readonly cacheDir: string | undefined;
  readonly memory: Map<string, Uint8Array>;
  /** Digest of the engine's code: mixed into every key, so a changed renderer redraws. */
  readonly engineKey: string;
}

/**
 * Keeps drawn images as files `<cacheDir>/ogp/<key>.png` (content-addressed, so they survive
 * config changes that do not touch them), or in memory when there is no cache folder (the dev server).
 */
export function createImageStore(options: ImageStoreOptions): ImageStore {
  const { cacheDir, memory } = options;
  const folder = cacheDir === undefined ? undefined : path.join(cacheDir, FOLDER);
  const used = new Set<string>();
  let rendered = 0;
  const fileOf = (key: string): string => path.join(folder!, `${key}.png`);
  const storeKey = (key: string): string => digest(options.engineKey, key);
  return {
    rendered: () => rendered,
    used: () => used.size,
    async get(imageKey): Promise<CachedImage | undefined> {
      const key = storeKey(imageKey);
      used.add(key);
      if (!folder) {
        const contents = memory.get(key);
        return contents && { contents };
      }
      const exists = await fs.stat(fileOf(key)).then((stats) => stats.isFile(), () => false);
      return exists ? { copyFrom: fileOf(key) } : undefined;
    },
    async set(imageKey, png): Promise<CachedImage> {
      const key = storeKey(imageKey);
      used.add(key);
      rendered++;
      if (!folder) {
        memory.set(key, png);
        return { contents: png };
      }
      await fs.mkdir(folder, { recursive: true });
      const temporary = `${fileOf(key)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
      await fs.writeFile(temporary, png);
      await fs.rename(temporary, fileOf(key));
      return { copyFrom: fileOf(key) };
    },
    async sweep() {
      for (const key of memory.keys()) if (!used.has(key)) memory.delete(key);
      if (!folder) return;
      const names = await fs.readdir(folder).catch(() => [] as string[]);
      const stale = names.filter((name) => !used.has(name.replace(/\.png$/, "")));
      await Promise.all(stale.map((name) => fs.rm(path.join(folder, name), { force: true })));
    },
  };
}
