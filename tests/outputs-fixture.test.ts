import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, utimesSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { before, after, test } from "node:test";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { build } from "../src/build/index.js";
import { REPO_ROOT, listFiles, removeDir } from "./helpers.js";

// tests/fixtures/outputs/: a small Japanese blog built by Jekyll 4.3.1 with jekyll-feed,
// jekyll-sitemap, jekyll-paginate, jekyll-archives, jekyll-seo-tag and jekyll-redirect-from
// (expected/, made by make-fixture.sh). kiji builds the same source; the feeds, the sitemap, the
// paginated home page, the archives and the redirects must match Jekyll's entry for entry.
const FIXTURE = path.join(REPO_ROOT, "tests/fixtures/outputs");
const EXPECTED = path.join(FIXTURE, "expected");
let out = "";
let work = "";

const read = (root: string, file: string): string => readFileSync(path.join(root, file), "utf8");
const collapse = (text: string): string => text.replace(/\s+/g, " ").trim();

before(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "kiji-outputs-"));
  cpSync(path.join(FIXTURE, "source"), path.join(work, "source"), { recursive: true });
  // jekyll-sitemap prints static files' modification times; make-fixture.sh set these.
  const time = new Date("2026-01-01T00:00:00Z");
  for (const file of ["docs/guide.html", "files/report.pdf"]) utimesSync(path.join(work, "source", file), time, time);
  out = path.join(work, "out");
  await build({ source: path.join(work, "source"), now: Date.UTC(2026, 10, 23), cacheDir: false, overrides: { destination: out } });
});

after(() => removeDir(work));

test("kiji writes Jekyll's files, plus feeds for the tags jekyll-feed skips", () => {
  const jekyll = new Set(listFiles(EXPECTED));
  const kiji = listFiles(out);
  assert.deepEqual([...jekyll].filter((file) => !kiji.includes(file)), []);
  assert.deepEqual(kiji.filter((file) => !jekyll.has(file)), [
    ".nojekyll",
    "feed/by_tag/AI最新ニュース.xml",
    "feed/by_tag/C.xml",
    "feed/by_tag/DX推進.xml",
    "feed/by_tag/ROI分析.xml",
    "feed/by_tag/マルチモーダル.xml",
  ]);
});

test("sitemap.xml, robots.txt and the redirects are byte-identical to jekyll-sitemap's and jekyll-redirect-from's", () => {
  for (const file of ["sitemap.xml", "robots.txt", "redirects.json", "old-url/index.html", "2026/02/27/moved.html"]) {
    assert.equal(read(out, file), read(EXPECTED, file), file);
  }
});

function splitFeed(xml: string): { head: string; entries: string[] } {
  const [head, ...entries] = xml.replace(/<\/feed>$/, "").split(/(?=<entry[ >])/);
  return { head: head!, entries };
}

for (const feed of ["feed.xml", "feed/news.xml", "feed/AI最新ニュース.xml", "feed/by_tag/LLM.xml", "feed/by_tag/Meta.xml"]) {
  test(`${feed} matches jekyll-feed entry for entry`, () => {
    const kiji = splitFeed(read(out, feed));
    const jekyll = splitFeed(read(EXPECTED, feed));
    assert.equal(kiji.entries.length, jekyll.entries.length);
    // Entries are equal up to blank lines between HTML blocks in the content (the Markdown renderer's business).
    kiji.entries.forEach((entry, i) => assert.equal(collapse(entry), collapse(jekyll.entries[i]!), `entry ${i + 1}`));
    // The head differs only in the generator, <updated> (kiji: the newest entry; Jekyll: the build time) and a category's case.
    const strip = (head: string): string => head.replace(/<generator.*?<\/generator>|<updated>.*?<\/updated>|<title type="html">.*?<\/title>/g, "");
    assert.equal(strip(kiji.head), strip(jekyll.head));
    const updated = [...kiji.entries.join("").matchAll(/<updated>(.*?)<\/updated>/g)].map((m) => m[1]!).sort().at(-1);
    assert.ok(kiji.head.includes(`<updated>${updated}</updated>`), `the feed's <updated> is its newest entry's, ${updated}`);
  });
}

