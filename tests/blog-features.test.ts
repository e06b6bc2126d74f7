import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { REPO_ROOT, listFiles, removeDir } from "./helpers.js";

function section(html: string, className: string): string {
  const start = html.indexOf(`<section class="${className}"`);
  return start === -1 ? "" : html.slice(start, html.indexOf("</section>", start));
}

test("the blog's post pages show related posts that resolve, a tagged book block and the disclosure", async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "kiji-blog-features-"));
  try {
    await build({ source: REPO_ROOT, overrides: { destination: out }, cacheDir: false });
    const catalogue = readFileSync(path.join(REPO_ROOT, "_data/books.yml"), "utf8");
    const posts = listFiles(out).filter((file) => /^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(file));
    assert.equal(posts.length, 5);
    for (const file of posts) {
      const html = readFileSync(path.join(out, file), "utf8");
      const related = [...section(html, "related-posts").matchAll(/href="([^"]+)">([^<]+)</g)].map((m) => [decodeURI(m[1]!), m[2]!]);
      assert.equal(related.length, 3, `${file}: three related posts`);
      for (const [url, title] of related) {
        const target = path.join(out, url!, "index.html");
        assert.ok(existsSync(target), `${file}: related link ${url} resolves`);
        assert.ok(readFileSync(target, "utf8").includes(`<h1 class="post-title">${title}</h1>`), `${file}: ${url} is titled ${title}`);
        assert.notEqual(`${url!.slice(1)}index.html`, file, `${file} does not list itself`);
      }
      const books = [...section(html, "book-block").matchAll(/<a href="([^"]+)" rel="([^"]+)">/g)];
      assert.equal(books.length, 3, `${file}: three books`);
      for (const [, url, rel] of books) {
        const asin = /^https:\/\/www\.amazon\.co\.jp\/dp\/([0-9X]{10})\/\?tag=nullpodesu-22$/.exec(url!)?.[1];
        assert.ok(asin && catalogue.includes(`asin: "${asin}"`), `${file}: ${url} is a tagged link to a catalogue book`);
        assert.equal(rel, "sponsored noopener");
      }
      assert.match(html, /<p class="affiliate-disclosure">※ 本ページのリンクにはアフィリエイトリンクが含まれます。/);
      assert.match(html, /<span class="reading-time">約\d+分で読めます<\/span>/);
    }
  } finally {
    removeDir(out);
  }
});
