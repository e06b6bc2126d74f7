import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import { build, createBuildCache } from "../src/build/index.js";
import { loadCardFonts } from "../src/outputs/ogp/card-fonts.js";
import { measureText } from "../src/outputs/ogp/font-metrics.js";
import { renderText } from "../src/outputs/ogp/render-card.js";
import { isKijiError, type KijiError } from "../src/shared/index.js";
import { REPO_ROOT, listFiles, makeSite, removeDir, treeHash } from "./helpers.js";

const LAYOUT = "OG={{ page.og_image }} IMAGE={{ page.image }}\n{{ content }}";

function post(title: string, extra = ""): string {
  return `---\nlayout: post\ntitle: ${JSON.stringify(title)}\ncategories: [導入事例]\nauthor: 編集部\n${extra}---\n本文\n`;
}

const FILES = {
  "_config.yml": "title: ALLFORCES AI NEWS\nurl: https://news.example\nbaseurl: /blog\ntimezone: Asia/Tokyo\npermalink: /:year/:month/:day/:title.html\nogp: true\n",
  "_layouts/post.html": LAYOUT,
  "_posts/2026-02-19-roi.md": post("GPT-4o級性能のオープンソースLLM、企業導入でROIは劇的に改善するか", 'image: "/assets/images/posts/2026-02-19-roi-ogp.png"\n'),
  "_posts/2026-02-21-plain.md": post("Llama 3とDeepSeek R1、オープンソースLLMの性能がGPT-4oに迫る"),
  "_posts/2026-02-22-markup.md": post('Tom & Jerry <b>"quoted"</b> & it\'s'),
};

async function buildSite(site: string, cacheDir: string, extra: Partial<Parameters<typeof build>[0]> = {}) {
  return build({ source: site, cacheDir, threads: 1, now: Date.UTC(2026, 5, 1), ...extra });
}

/** Share of pixels in a box of a PNG that are darker than mid-grey (the title's ink). */
async function inkShare(png: Uint8Array, box: { left: number; top: number; width: number; height: number }): Promise<number> {
  const { data, info } = await sharp(png).extract(box).greyscale().raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (const value of data) if (value < 128) dark++;
  return dark / (info.width * info.height);
}

test("every post gets a 1200×630 PNG card at the path its front matter names, or at ogp.path, with its absolute URL in page.og_image", async () => {
  const site = makeSite(FILES);
  const cache = mkdtempSync(path.join(os.tmpdir(), "kiji-cache-"));
  try {
    const result = await buildSite(site, cache);
    const cards = listFiles(path.join(site, "_site")).filter((file) => file.endsWith(".png"));
    assert.deepEqual(cards, [
      "assets/images/posts/2026-02-19-roi-ogp.png",
      "assets/images/posts/2026-02-21-plain-ogp.png",
      "assets/images/posts/2026-02-22-markup-ogp.png",
    ]);
    assert.deepEqual(result.ogpImages, { total: 3, rendered: 3 });
    for (const card of cards) {
      const bytes = readFileSync(path.join(site, "_site", card));
      const metadata = await sharp(bytes).metadata();
      assert.deepEqual([metadata.format, metadata.width, metadata.height], ["png", 1200, 630], card);
      const share = await inkShare(bytes, { left: 100, top: 170, width: 1000, height: 270 });
      assert.ok(share > 0.05, `${card}: the title area is ${(share * 100).toFixed(1)}% ink`);
    }
    const page = readFileSync(path.join(site, "_site/2026/02/21/plain.html"), "utf8");
    assert.match(page, /^OG=https:\/\/news\.example\/blog\/assets\/images\/posts\/2026-02-21-plain-ogp\.png IMAGE=\/assets\/images\/posts\/2026-02-21-plain-ogp\.png$/m);
  } finally {
    removeDir(site);
    removeDir(cache);
  }
});

test("the blog's five posts get their cards at exactly the paths their front matter names", async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "kiji-blog-"));
  try {
    const result = await build({ source: REPO_ROOT, cacheDir: path.join(out, "cache"), overrides: { destination: path.join(out, "site") } });
    const named = readdirSync(path.join(REPO_ROOT, "_posts")).map((name) => /^image: "\/(.*)"$/m.exec(readFileSync(path.join(REPO_ROOT, "_posts", name), "utf8"))![1]!);
    assert.equal(named.length, 5);
    assert.deepEqual(result.ogpImages, { total: 5, rendered: 5 });
    for (const image of named) {
      const metadata = await sharp(readFileSync(path.join(out, "site", image))).metadata();
      assert.deepEqual([metadata.format, metadata.width, metadata.height], ["png", 1200, 630], image);
    }
  } finally {
    removeDir(out);
  }
});

