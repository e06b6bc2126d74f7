import assert from "node:assert/strict";
import fs, { appendFileSync, mkdtempSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { build } from "../src/build/index.js";
import { SETTLE_MS } from "../src/source/scan-source.js";
import { makeSite, removeDir, treeHash } from "./helpers.js";

const post = (title: string): string => `---\nlayout: post\ntitle: ${title}\n---\n${title}の本文です。\n`;

/** Runs `fn`, returning the posts it read from disk (readFileSync, as the source stage reads). */
async function postsRead(fn: () => Promise<unknown>): Promise<string[]> {
  const original = fs.readFileSync;
  const read: string[] = [];
  fs.readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (typeof file === "string" && file.includes(`${path.sep}_posts${path.sep}`)) read.push(path.basename(file));
    return (original as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.readFileSync;
  syncBuiltinESMExports();
  try {
    await fn();
  } finally {
    fs.readFileSync = original;
    syncBuiltinESMExports();
  }
  return read.sort();
}

test("a build reads only the sources changed since the last: the cache folder keeps settled files' digests by size, mtime and ctime", async () => {
  const site = makeSite({
    "_layouts/post.html": "<h1>{{ page.title }}</h1>{{ content }}",
    "_posts/2026-01-01-a.md": post("A"),
    "_posts/2026-01-02-b.md": post("B"),
    "_posts/2026-01-03-c.md": post("C"),
  });
  const clean = mkdtempSync(path.join(os.tmpdir(), "kiji-clean-"));
  try {
    const all = ["2026-01-01-a.md", "2026-01-02-b.md", "2026-01-03-c.md"];
    assert.deepEqual(await postsRead(() => build({ source: site, threads: 1 })), all);
    // Just written, the files are not settled: their signatures were not kept, so they are read again.
    assert.deepEqual(await postsRead(() => build({ source: site, threads: 1 })), all);
    await sleep(SETTLE_MS + 200);
    assert.deepEqual(await postsRead(() => build({ source: site, threads: 1 })), all, "read once more, now settled");
    appendFileSync(path.join(site, "_posts/2026-01-02-b.md"), "\n追記。\n");
    assert.deepEqual(await postsRead(() => build({ source: site, threads: 1 })), ["2026-01-02-b.md"], "only the edited post is read");
    await build({ source: site, cacheDir: false, threads: 1, overrides: { destination: clean } });
    assert.equal(treeHash(path.join(site, "_site")), treeHash(clean), "the output equals a clean build's");
  } finally {
    removeDir(site);
    removeDir(clean);
  }
});
