import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { generateCorpus } from "../bench/corpus.js";
import { build } from "../src/build/index.js";
import { REPO_ROOT, removeDir, treeHash } from "./helpers.js";

const SEED_POSTS = path.join(REPO_ROOT, "_posts");
const POSTS = 20;

function generate(seed: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kiji-corpus-"));
  generateCorpus({ dir, posts: POSTS, postBytes: 3000, seed, seedPostsDir: SEED_POSTS });
  return dir;
}

test("the benchmark corpus is deterministic: the same seed gives byte-identical files", () => {
  const [first, second, other] = [generate(7), generate(7), generate(8)];
  try {
    assert.equal(readdirSync(path.join(first, "_posts")).length, POSTS);
    assert.equal(treeHash(first), treeHash(second));
    assert.notEqual(treeHash(first), treeHash(other));
  } finally {
    for (const dir of [first, second, other]) removeDir(dir);
  }
});

test("the benchmark corpus is shaped like the blog: front matter, headings, lists, bold, links, IAL lines", async () => {
  const dir = generate(42);
  try {
    const names = readdirSync(path.join(dir, "_posts")).sort();
    // Three posts a day, named as Jekyll posts.
    assert.deepEqual(names.slice(0, 4), ["2018-01-01-1-post-0.md", "2018-01-01-2-post-1.md", "2018-01-01-3-post-2.md", "2018-01-02-1-post-3.md"]);
    const texts = names.map((name) => readFileSync(path.join(dir, "_posts", name), "utf8"));
    for (const [index, name] of names.entries()) {
      const text = texts[index]!;
      const frontMatter = text.split(/^---$/m)[1] ?? "";
      const keys = [...frontMatter.matchAll(/^([a-z]+):/gm)].map((match) => match[1]);
      assert.deepEqual(keys, ["layout", "title", "date", "categories", "tags", "author", "excerpt", "image"], name);
      assert.match(text, /^## \S/m, `${name}: a heading`);
      assert.match(text, /[ぁ-んァ-ン一-龯]/, `${name}: Japanese text`);
      assert.match(text, /^\[[^\]]+\]\([^)]+\)\n\{: \.consulting-cta-link\}$/m, `${name}: an IAL line right under its paragraph`);
    }
    assert.ok(texts.some((text) => /^\* {3}\*\*[^*]+\*\*: /m.test(text)), "lists of bold terms");
    assert.ok(texts.slice(1).every((text) => /^- \[関連記事\]\(\/20\d\d\/\d\d\/\d\d\/[\w-]+\/\)$/m.test(text)), "links to earlier posts");
    // kiji builds it, and the IAL reaches the HTML as a class (it is not left as text).
    await build({ source: dir, cacheDir: false, threads: 1, now: Date.UTC(2026, 0, 1) });
    const html = readFileSync(path.join(dir, "_site/2018/01/02/1-post-3/index.html"), "utf8");
    assert.match(html, /<p class="consulting-cta-link"><a href="\/contact\/\?utm_source=article">/);
    assert.match(html, /<h2 id="[^"]+">/);
    assert.doesNotMatch(html, /\{:/);
  } finally {
    removeDir(dir);
  }
});