test("cache: a rebuild with nothing changed draws no card; editing one title draws only that one, and equals a clean build", async () => {
  const site = makeSite(FILES);
  const cache = mkdtempSync(path.join(os.tmpdir(), "kiji-cache-"));
  const clean = mkdtempSync(path.join(os.tmpdir(), "kiji-clean-"));
  try {
    assert.equal((await buildSite(site, cache)).ogpImages.rendered, 3);
    const again = await buildSite(site, cache);
    assert.deepEqual(again.ogpImages, { total: 3, rendered: 0 });
    writeFileSync(path.join(site, "_posts/2026-02-21-plain.md"), post("Llama 3とDeepSeek R1の性能差"));
    assert.deepEqual((await buildSite(site, cache)).ogpImages, { total: 3, rendered: 1 });
    await buildSite(site, path.join(clean, "cache"), { overrides: { destination: path.join(clean, "site") } });
    assert.equal(treeHash(path.join(site, "_site")), treeHash(path.join(clean, "site")));
    writeFileSync(path.join(site, "_config.yml"), `${FILES["_config.yml"]}\nogp:\n  colors:\n    accent: "#cc0000"\n`.replace("ogp: true\n", ""));
    assert.deepEqual((await buildSite(site, cache)).ogpImages, { total: 3, rendered: 3 }, "a design change redraws every card");
  } finally {
    removeDir(site);
    removeDir(cache);
    removeDir(clean);
  }
});

test("the dev server's in-memory cache keeps cards between builds too, and the in-memory site gets their bytes", async () => {
  const site = makeSite(FILES);
  const cache = createBuildCache();
  const memory = new Map<string, string | Uint8Array | { readonly copyFrom: string }>();
  try {
    assert.equal((await buildSite(site, "", { cache, cacheDir: false, memory })).ogpImages.rendered, 3);
    assert.deepEqual((await buildSite(site, "", { cache, cacheDir: false, memory })).ogpImages, { total: 3, rendered: 0 });
    const card = memory.get("assets/images/posts/2026-02-21-plain-ogp.png");
    assert.ok(card instanceof Uint8Array);
    assert.equal((await sharp(card).metadata()).width, 1200);
    assert.equal(cache.images.size, 3);
  } finally {
    removeDir(site);
  }
});

test("&, < and quotes are drawn literally, not read as markup", async () => {
  const fonts = await loadCardFonts();
  const text = 'A&B<C>"D\'';
  const ink = await renderText({ text, font: fonts.bold, size: 40, color: "#000000" });
  const literal = measureText(fonts.bold.metrics, text, 40);
  const escaped = measureText(fonts.bold.metrics, "A&amp;B&lt;C&gt;&quot;D&apos;", 40);
  assert.ok(Math.abs(ink.width - literal) < literal * 0.1, `ink ${ink.width}px, literal text ${literal.toFixed(0)}px, escapes ${escaped.toFixed(0)}px`);
});

test("a post with an empty title still gets its card (site, category and date only)", async () => {
  const site = makeSite({ ...FILES, "_posts/2026-03-01-untitled.md": '---\nlayout: post\ntitle: ""\n---\nx\n' });
  try {
    const result = await buildSite(site, path.join(site, ".kiji-cache"));
    assert.equal(result.ogpImages.rendered, 4);
    const card = readFileSync(path.join(site, "_site/assets/images/posts/2026-03-01-untitled-ogp.png"));
    assert.equal(await inkShare(card, { left: 100, top: 170, width: 1000, height: 270 }), 0);
  } finally {
    removeDir(site);
  }
});

test("a character the font lacks is a warning naming the post and the character", async () => {
  const site = makeSite({ ...FILES, "_posts/2026-02-23-emoji.md": post("リリース🚀おめでとう") });
  const cache = mkdtempSync(path.join(os.tmpdir(), "kiji-cache-"));
  try {
    const result = await buildSite(site, cache);
    const warnings = result.warnings.filter((w) => w.includes("card font"));
    assert.equal(warnings.length, 1, warnings.join("\n"));
    assert.match(warnings[0]!, /^_posts\/2026-02-23-emoji\.md: the title has '🚀' \(U\+1F680\), which the card font Noto Sans JP does not have/);
  } finally {
    removeDir(site);
    removeDir(cache);
  }
});

