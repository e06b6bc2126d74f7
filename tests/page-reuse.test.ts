import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { build, type BuildResult } from "../src/build/index.js";
import { createStamp, siteKeyOf, type SiteKeyInput, type StampInput } from "../src/build/page-reuse.js";
import { readToken } from "../src/templates/index.js";
import { makeSite, removeDir, treeHash } from "./helpers.js";

const NOW = Date.UTC(2026, 5, 1);
const post = (title: string, body: string): string => `---\nlayout: post\ntitle: ${title}\n---\n${body}\n`;

/** Four posts and a page listing their titles; the layout is each test's. */
function siteFiles(layout: string): Record<string, string> {
  return {
    "_config.yml": "title: Reuse\ntimezone: Asia/Tokyo\npermalink: /:year/:month/:day/:title.html\n",
    "_layouts/post.html": layout,
    "index.html": "---\n---\n{% for p in site.posts %}<li>{{ p.title }}</li>{% endfor %}",
    "_posts/2026-01-01-a.md": post("A", "最初の記事です。\n\n<!--more-->\n\n続き。"),
    "_posts/2026-01-02-b.md": post("B", "二つ目の記事です。\n\n二段落目。"),
    "_posts/2026-01-03-c.md": post("C", "三つ目の記事です。"),
    "_posts/2026-01-04-d.md": post("D", "四つ目の記事です。"),
  };
}

// Four posts and the index page.
const DOCUMENT_PAGES = 5;

/**
 * Builds the site, applies `edit`, builds again (cache folder and output kept) at `now`, and
 * checks the output against a clean build: the second build's result.
 */
async function rebuild(files: Record<string, string>, edit: (site: string) => void, now = NOW): Promise<BuildResult> {
  const site = makeSite(files);
  const clean = mkdtempSync(path.join(os.tmpdir(), "kiji-clean-"));
  try {
    await build({ source: site, now: NOW, threads: 1 });
    edit(site);
    const result = await build({ source: site, now, threads: 1 });
    await build({ source: site, now, cacheDir: false, threads: 1, overrides: { destination: clean } });
    assert.equal(treeHash(path.join(site, "_site")), treeHash(clean), "the output equals a clean build's");
    return result;
  } finally {
    removeDir(site);
    removeDir(clean);
  }
}

const editBody = (file: string, text: string) => (site: string) => appendFileSync(path.join(site, file), text);

test("a body edit renders that post again and keeps every other page unrendered", async () => {
  const layout = '<h1>{{ page.title }}</h1>{{ content }}<a href="{{ page.next.url }}">{{ page.next.title }}</a>';
  const result = await rebuild(siteFiles(layout), editBody("_posts/2026-01-02-b.md", "\n追記しました。\n"));
  assert.equal(result.pagesKept, DOCUMENT_PAGES - 1);
  const excerpt = await rebuild(siteFiles(`${layout}{{ page.previous.excerpt }}`), editBody("_posts/2026-01-02-b.md", "\n追記しました。\n"));
  assert.equal(excerpt.pagesKept, DOCUMENT_PAGES - 1, "an edit after B's first paragraph leaves its excerpt, and C showing it, as they were");
  assert.equal(result.filesWritten, 1 + 1, "the post and the feed");
});

test("a page showing another post's excerpt, content or reading time is rendered again when that post's body changes", async () => {
  // A new first paragraph (B's excerpt), long enough to change B's reading time too.
  const longer = (site: string): void => writeFileSync(path.join(site, "_posts/2026-01-02-b.md"), post("B", `${"長い書き直しの文章です。".repeat(400)}\n\n二段落目。`));
  for (const shows of ["{{ page.previous.excerpt }}", "{{ page.next.content }}", "{{ page.next.reading_time }}"]) {
    const result = await rebuild(siteFiles(`{{ content }}|${shows}`), longer);
    assert.equal(result.pagesKept, DOCUMENT_PAGES - 2, `${shows}: B and the post showing it are rendered`);
  }
});

