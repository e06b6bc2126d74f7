import assert from "node:assert/strict";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build, createBuildCache, type MemorySite } from "../src/build/index.js";
import { loadDocuments } from "../src/build/load-documents.js";
import { classifyChange, createChangeBatcher, createDevSite, isEditorTempFile, type DevSite, type LiveMessage } from "../src/serve/index.js";
import { removeDir } from "./helpers.js";
import { NOW, cleanBuild, makeServeSite, materialize } from "./serve-helpers.js";

function devSite(source: string, messages: LiveMessage[] = []): DevSite {
  return createDevSite({ build: { source }, now: () => NOW, onMessage: (message) => messages.push(message) });
}

function html(site: DevSite, file: string): string {
  const value = site.memory.get(file);
  assert.equal(typeof value, "string", `${file} is a rendered page`);
  return value as string;
}

async function assertSameAsCleanBuild(site: DevSite, source: string, step: string): Promise<void> {
  const served = materialize(site.memory);
  const clean = materialize(await cleanBuild(source));
  assert.deepEqual(served.map(([file]) => file), clean.map(([file]) => file), `${step}: same files`);
  for (const [i, [file, bytes]] of served.entries()) {
    assert.ok(bytes.equals(clean[i]![1]), `${step}: ${file} is byte-identical to a clean build`);
  }
}

test("rebuild(changedPaths) re-renders an edited post and the pages that show it, without a watcher", async () => {
  const source = makeServeSite();
  try {
    const messages: LiveMessage[] = [];
    const site = devSite(source, messages);
    const first = await site.buildAll();
    assert.equal(first.error, undefined);
    assert.match(html(site, "2026/01/02/second/index.html"), /The second post\./);
    const post = path.join(source, "_posts/2026-01-02-second.md");
    writeFileSync(post, "---\nlayout: post\ntitle: Second post, edited\n---\nNew words.\n");
    const outcome = await site.rebuild([post]);
    assert.deepEqual(outcome.kinds, ["document"]);
    assert.deepEqual(outcome.early, [], "a new title is no body edit: no fast path");
    assert.match(html(site, "2026/01/02/second/index.html"), /New words\./);
    // The home page and the feed list the title; the first post links to it as `next`; the third post is untouched.
    for (const file of ["2026/01/01/first/index.html", "2026/01/02/second/index.html", "index.html", "feed.xml"]) assert.ok(outcome.changed.includes(file), file);
    assert.ok(!outcome.changed.includes("2026/01/03/third/index.html"));
    const update = messages.at(-1);
    assert.equal(update?.type, "update");
    assert.ok(update?.type === "update" && update.pages.includes("/2026/01/02/second/") && update.pages.includes("/"));
    await assertSameAsCleanBuild(site, source, "after the edit");
  } finally {
    removeDir(source);
  }
});

