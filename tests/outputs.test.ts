import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { loadConfig } from "../src/config/index.js";
import { characters, truncate } from "../src/templates/index.js";
import { listFiles, makeSite, removeDir } from "./helpers.js";

const POSTS = {
  "_posts/2025-12-31-a.md": "---\ntitle: A\ncategories: [AI最新ニュース]\ntags: [DX推進, LLM]\n---\nx\n",
  "_posts/2026-01-05-b.md": "---\ntitle: B\ncategories: [AI最新ニュース]\ntags: [LLM]\n---\nx\n",
  "_posts/2026-02-01-c.md": "---\ntitle: C\ncategories: [導入事例]\ntags: [llm]\n---\nx\n",
  "_posts/2026-02-14-d.md": "---\ntitle: D\ntags: [LLM]\n---\nx\n",
  "_posts/2026-02-20-e.md": "---\ntitle: E\ntags: [LLM]\nhidden: true\n---\nx\n",
};
const ARCHIVE = "---\n---\n{{ page.type }}|{{ page.title }}|{{ page.date | date('%Y-%m') if page.date }}|{% for p in (paginator.posts if paginator else page.posts) %}{{ p.title }}{% endfor %}|{{ paginator.page }}/{{ paginator.total_pages }}|{{ paginator.previous_page_path }}|{{ paginator.next_page_path }}";
const HOME = "---\n---\n{% for p in paginator.posts %}{{ p.title }}{% endfor %}|{{ paginator.page }}/{{ paginator.total_pages }}/{{ paginator.total_posts }}|{{ paginator.previous_page_path }}|{{ paginator.next_page_path }}|{{ page.url }}";

async function buildSite(files: Record<string, string>): Promise<{ site: string; read: (file: string) => string; files: () => string[] }> {
  const site = makeSite(files);
  await build({ source: site, now: Date.UTC(2026, 10, 23), cacheDir: false });
  const out = path.join(site, "_site");
  return { site, read: (file) => readFileSync(path.join(out, file), "utf8"), files: () => listFiles(out) };
}

