import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { createNewPost, slugFor, writeNewFile } from "../src/new-post/index.js";
import { makeSite, removeDir } from "./helpers.js";

const CONFIG = [
  "url: https://allforces.example",
  "timezone: Asia/Tokyo",
  "permalink: /:year/:month/:day/:title/",
  "author: ALLFORCES編集部",
  "check:\n  categories: [AI最新ニュース, 導入事例]",
].join("\n");
// 20:30 UTC on the 18th is already the 19th in Tokyo.
const NOW = Date.UTC(2026, 1, 18, 20, 30, 5);

test("kiji new writes the day's next number with the blog's front matter, in the site's timezone", async () => {
  const site = makeSite({ "_config.yml": CONFIG, "_posts/2026-02-19-2-earlier.md": "---\ntitle: x\n---\n", "_drafts/2026-02-19-3-draft.md": "---\ntitle: y\n---\n" });
  try {
    const post = await createNewPost({ source: site, title: "Llama 3とDeepSeek R1の比較", slug: "llama3-vs-r1", category: "導入事例", tags: ["LLM", "Meta"], now: NOW });
    assert.equal(post.file, "_posts/2026-02-19-4-llama3-vs-r1.md");
    assert.equal(post.url, "https://allforces.example/2026/02/19/4-llama3-vs-r1/");
    assert.deepEqual(post.hints, []);
    assert.equal(readFileSync(path.join(site, post.file), "utf8"), [
      "---",
      "layout: post",
      'title: "Llama 3とDeepSeek R1の比較"',
      "date: 2026-02-19 05:30:05 +0900",
      'categories: ["導入事例"]',
      'tags: ["LLM", "Meta"]',
      'author: "ALLFORCES編集部"',
      'excerpt: ""',
      'image: "/assets/images/posts/2026-02-19-4-llama3-vs-r1-ogp.png"',
      "---",
      "",
      "",
    ].join("\n"));
    const draft = await createNewPost({ source: site, title: "下書き", slug: "draft-two", draft: true, now: NOW });
    assert.equal(draft.file, "_drafts/2026-02-19-5-draft-two.md");
  } finally {
    removeDir(site);
  }
});

test("a title without ASCII gets a short stable slug and a hint; ASCII words make the slug otherwise", async () => {
  const japanese = slugFor("オープンソースの企業導入");
  assert.match(japanese.slug, /^post-[0-9a-f]{8}$/);
  assert.equal(slugFor("オープンソースの企業導入").slug, japanese.slug);
  assert.notEqual(slugFor("別の記事").slug, japanese.slug);
  assert.equal(slugFor("GPT-4o級性能のオープンソースLLM").slug, "gpt-4o-llm");
  assert.equal(slugFor("Open Source LLM corporate ROI and the future of everything").slug, "open-source-llm-corporate-roi");
  const site = makeSite({ "_config.yml": CONFIG });
  try {
    const post = await createNewPost({ source: site, title: "オープンソースの企業導入", now: NOW });
    assert.equal(post.file, `_posts/2026-02-19-1-${japanese.slug}.md`);
    assert.match(post.hints[0]!, /digest.*--slug/);
  } finally {
    removeDir(site);
  }
});

test("kiji new refuses to overwrite, bad slugs and unknown categories", async () => {
  const site = makeSite({ "_config.yml": CONFIG, "_posts/x.md": "keep me" });
  try {
    const file = path.join(site, "_posts/x.md");
    await assert.rejects(writeNewFile(file, "_posts/x.md", "new"), /_posts\/x\.md already exists; kiji new never overwrites/);
    assert.equal(readFileSync(file, "utf8"), "keep me");
    await assert.rejects(createNewPost({ source: site, title: "t", slug: "Not A Slug", now: NOW }), /not a lower-case ASCII slug/);
    await assert.rejects(createNewPost({ source: site, title: "t", category: "AI最新ニュー", now: NOW }), /category 'AI最新ニュー' is not one of the site's categories/);
  } finally {
    removeDir(site);
  }
});
