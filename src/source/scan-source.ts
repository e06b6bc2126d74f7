import { promises as fs, statSync, type Dirent } from "node:fs";
import path from "node:path";
import type { ResolvedConfig } from "../config/index.js";
import { KijiError, resolveInsideReal } from "../shared/index.js";
import { createEntryFilter, type EntryFilter } from "./entry-filter.js";
import { hasFrontMatter } from "./front-matter.js";
import type { SourceEntry, SourceKind, SourceTree } from "./source-file.js";

interface ScanState {
  readonly root: string;
  readonly filter: EntryFilter;
  readonly destination: string;
  readonly found: Record<SourceKind, SourceEntry[]>;
}

interface FoundEntry {
  readonly name: string;
  readonly absolutePath: string;
  readonly isDirectory: boolean;
}

/** Resolves a directory entry, following symbolic links that stay inside the source and refusing others. */
async function resolveEntry(state: ScanState, dir: string, dirent: Dirent, relPath: string): Promise<FoundEntry | undefined> {
  const absolutePath = path.join(dir, dirent.name);
  if (!dirent.isSymbolicLink()) {
    return dirent.isDirectory() || dirent.isFile() ? { name: dirent.name, absolutePath, isDirectory: dirent.isDirectory() } : undefined;
  }
  await resolveInsideReal(state.root, relPath, "symbolic link");
  // A dangling link names nothing to build.
  const stats = await fs.stat(absolutePath).catch(() => undefined);
  return stats && { name: dirent.name, absolutePath, isDirectory: stats.isDirectory() };
}

/** The entries of `dir` that pass the filter; `relDir` is `dir` relative to the source ("" at the root). */
async function listDir(state: ScanState, dir: string, relDir: string, applyFilter: boolean): Promise<FoundEntry[]> {
  const dirents = await fs.readdir(dir, { withFileTypes: true });
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: FoundEntry[] = [];
  for (const dirent of dirents) {
    const relPath = relDir ? `${relDir}/${dirent.name}` : dirent.name;
    const entry = await resolveEntry(state, dir, dirent, relPath);
    if (!entry) continue;
    if (applyFilter && state.filter.rejects(relPath, entry.isDirectory)) continue;
    if (entry.isDirectory && entry.absolutePath === state.destination) continue;
    out.push(entry);
  }
  return out;
}

/**
 * How long ago a file must have changed for its signature to stand for its contents in a later
 * build. A file changed again within its file system's timestamp granularity (up to 2 s on FAT)
 * could keep size, mtime and ctime; one changed before this margin cannot (Git's "racily clean"
 * entries, solved the same way).
 */
export const SETTLE_MS = 3_000;

// Synchronous: a stat is a few microseconds, and a promise per file (a thread-pool round trip each) made scanning 10,000 posts several times slower.
function add(state: ScanState, kind: SourceKind, absolutePath: string, relativePath: string, extra: Partial<SourceEntry> = {}): void {
  const stats = statSync(absolutePath);
  const signature = `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
  const settled = Math.max(stats.mtimeMs, stats.ctimeMs) < Date.now() - SETTLE_MS;
  state.found[kind].push({ relativePath, absolutePath, kind, mtimeMs: stats.mtimeMs, signature, settled, ...extra });
}

/** Adds every file below a special folder (`_posts`, `_layouts` …), filtering special names as Jekyll's get_entries does. */
async function scanSpecial(state: ScanState, kind: SourceKind, dir: string, relDir: string, base: string, below = ""): Promise<void> {
  for (const entry of await listDir(state, dir, relDir, true)) {
    const relPath = `${relDir}/${entry.name}`;
    const collectionPath = below ? `${below}/${entry.name}` : entry.name;
    if (entry.isDirectory) await scanSpecial(state, kind, entry.absolutePath, relPath, base, collectionPath);
    else add(state, kind, entry.absolutePath, relPath, { collectionBase: base, collectionPath });
  }
}

/** True when the file starts with a front-matter fence (reads only its first bytes). */
async function startsWithFrontMatter(file: string): Promise<boolean> {
  const handle = await fs.open(file, "r");
  try {
    const buffer = Buffer.alloc(64);
    const { bytesRead } = await handle.read(buffer, 0, 64, 0);
    return hasFrontMatter(buffer.subarray(0, bytesRead).toString("utf8"));
  } finally {
    await handle.close();
  }
}

const ROOT_SPECIAL: Readonly<Record<string, SourceKind>> = { _layouts: "layout", _includes: "include", _data: "data" };

async function scanDir(state: ScanState, dir: string, relDir: string): Promise<void> {
  const prefix = relDir ? `${relDir}/` : "";
  for (const special of ["_posts", "_drafts"] as const) {
    const specialDir = path.join(dir, special);
    const exists = await fs.stat(specialDir).then((s) => s.isDirectory(), () => false);
    if (exists && !state.filter.excludes(`${prefix}${special}`, true)) {
      await scanSpecial(state, special === "_posts" ? "post" : "draft", specialDir, `${prefix}${special}`, relDir);
    }
  }
  if (relDir === "") {
    for (const [name, kind] of Object.entries(ROOT_SPECIAL)) {
      const specialDir = path.join(dir, name);
      if (await fs.stat(specialDir).then((s) => s.isDirectory(), () => false)) await scanSpecial(state, kind, specialDir, name, "");
    }
  }
  for (const entry of await listDir(state, dir, relDir, true)) {
    const relPath = `${prefix}${entry.name}`;
    if (entry.isDirectory) await scanDir(state, entry.absolutePath, relPath);
    else add(state, (await startsWithFrontMatter(entry.absolutePath)) ? "page" : "static", entry.absolutePath, relPath);
  }
}

/** Walks the site source with Jekyll's rules and sorts what it finds by kind. */
export async function scanSource(config: ResolvedConfig): Promise<SourceTree> {
  await fs.realpath(config.source).catch(() => {
    throw new KijiError(`source folder '${config.source}' does not exist`, { hint: "Pass the site folder with --source." });
  });
  const state: ScanState = {
    root: config.source,
    filter: createEntryFilter(config.exclude, config.include),
    destination: config.destination,
    found: { post: [], draft: [], layout: [], include: [], data: [], page: [], static: [] },
  };
  await scanDir(state, config.source, "");
  const f = state.found;
  return { posts: f.post, drafts: f.draft, layouts: f.layout, includes: f.include, data: f.data, pages: f.page, statics: f.static };
}
