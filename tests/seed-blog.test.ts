import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { REPO_ROOT, listFiles, removeDir } from "./helpers.js";

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

test("the seed posts in _posts/ are the shared fixtures, unchanged", () => {
  const shared = path.join(REPO_ROOT, "../shared/fixtures/seed-blog/_posts");
  if (!existsSync(shared)) return;
  for (const file of listFiles(shared)) {
    assert.equal(readFileSync(path.join(REPO_ROOT, "_posts", file), "utf8"), readFileSync(path.join(shared, file), "utf8"), file);
  }
});