test("feed titles: the site's title, and a category as written (jekyll-feed's capitalize makes 'AI' 'Ai')", () => {
  const title = (xml: string): string => /<title type="html">(.*?)<\/title>/.exec(xml)![1]!;
  assert.equal(title(read(out, "feed.xml")), title(read(EXPECTED, "feed.xml")));
  assert.equal(title(read(EXPECTED, "feed/AI最新ニュース.xml")), "Fixture News &amp;amp; “Notes” | Ai最新ニュース");
  assert.equal(title(read(out, "feed/AI最新ニュース.xml")), "Fixture News &amp;amp; “Notes” | AI最新ニュース");
  assert.equal(title(read(out, "feed/news.xml")), "Fixture News &amp;amp; “Notes” | News");
});

test("a Japanese tag's feed lists its posts, newest first, at a readable URL", () => {
  const xml = read(out, "feed/by_tag/DX推進.xml");
  assert.match(xml, /<link href="https:\/\/example\.com\/blog\/feed\/by_tag\/DX%E6%8E%A8%E9%80%B2\.xml" rel="self"/);
  assert.deepEqual([...xml.matchAll(/<entry><title type="html">(.*?)<\/title>/g)].map((m) => m[1]), ["東京でAIイベント開催"]);
});

const ATOM = "http://www.w3.org/2005/Atom";

function children(parent: Element, name: string): Element[] {
  return Array.from(parent.childNodes).filter((node): node is Element => node.nodeType === 1 && (node as Element).namespaceURI === ATOM && (node as Element).localName === name);
}

/** RFC 4287's required elements: one id, title and updated per feed and entry, an author for each entry, RFC 3339 dates, absolute ids. */
function checkAtom(file: string, xml: string): void {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== "warning" && errors.push(message)) }).parseFromString(xml, "text/xml");
  assert.deepEqual(errors, [], `${file} is well-formed XML`);
  const feed = doc.documentElement!;
  assert.equal(feed.namespaceURI, ATOM, file);
  assert.equal(feed.localName, "feed", file);
  const date = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
  const once = (parent: Element, name: string, where: string): Element => {
    const found = children(parent, name);
    assert.equal(found.length, 1, `${file}: ${where} has exactly one atom:${name}`);
    return found[0]!;
  };
  assert.match(once(feed, "id", "the feed").textContent!, /^https?:\/\//);
  assert.notEqual(once(feed, "title", "the feed").textContent, "");
  assert.match(once(feed, "updated", "the feed").textContent!, date);
  assert.ok(children(feed, "link").some((link) => link.getAttribute("rel") === "self"), `${file}: a self link`);
  const feedHasAuthor = children(feed, "author").length > 0;
  children(feed, "entry").forEach((entry, i) => {
    const where = `entry ${i + 1}`;
    assert.match(once(entry, "id", where).textContent!, /^https?:\/\//);
    assert.notEqual(once(entry, "title", where).textContent, "");
    assert.match(once(entry, "updated", where).textContent!, date);
    assert.ok(feedHasAuthor || children(entry, "author").length > 0, `${file}: ${where} has an author`);
    for (const author of children(entry, "author")) assert.notEqual(once(author, "name", `${where}'s author`).textContent, "");
    assert.ok(children(entry, "link").some((link) => link.getAttribute("rel") === "alternate") || children(entry, "content").length > 0, `${file}: ${where} links to its page`);
  });
}

test("every feed kiji writes is valid Atom (RFC 4287's required elements)", () => {
  const feeds = listFiles(out).filter((file) => file === "feed.xml" || file.startsWith("feed/"));
  assert.equal(feeds.length, 10, "the main feed, 2 configured categories, 7 tags");
  for (const file of feeds) checkAtom(file, read(out, file));
});

test("paginated home pages, archives and posts have Jekyll's bodies", () => {
  const body = (html: string): string => collapse(/<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html);
  const pages = listFiles(EXPECTED).filter((file) => file.endsWith(".html") && !file.startsWith("docs/"));
  assert.ok(pages.includes("page4/index.html") && pages.includes("tags/dx推進/index.html") && pages.includes("2026/02/index.html"));
  for (const file of pages) assert.equal(body(read(out, file)), body(read(EXPECTED, file)), file);
});
