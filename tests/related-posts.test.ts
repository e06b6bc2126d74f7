import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { createTokenizer } from "../src/features/index.js";
import { createRunScanner } from "../src/features/japanese-runs.js";
import { REPO_ROOT, SEED_POSTS, makeSite, removeDir } from "./helpers.js";

const NOW = Date.UTC(2026, 5, 1);
const CLUSTERS = path.join(REPO_ROOT, "tests/fixtures/related-clusters/_posts");
const SEEDS = SEED_POSTS;
// Prints one related post per line: url, then score.
const RELATED_LAYOUT = "{% for r in page.related %}{{ r.url }} {{ r.score }}\n{% endfor %}";

function postFiles(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [`_posts/${name}`, readFileSync(path.join(dir, name), "utf8")]));
}

/** Builds `files` with permalink /:title/ and returns each post's related URLs by slug. */
async function relatedBySlug(files: Record<string, string>, config = ""): Promise<Map<string, string[]>> {
  const site = makeSite({
    "_config.yml": `timezone: Asia/Tokyo\npermalink: /:title/\ndefaults: [{scope: {path: ""}, values: {layout: post}}]\n${config}`,
    "_layouts/post.html": RELATED_LAYOUT,
    ...files,
  });
  try {
    await build({ source: site, now: NOW, cacheDir: false, threads: 1 });
    const out = path.join(site, "_site");
    const lists = new Map<string, string[]>();
    const slugs = Object.keys(files).map((name) => name.replace(/^_posts\/\d{4}-\d\d-\d\d-/, "").replace(/\.md$/, "").replace(/-+$/, ""));
    for (const slug of slugs) {
      const lines = readFileSync(path.join(out, slug, "index.html"), "utf8").split("\n").filter(Boolean);
      const scores = lines.map((line) => Number(line.split(" ")[1]));
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a), `${slug}: best score first`);
      lists.set(slug, lines.map((line) => line.split(" ")[0]!.slice(1, -1)));
    }
    return lists;
  } finally {
    removeDir(site);
  }
}

// Fixture slugs start with their cluster (image-, chips-, rules-, robots-); the seed posts with "2-".
const clusterOf = (slug: string): string => slug.split("-")[0]!;

test("related posts come from the post's own topic cluster (20 fixture posts in 4 clusters, plus the 5 seed posts)", async () => {
  const lists = await relatedBySlug({ ...postFiles(CLUSTERS), ...postFiles(SEEDS) });
  assert.equal(lists.size, 25);
  for (const [slug, related] of lists) {
    assert.equal(related.length, 3, `${slug} lists three related posts`);
    assert.ok(!related.includes(slug), `${slug} does not list itself`);
    assert.deepEqual(related.filter((other) => clusterOf(other) !== clusterOf(slug)), [], `${slug} → ${related.join(", ")}`);
  }
});

test("each of the five seed posts (all about open-source LLMs) lists the other four, among posts on other topics", async () => {
  const lists = await relatedBySlug({ ...postFiles(CLUSTERS), ...postFiles(SEEDS) }, "related: {count: 4}\n");
  const seeds = [...lists.keys()].filter((slug) => slug.startsWith("2-"));
  assert.equal(seeds.length, 5);
  for (const seed of seeds) {
    assert.deepEqual([...lists.get(seed)!].sort(), seeds.filter((other) => other !== seed).sort(), seed);
  }
});

test("related lists are ordered by score, deterministic, and ties go to the newer post", async () => {
  const same = "---\ntitle: 画像生成AIの最新動向\ntags: [画像生成]\n---\nStable Diffusionと画像生成モデルの比較。\n";
  const files = {
    "_posts/2026-01-01-old.md": same,
    "_posts/2026-01-11-middle.md": same,
    "_posts/2026-01-21-new.md": same,
    "_posts/2026-01-05-other.md": "---\ntitle: ロボットの話\ntags: [ロボティクス]\n---\n人型ロボットの工場導入。\n",
  };
  const first = await relatedBySlug(files);
  // "old" and "new" are ten days from "middle" and equally similar: the newer one comes first.
  assert.deepEqual(first.get("middle"), ["new", "old"]);
  assert.deepEqual(first.get("other"), [], "a post sharing nothing with the others lists none");
  assert.deepEqual(await relatedBySlug(files), first, "a second build gives the same lists");
});

