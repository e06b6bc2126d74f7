import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { isValidIsbn10, normalizeAsin, parseBookCatalogue } from "../src/features/index.js";
import { makeSite, removeDir } from "./helpers.js";

const NOW = Date.UTC(2026, 5, 1);
const CATALOGUE = `- asin: "4798181986"
  title: 生成AIプロンプトエンジニアリング入門
  description: プロンプト設計の基本
  tags: [LLM, プロンプトエンジニアリング]
- asin: "4297119544"
  title: 増補改訂 GPUを支える技術
  author: Hisa Ando
  description: 超並列ハードウェアとAI半導体
  tags: [GPU, AI半導体]
  categories: [AI技術ガイド]
- asin: B0DEXAMPLE
  title: 生成AI法務・ガバナンス
  description: AI法規制とガバナンス体制
  tags: [AI規制]
`;
const LAYOUT =
  "{% if page.affiliate_disclosure %}<p class=\"disclosure\">{{ page.affiliate_disclosure }}</p>{% endif %}" +
  "{% for b in page.books %}<a href=\"{{ b.url }}\" rel=\"{{ b.rel }}\">{{ b.title }}</a>{% if b.author %}({{ b.author }}){% endif %}\n{% endfor %}{{ content }}";

function site(files: Record<string, string>, config = "affiliate: {amazon: {tag: nullpodesu-22}}\n"): string {
  return makeSite({
    "_config.yml": `timezone: UTC\npermalink: /:title/\ndefaults: [{scope: {path: ""}, values: {layout: post}}]\n${config}`,
    "_layouts/post.html": LAYOUT,
    "_data/books.yml": CATALOGUE,
    ...files,
  });
}

async function buildPages(files: Record<string, string>, config?: string): Promise<(page: string) => string> {
  const dir = site(files, config);
  try {
    await build({ source: dir, now: NOW, cacheDir: false, threads: 1 });
    const pages = new Map<string, string>();
    for (const name of Object.keys(files)) {
      const slug = name.replace(/^_posts\/\d{4}-\d\d-\d\d-/, "").replace(/\.md$/, "");
      pages.set(slug, readFileSync(path.join(dir, "_site", slug, "index.html"), "utf8"));
    }
    return (page) => pages.get(page)!;
  } finally {
    removeDir(dir);
  }
}

async function buildError(files: Record<string, string>, catalogue = CATALOGUE): Promise<Error & { file?: string; line?: number }> {
  const dir = site({ ...files, "_data/books.yml": catalogue });
  try {
    await build({ source: dir, now: NOW, cacheDir: false, threads: 1 });
  } catch (error) {
    return error as Error;
  } finally {
    removeDir(dir);
  }
  throw new Error("the build should have failed");
}

const links = (html: string): string[] => [...html.matchAll(/<a href="([^"]*)" rel="([^"]*)">([^<]*)</g)].map((m) => `${m[3]} ${m[1]} ${m[2]}`);

test("ISBN-10 check digits and ASINs as YAML writes them", () => {
  for (const isbn of ["4798181986", "4492558454", "4297119544", "4049112388", "4785730706", "080442957X"]) assert.ok(isValidIsbn10(isbn), isbn);
  for (const isbn of ["4798181987", "4297119545", "12345"]) assert.ok(!isValidIsbn10(isbn), isbn);
  assert.equal(normalizeAsin(262033844), "0262033844", "an unquoted ISBN gets back its leading zero");
  assert.equal(normalizeAsin("b0dexample"), "B0DEXAMPLE");
});

test("front matter books: lists ASINs in order; links carry the associate tag and rel=sponsored; the page gets the disclosure", async () => {
  const page = await buildPages({ "_posts/2026-01-01-listed.md": "---\ntitle: Listed\nbooks: [4297119544, B0DEXAMPLE]\n---\n本文\n" });
  assert.deepEqual(links(page("listed")), [
    "増補改訂 GPUを支える技術 https://www.amazon.co.jp/dp/4297119544/?tag=nullpodesu-22 sponsored noopener",
    "生成AI法務・ガバナンス https://www.amazon.co.jp/dp/B0DEXAMPLE/?tag=nullpodesu-22 sponsored noopener",
  ]);
  assert.match(page("listed"), /\(Hisa Ando\)/);
  assert.match(page("listed"), /<p class="disclosure">※ 本ページのリンクにはアフィリエイトリンクが含まれます。/);
});