test("invariant: after body edits (fast path), edit, add, delete, rename, layout, include, data, CSS and config changes the served site equals a clean build", async () => {
  const source = makeServeSite();
  const at = (file: string): string => path.join(source, file);
  const steps: Array<[string, () => string[]]> = [
    ["edit a post's body", () => (writeFileSync(at("_posts/2026-01-02-second.md"), "---\nlayout: post\ntitle: Second post\n---\nA new body.\n"), [at("_posts/2026-01-02-second.md")])],
    ["edit a page's body", () => (writeFileSync(at("about.md"), "---\nlayout: default\ntitle: About\npermalink: /about/\n---\nAbout, again.\n"), [at("about.md")])],
    ["edit a post", () => (writeFileSync(at("_posts/2026-01-01-first.md"), "---\nlayout: post\ntitle: First, edited\n---\nChanged.\n"), [at("_posts/2026-01-01-first.md")])],
    ["add a post", () => (writeFileSync(at("_posts/2026-01-04-fourth.md"), "---\nlayout: post\ntitle: Fourth\n---\nNew.\n"), [at("_posts/2026-01-04-fourth.md")])],
    ["delete a post", () => (rmSync(at("_posts/2026-01-03-third.md")), [at("_posts/2026-01-03-third.md")])],
    ["rename a post", () => (renameSync(at("_posts/2026-01-02-second.md"), at("_posts/2026-01-05-renamed.md")), [at("_posts/2026-01-02-second.md"), at("_posts/2026-01-05-renamed.md")])],
    ["change a layout", () => (writeFileSync(at("_layouts/post.html"), "---\nlayout: default\n---\n<article class=\"v2\">{{ content }}</article>\n"), [at("_layouts/post.html")])],
    ["change an include", () => (writeFileSync(at("_includes/nav.html"), "<nav class=\"v2\">{{ site.data.nav.length }}</nav>"), [at("_includes/nav.html")])],
    ["change data", () => (writeFileSync(at("_data/nav.yml"), "- title: Only\n  url: /\n"), [at("_data/nav.yml")])],
    ["change CSS", () => (writeFileSync(at("assets/site.css"), "body { color: red; }\n"), [at("assets/site.css")])],
    ["add a static file", () => (writeFileSync(at("assets/new.txt"), "new\n"), [at("assets/new.txt")])],
    ["change the config", () => (writeFileSync(at("_config.yml"), "title: Renamed blog\ntimezone: UTC\npermalink: /:title/\n"), [at("_config.yml")])],
    ["edit after the config change", () => (writeFileSync(at("_posts/2026-01-04-fourth.md"), "---\nlayout: post\ntitle: Fourth\n---\nAgain.\n"), [at("_posts/2026-01-04-fourth.md")])],
  ];
  try {
    const site = devSite(source);
    await site.buildAll();
    await assertSameAsCleanBuild(site, source, "first build");
    for (const [step, apply] of steps) {
      const outcome = await site.rebuild(apply());
      assert.equal(outcome.error, undefined, step);
      if (step.endsWith("'s body")) assert.equal(outcome.early.length, 1, `${step}: the fast path announced the page first`);
      await assertSameAsCleanBuild(site, source, step);
    }
    assert.ok(site.memory.has("fourth/index.html"), "the new permalink is in force");
    assert.ok(!site.memory.has("2026/01/04/fourth/index.html"), "the old permalink is gone");
  } finally {
    removeDir(source);
  }
});

test("a bad edit keeps the last good site and reports the error; fixing the file clears it", async () => {
  const source = makeServeSite();
  try {
    const messages: LiveMessage[] = [];
    const site = devSite(source, messages);
    await site.buildAll();
    const before = materialize(site.memory);
    const post = path.join(source, "_posts/2026-01-02-second.md");
    const good = readFileSync(post, "utf8");
    writeFileSync(post, "---\nlayout: post\ntitle: [unclosed\n---\nBroken.\n");
    const bad = await site.rebuild([post]);
    assert.ok(bad.error !== undefined);
    assert.deepEqual(materialize(site.memory), before, "the last good site is still served");
    const error = messages.at(-1);
    assert.ok(error?.type === "error");
    assert.equal(error.error.file, "_posts/2026-01-02-second.md");
    assert.equal(error.error.line, 4);
    assert.match(error.error.message, /invalid YAML/);
    assert.match(error.error.frame ?? "", /> 4 \| ---/);
    assert.equal(site.errorMessage?.type, "error", "a browser connecting now gets the error");

    writeFileSync(post, good);
    const fixed = await site.rebuild([post]);
    assert.equal(fixed.error, undefined);
    assert.equal(site.error, undefined);
    assert.equal(site.errorMessage, undefined);
    const update = messages.at(-1);
    assert.ok(update?.type === "update", "the fix sends an update, which clears the overlay, even though no file changed");
    assert.deepEqual(update.pages, []);
    await assertSameAsCleanBuild(site, source, "after the fix");
  } finally {
    removeDir(source);
  }
});

test("a template error names the layout file and line", async () => {
  const source = makeServeSite();
  try {
    const messages: LiveMessage[] = [];
    const site = devSite(source, messages);
    await site.buildAll();
    const layout = path.join(source, "_layouts/post.html");
    writeFileSync(layout, "---\nlayout: default\n---\n<article>\n{% for x in %}\n</article>\n");
    const outcome = await site.rebuild([layout]);
    assert.ok(outcome.error !== undefined);
    const error = messages.at(-1);
    assert.ok(error?.type === "error");
    assert.equal(error.error.file, "_layouts/post.html");
    assert.match(error.error.message, /template error/);
    assert.equal(error.error.line, 5);
    assert.match(error.error.frame ?? "", /> 5 \| \{% for x in %\}/);
  } finally {
    removeDir(source);
  }
});

