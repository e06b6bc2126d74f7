import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { build, createBuildCache } from "../src/build/index.js";
import { createTokenizer, extractPostTerms, termList, type PostText, type Tokenizer } from "../src/features/index.js";
import { REPO_ROOT, makeSite, removeDir, treeHash } from "./helpers.js";

const NOW = Date.UTC(2026, 5, 1);
const CLUSTERS = path.join(REPO_ROOT, "tests/fixtures/related-clusters/_posts");

/** Counting a post's texts word by word, as the features stage did before terms were counted where posts are rendered. */
function countWordByWord(text: PostText, fields: Record<"title" | "excerpt" | "headings" | "body", number>, tokenizer: Tokenizer): { terms: string[]; counts: number[] } {
  const counts = new Map<string, number>();
  const add = (value: string, weight: number): void => {
    if (weight <= 0) return;
    for (const term of tokenizer.tokenize(value)) counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  add(text.title, fields.title);
  add(text.excerpt, fields.excerpt);
  add(text.headings.join("\n"), fields.headings);
  add(text.body, fields.body);
  return { terms: [...counts.keys()], counts: [...counts.values()] };
}

const clusterTexts = (): PostText[] =>
  readdirSync(CLUSTERS).map((name) => {
    const text = readFileSync(path.join(CLUSTERS, name), "utf8");
    const body = text.slice(text.indexOf("\n---\n", 4) + 5);
    return {
      title: /^title: (.*)$/m.exec(text)?.[1] ?? "",
      excerpt: body.split("\n\n")[0] ?? "",
      headings: body.split("\n").filter((line) => line.startsWith("#")),
      body,
    };
  });

test("terms summed from counted texts equal counting the texts word by word: same terms, order and sums", () => {
  const weights = [
    { title: 3, excerpt: 2, headings: 2, body: 1 },
    // Fractions: each sum must add the same weights in the same order to come out bit for bit equal.
    { title: 1.5, excerpt: 0.3, headings: 0.7, body: 0.1 },
    { title: 2, excerpt: 0, headings: 1, body: 0 },
  ];
  const texts = clusterTexts();
  assert.ok(texts.length >= 20);
  for (const fields of weights) {
    for (const text of texts) {
      const expected = countWordByWord(text, fields, createTokenizer());
      assert.ok(expected.terms.length > 0);
      const actual = extractPostTerms(text, fields, createTokenizer());
      assert.deepEqual({ terms: termList(actual), counts: [...actual.counts] }, expected, `${text.title} with ${JSON.stringify(fields)}`);
    }
  }
});

/** 80 posts (enough to start the worker threads): bodies with Liquid, automatic excerpts, excerpts from front matter and from its defaults. */
function manyPosts(): Record<string, string> {
  const sources = readdirSync(CLUSTERS).map((name) => readFileSync(path.join(CLUSTERS, name), "utf8"));
  const files: Record<string, string> = {};
  for (let i = 0; i < 80; i++) {
    let text = sources[i % sources.length]!.replace(/^title: "?(.*?)"?$/m, (_, title: string) => `title: "${title} (${i})"`);
    if (i % 3 === 0) text = text.replace(/^excerpt: .*\n/m, "").replace(/^---\n/, `---\nexcerpt: "前書き ${i}: GPUとLLMの話"\n`);
    if (i % 3 === 1) text = text.replace(/^excerpt: .*\n/m, "");
    if (i % 7 === 0) text += `\n{{ page.title }} の補足、{% if page.tags %}タグ: {{ page.tags | length }}個{% endif %}\n`;
    const day = String(1 + (i % 28)).padStart(2, "0");
    const month = i < 40 ? "03" : "04";
    files[`_posts/2026-${month}-${day}-post-${i}.md`] = text;
  }
  return files;
}

const CONFIG = [
  "timezone: Asia/Tokyo",
  "permalink: /:title/",
  "related: {count: 5, fields: {title: 1.5, excerpt: 0.5, headings: 2, body: 0.3}}",
  'defaults: [{scope: {path: ""}, values: {layout: post}}, {scope: {path: "_posts/2026-04-0"}, values: {excerpt: "既定の抜粋: GPUの話"}}]',
  "",
].join("\n");
const LAYOUT = "{{ page.reading_time }}|{{ page.excerpt }}|{% for r in page.related %}{{ r.url }} {{ r.score }},{% endfor %}|{{ content }}";

test("a build on worker threads equals one in the main thread: reading time, related posts, excerpts, Liquid bodies", async () => {
  const site = makeSite({ "_config.yml": CONFIG, "_layouts/post.html": LAYOUT, ...manyPosts() });
  const single = mkdtempSync(path.join(os.tmpdir(), "kiji-single-"));
  try {
    await build({ source: site, now: NOW, cacheDir: false, threads: 2 });
    await build({ source: site, now: NOW, cacheDir: false, threads: 1, overrides: { destination: single } });
    assert.equal(treeHash(path.join(site, "_site")), treeHash(single));
    const page = readFileSync(path.join(single, "post-7", "index.html"), "utf8");
    assert.match(page, /^\d+\|/, "reading time");
    assert.match(page, /\|\/post-\d+\/ \d+\.\d+,/, "related posts with scores");
    assert.match(page, /GPUとLLMの話|<p>/, "an excerpt");
    assert.match(readFileSync(path.join(single, "post-58", "index.html"), "utf8"), /^\d+\|既定の抜粋: GPUの話\|/, "an excerpt from front-matter defaults");
  } finally {
    removeDir(site);
    removeDir(single);
  }
});

test("terms of a post whose excerpt comes from front-matter defaults equal those of one writing it out", async () => {
  // A worker thread sees no defaults: it keys the terms it makes by the excerpt it saw, and the features stage, missing them, makes its own.
  const written = Object.entries(manyPosts()).map(([name, text]): [string, string] =>
    /2026-04-0/.test(name) && !/^excerpt:/m.test(text) ? [name, text.replace(/^---\n/, '---\nexcerpt: "既定の抜粋: GPUの話"\n')] : [name, text],
  );
  const withDefaults = makeSite({ "_config.yml": CONFIG, "_layouts/post.html": LAYOUT, ...manyPosts() });
  const writtenOut = makeSite({ "_config.yml": CONFIG, "_layouts/post.html": LAYOUT, ...Object.fromEntries(written) });
  try {
    await build({ source: withDefaults, now: NOW, cacheDir: false, threads: 2 });
    await build({ source: writtenOut, now: NOW, cacheDir: false, threads: 2 });
    assert.equal(treeHash(path.join(withDefaults, "_site")), treeHash(path.join(writtenOut, "_site")));
  } finally {
    removeDir(withDefaults);
    removeDir(writtenOut);
  }
});

test("the features stage makes no terms of its own for posts the worker threads prepared: their keys agree", async () => {
  const plain = Object.entries(manyPosts()).filter(([, text]) => !text.includes("{{"));
  const site = makeSite({ "_config.yml": CONFIG.replace(/, \{scope: \{path: "_posts\/2026-04-0".*\}\]/, "]"), "_layouts/post.html": LAYOUT, ...Object.fromEntries(plain) });
  const cache = createBuildCache();
  const made: string[] = [];
  const set = cache.terms.set.bind(cache.terms);
  cache.terms.set = (key, terms) => (made.push(key), set(key, terms));
  try {
    await build({ source: site, now: NOW, cache, threads: 2 });
    assert.ok(plain.length >= 64, "enough posts to start the worker threads");
    assert.equal(made.length, plain.length, "one set of terms per post, made where it was rendered");
    assert.equal(cache.terms.size, plain.length);
  } finally {
    removeDir(site);
  }
});
