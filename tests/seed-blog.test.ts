import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { migrateBlocks } from "../src/migrate/index.js";
import { REPO_ROOT, SEED_POSTS, listFiles, removeDir } from "./helpers.js";

// URLs Jekyll 4.3.1 gave the five seed posts with this blog's timezone and permalink
// (TZ=UTC jekyll build on a copy of _posts/; note the trailing hyphen of the last slug is dropped).
const JEKYLL_URLS = [
  "2026/02/19/2-open-source-llm-corporate-roi/index.html",
  "2026/02/21/2-open-source-llm-performance-gp/index.html",
  "2026/02/21/2-open-source-llm-vs-gpt4o-ai-de/index.html",
  "2026/02/24/2-open-source-llm-vs-gpt4o-impac/index.html",
  "2026/02/25/2-llm-evolution-and-development/index.html",
];

test("the blog builds its five seed posts at exactly Jekyll's URLs", async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "kiji-blog-"));
  try {
    const result = await build({ source: REPO_ROOT, overrides: { destination: out } });
    assert.equal(result.posts, 5);
    const written = listFiles(out).filter((file) => /^\d{4}\/\d\d\/\d\d\//.test(file));
    assert.deepEqual(written, JEKYLL_URLS);
    const html = readFileSync(path.join(out, JEKYLL_URLS[0]!), "utf8");
    assert.match(html, /<h1 class="post-title">GPT-4o級性能のオープンソースLLM、企業導入でROIは劇的に改善するか<\/h1>/);
    assert.ok(existsSync(path.join(out, ".nojekyll")), ".nojekyll keeps GitHub Pages from running Jekyll again");
    for (const engineFile of ["package.json", "README.md", "site.config.ts", "tsconfig.json", "src", "tests", "node_modules", "dist"]) {
      assert.ok(!existsSync(path.join(out, engineFile)), `${engineFile} must not be published`);
    }
  } finally {
    removeDir(out);
  }
});

test("the blog's _posts/ are exactly what kiji migrate blocks --dedupe makes of the posts as published", async () => {
  assert.ok(existsSync(SEED_POSTS), `${SEED_POSTS} holds the posts as published`);
  const copy = mkdtempSync(path.join(os.tmpdir(), "kiji-migrate-seed-"));
  try {
    cpSync(SEED_POSTS, path.join(copy, "_posts"), { recursive: true });
    cpSync(path.join(REPO_ROOT, "_data"), path.join(copy, "_data"), { recursive: true });
    const report = await migrateBlocks({ source: copy, configFiles: [path.join(REPO_ROOT, "site.config.ts")], dedupe: true, force: true, threads: 1 });
    assert.equal(report.changedFiles.length, 5, "all five published posts had pasted blocks and ---END--- tails");
    assert.deepEqual(listFiles(path.join(copy, "_posts")), listFiles(path.join(REPO_ROOT, "_posts")));
    for (const file of listFiles(path.join(REPO_ROOT, "_posts"))) {
      assert.equal(readFileSync(path.join(copy, "_posts", file), "utf8"), readFileSync(path.join(REPO_ROOT, "_posts", file), "utf8"), file);
    }
    // The committed book catalogue already lists every book the posts pasted.
    assert.equal(readFileSync(path.join(copy, "_data/books.yml"), "utf8"), readFileSync(path.join(REPO_ROOT, "_data/books.yml"), "utf8"));
  } finally {
    removeDir(copy);
  }
});

test("the blog has its feeds, sitemap, paginated home, every category and tag archive, a 404 page and the SEO set on every post", async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "kiji-blog-"));
  try {
    const result = await build({ source: REPO_ROOT, cacheDir: false, overrides: { destination: out } });
    const files = new Set(listFiles(out));
    const read = (file: string): string => readFileSync(path.join(out, file), "utf8");
    for (const file of ["feed.xml", "sitemap.xml", "robots.txt", "404.html", "index.html", "page2/index.html"]) assert.ok(files.has(file), file);
    // Archives for every category and tag the seed posts use, at their slugified (still Japanese) names.
    const categories = new Set<string>();
    const tags = new Set<string>();
    for (const file of listFiles(path.join(REPO_ROOT, "_posts"))) {
      const text = readFileSync(path.join(REPO_ROOT, "_posts", file), "utf8");
      for (const name of JSON.parse(/^categories: (\[.*\])$/m.exec(text)![1]!.replace(/([^[\],\s"][^,\]]*)/g, '"$1"')) as string[]) categories.add(name);
      for (const name of JSON.parse(/^tags: (\[.*\])$/m.exec(text)![1]!) as string[]) tags.add(name);
    }
    assert.ok(categories.has("導入事例") && tags.has("DX推進"));
    for (const name of categories) assert.ok(files.has(`categories/${name.toLowerCase()}/index.html`), `category ${name}`);
    for (const name of tags) assert.ok(files.has(`tags/${name.toLowerCase()}/index.html`), `tag ${name}`);
    assert.match(read("sitemap.xml"), /<loc>https:\/\/allforces\.example\/categories\/%E5%B0%8E%E5%85%A5%E4%BA%8B%E4%BE%8B\/<\/loc>/);
    assert.match(read("feed.xml"), /^<\?xml version="1\.0" encoding="utf-8"\?><feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="ja">/);
    assert.equal(read("robots.txt"), "Sitemap: https://allforces.example/sitemap.xml\n");
    const set = ["og:title", "og:description", "og:url", "og:image", "og:type", "og:locale", "article:published_time", "article:modified_time", "article:tag", "twitter:card", "description"];
    for (const file of JEKYLL_URLS) {
      const head = /<head>([\s\S]*?)<\/head>/.exec(read(file))![1]!;
      for (const key of set) assert.match(head, new RegExp(`<meta (name|property)="${key}" content="[^"]+" />`), `${file}: ${key}`);
      assert.match(head, /<meta property="og:locale" content="ja_JP" \/>/);
      assert.match(head, /<meta property="og:image" content="https:\/\/allforces\.example\/assets\/images\/posts\/.*-ogp\.png" \/>/);
      assert.match(head, /<meta name="twitter:card" content="summary_large_image" \/>/);
      assert.match(head, /<link rel="canonical" href="https:\/\/allforces\.example\/2026\//);
      const json = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(head)![1]!) as Record<string, unknown>;
      assert.equal(json["@type"], "BlogPosting");
      assert.equal((json.author as { name: string }).name, "ALLFORCES編集部");
    }
    assert.equal(result.warnings.length, 0);
  } finally {
    removeDir(out);
  }
});