test("kiji's default archives: tags, categories, years and months at stable Japanese URLs, paginated like the home page", async () => {
  const { site, read, files } = await buildSite({
    "_config.yml": "timezone: Asia/Tokyo\npaginate: 2\npaginate_path: /page:num/\npermalink: /:year/:month/:day/:title/\n",
    "_layouts/archive.html": ARCHIVE,
    "index.html": HOME,
    ...POSTS,
  });
  try {
    const archives = files().filter((file) => /^(tags|categories)\//.test(file) || /^\d{4}\/(\d\d\/)?(page\d\/)?index\.html$/.test(file));
    assert.deepEqual(archives.sort(), [
      "2025/12/index.html", "2025/index.html", "2026/01/index.html", "2026/02/index.html", "2026/02/page2/index.html",
      "2026/index.html", "2026/page2/index.html",
      "categories/ai最新ニュース/index.html", "categories/導入事例/index.html",
      "tags/dx推進/index.html", "tags/llm/index.html", "tags/llm/page2/index.html", "tags/llm/page3/index.html",
    ]);
    // "LLM" and "llm" share one archive; pages are linked with their %-encoded URLs.
    assert.equal(read("tags/llm/index.html"), "tag|LLM||ED|1/3||/tags/llm/page2/");
    assert.equal(read("tags/llm/page3/index.html"), "tag|LLM||A|3/3|/tags/llm/page2/|");
    assert.equal(read("categories/ai最新ニュース/index.html"), "category|AI最新ニュース||BA|1/1||");
    assert.equal(read("2026/02/index.html"), "month||2026-02|ED|1/2||/2026/02/page2/");
    assert.equal(read("2026/page2/index.html"), "year||2026-01|CB|2/2|/2026/|");
    assert.equal(read("2025/index.html"), "year||2025-01|A|1/1||");
    // The home page leaves the hidden post out, as jekyll-paginate does.
    assert.equal(read("index.html"), "DC|1/2/4||/page2/|/");
    assert.equal(read("page2/index.html"), "BA|2/2/4|/||/page2/");
    assert.ok(!existsSync(path.join(site, "_site/page3")));
    const sitemap = read("sitemap.xml");
    assert.ok(sitemap.includes("<loc>/tags/dx%E6%8E%A8%E9%80%B2/</loc>") && sitemap.includes("<loc>/page2/</loc>"));
  } finally {
    removeDir(site);
  }
});

test("site.archive_urls and site.archives_by_type find archives without a loop over all of them", async () => {
  const { site, read } = await buildSite({
    "_config.yml": "timezone: Asia/Tokyo\n",
    "_layouts/archive.html": ARCHIVE,
    "links.html": "---\n---\n{{ site.archive_urls.tag['LLM'] }}|{{ site.archive_urls.tag['DX推進'] }}|{{ site.archive_urls.category['導入事例'] }}|{{ site.archive_urls.tag['missing'] or 'none' }}|{% for a in site.archives_by_type.category %}{{ a.title }};{% endfor %}|{{ site.archives_by_type.year | length }}",
    ...POSTS,
  });
  try {
    assert.equal(read("links.html"), "/tags/llm/|/tags/dx%E6%8E%A8%E9%80%B2/|/categories/%E5%B0%8E%E5%85%A5%E4%BA%8B%E4%BE%8B/|none|AI最新ニュース;導入事例;|2");
  } finally {
    removeDir(site);
  }
});

test("no archive layout, no archives; a configured jekyll-archives uses the plugin's own defaults", async () => {
  const plain = await buildSite({ "_config.yml": "timezone: UTC\n", ...POSTS });
  const plugin = await buildSite({
    "_config.yml": "timezone: UTC\npaginate: 2\njekyll-archives:\n  enabled: [tags]\n",
    "_layouts/archive.html": ARCHIVE,
    ...POSTS,
  });
  try {
    assert.deepEqual(plain.files().filter((file) => /^(tag|category|categories|tags)\/|^\d{4}\/index/.test(file)), []);
    assert.deepEqual(plugin.files().filter((file) => /^(tag|tags)\//.test(file)), ["tag/dx推進/index.html", "tag/llm/index.html"]);
    assert.equal(plugin.read("tag/llm/index.html"), "tag|LLM||EDCBA|/||", "jekyll-archives does not paginate");
  } finally {
    removeDir(plain.site);
    removeDir(plugin.site);
  }
});

test("redirect_from pages, redirect_to documents, and a 404 page for a site without one", async () => {
  const { site, read, files } = await buildSite({
    "_config.yml": "url: https://example.com\nlang: ja\n",
    "_layouts/default.html": "<main>{{ page.title }}:{{ content }}</main>",
    "_posts/2026-01-05-new.md": "---\ntitle: New\nredirect_from: [/old/, \"/x\\\"><script>alert(1)</script>/\"]\n---\nx\n",
    "gone.md": "---\nredirect_to: https://other.example/?a=1&b=</script>\n---\n",
  });
  try {
    assert.match(read("old/index.html"), /<meta http-equiv="refresh" content="0; url=https:\/\/example\.com\/2026\/01\/05\/new\.html">/);
    const evil = files().find((file) => file.includes("script"))!;
    assert.doesNotMatch(read(evil), /<script>alert/);
    const gone = read("gone.html");
    assert.match(gone, /<script>location="https:\/\/other\.example\/\?a=1\\u0026b=\\u003c\/script\\u003e"<\/script>/);
    assert.match(gone, /href="https:\/\/other\.example\/\?a=1&amp;b=&lt;\/script&gt;"/);
    assert.equal(read("404.html"), "<main>ページが見つかりません:<h1>ページが見つかりません</h1>\n<p>お探しのページは移動または削除された可能性があります。 <a href=\"/\">トップページへ戻る</a></p>\n</main>");
    assert.deepEqual(Object.keys(JSON.parse(read("redirects.json")) as object), ["/old/", "/x\"><script>alert(1)</script>/", "/gone.html"]);
    assert.doesNotMatch(read("sitemap.xml"), /gone|old|404/);
  } finally {
    removeDir(site);
  }
});

test("a generated page on top of a source page is an error naming the file", async () => {
  const site = makeSite({ "_config.yml": "paginate: 1\n", "index.html": HOME, "page2/index.html": "---\n---\nmine", ...POSTS });
  try {
    await assert.rejects(build({ source: site, cacheDir: false }), (error: Error & { file?: string }) => {
      assert.equal(error.file, "page2/index.html");
      assert.match(error.message, /'page2\/index\.html' and 'a generated list page' both write \/page2\//);
      return true;
    });
  } finally {
    removeDir(site);
  }
});

test("output settings are read in Jekyll's form and checked", async () => {
  const site = makeSite({ "_config.yml": "paginate: 5\nfeed: { path: /atom.xml, posts_limit: 3, categories: [news], tags: { only: [a] } }\nsitemap: false\n" });
  const bad = makeSite({ "_config.yml": "paginate: 5\npaginate_path: /page/\n" });
  const typo = makeSite({ "site.config.ts": "export default { feed: { posts_limit: 'ten' } };\n" });
  try {
    const config = await loadConfig({ source: site });
    assert.deepEqual(config.pagination, { perPage: 5, path: "/page:num" });
    assert.deepEqual(config.feed, { path: "/atom.xml", postsLimit: 3, categories: ["news"], tags: { only: ["a"], except: [], path: "/feed/by_tag/" }, excerptOnly: false });
    assert.equal(config.sitemap, false);
    assert.equal((config.siteVariables.feed as { posts_limit: number }).posts_limit, 3, "site.feed stays readable in templates");
    await assert.rejects(loadConfig({ source: bad }), /config key 'paginate_path' must contain ':num'/);
    await assert.rejects(loadConfig({ source: typo }), /config key 'feed.posts_limit' has the wrong type/);
    const off = makeSite({ "_config.yml": "feed: false\nsitemap: false\n", "_posts/2026-01-01-a.md": "---\n---\nx\n" });
    try {
      await build({ source: off, cacheDir: false });
      assert.deepEqual(listFiles(path.join(off, "_site")), [".nojekyll", "2026/01/01/a.html", "404.html"]);
    } finally {
      removeDir(off);
    }
  } finally {
    removeDir(site);
    removeDir(bad);
    removeDir(typo);
  }
});

test("truncate counts characters as a reader does: never splits an emoji or a combining mark", () => {
  assert.equal(truncate("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧 family", 5), "👨‍👩‍👧👨‍👩‍👧...");
  assert.equal(truncate("か\u3099か\u3099か\u3099か\u3099", 3, ""), "か\u3099か\u3099か\u3099");
  assert.equal(truncate("日本語の長い文章", 5, "…"), "日本語の…");
  assert.equal(truncate("日本語の文章", 6), "日本語の文章", "as long as the limit: left whole");
  assert.equal(truncate("か\u3099か\u3099か\u3099", 3, "..."), "か\u3099か\u3099か\u3099", "three characters of six code units: not cut");
  assert.equal(truncate("abcdef", -5), "...", "a negative length leaves the ellipsis alone, as Liquid does");
});

test("characters skips the segmenter only for text whose every code unit is a cluster of its own", () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const segments = (text: string): string[] => Array.from(segmenter.segment(text), (segment) => segment.segment);
  const ranges: Array<[number, number]> = [[0x09, 0x0a], [0x20, 0x7e], [0x3000, 0x3029], [0x3030, 0x3096], [0x309b, 0x30ff], [0x4e00, 0x9fff], [0xff01, 0xff60]];
  const units = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)));
  // Every such unit next to every kind of neighbour: the whole set in order, reversed, and random strings.
  for (const text of [units.join(""), [...units].reverse().join("")]) assert.deepEqual(characters(text), segments(text));
  let seed = 1;
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < 2000; i++) {
    const text = Array.from({ length: 12 }, () => units[Math.floor(random() * units.length)]).join("");
    assert.deepEqual(characters(text), segments(text), JSON.stringify(text));
  }
  // Clusters of several code units still go through the segmenter.
  for (const text of ["か\u3099き", "ｶﾞ", "\r\n", "👍🏽", "🇯🇵", "한국어", "e\u0301", "々\u302a"]) assert.deepEqual(characters(text), segments(text), JSON.stringify(text));
});
