import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { createLogger } from "../src/shared/index.js";
import { createOutputWriter, listDestinationAhead } from "../src/write/index.js";
import { DUMP_LAYOUT, listFiles, makeSite, removeDir } from "./helpers.js";

test("keep_files survive a rebuild, stale files do not", async () => {
  const site = makeSite({
    "_config.yml": "keep_files: [.git, CNAME]\n",
    "_layouts/post.html": DUMP_LAYOUT,
    "_posts/2026-01-02-a.md": "---\nlayout: post\n---\nx\n",
  });
  try {
    await build({ source: site });
    const dest = path.join(site, "_site");
    mkdirSync(path.join(dest, ".git"), { recursive: true });
    writeFileSync(path.join(dest, ".git/HEAD"), "ref: refs/heads/gh-pages\n");
    writeFileSync(path.join(dest, "CNAME"), "blog.example\n");
    writeFileSync(path.join(dest, "stale.html"), "old\n");
    await build({ source: site });
    assert.equal(readFileSync(path.join(dest, ".git/HEAD"), "utf8"), "ref: refs/heads/gh-pages\n");
    assert.equal(readFileSync(path.join(dest, "CNAME"), "utf8"), "blog.example\n");
    assert.ok(!existsSync(path.join(dest, "stale.html")), "files no longer generated are removed");
    assert.deepEqual(listFiles(dest), [".git/HEAD", ".nojekyll", "2026/01/02/a.html", "404.html", "CNAME", "feed.xml", "robots.txt", "sitemap.xml"]);
  } finally {
    removeDir(site);
  }
});

test("files in _posts without a date in their name are skipped with a warning", async () => {
  const site = makeSite({
    "_layouts/post.html": DUMP_LAYOUT,
    "_posts/2026-01-02-a.md": "---\nlayout: post\n---\nx\n",
    "_posts/notes.md": "---\nlayout: post\n---\nx\n",
    "_posts/2026-01-03-data.json": "{}",
  });
  const lines: string[] = [];
  try {
    const result = await build({ source: site, logger: createLogger({ write: (line) => lines.push(line) }) });
    assert.equal(result.posts, 1);
    assert.equal(result.warnings.length, 2);
    assert.match(lines.join("\n"), /warning: _posts\/notes\.md: skipped '_posts\/notes\.md': post file names must look like YYYY-MM-DD-title\.md/);
  } finally {
    removeDir(site);
  }
});

test("two builds of the same source are byte-identical", async () => {
  const site = makeSite({
    "_layouts/post.html": DUMP_LAYOUT,
    "_posts/2026-01-02-a.md": "---\nlayout: post\ntitle: A\n---\nHello *world*\n",
    "index.html": "---\n---\n{% for p in site.posts %}{{ p.title }}{% endfor %}",
  });
  // Both outside the source: a first output inside it would be a folder of static files to the second build.
  const out = makeSite({});
  try {
    const now = Date.UTC(2026, 5, 1);
    await build({ source: site, now, overrides: { destination: path.join(out, "one") } });
    await build({ source: site, now, overrides: { destination: path.join(out, "two") } });
    for (const file of listFiles(path.join(out, "one"))) {
      assert.equal(readFileSync(path.join(out, "two", file), "utf8"), readFileSync(path.join(out, "one", file), "utf8"), file);
    }
  } finally {
    removeDir(site);
    removeDir(out);
  }
});

test("a large destination is listed ahead in a worker thread, and the commit removes what that list holds and the build no longer produces", async () => {
  const root = makeSite({ "_site/keep.html": "old\n", "_site/stale/index.html": "old\n", "_site/CNAME": "blog.example\n", "_site/deep/er/file.txt": "x\n" });
  try {
    const destination = path.join(root, "_site");
    const small = new Map([["keep.html", { digest: "", size: 0, mtimeMs: 0 }]]);
    assert.equal(listDestinationAhead(destination, small), undefined, "a small destination is listed at the commit");
    const large = new Map(Array.from({ length: 2_000 }, (_, i) => [`p${i}.html`, { digest: "", size: 0, mtimeMs: 0 }]));
    const ahead = listDestinationAhead(destination, large);
    assert.deepEqual((await ahead)?.sort(), ["CNAME", "deep/er/file.txt", "keep.html", "stale/index.html"]);
    const writer = await createOutputWriter({ destination, keepFiles: ["CNAME"], previous: large, listing: ahead });
    await writer.write({ path: "keep.html", contents: "new\n" });
    await writer.write({ path: "deep/er/file.txt", contents: "x\n" });
    const summary = await writer.commit();
    assert.equal(summary.filesRemoved, 1);
    assert.deepEqual(listFiles(destination), ["CNAME", "deep/er/file.txt", "keep.html"]);
    assert.equal(readFileSync(path.join(destination, "keep.html"), "utf8"), "new\n");
  } finally {
    removeDir(root);
  }
});

test("changes to an existing site are staged flat, without folders, and land where a clean build puts them", async () => {
  const root = makeSite({ "_site/same.html": "same\n", "_site/old/index.html": "old\n", "_site/was-file": "file\n", "_site/was-dir/index.html": "dir\n" });
  try {
    const destination = path.join(root, "_site");
    const writer = await createOutputWriter({ destination, keepFiles: [] });
    await writer.write({ path: "same.html", contents: "changed\n" });
    await writer.write({ path: "old/index.html", contents: "new\n" });
    await writer.write({ path: "2026/01/02/new-post/index.html", contents: "post\n" });
    await writer.write({ path: "was-file/index.html", contents: "now a folder\n" });
    await writer.write({ path: "was-dir", contents: "now a file\n" });
    const staging = readdirSync(root).find((name) => name.startsWith(".kiji-tmp-"));
    assert.ok(staging, "a staging folder beside the destination");
    // Writes finish in the background until the commit: wait for all five.
    const stagedNow = () => readdirSync(path.join(root, staging), { withFileTypes: true });
    for (let tries = 0; stagedNow().length < 5 && tries < 500; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    const staged = stagedNow();
    assert.equal(staged.length, 5);
    assert.ok(staged.every((entry) => entry.isFile()), "no folder is made for a staged file");
    await writer.commit();
    assert.deepEqual(listFiles(destination), ["2026/01/02/new-post/index.html", "old/index.html", "same.html", "was-dir", "was-file/index.html"]);
    assert.equal(readFileSync(path.join(destination, "2026/01/02/new-post/index.html"), "utf8"), "post\n");
    assert.equal(readFileSync(path.join(destination, "was-dir"), "utf8"), "now a file\n");
    assert.equal(readFileSync(path.join(destination, "was-file/index.html"), "utf8"), "now a folder\n");
    assert.deepEqual(readdirSync(root).filter((name) => name.startsWith(".kiji-tmp-")), [], "the staging folder is removed");
  } finally {
    removeDir(root);
  }
});