test("without books: the block is chosen by tags, category and text; books: false hides it", async () => {
  const page = await buildPages({
    "_posts/2026-01-01-gpu.md": "---\ntitle: GPUの話\ntags: [AI半導体]\ncategories: [AI技術ガイド]\n---\nNVIDIAのGPUとAI半導体の需要。\n",
    "_posts/2026-01-02-rules.md": "---\ntitle: 規制の話\ntags: [AI規制]\n---\nEUのAI Actとガバナンス体制。\n",
    "_posts/2026-01-03-none.md": "---\ntitle: 本なし\ntags: [AI半導体]\nbooks: false\n---\nGPU\n",
  });
  assert.equal(links(page("gpu"))[0], "増補改訂 GPUを支える技術 https://www.amazon.co.jp/dp/4297119544/?tag=nullpodesu-22 sponsored noopener");
  assert.ok(links(page("gpu")).length <= 3);
  assert.equal(links(page("rules"))[0]?.split(" ")[0], "生成AI法務・ガバナンス");
  assert.deepEqual(links(page("none")), []);
  assert.doesNotMatch(page("none"), /disclosure/, "no affiliate link, no disclosure");
});

test("a hand-written affiliate link in the body gets the disclosure; without an associate tag, book links are plain", async () => {
  const page = await buildPages({
    "_posts/2026-01-01-pasted.md": "---\ntitle: Pasted\nbooks: false\n---\n[本](https://www.amazon.co.jp/dp/4798181986/?tag=nullpodesu-22)\n",
  });
  assert.match(page("pasted"), /class="disclosure"/);
  const plain = await buildPages({ "_posts/2026-01-01-plain.md": "---\ntitle: Plain\nbooks: [4798181986]\n---\n本文\n" }, "affiliate: {disclosure: 広告を含みます}\n");
  assert.deepEqual(links(plain("plain")), ["生成AIプロンプトエンジニアリング入門 https://www.amazon.co.jp/dp/4798181986/ noopener"]);
  assert.doesNotMatch(plain("plain"), /disclosure/);
});

test("an unknown ASIN or a bad ISBN-10 check digit is an error naming the post and the line of books:", async () => {
  const unknown = await buildError({ "_posts/2026-01-01-a.md": "---\ntitle: A\nbooks:\n  - 4798181986\n  - 4062938421\n---\nx\n" });
  assert.equal(unknown.file, "_posts/2026-01-01-a.md");
  assert.equal(unknown.line, 3);
  assert.match(unknown.message, /book '4062938421' is not in _data\/books\.yml/);
  const checksum = await buildError({ "_posts/2026-01-01-a.md": "---\ntitle: A\nbooks: [4798181987]\n---\nx\n" });
  assert.equal(checksum.file, "_posts/2026-01-01-a.md");
  assert.match(checksum.message, /'4798181987' is not a valid ISBN-10/);
});

test("a broken catalogue entry is an error naming _data/books.yml and the line", async () => {
  const error = await buildError({}, `- asin: "4798181986"\n  title: OK\n- asin: "4297119545"\n  title: Typo\n`);
  assert.equal(error.file, "_data/books.yml");
  assert.equal(error.line, 3);
  assert.match(error.message, /'4297119545' is not a valid ISBN-10/);
  assert.throws(() => parseBookCatalogue([{ asin: "4798181986" }], "_data/books.yml"), /book 1 \('4798181986'\) has no 'title'/);
  assert.throws(() => parseBookCatalogue([{ asin: "4798181986", title: "A" }, { asin: "4798181986", title: "B" }], "_data/books.yml"), /repeats asin/);
});
