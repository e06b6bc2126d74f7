import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { checkSite } from "../src/check/index.js";
import { migrateBlocks } from "../src/migrate/index.js";
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
