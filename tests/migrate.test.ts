import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { checkSite, normalizeBlock, scanMarkdown, type TextBlock } from "../src/check/index.js";
import { cleanTail, findPastedBlocks, formatMigrationText, migrateBlocks } from "../src/migrate/index.js";
import { REPO_ROOT, SEED_POSTS, makeSite, removeDir, treeHash } from "./helpers.js";

const CONFIG = "timezone: Asia/Tokyo\npermalink: /:year/:month/:day/:title/\naffiliate:\n  amazon:\n    tag: nullpodesu-22\n";
const NOW = Date.UTC(2026, 2, 1);

function git(dir: string, ...args: string[]): void {
  const result = spawnSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@t", ...args], { encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
}

/** A git repository holding the five seed posts, committed. */
function seedSite(): string {
  const site = makeSite({ "_config.yml": CONFIG, "index.md": "---\ntitle: Home\n---\nhome\n" });
  cpSync(SEED_POSTS, path.join(site, "_posts"), { recursive: true });
  git(site, "init", "-q");
  git(site, "add", "-A");
  git(site, "commit", "-qm", "seed");
  return site;
}

test("a dry run prints a unified diff and changes nothing on disk", async () => {
  const site = seedSite();
  try {
    const before = treeHash(site);
    const report = await migrateBlocks({ source: site, dryRun: true, now: NOW, threads: 1 });
    assert.equal(treeHash(site), before);
    assert.equal(report.changedFiles.length, 6);
    assert.match(report.diff, /^--- a\/_posts\/2026-02-19-2-open-source-llm-corporate-roi\.md\n\+\+\+ b\//m);
    assert.match(report.diff, /^-### あわせて読みたい$/m);
    assert.match(report.diff, /^\+books: \["4798181986", "4492558454", "4297119544"\]$/m);
    assert.match(report.diff, /^\+- asin: "4785730706"$/m);
  } finally {
    removeDir(site);
  }
});

test("migrate moves the pasted blocks into front matter, drops repeated tails, and a second run changes nothing", async () => {
  const site = seedSite();
  try {
    const first = await migrateBlocks({ source: site, now: NOW, threads: 1 });
    const gp = readFileSync(path.join(site, "_posts/2026-02-21-2-open-source-llm-performance-gp.md"), "utf8");
    assert.match(gp, /^related: \["\/2026\/02\/19\/2-open-source-llm-corporate-roi\/"\]$/m);
    assert.match(gp, /^books: \["4049112388", "4798181986", "4492558454"\]$/m);
    assert.deepEqual(first.posts.find((p) => p.file.includes("performance-gp"))!.deadRelated.map((d) => d.line), [103, 105]);
    for (const post of first.posts) assert.ok(!/---END---|あわせて読みたい|おすすめ書籍|consulting-cta-link/.test(post.after), post.file);
    // The last post's text after its marker is the rest of the article: kept, markers and the cut word gone.
    const evo = readFileSync(path.join(site, "_posts/2026-02-25-2-llm-evolution-and-development-.md"), "utf8");
    assert.match(evo, /### 8\. オープンソースLLMが拓く未来と乗り越えるべき課題\n\nオープンソースLLMの進化は、AI開発の民主化/);
    assert.match(evo, /### 結び：進化の波に乗り、未来を創る/);
    // Continuation sections between the pasted blocks and the first marker stay.
    const roi = readFileSync(path.join(site, "_posts/2026-02-19-2-open-source-llm-corporate-roi.md"), "utf8");
    assert.match(roi, /存在しているかもしれません。\n\n### 6\. オープンソースLLM導入におけるリスクと今後の展望/);
    const books = readFileSync(path.join(site, "_data/books.yml"), "utf8");
    assert.equal(books.match(/^- asin:/gm)!.length, 5);
    assert.match(books, /title: "増補改訂 GPUを支える技術"\n  description: "超並列ハードウェアの仕組みからAI半導体の最新動向まで網羅的に解説"/);
    git(site, "add", "-A");
    git(site, "commit", "-qm", "migrated");
    const migrated = treeHash(site);
    const second = await migrateBlocks({ source: site, now: NOW, threads: 1 });
    assert.deepEqual(second.changedFiles, []);
    assert.equal(treeHash(site), migrated);
    const report = await checkSite({ source: site, now: NOW, threads: 1 });
    for (const rule of ["dead-link", "content-after-end", "end-marker", "accidental-heading", "affiliate-rel"]) {
      assert.deepEqual(report.findings.filter((f) => f.rule === rule), [], rule);
    }
  } finally {
    removeDir(site);
  }
});

test("--dedupe removes repeated paragraphs (and headings it leaves empty); twice changes nothing", async () => {
  const site = seedSite();
  try {
    await migrateBlocks({ source: site, dedupe: true, now: NOW, threads: 1 });
    git(site, "add", "-A");
    git(site, "commit", "-qm", "deduped");
    const report = await checkSite({ source: site, now: NOW, threads: 1 });
    assert.deepEqual(report.findings.filter((f) => f.rule === "repeated-paragraphs" || f.rule === "repeated-headings"), []);
    const impac = readFileSync(path.join(site, "_posts/2026-02-24-2-open-source-llm-vs-gpt4o-impac.md"), "utf8");
    assert.equal(impac.match(/^## オープンソースLLMの台頭/gm)!.length, 1);
    const deduped = treeHash(site);
    assert.deepEqual((await migrateBlocks({ source: site, dedupe: true, now: NOW, threads: 1 })).changedFiles, []);
    assert.equal(treeHash(site), deduped);
  } finally {
    removeDir(site);
  }
});

test("migrate refuses files with uncommitted changes unless --force", async () => {
  const site = seedSite();
  try {
    const file = path.join(site, "_posts/2026-02-24-2-open-source-llm-vs-gpt4o-impac.md");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n`);
    const before = treeHash(site);
    await assert.rejects(migrateBlocks({ source: site, now: NOW, threads: 1 }), /uncommitted changes: _posts\/2026-02-24-2-open-source-llm-vs-gpt4o-impac\.md/);
    assert.equal(treeHash(site), before);
    const forced = await migrateBlocks({ source: site, force: true, now: NOW, threads: 1 });
    assert.ok(forced.changedFiles.includes("_posts/2026-02-24-2-open-source-llm-vs-gpt4o-impac.md"));
  } finally {
    removeDir(site);
  }
});

// The blog's disclosure sentence, which the pasted book blocks carry (the migration drops it with them).
const DISCLOSURE = "※ 本ページのリンクにはアフィリエイトリンクが含まれます。購入によりサイト運営をサポートいただけます。";
const bodyOf = (text: string): string => text.slice(text.indexOf("\n---\n", 3) + 5);

test("no text is lost: every block of the published posts but the pasted ones and the markers is in the migrated post (with and without --dedupe)", async () => {
  for (const dedupe of [false, true]) {
    const site = seedSite();
    try {
      const report = await migrateBlocks({ source: site, dryRun: true, dedupe, now: NOW, threads: 1 });
      assert.equal(report.posts.length, 5);
      for (const post of report.posts) {
        const scanned = scanMarkdown(bodyOf(post.before), 1);
        const pasted = findPastedBlocks(scanned.blocks, scanned.links, DISCLOSURE).blocks;
        const after = normalizeBlock(bodyOf(post.after));
        // A paragraph right above a pasted block's `---` separator reads as a setext heading until that line goes.
        const textOf = (block: TextBlock): string => (block.isSetext && block.text.endsWith("-") ? block.text.split("\n").slice(0, -1).join("\n") : block.text);
        const lost = scanned.blocks.filter((block) => !pasted.has(block) && block.kind !== "end-marker" && block.kind !== "break" && !after.includes(normalizeBlock(textOf(block))));
        assert.deepEqual(lost.map((block) => `${block.line}: ${block.text.slice(0, 40)}`), [], `${post.file}${dedupe ? " (--dedupe)" : ""}`);
      }
    } finally {
      removeDir(site);
    }
  }
});

test("the text found only after ---END--- is kept once, where it reads: sections 6–10 of performance-gp, section 6.3 of corporate-roi", async () => {
  const site = seedSite();
  try {
    const report = await migrateBlocks({ source: site, now: NOW, threads: 1 });
    const gp = readFileSync(path.join(site, "_posts/2026-02-21-2-open-source-llm-performance-gp.md"), "utf8");
    const headings = gp.match(/^#{2,4} .*$/gm)!;
    for (const heading of ["### 6. 未来への展望", "### 7. 投資家・技術者への提言", "### 8. 結論", "### 8. AIの民主化が社会に与える広範な影響", "### 9. 未来への提言", "### 10. 結び"]) {
      assert.equal(headings.filter((h) => h.startsWith(heading)).length, 1, heading);
    }
    // In the order the pipeline wrote them, and before the article's closing references list.
    const order = ["### 5. 開かれた結び", "### 6. 未来", "### 7. 投資家", "### 8. 結論", "### 8. AIの民主化", "### 9. 未来", "### 10. 結び", "**参考文献**"].map((h) => gp.indexOf(h));
    assert.deepEqual(order, [...order].sort((a, b) => a - b));
    assert.ok(!order.includes(-1));
    // The list item the fifth copy completes replaces its cut-short first version, in section 7.
    const item = "*   **ファインチューニングのスキル**: Llama 3やDeepSeek R1といった基盤モデルを、自社のデータで効果的にファインチューニングする技術は、実務で即戦力となります。";
    assert.equal(gp.split(item).length, 2);
    assert.ok(gp.indexOf(item) > gp.indexOf("### 7. 投資家") && gp.indexOf(item) < gp.indexOf("### 8. 結論"));
    assert.ok(!gp.includes(`${item}\n`), "the shorter version is gone");
    const roi = readFileSync(path.join(site, "_posts/2026-02-19-2-open-source-llm-corporate-roi.md"), "utf8");
    assert.equal(roi.match(/^### 6\.3\. /gm)!.length, 1);
    assert.ok(roi.indexOf("#### 6.2. ") < roi.indexOf("### 6.3. ") && roi.indexOf("### 6.3. ") < roi.indexOf("### 7. まとめ"));
    const post = report.posts.find((p) => p.file.includes("performance-gp"))!;
    assert.equal(post.tail!.line, 144);
    assert.equal(post.tail!.removed.filter((r) => r.reason === "marker").length, 7);
    const text = formatMigrationText(report);
    assert.match(text, /^ {2}---END--- at line 144: removed 7 marker\(s\), \d+ repeated block\(s\), \d+ cut fragment\(s\); kept \d+ block\(s\) found only after it$/m);
    assert.match(text, /^ {4}removed line 194 \(repeats line 154\): ### 6\. 未来への展望/m);
    assert.match(text, /^ {4}kept line 371 \(new text\): ### 8\. AIの民主化が社会に与える広範な影響$/m);
    assert.match(text, /^ {4}kept line 364 \(new text, in place of line 173\): \*   \*\*ファインチューニングのスキル\*\*/m);
    assert.match(text, /^ {4}removed line 149 \(cut piece of line \d+\): オープン$/m);
  } finally {
    removeDir(site);
  }
});

test("cleanTail: markers, repeats and a cut piece go; new blocks stay in order; a document without a marker is left alone", () => {
  const body = ["## A", "", "第一段落はここにあります。十分な長さの文章です。", "", "途中で切", "", "---END---", "", "途中で切れた段落の続きです。", "", "第一段落はここにあります。十分な長さの文章です。", "", "新しい段落はこちらです。", "", "---END---", ""].join("\n");
  const { blocks } = scanMarkdown(body, 1);
  const tail = cleanTail(blocks, new Set())!;
  assert.equal(tail.marker.line, 7);
  assert.deepEqual(tail.removed.map((r) => [r.block.line, r.reason, r.of?.line]), [[5, "fragment", 9], [7, "marker", undefined], [11, "repeat", 3], [15, "marker", undefined]]);
  assert.deepEqual(tail.kept.map((block) => block.line), [9, 13]);
  assert.equal(cleanTail(scanMarkdown("## A\n\n本文\n", 1).blocks, new Set()), undefined);
});
