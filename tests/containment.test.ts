// The one path-containment helper (issue 10): it rejects, never clamps, and follows symbolic
// links; the source scan, the loaders, the writer and the dev server all rely on it.
import assert from "node:assert/strict";
import { readdirSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { startServe } from "../src/serve/index.js";
import { resolveInsideReal } from "../src/shared/index.js";
import { makeSite, removeDir } from "./helpers.js";
import { NOW, makeServeSite, rawRequest, statusOf } from "./serve-helpers.js";

test("resolveInsideReal accepts paths inside, links that stay inside, and paths not made yet", async () => {
  const root = makeSite({ "a/b.txt": "b", "a/c.txt": "c" });
  try {
    symlinkSync(path.join(root, "a/b.txt"), path.join(root, "link.txt"));
    assert.equal(await resolveInsideReal(root, "a/b.txt"), path.join(root, "a/b.txt"));
    assert.equal(await resolveInsideReal(root, "link.txt"), path.join(root, "link.txt"));
    assert.equal(await resolveInsideReal(root, "new/folder/file.html"), path.join(root, "new/folder/file.html"));
  } finally {
    removeDir(root);
  }
});

test("resolveInsideReal rejects .., absolute escapes, NUL, and links that lead outside — also below a linked folder", async () => {
  const outside = makeSite({ "secret.txt": "secret" });
  const root = makeSite({ "index.md": "x" });
  try {
    symlinkSync(path.join(outside, "secret.txt"), path.join(root, "leak.txt"));
    symlinkSync(outside, path.join(root, "linked"));
    await assert.rejects(resolveInsideReal(root, "../x"), /leads outside/);
    await assert.rejects(resolveInsideReal(root, "a/../../x"), /leads outside/);
    await assert.rejects(resolveInsideReal(root, "a\0b"), /NUL byte/);
    await assert.rejects(resolveInsideReal(root, "leak.txt", "static file"), (error: Error & { file?: string }) => {
      assert.match(error.message, /^static file: symbolic link points outside the site source/);
      assert.equal(error.file, "leak.txt");
      return true;
    });
    // The file does not exist, but the folder it would be written into is a link to outside.
    await assert.rejects(resolveInsideReal(root, "linked/new/page.html"), /points outside/);
  } finally {
    removeDir(root);
    removeDir(outside);
  }
});

test("a layout that is a link to outside is refused with its name, before any loader reads it", async () => {
  const outside = makeSite({ "evil.html": "{{ content }} stolen" });
  const site = makeSite({ "_layouts/default.html": "{{ content }}", "index.md": "---\nlayout: default\n---\nhome" });
  try {
    // The scan sees a link inside _layouts and refuses it before any loader reads it.
    symlinkSync(path.join(outside, "evil.html"), path.join(site, "_layouts/evil.html"));
    await assert.rejects(build({ source: site, cacheDir: false }), (error: Error & { file?: string }) => {
      assert.equal(error.file, "_layouts/evil.html");
      assert.match(error.message, /symbolic link points outside the site source/);
      return true;
    });
  } finally {
    removeDir(site);
    removeDir(outside);
  }
});

test("the writer never writes through a folder in the destination that links outside it", async () => {
  const outside = makeSite({ "keep.txt": "untouched" });
  const site = makeSite({ "_layouts/post.html": "{{ content }}", "_posts/2026-01-01-a.md": "---\nlayout: post\n---\nA" });
  try {
    await build({ source: site, cacheDir: false });
    // Someone replaced _site/2026 with a link to a folder outside the site.
    const year = path.join(site, "_site/2026");
    renameSync(year, path.join(site, "old-2026"));
    symlinkSync(outside, year);
    writeFileSync(path.join(site, "_posts/2026-01-01-a.md"), "---\nlayout: post\n---\nA, edited");
    await build({ source: site, cacheDir: false });
    assert.deepEqual(readdirSync(outside), ["keep.txt"], "nothing was written outside the destination");
    assert.match(readdirSync(path.join(site, "_site/2026")).join(","), /01/);
  } finally {
    removeDir(site);
    removeDir(outside);
  }
});

test("the dev server refuses a static file swapped for a link to outside after the build", async () => {
  const outside = makeSite({ "secret.txt": "top secret" });
  const source = makeServeSite({ "notes.txt": "public notes" });
  const session = await startServe({ build: { source }, port: 0, watch: false, now: () => NOW });
  try {
    const request = "GET /notes.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    assert.match(await rawRequest(session.server.port, request), /public notes/);
    renameSync(path.join(source, "notes.txt"), path.join(source, "notes.old"));
    symlinkSync(path.join(outside, "secret.txt"), path.join(source, "notes.txt"));
    const answer = await rawRequest(session.server.port, request);
    assert.equal(statusOf(answer), 404);
    assert.ok(!answer.includes("top secret"));
  } finally {
    await session.close();
    removeDir(source);
    removeDir(outside);
  }
});
