import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { makeSite, removeDir, treeHash } from "./helpers.js";

const NOW = Date.UTC(2026, 5, 1);
const post = (title: string, tags: string, body: string): string => `---\ntitle: ${title}\ntags: [${tags}]\n---\n## ${title}\n\n${body}\n`;

test("related lists, reading time and books from cached terms equal a clean build's, byte for byte", async () => {
  const site = makeSite({
    "_config.yml": 'timezone: UTC\npermalink: /:title/\naffiliate: {amazon: {tag: t-22}}\ndefaults: [{scope: {path: ""}, values: {layout: post}}]\n',
    "_layouts/post.html": "{{ page.reading_time }}|{% for r in page.related %}{{ r.url }} {{ r.score }},{% endfor %}|{% for b in page.books %}{{ b.url }},{% endfor %}|{{ page.affiliate_disclosure }}|{{ page.cta.url }}",
    "_data/books.yml": '- asin: "4297119544"\n  title: GPUを支える技術\n  tags: [GPU]\n- asin: "4798181986"\n  title: プロンプトエンジニアリング入門\n  tags: [LLM]\n',
    "_posts/2026-01-01-gpu.md": post("GPUの需要", "GPU", "NVIDIAのGPUとAI半導体、データセンター投資。"),
    "_posts/2026-01-02-llm.md": post("LLMの比較", "LLM", "Llama 3とDeepSeek R1のオープンソースLLM。"),
    "_posts/2026-01-03-llm2.md": post("LLMの推論", "LLM", "Llama 3の推論とGPT-4oの比較。"),
    "_posts/2026-01-04-gpu2.md": post("GPUの電力", "GPU", "GPUクラスタの電力とAI半導体。"),
  });
  const edits: Array<[string, () => void]> = [
    ["no change", () => {}],
    ["a post changes topic", () => writeFileSync(path.join(site, "_posts/2026-01-02-llm.md"), post("GPUの冷却", "GPU", "GPUの液冷とAI半導体の電力。"))],
    ["a post is added", () => writeFileSync(path.join(site, "_posts/2026-01-05-llm3.md"), post("LLMの評価", "LLM", "DeepSeek R1とLlama 3のベンチマーク。".repeat(300)))],
    ["a post is deleted", () => rmSync(path.join(site, "_posts/2026-01-03-llm2.md"))],
    ["a body gains an affiliate link and the CTA's link, and grows", () => writeFileSync(path.join(site, "_posts/2026-01-04-gpu2.md"), post("GPUの電力", "GPU", `[本](https://www.amazon.co.jp/dp/4297119544?tag=t-22) [相談](/?utm_source=article&utm_medium=cta&utm_campaign=article)\n\n${"GPUクラスタの電力。".repeat(200)}`))],
    ["two posts get the same body", () => writeFileSync(path.join(site, "_posts/2026-01-01-gpu.md"), post("GPUの需要", "GPU", "GPUクラスタの電力とAI半導体。"))],
    ["related weights change", () => writeFileSync(path.join(site, "_config.yml"), 'timezone: UTC\npermalink: /:title/\nrelated: {fields: {body: 0}}\ndefaults: [{scope: {path: ""}, values: {layout: post}}]\n')],
  ];
  try {
    await build({ source: site, now: NOW });
    for (const [name, edit] of edits) {
      edit();
      await build({ source: site, now: NOW });
      const clean = mkdtempSync(path.join(os.tmpdir(), "kiji-clean-"));
      try {
        await build({ source: site, now: NOW, cacheDir: false, threads: 1, overrides: { destination: clean } });
        assert.equal(treeHash(path.join(site, "_site")), treeHash(clean), `after "${name}" the output differs from a clean build`);
      } finally {
        removeDir(clean);
      }
    }
  } finally {
    removeDir(site);
  }
});