async function buildError(files: Record<string, string | Uint8Array>): Promise<KijiError> {
  const site = makeSite(files);
  try {
    await buildSite(site, path.join(site, ".kiji-cache"));
  } catch (error) {
    assert.ok(isKijiError(error), String(error));
    return error;
  } finally {
    removeDir(site);
  }
  assert.fail("the build should have failed");
}

test("an image that is not an image, and a decompression bomb, are errors naming the post and the line", async () => {
  const named = post("偽物の画像", 'image: "/assets/og.png"\n');
  const fake = await buildError({ ...FILES, "_posts/2026-03-01-fake.md": named, "assets/og.png": "hello, I am text" });
  assert.equal(fake.file, "_posts/2026-03-01-fake.md");
  assert.equal(fake.line, 6);
  assert.match(fake.message, /image '\/assets\/og\.png' is not an image kiji can read/);
  const bomb = await sharp({ create: { width: 6000, height: 6000, channels: 3, background: "#ffffff" } }).png({ compressionLevel: 9 }).toBuffer();
  assert.ok(bomb.length < 1_000_000, `the bomb is small on disk: ${bomb.length} bytes`);
  const big = await buildError({ ...FILES, "_posts/2026-03-01-fake.md": named, "assets/og.png": bomb });
  assert.equal(big.file, "_posts/2026-03-01-fake.md");
  assert.match(big.message, /has 36,000,000 pixels, more than the 25,000,000 kiji reads/);
});

test("two posts whose cards would land on one path are an error naming both", async () => {
  const same = 'image: "/assets/shared-ogp.png"\n';
  const error = await buildError({ ...FILES, "_posts/2026-03-01-a.md": post("A", same), "_posts/2026-03-02-b.md": post("B", same) });
  assert.match(error.message, /'_posts\/2026-03-01-a\.md' and '_posts\/2026-03-02-b\.md' both write \/assets\/shared-ogp\.png/);
});

test("an image in the source is used as is; without `ogp` nothing is drawn, as in Jekyll", async () => {
  const png = await sharp({ create: { width: 1200, height: 630, channels: 3, background: "#336699" } }).png().toBuffer();
  const files = { ...FILES, "_posts/2026-03-01-own.md": post("自前の画像", 'image: "/assets/own.png"\n'), "assets/own.png": png };
  const site = makeSite(files);
  const off = makeSite({ ...files, "_config.yml": FILES["_config.yml"].replace("ogp: true\n", "") });
  try {
    const result = await buildSite(site, path.join(site, ".kiji-cache"));
    assert.deepEqual(result.ogpImages, { total: 3, rendered: 3 }, "the three posts without an image of their own");
    assert.deepEqual(readFileSync(path.join(site, "_site/assets/own.png")), png);
    assert.match(readFileSync(path.join(site, "_site/2026/03/01/own.html"), "utf8"), /^OG=https:\/\/news\.example\/blog\/assets\/own\.png IMAGE=\/assets\/own\.png$/m);
    const plain = await buildSite(off, path.join(off, ".kiji-cache"));
    assert.deepEqual(plain.ogpImages, { total: 0, rendered: 0 });
    assert.deepEqual(listFiles(path.join(off, "_site")).filter((file) => file.endsWith(".png")), ["assets/own.png"]);
    assert.match(readFileSync(path.join(off, "_site/2026/02/21/plain.html"), "utf8"), /^OG= IMAGE=$/m);
  } finally {
    removeDir(site);
    removeDir(off);
  }
});

test("ogp.logo is drawn before the site name; a missing logo is an error naming the config file", async () => {
  const logo = '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" rx="20" fill="#cc0000"/></svg>';
  const config = FILES["_config.yml"].replace("ogp: true\n", "ogp:\n  logo: assets/logo.svg\n");
  const site = makeSite({ ...FILES, "_config.yml": config, "assets/logo.svg": logo });
  try {
    await buildSite(site, path.join(site, ".kiji-cache"));
    const card = readFileSync(path.join(site, "_site/assets/images/posts/2026-02-21-plain-ogp.png"));
    const { data } = await sharp(card).extract({ left: 100, top: 496, width: 48, height: 48 }).raw().toBuffer({ resolveWithObject: true });
    const red = [...Array(data.length / 3).keys()].filter((i) => data[i * 3]! > 180 && data[i * 3 + 1]! < 60).length;
    assert.ok(red > 48 * 48 * 0.8, `the logo fills its square at the bottom left: ${red} red pixels`);
  } finally {
    removeDir(site);
  }
  const missing = await buildError({ ...FILES, "_config.yml": config });
  assert.equal(missing.file, "_config.yml");
  assert.match(missing.message, /ogp\.logo 'assets\/logo\.svg' does not exist/);
});