test("editor temp files, the output folder and .git start no build; a CSS change is announced before the build", async () => {
  const source = makeServeSite();
  try {
    const messages: LiveMessage[] = [];
    const site = devSite(source, messages);
    await site.buildAll();
    const sent = messages.length;
    const ignored = await site.rebuild([path.join(source, "_posts/.2026-01-01-first.md.swp"), path.join(source, "_site/index.html"), path.join(source, ".git/index"), path.join(source, ".kiji-cache/cache.bin"), path.join(source, "4913")]);
    assert.deepEqual(ignored.kinds, []);
    assert.equal(ignored.result, undefined, "no build ran");
    assert.equal(messages.length, sent);

    writeFileSync(path.join(source, "assets/site.css"), "body { color: blue; }\n");
    const css = await site.rebuild(["assets/site.css"]);
    assert.deepEqual(css.kinds, ["static"]);
    assert.deepEqual(messages.slice(sent), [{ type: "update", version: site.version, pages: [], assets: ["/assets/site.css"] }], "one CSS-only update, no page reload");
  } finally {
    removeDir(source);
  }
});

test("rebuilds asked for while one runs are gathered into the next", async () => {
  const source = makeServeSite();
  try {
    const site = devSite(source);
    await site.buildAll();
    const a = path.join(source, "_posts/2026-01-01-first.md");
    const b = path.join(source, "_posts/2026-01-02-second.md");
    writeFileSync(a, "---\nlayout: post\ntitle: A\n---\nA\n");
    const first = site.rebuild([a]);
    writeFileSync(b, "---\nlayout: post\ntitle: B\n---\nB\n");
    const [one, two, three] = await Promise.all([first, site.rebuild([b]), site.rebuild([a, b])]);
    assert.equal(two, three, "the second and third calls share one rebuild");
    assert.notEqual(one, two);
    await assertSameAsCleanBuild(site, source, "after concurrent rebuilds");
  } finally {
    removeDir(source);
  }
});

test("classifyChange sorts paths into kinds", () => {
  const context = { configFiles: ["_config.yml"], staticSources: new Set(["assets/site.css"]), documentSources: new Set(["_posts/2026-01-02-b.md"]), ignoredFolders: ["_site", ".git", "node_modules"] };
  assert.equal(classifyChange("_config.yml", context), "config");
  assert.equal(classifyChange("site.config.ts", context), "config");
  assert.equal(classifyChange("assets/site.css", context), "static");
  assert.equal(classifyChange("_posts/2026-01-01-a.md", context), "content", "a post the last build did not render");
  assert.equal(classifyChange("_posts/2026-01-02-b.md", context), "document");
  assert.equal(classifyChange("_site/index.html", context), "ignored");
  assert.equal(classifyChange("_sites/x.md", context), "content", "a prefix is not a folder");
  assert.equal(classifyChange("../outside.md", context), "ignored");
  for (const temp of ["_posts/.a.md.swp", "_posts/.a.md.swx", "4913", "_posts/a.md~", "_posts/.#a.md", "_posts/#a.md#", "_posts/a.md___jb_tmp___", ".DS_Store"]) {
    assert.ok(isEditorTempFile(temp), temp);
  }
  for (const real of ["_posts/a.md", "swap.md", "assets/a.swp.css", "4913.md"]) assert.ok(!isEditorTempFile(real), real);
});

test("a burst of changes is handed over once, after the quiet time", async () => {
  const batches: string[][] = [];
  const batcher = createChangeBatcher(40, (paths) => batches.push(paths));
  for (const file of ["a", "b", "a", "c"]) batcher.add(file);
  await new Promise((resolve) => setTimeout(resolve, 20));
  batcher.add("d");
  assert.deepEqual(batches, [], "nothing while the burst goes on");
  await new Promise((resolve) => setTimeout(resolve, 120));
  assert.deepEqual(batches, [["a", "b", "c", "d"]]);
});