test("only published posts are listed, drafts get their own list, and site.related_posts keeps Jekyll's meaning", async () => {
  const post = (title: string, extra = ""): string => `---\ntitle: ${title}\ntags: [LLM, Llama]\n${extra}---\nLlama 3とDeepSeek R1のオープンソースLLM。\n`;
  const site = makeSite({
    "_config.yml": 'timezone: UTC\npermalink: /:title/\ndefaults: [{scope: {path: ""}, values: {layout: post}}]\n',
    "_layouts/post.html": "{% for r in page.related %}{{ r.url }},{% endfor %}|{% for r in site.related_posts %}{{ r.url }},{% endfor %}",
    "_posts/2026-01-01-a.md": post("A"),
    "_posts/2026-01-02-b.md": post("B"),
    "_posts/2026-01-03-hidden.md": post("Hidden", "published: false\n"),
    "_drafts/draft.md": post("Draft", "date: 2026-01-04\n"),
  });
  try {
    await build({ source: site, now: NOW, cacheDir: false, threads: 1, overrides: { show_drafts: true } });
    const read = (slug: string): string => readFileSync(path.join(site, "_site", slug, "index.html"), "utf8");
    assert.equal(read("a"), "/b/,|/draft/,/b/,", "a lists b, not the draft; site.related_posts is the most recent other posts");
    assert.equal(read("b"), "/a/,|/draft/,/a/,");
    assert.equal(read("draft"), "/b/,/a/,|/b/,/a/,", "a draft shown with --drafts gets a list of published posts");
  } finally {
    removeDir(site);
  }
});

test("the tokenizer keeps product names whole and splits Japanese into words", () => {
  const tokenizer = createTokenizer();
  const terms = tokenizer.tokenize("GPT-4oに匹敵するLlama 3やDeepSeek R1、ＬＬＭの大規模言語モデルとオープンソース");
  for (const term of ["gpt4o", "gpt", "llama3", "llama", "deepseekr1", "deepseek", "llm", "大規模", "言語", "モデル", "オープンソース", "匹敵"]) {
    assert.ok(terms.includes(term), `${term} in ${terms.join(" ")}`);
  }
  assert.ok(!terms.some((term) => /^[ぁ-ん]+$/.test(term)), "hiragana particles and endings are dropped");
  assert.deepEqual(tokenizer.tokenize("GPT4o"), tokenizer.tokenize("GPT-4o"), "GPT4o and GPT-4o are the same model");
});

test("the tokenizer's run scanner finds exactly the runs of /[\\p{sc=Han}々〆ヵヶ]+|[\\p{sc=Katakana}ー]{2,}/gu", () => {
  // Every BMP character (a space after every fifth, so runs of each kind start and end everywhere), characters
  // beyond the BMP (kanji of extension B, historic kana), lone surrogates, and the characters of both kinds.
  let text = "ヵ月とアヵイ、ヶ所の々木、〆切、ーア、アー、ア𠀋イ、𠀋ア \ud840 \udc00x ";
  for (let code = 0; code < 0x10000; code++) text += String.fromCharCode(code) + (code % 5 === 0 ? " " : "");
  for (let code = 0x1b000; code < 0x1b170; code++) text += String.fromCodePoint(code);
  for (let code = 0x20000; code < 0x20100; code++) text += String.fromCodePoint(code);
  const expected = [...text.matchAll(/[\p{sc=Han}々〆ヵヶ]+|[\p{sc=Katakana}ー]{2,}/gu)].map(([run]) => [run, /^[\p{sc=Han}々〆ヵヶ]/u.test(run)]);
  const found: Array<[string, boolean]> = [];
  createRunScanner()(text, (run, isHan) => found.push([run, isHan]));
  assert.ok(expected.length > 1000, `${expected.length} runs`);
  assert.deepEqual(found, expected);
});
