import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { cutDescription, ogLocale } from "../src/templates/index.js";
import { makeSite, removeDir } from "./helpers.js";

const TITLE = `Quotes "double" & 'single' </script><script>alert(1)</script> <b>bold</b>`;
const LONG = "日本語の説明文です。".repeat(20);

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name]!);
}

/** The head's meta tags by name or property (repeated ones in order). */
function metas(head: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const m of head.matchAll(/<meta (?:name|property)="([^"]*)" content="([^"]*)" \/>/g)) {
    found.set(m[1]!, [...(found.get(m[1]!) ?? []), decode(m[2]!)]);
  }
  return found;
}

async function buildSeoSite(): Promise<{ site: string; html: (file: string) => string }> {
  const site = makeSite({
    "_config.yml": "title: ニュース & \"Blog\"\ndescription: AIの最新ニュース\nurl: https://example.com\nbaseurl: /blog\nlang: ja\ntimezone: Asia/Tokyo\npermalink: /:year/:month/:day/:title.html\nauthor: 編集部\nlogo: /logo.png\ntwitter:\n  username: \"@news\"\n",
    "_layouts/default.html": "<html><head>{% seo %}</head><body>{{ content }}</body></html>",
    "_posts/2026-02-19-escape.md": `---\nlayout: default\ntitle: '${TITLE.replaceAll("'", "''")}'\ndate: 2026-02-19 10:56:44 +0900\nlast_modified_at: 2026-02-20 09:00:00 +0900\ncategories: [AI最新ニュース]\ntags: [LLM, DX推進]\nimage: /assets/images/og card.png\nexcerpt: '${LONG}'\n---\nBody.\n`,
    "index.html": "---\nlayout: default\n---\nhome",
  });
  await build({ source: site, now: Date.UTC(2026, 10, 23), cacheDir: false });
  return { site, html: (file) => readFileSync(path.join(site, "_site", file), "utf8") };
}

test("a title with </script>, quotes and & breaks neither the attributes nor the JSON-LD", async () => {
  const { site, html } = await buildSeoSite();
  try {
    const page = html("2026/02/19/escape.html");
    const head = /<head>([\s\S]*)<\/head>/.exec(page)![1]!;
    // The only script element is the JSON-LD: nothing in the title opened or closed another.
    assert.equal(head.match(/<script/g)?.length, 1);
    assert.equal(head.match(/<\/script>/g)?.length, 1);
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(head)![1]!;
    const data = JSON.parse(json) as Record<string, unknown>;
    assert.equal(data.headline, TITLE);
    assert.equal(data["@type"], "BlogPosting");
    assert.equal((data.author as Record<string, unknown>).name, "編集部");
    assert.equal((data.publisher as Record<string, unknown>).name, 'ニュース & "Blog"');
    assert.deepEqual((data.publisher as { logo: unknown }).logo, { "@type": "ImageObject", url: "https://example.com/blog/logo.png" });
    const tags = metas(head);
    assert.deepEqual(tags.get("og:title"), [TITLE]);
    assert.deepEqual(tags.get("twitter:title"), [TITLE]);
    assert.equal(decode(/<title>(.*?)<\/title>/.exec(head)![1]!), `${TITLE} | ニュース & "Blog"`);
  } finally {
    removeDir(site);
  }
});

test("a post's head has the full Open Graph, Twitter and article set, Japanese-aware", async () => {
  const { site, html } = await buildSeoSite();
  try {
    const tags = metas(html("2026/02/19/escape.html"));
    assert.deepEqual(tags.get("og:locale"), ["ja_JP"]);
    assert.deepEqual(tags.get("og:type"), ["article"]);
    assert.deepEqual(tags.get("og:url"), ["https://example.com/blog/2026/02/19/escape.html"]);
    assert.deepEqual(tags.get("og:image"), ["https://example.com/blog/assets/images/og%20card.png"]);
    assert.deepEqual(tags.get("twitter:image"), ["https://example.com/blog/assets/images/og%20card.png"]);
    assert.deepEqual(tags.get("twitter:card"), ["summary_large_image"]);
    assert.deepEqual(tags.get("twitter:site"), ["@news"]);
    assert.deepEqual(tags.get("article:published_time"), ["2026-02-19T10:56:44+09:00"]);
    assert.deepEqual(tags.get("article:modified_time"), ["2026-02-20T09:00:00+09:00"]);
    assert.deepEqual(tags.get("article:section"), ["AI最新ニュース"]);
    assert.deepEqual(tags.get("article:tag"), ["LLM", "DX推進"]);
    // The description is cut by characters: 119 of the excerpt and an ellipsis.
    const description = tags.get("description")![0]!;
    assert.equal([...description].length, 120);
    assert.equal(description, `${LONG.slice(0, 119)}…`);
    assert.deepEqual(tags.get("og:description"), [description]);
    assert.match(html("2026/02/19/escape.html"), /<link rel="canonical" href="https:\/\/example\.com\/blog\/2026\/02\/19\/escape\.html" \/>/);
  } finally {
    removeDir(site);
  }
});

test("the home page is a WebSite titled with the site's name and description", async () => {
  const { site, html } = await buildSeoSite();
  try {
    const page = html("index.html");
    const data = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!) as Record<string, unknown>;
    assert.equal(data["@type"], "WebSite");
    assert.equal(data.url, "https://example.com/blog/");
    assert.equal(data.name, 'ニュース & "Blog"');
    assert.equal(decode(/<title>(.*?)<\/title>/.exec(page)![1]!), 'ニュース & "Blog" | AIの最新ニュース');
    assert.deepEqual(metas(page).get("og:type"), ["website"]);
  } finally {
    removeDir(site);
  }
});

test("descriptions are cut by characters, never inside one; og:locale gets a territory", () => {
  assert.equal(cutDescription("短い説明", "ja"), "短い説明");
  const emoji = "👨‍👩‍👧".repeat(130);
  assert.equal(cutDescription(emoji, "ja"), `${"👨‍👩‍👧".repeat(119)}…`);
  assert.equal(cutDescription("word ".repeat(40).trim(), "en").length, 160);
  assert.equal(ogLocale("ja"), "ja_JP");
  assert.equal(ogLocale("en-GB"), "en_GB");
  assert.equal(ogLocale("en"), "en_US");
});