test("a page showing the build time is rendered by every build that shows it otherwise, at that build's time", async () => {
  const later = NOW + 3_600_000;
  for (const shows of ['{{ site.time | date("%H:%M") }}', '{{ "now" | date("%H:%M") }}', "{{ site.time }}", "{{ site.time | date_to_xmlschema }}"]) {
    const result = await rebuild(siteFiles(`{{ content }}|${shows}`), () => {}, later);
    assert.equal(result.pagesKept, 1, `${shows}: only the index page is kept`);
  }
  // A footer's year is the same an hour later: nothing to render.
  for (const shows of ['{{ site.time | date("%Y") }}', '{{ "today" | date("%Y") }}', "{{ page.date }}"]) {
    const result = await rebuild(siteFiles(`{{ content }}|${shows}`), () => {}, later);
    assert.equal(result.pagesKept, DOCUMENT_PAGES, `${shows}: every page is kept`);
  }
  const nextYear = await rebuild(siteFiles('{{ content }}|{{ site.time | date("%Y") }}'), () => {}, Date.UTC(2027, 0, 5));
  assert.equal(nextYear.pagesKept, 1, "in a new year the footer's year changes");
});

test("front matter renders again the pages showing it; a layout or a missing output file make pages render again", async () => {
  const layout = '{{ content }}<a href="{{ page.next.url }}">{{ page.next.title }}</a>';
  const retitled = await rebuild(siteFiles(layout), (site) => writeFileSync(path.join(site, "_posts/2026-01-03-c.md"), post("C renamed", "三つ目の記事です。")));
  assert.equal(retitled.pagesKept, DOCUMENT_PAGES - 3, "C, B (showing C as its next) and the index listing the titles are rendered again");
  const relaid = await rebuild(siteFiles(layout), (site) => writeFileSync(path.join(site, "_layouts/post.html"), `<main>${layout}</main>`));
  assert.equal(relaid.pagesKept, 0);
  const removed = await rebuild(siteFiles(layout), (site) => rmSync(path.join(site, "_site/2026/01/02/b.html")));
  assert.equal(removed.pagesKept, DOCUMENT_PAGES - 1, "the missing page is rendered, the rest kept");
});

test("a draft dated by its file's mtime: a new mtime is a new date, shown again wherever it shows", async () => {
  // future: the draft's first date is the time the test made the file.
  const layout = "{{ content }}|{{ page.date }}|{{ page.next.date }}";
  const files = { ...siteFiles(layout), "_config.yml": "timezone: UTC\nshow_drafts: true\nfuture: true\n", "_drafts/undated.md": post("Draft", "下書き。") };
  const result = await rebuild(files, (site) => utimesSync(path.join(site, "_drafts/undated.md"), new Date(Date.UTC(2026, 2, 3)), new Date(Date.UTC(2026, 2, 3))));
  assert.equal(result.pagesKept, DOCUMENT_PAGES + 1 - 2, "the draft and the post showing its date as its next are rendered again");
});

test("a page showing its related list is rendered again when the list changes, and equals a clean build", async () => {
  const layout = "{{ content }}|{% for r in page.related %}{{ r.url }} {{ r.score }},{% endfor %}";
  const result = await rebuild(siteFiles(layout), editBody("_posts/2026-01-04-d.md", "\n二つ目の記事です。二段落目。\n"));
  assert.ok(result.pagesKept < DOCUMENT_PAGES - 1, `related lists changed with D's terms (${result.pagesKept} kept)`);
});

test("a related list's scores are heard apart: pages showing the list without them are kept while it stays", async () => {
  // One related post each. D's new sentence shares a term with C only: C's list stays [D] with a new
  // score, B's list turns from [C] to [A] (C's weights moved), A's stays [B] at the same score.
  const files = (shows: string): Record<string, string> => ({
    ...siteFiles(`{{ content }}|{% for r in page.related %}${shows},{% endfor %}`),
    "_config.yml": "timezone: Asia/Tokyo\npermalink: /:year/:month/:day/:title.html\nrelated: {count: 1}\n",
    "_posts/2026-01-03-c.md": post("C", "三つ目の記事です。量子計算機の話。"),
  });
  const edit = editBody("_posts/2026-01-04-d.md", "\n量子計算機の誤り訂正。\n");
  const shown = await rebuild(files("{{ r.url }} {{ r.title }}"), edit);
  assert.equal(shown.pagesKept, DOCUMENT_PAGES - 2, "D and B (a new list) are rendered again; C's list is the same post");
  const scored = await rebuild(files("{{ r.url }} {{ r.score }}"), edit);
  assert.equal(scored.pagesKept, DOCUMENT_PAGES - 3, "C, showing its list's new score, is rendered too");
});

