import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { openRecordStore } from "../src/build/record-store.js";
import { makeSite, removeDir, treeHash } from "./helpers.js";

const NOW = Date.UTC(2026, 5, 1);

const FILES: Record<string, string> = {
  "_config.yml": "title: Cache\ntimezone: Asia/Tokyo\n",
  "_layouts/post.html": "<h1>{{ page.title }}</h1>{{ content }}<p>{{ page.excerpt }}</p>{% for r in page.related %}<a href=\"{{ r.url }}\">{{ r.title }}</a>{% endfor %}",
  "index.html": "---\n---\n{% for p in site.posts %}<li>{{ p.title }}: {{ p.content | strip_html }}</li>{% endfor %}",
};
for (let i = 1; i <= 6; i++) {
  FILES[`_posts/2026-01-0${i}-post-${i}.md`] = `---\nlayout: post\ntitle: 記事 ${i}\ntags: [LLM]\n---\n## 見出し ${i}\n\nオープンソースの大規模言語モデル ${i} について。\n\n本文 *${i}*。\n`;
}

/** A clean build of `site` without any cache: the reference output. */
async function cleanBuild(site: string): Promise<string> {
  const out = mkdtempSync(path.join(os.tmpdir(), "kiji-clean-"));
  await build({ source: site, now: NOW, cacheDir: false, threads: 1, overrides: { destination: out } });
  return out;
}

function cacheFiles(site: string, pattern: RegExp): string[] {
  const dir = path.join(site, ".kiji-cache");
  return readdirSync(dir).filter((name) => pattern.test(name)).map((name) => path.join(dir, name));
}

/** Flips every 97th byte of a file. */
function scramble(file: string): void {
  const bytes = readFileSync(file);
  for (let i = 0; i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0x5a;
  writeFileSync(file, bytes);
}

const DAMAGES: Array<[string, (site: string) => void]> = [
  ["a segment with scrambled bytes", (site) => cacheFiles(site, /^segment-/).forEach(scramble)],
  ["a segment cut short", (site) => cacheFiles(site, /^segment-/).forEach((file) => truncateSync(file, Math.floor(statSync(file).size / 3)))],
  ["an empty segment", (site) => cacheFiles(site, /^segment-/).forEach((file) => truncateSync(file, 0))],
  ["a missing segment", (site) => cacheFiles(site, /^segment-/).forEach((file) => removeDir(file))],
  ["a scrambled index", (site) => cacheFiles(site, /^index\./).forEach(scramble)],
  ["an index cut short", (site) => cacheFiles(site, /^index\./).forEach((file) => truncateSync(file, 10))],
];

for (const [name, damage] of DAMAGES) {
  test(`a build over ${name} rebuilds what it cannot read and equals a clean build, byte for byte`, async () => {
    const site = makeSite(FILES);
    try {
      await build({ source: site, now: NOW, threads: 1 });
      // The post page is rewritten from the damaged cache, not left from the first build.
      removeDir(path.join(site, "_site"));
      damage(site);
      await build({ source: site, now: NOW, threads: 1 });
      const clean = await cleanBuild(site);
      try {
        assert.equal(treeHash(path.join(site, "_site")), treeHash(clean));
        // The next build finds a sound cache again.
        const again = await build({ source: site, now: NOW, threads: 1 });
        assert.equal(again.filesWritten, 0);
        assert.equal(treeHash(path.join(site, "_site")), treeHash(clean));
      } finally {
        removeDir(clean);
      }
    } finally {
      removeDir(site);
    }
  });
}

test("a record that fails its check is a miss, and the store keeps working", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kiji-store-"));
  try {
    const first = await openRecordStore(dir, "key");
    first.table<string>("t").set("a", "alpha");
    first.table<string>("t").set("b", "beta");
    await first.save({});
    const [segment] = readdirSync(dir).filter((name) => name.startsWith("segment-"));
    const bytes = readFileSync(path.join(dir, segment!));
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 0xff;
    writeFileSync(path.join(dir, segment!), bytes);
    const second = await openRecordStore(dir, "key");
    assert.equal(second.table<string>("t").get("a"), "alpha");
    assert.equal(second.table<string>("t").get("b"), undefined, "the damaged record is a miss");
    assert.equal(second.table<string>("t").has("b"), false, "and is forgotten");
    second.close();
  } finally {
    removeDir(dir);
  }
});

test("the store keeps only what the last save named: deleted entries, dead segments and other keys are gone", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kiji-store-"));
  const segments = (): string[] => readdirSync(dir).filter((name) => name.startsWith("segment-"));
  try {
    const first = await openRecordStore(dir, "key");
    for (let i = 0; i < 100; i++) first.table<string>("t").set(`k${i}`, `value ${i}`.repeat(20));
    await first.save({ note: "one" });
    // Each later build replaces most entries: old segments must not pile up.
    for (let round = 0; round < 12; round++) {
      const store = await openRecordStore(dir, "key");
      const table = store.table<string>("t");
      for (let i = 0; i < 100; i++) if (i % 10 !== 0) table.set(`k${i}`, `round ${round} ${i}`.repeat(20));
      table.delete("k0");
      await store.save({ note: round });
    }
    assert.ok(segments().length <= 8, `segments: ${segments().length}`);
    const last = await openRecordStore(dir, "key");
    const table = last.table<string>("t");
    assert.equal(table.size, 99);
    assert.equal(table.get("k0"), undefined);
    assert.equal(table.get("k10"), "value 10".repeat(20));
    assert.equal(table.get("k11"), "round 11 11".repeat(20));
    assert.equal(last.inline("note"), 11);
    last.close();
    const other = await openRecordStore(dir, "another key");
    assert.equal(other.table("t").size, 0, "another global key starts empty");
    await other.save({});
    assert.deepEqual(segments(), [], "and its save drops the old records");
  } finally {
    removeDir(dir);
  }
});

test("a Markdown record found damaged only when its HTML is read is rendered again, and the build equals a clean build", async () => {
  const site = makeSite(FILES);
  try {
    await build({ source: site, now: NOW, threads: 1 });
    removeDir(path.join(site, "_site"));
    // One byte inside post 1's body HTML (V8 writes the string as UTF-16): the document record
    // still holds, so the build trusts the key and meets the damage only when it reads the HTML.
    const needle = Buffer.from("大規模言語モデル 1 について", "utf16le");
    let damaged = 0;
    for (const file of cacheFiles(site, /^segment-/)) {
      const bytes = readFileSync(file);
      for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
        bytes[at + 4] = bytes[at + 4]! ^ 0x5a;
        damaged++;
      }
      writeFileSync(file, bytes);
    }
    assert.equal(damaged, 1, "exactly one record holds that text");
    const result = await build({ source: site, now: NOW, threads: 1 });
    const clean = await cleanBuild(site);
    try {
      assert.equal(treeHash(path.join(site, "_site")), treeHash(clean));
      assert.match(readFileSync(path.join(site, "_site/2026/01/01/post-1.html"), "utf8"), /大規模言語モデル 1 について/);
      assert.deepEqual(result.warnings, []);
    } finally {
      removeDir(clean);
    }
  } finally {
    removeDir(site);
  }
});
