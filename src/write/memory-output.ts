import type { OutputFile } from "../outputs/index.js";
import { resolveInside } from "../shared/index.js";
import type { OutputWriter, WriteSummary } from "./output-writer.js";

/** A site kept in memory: output path (relative, Unicode) → contents, or the source file to copy. */
export type MemorySite = Map<string, string | Uint8Array | { readonly copyFrom: string }>;

/** A writer that keeps the site in memory (the dev server's output); commit publishes it into `site` at once. */
export function createMemoryWriter(site: MemorySite): OutputWriter {
  const staged: MemorySite = new Map();
  return {
    kept: () => undefined,
    async write(file: OutputFile) {
      resolveInside("/", file.path, "output path");
      if ("kept" in file) throw new Error(`${file.path}: a site in memory keeps no page from the last build`);
      staged.set(file.path, "copyFrom" in file ? { copyFrom: file.copyFrom } : file.contents);
    },
    async commit(): Promise<WriteSummary> {
      site.clear();
      for (const [path, contents] of staged) site.set(path, contents);
      return { filesWritten: staged.size, filesUnchanged: 0, pagesKept: 0, filesRemoved: 0, manifest: new Map() };
    },
    async abort() {
      staged.clear();
    },
  };
}