test("site's list of posts is stamped by every post's front matter, also for 150,000 posts; no site key without every front-matter digest", () => {
  const posts = Array.from({ length: 150_000 }, (_, i) => ({ relativePath: `_posts/2026-01-01-p${i}.md`, type: "posts", date: { epochMs: i } }));
  const docs = (frontOf: (i: number) => string | undefined): Map<string, unknown> => new Map(posts.map((post, i) => [post.relativePath, { frontKey: frontOf(i), entry: { mtimeMs: 0 } }]));
  const content = { staticFiles: [], posts, pages: [], archives: [] };
  const stampOfPosts = (frontOf: (i: number) => string | undefined): string =>
    createStamp({ zone: undefined, now: 0, content, texts: new Map(), views: { posts: new Map(), pages: new Map() }, docs: docs(frontOf), ogImages: new Map() } as unknown as StampInput)(readToken("site", "posts"));
  const stamp = stampOfPosts(() => "front");
  assert.match(stamp, /^[0-9a-f]{32}$/);
  assert.notEqual(stampOfPosts((i) => (i === 149_999 ? "edited" : "front")), stamp, "the last post's front matter counts");
  const keyInput = (frontOf: (i: number) => string | undefined): SiteKeyInput =>
    ({ engineKey: "engine", config: { digest: "config" }, source: { layouts: [], includes: [], dataFiles: [] }, content, docs: docs(frontOf), paginated: undefined }) as unknown as SiteKeyInput;
  assert.match(siteKeyOf(keyInput(() => "front")) ?? "", /^[0-9a-f]{32}$/);
  assert.equal(siteKeyOf(keyInput((i) => (i === 7 ? undefined : "front"))), undefined);
});

test("pages of the paginated home and of archives are kept too, unless a post they show changed", async () => {
  const files = {
    ...siteFiles("{{ content }}"),
    "_config.yml": "timezone: Asia/Tokyo\npermalink: /:year/:month/:day/:title.html\npaginate: 2\n",
    "index.html": "---\n---\n{% for p in paginator.posts %}<li>{{ p.title }}: {{ p.excerpt }}</li>{% endfor %}",
    "_layouts/archive.html": "{{ page.title }}{% for p in page.posts %}<li>{{ p.url }}</li>{% endfor %}",
  };
  const all = (await rebuild(files, () => {})).pagesKept;
  assert.ok(all >= 4 + 2 + 2, `posts, two home pages and the date archives are kept when nothing changed (${all})`);
  // A's new first paragraph is its excerpt: A and the home page listing it (page 2, the older posts) are rendered.
  const edited = await rebuild(files, (site) => writeFileSync(path.join(site, "_posts/2026-01-01-a.md"), post("A", "書き直した最初の段落。\n\n続き。")));
  assert.equal(edited.pagesKept, all - 2);
  const relaid = await rebuild(files, (site) => appendFileSync(path.join(site, "index.html"), "<p>more</p>"));
  assert.equal(relaid.pagesKept, 0, "the home page's template is part of every page's key");
});

test("a new post renders itself and the pages that show it (its neighbour, lists of posts), and keeps the rest", async () => {
  const added = (site: string): void => writeFileSync(path.join(site, "_posts/2026-01-05-e.md"), post("E", "五つ目の記事です。"));
  const plain = await rebuild(siteFiles("<h1>{{ page.title }}</h1>{{ content }}"), added);
  assert.equal(plain.pagesKept, DOCUMENT_PAGES - 1, "only the index page, whose body lists the titles, is rendered again (and E)");
  const neighbours = await rebuild(siteFiles('{{ content }}<a href="{{ page.next.url }}">{{ page.next.title }}</a>'), added);
  assert.equal(neighbours.pagesKept, DOCUMENT_PAGES - 2, "D, whose next E now is, and the index are rendered again");
  const recent = await rebuild(siteFiles("{{ content }}{% for p in site.related_posts %}{{ p.url }}{% endfor %}"), added);
  assert.equal(recent.pagesKept, 0, "every post shows the newest posts");
  const list = await rebuild(siteFiles("{{ content }}{{ site.posts | length }}"), added);
  assert.equal(list.pagesKept, 0, "every page that reads site.posts is rendered again");
});