test("the dev server's text cache and prepared Markdown keys: unchanged files are not read or hashed again, changed and deleted ones are noticed", async () => {
  const source = makeServeSite();
  try {
    const cache = createBuildCache();
    const memory: MemorySite = new Map();
    await build({ source, memory, cache, now: NOW, threads: 1 });
    const first = cache.texts.get("_posts/2026-01-01-first.md");
    assert.ok(first, "texts are kept by path");
    const firstKey = cache.documents.get(first.digest)?.keys?.body;
    assert.ok(firstKey && cache.markdown.has(firstKey), "the body's Markdown key is kept with the parsed document");
    // A stale entry for a file whose bytes changed behind the scan's back proves the read is skipped.
    const file = path.join(source, "_posts/2026-01-01-first.md");
    writeFileSync(file, "---\nlayout: post\ntitle: Changed\n---\nChanged.\n");
    cache.texts.set("_posts/2026-01-01-first.md", { ...first, signature: "stale" });
    const entry = { relativePath: "_posts/2026-01-01-first.md", absolutePath: file, kind: "post" as const, mtimeMs: 0, signature: "stale" };
    const used = { documents: new Set<string>(), markdown: new Set<string>(), texts: new Set<string>() };
    const options = { cache, used, excerptSeparator: "\n\n", markdownOptions: { headingIds: true }, rendererKey: "test", threads: 1 };
    const [documents] = await loadDocuments([{ entries: [entry], isPost: true }], options);
    assert.equal(documents?.[0]?.data.title, "First post");
    // A real build scans the new size/mtime/ctime and reads the new text.
    await build({ source, memory, cache, now: NOW, threads: 1 });
    assert.match(String(memory.get("2026/01/01/first/index.html")), /<h1>Changed<\/h1>/);
    assert.ok(!cache.documents.has(first.digest) && !cache.markdown.has(firstKey), "the old text's document and Markdown are swept");
    const changed = cache.texts.get("_posts/2026-01-01-first.md")!;
    assert.ok(cache.markdown.has(cache.documents.get(changed.digest)?.keys?.body ?? ""), "the new text's are kept");
    rmSync(path.join(source, "_posts/2026-01-03-third.md"));
    await build({ source, memory, cache, now: NOW, threads: 1 });
    assert.ok(!cache.texts.has("_posts/2026-01-03-third.md"), "deleted files are swept");
  } finally {
    removeDir(source);
  }
});

test("a document just prepared is not kept as text either: it is read again when asked for, and a file changed since is an error", async () => {
  const source = makeServeSite();
  try {
    const file = path.join(source, "_posts/2026-01-01-first.md");
    const text = readFileSync(file, "utf8");
    const entry = { relativePath: "_posts/2026-01-01-first.md", absolutePath: file, kind: "post" as const, mtimeMs: 0, signature: "first" };
    // A fresh cache each time: the document is prepared, never found.
    const options = () => ({ cache: createBuildCache(), used: { documents: new Set<string>(), markdown: new Set<string>(), texts: new Set<string>() }, excerptSeparator: "\n\n", markdownOptions: { headingIds: true }, rendererKey: "test", threads: 1 });
    const load = async () => (await loadDocuments([{ entries: [entry], isPost: true }], options()))[0]![0]!;
    const prepared = await load();
    assert.ok(prepared.keys?.body, "it was prepared, not taken from a cache");
    assert.equal(prepared.text, text, "read again when asked for");
    const unread = await load();
    writeFileSync(file, "---\nlayout: post\ntitle: Changed\n---\nChanged.\n");
    assert.equal(unread.data.title, "First post");
    assert.throws(() => unread.body, /changed while the build was running/);
  } finally {
    removeDir(source);
  }
});

test("a document the cache knows is not kept as text: it is read again when asked for, and a file changed since is an error", async () => {
  const source = makeServeSite();
  try {
    const cache = createBuildCache();
    await build({ source, memory: new Map(), cache, now: NOW, threads: 1 });
    const file = path.join(source, "_posts/2026-01-01-first.md");
    const text = readFileSync(file, "utf8");
    // No signature: the text cache is not asked, the file is read and its digest found in the document cache.
    const entry = { relativePath: "_posts/2026-01-01-first.md", absolutePath: file, kind: "post" as const, mtimeMs: 0 };
    const used = { documents: new Set<string>(), markdown: new Set<string>() };
    const options = { cache, used, excerptSeparator: "\n\n", markdownOptions: { headingIds: true }, rendererKey: "test", threads: 1 };
    const load = async () => (await loadDocuments([{ entries: [entry], isPost: true }], options))[0]![0]!;
    const known = await load();
    assert.equal(known.text, text, "read again when asked for");
    assert.ok(known.keys?.body, "the body's Markdown key comes with it");
    const unread = await load();
    writeFileSync(file, "---\nlayout: post\ntitle: Changed\n---\nChanged.\n");
    assert.equal(unread.data.title, "First post", "front matter comes from the cache");
    assert.throws(() => unread.body, /changed while the build was running/);
  } finally {
    removeDir(source);
  }
});
