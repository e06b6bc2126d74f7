import assert from "node:assert/strict";
import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { checkSite } from "../src/check/index.js";
import { REPO_ROOT, SEED_POSTS, makeSite, removeDir } from "./helpers.js";

// The five posts exactly as the writing pipeline produced them (../shared/fixtures/seed-blog), with
// the blog's settings: what check must find there is what a reader of those posts runs into.
const CONFIG = [
  "timezone: Asia/Tokyo",
  "permalink: /:year/:month/:day/:title/",
  "affiliate:\n  amazon:\n    tag: nullpodesu-22",
  "check:\n  categories: [AI最新ニュース, 導入事例, AI技術ガイド]",
].join("\n");

const ROI = "_posts/2026-02-19-2-open-source-llm-corporate-roi.md";
const GP = "_posts/2026-02-21-2-open-source-llm-performance-gp.md";
const AIDE = "_posts/2026-02-21-2-open-source-llm-vs-gpt4o-ai-de.md";
const IMPAC = "_posts/2026-02-24-2-open-source-llm-vs-gpt4o-impac.md";
const EVO = "_posts/2026-02-25-2-llm-evolution-and-development-.md";

test("check finds what is really wrong with the five seed posts", async () => {
  assert.ok(existsSync(SEED_POSTS), `${SEED_POSTS} holds the seed posts`);
  const site = makeSite({ "_config.yml": CONFIG, "index.md": "---\ntitle: Home\n---\nhome\n" });
  try {
    cpSync(SEED_POSTS, path.join(site, "_posts"), { recursive: true });
    const report = await checkSite({ source: site, now: Date.UTC(2026, 2, 1), threads: 1 });
    const at = (rule: string): string[] => report.findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}`);
    // The pasted "あわせて読みたい" lists: 13 of 15 links go to posts that do not exist (the two
    // that resolve point at 2026-02-19's post), plus the CTA links to /contact/ and /services/.
    assert.deepEqual(at("dead-link"), [
      `${ROI}:137`, `${ROI}:138`, `${ROI}:139`, `${ROI}:147`,
      `${GP}:103`, `${GP}:105`,
      `${AIDE}:64`, `${AIDE}:66`,
      `${IMPAC}:60`, `${IMPAC}:61`, `${IMPAC}:62`,
      `${EVO}:76`, `${EVO}:77`, `${EVO}:78`, `${EVO}:86`,
    ]);
    // Every post has text after its first ---END---; in four it is mostly a repeat, in the last a real continuation.
    assert.deepEqual(at("content-after-end"), [`${ROI}:218`, `${GP}:144`, `${AIDE}:154`, `${IMPAC}:155`, `${EVO}:151`]);
    const tails = report.findings.filter((f) => f.rule === "content-after-end").map((f) => Number(/; (\d+)% of/.exec(f.message)![1]));
    assert.ok(tails.slice(0, 4).every((percent) => percent > 50) && tails[4]! < 10, tails.join(","));
    // The performance-gp post repeats its closing sections 6–8 after four more markers.
    assert.deepEqual(at("repeated-headings").filter((line) => line.startsWith(GP)), [`${GP}:194`, `${GP}:231`, `${GP}:305`]);
    assert.ok(at("repeated-paragraphs").length >= 10);
    // The last paragraph before each pasted block becomes an <h2> because '---' follows it directly.
    assert.deepEqual(at("accidental-heading"), [`${ROI}:132`, `${AIDE}:59`, `${IMPAC}:55`, `${EVO}:71`]);
    // Book links carry the tag and the posts carry the disclosure, but no link has rel="sponsored".
    assert.equal(at("affiliate-tag").length, 0);
    assert.equal(at("affiliate-disclosure").length, 0);
    assert.equal(at("affiliate-rel").length, 30);
    assert.equal(at("unknown-category").length, 0);
    assert.equal(at("near-duplicate").length, 0);
  } finally {
    removeDir(site);
  }
});
