import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import type { ConfigOverrides } from "../src/config/index.js";
import { createDevSite, type ChangeKind, type DevSite, type LiveMessage } from "../src/serve/index.js";
import { REPO_ROOT, removeDir } from "./helpers.js";
import { NOW, cleanBuild, makeServeSite, materialize } from "./serve-helpers.js";

const POST = "_posts/2026-01-02-second.md";
const PAGE = "2026/01/02/second/index.html";
// A post layout showing what a post derives from its own body: reading time and excerpt.
const POST_LAYOUT = "---\nlayout: default\n---\n<article><h1>{{ page.title }}</h1><p class=\"time\">{{ page.reading_time }} min</p><p class=\"lead\">{{ page.excerpt }}</p>{{ content }}</article>\n";

/** A message, with the edited post's page and the feed as the in-memory site held them when it was sent. */
interface Seen {
  readonly message: LiveMessage;
  readonly page: unknown;
  readonly feed: unknown;
}

function devSite(source: string, seen: Seen[], overrides: ConfigOverrides = {}): DevSite {
  const site: DevSite = createDevSite({
    build: { source, overrides },
    now: () => NOW,
    onMessage: (message) => seen.push({ message, page: site.memory.get(PAGE), feed: site.memory.get("feed.xml") }),
  });
  return site;
}

/** Runs `body` on a dev site over a fresh serve site (plus `files`), built once; the folder is removed afterwards. */
async function withDevSite(files: Record<string, string>, body: (site: DevSite, source: string, seen: Seen[]) => Promise<void>): Promise<void> {
  const source = makeServeSite(files);
  try {
    const seen: Seen[] = [];
    const site = devSite(source, seen);
    await site.buildAll();
    await body(site, source, seen);
  } finally {
    removeDir(source);
  }
}

async function assertSameAsCleanBuild(site: DevSite, source: string, step: string, overrides = {}): Promise<void> {
  const served = materialize(site.memory);
  const clean = materialize(await cleanBuild(source, overrides));
  assert.deepEqual(served.map(([file]) => file), clean.map(([file]) => file), `${step}: same files`);
  for (const [i, [file, bytes]] of served.entries()) assert.ok(bytes.equals(clean[i]![1]), `${step}: ${file} is byte-identical to a clean build`);
}

const updates = (seen: readonly Seen[]): Array<Extract<LiveMessage, { type: "update" }>> =>
  seen.flatMap(({ message }) => (message.type === "update" ? [message] : []));

test("an edit to a post's body: its page is served and announced before the full build, which then brings the feed up to date", async () => {
  await withDevSite({ "_layouts/post.html": POST_LAYOUT }, async (site, source, seen) => {
    assert.match(String(site.memory.get(PAGE)), /<p class="time">1 min<\/p>/);
    seen.length = 0;
    // Long enough to change the reading time; the front matter is the same.
    const body = `A new opening paragraph.\n\n${"長い本文です。".repeat(400)}\n`;
    writeFileSync(path.join(source, POST), `---\nlayout: post\ntitle: Second post\n---\n${body}`);
    const outcome = await site.rebuild([path.join(source, POST)]);
    assert.equal(outcome.error, undefined);
    assert.deepEqual(outcome.kinds, ["document"]);
    assert.deepEqual(outcome.early, [PAGE]);
    const [first, second] = updates(seen);
    assert.deepEqual(first?.pages, [`/${PAGE}`, "/2026/01/02/second/"], "the first update names the edited page alone");
    const atFirst = seen[0]!;
    assert.match(String(atFirst.page), /A new opening paragraph\./, "the page was served with the new body when announced");
    assert.match(String(atFirst.page), /<p class="time">5 min<\/p>/, "with the reading time of the new body");
    assert.match(String(atFirst.page), /<p class="lead"><p>A new opening paragraph\.<\/p>/, "and its new excerpt");
    assert.doesNotMatch(String(atFirst.feed), /A new opening paragraph/, "before the full build had brought the feed up to date");
    assert.ok(second?.assets.includes("/feed.xml"), "the full build announces the feed next");
    assert.ok(!second?.pages.includes(`/${PAGE}`), "and not the page again, which it rendered the same");
    assert.equal(atFirst.page, site.memory.get(PAGE), "the early page is byte-identical to the full build's");
    assert.deepEqual(outcome.changed.filter((file) => file === PAGE || file === "feed.xml").sort(), ["2026/01/02/second/index.html", "feed.xml"]);
    await assertSameAsCleanBuild(site, source, "after a body edit");
  });
});

test("a body edit takes the fast path when the last build took the post from the cache without reading its text", async () => {
  await withDevSite({ "_layouts/post.html": POST_LAYOUT }, async (site, source) => {
    // Touched, bytes unchanged: the next build finds them in the cache and leaves the text unread.
    const file = path.join(source, POST);
    utimesSync(file, new Date(NOW + 60_000), new Date(NOW + 60_000));
    assert.equal((await site.rebuild([file])).error, undefined);
    writeFileSync(file, `---\nlayout: post\ntitle: Second post\n---\nAn edited body.\n`);
    const outcome = await site.rebuild([file]);
    assert.equal(outcome.error, undefined);
    assert.deepEqual(outcome.early, [PAGE]);
    assert.match(String(site.memory.get(PAGE)), /An edited body\./);
    await assertSameAsCleanBuild(site, source, "after a body edit of a post taken from the cache");
  });
});

test("an edit to a page's body takes the fast path too", async () => {
  await withDevSite({}, async (site, source) => {
    writeFileSync(path.join(source, "about.md"), "---\nlayout: default\ntitle: About\npermalink: /about/\n---\nAbout this blog, *rewritten*.\n");
    const outcome = await site.rebuild(["about.md"]);
    assert.deepEqual(outcome.early, ["about/index.html"]);
    assert.match(String(site.memory.get("about/index.html")), /About this blog, <em>rewritten<\/em>\./);
    await assertSameAsCleanBuild(site, source, "after a page body edit");
  });
});

test("in doubt there is no fast path: front matter, template tags, a new file, a date from the file's mtime", async () => {
  const source = makeServeSite({ "_drafts/idea.md": "---\nlayout: post\ntitle: Idea\n---\nA dateless draft.\n" });
  const at = (file: string): string => path.join(source, file);
  const cases: Array<[string, ChangeKind, () => string]> = [
    ["front matter changed", "document", () => (writeFileSync(at(POST), "---\nlayout: post\ntitle: Second post\ndescription: New\n---\nThe second post.\n"), POST)],
    ["template tags in the body", "document", () => (writeFileSync(at(POST), "---\nlayout: post\ntitle: Second post\ndescription: New\n---\n{{ site.posts.size }} posts.\n"), POST)],
    ["a new post", "content", () => (writeFileSync(at("_posts/2026-01-04-fourth.md"), "---\nlayout: post\ntitle: Fourth\n---\nNew.\n"), "_posts/2026-01-04-fourth.md")],
    ["a dateless draft, dated by its mtime", "document", () => (writeFileSync(at("_drafts/idea.md"), "---\nlayout: post\ntitle: Idea\n---\nEdited later.\n"), "_drafts/idea.md")],
  ];
  try {
    const seen: Seen[] = [];
    // The draft is dated now, after the fixed build time: --future keeps it.
    const overrides = { show_drafts: true, future: true };
    const site = devSite(source, seen, overrides);
    await site.buildAll();
    for (const [what, kind, apply] of cases) {
      seen.length = 0;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const outcome = await site.rebuild([at(apply())]);
      assert.equal(outcome.error, undefined, what);
      assert.deepEqual(outcome.kinds, [kind], what);
      assert.deepEqual(outcome.early, [], `${what}: nothing announced before the build`);
      assert.equal(updates(seen).length, 1, `${what}: one update, after the build`);
      await assertSameAsCleanBuild(site, source, what, overrides);
    }
  } finally {
    removeDir(source);
  }
});

test("a broken edit on the fast path shows the error at once and keeps the last good site", async () => {
  await withDevSite({}, async (site, source, seen) => {
    const before = materialize(site.memory);
    seen.length = 0;
    writeFileSync(path.join(source, POST), "---\nlayout: post\ntitle: [unclosed\n---\nBroken.\n");
    const outcome = await site.rebuild([path.join(source, POST)]);
    assert.ok(outcome.error !== undefined);
    assert.deepEqual(outcome.early, []);
    assert.ok(seen.length > 0 && seen.every(({ message }) => message.type === "error"), "errors only, no update");
    for (const { message } of seen) {
      assert.ok(message.type === "error");
      assert.equal(message.error.file, POST);
      assert.equal(message.error.line, 4);
    }
    assert.deepEqual(materialize(site.memory), before);
  });
});

/** A site whose build takes a while, and an edit to the third post's body made once that build has read the sources. */
function siteWithEditDuringBuild(seen: Seen[]): { source: string; site: DevSite; arm: () => void; during: () => Promise<unknown> | undefined } {
  // Posts whose layout takes a while, so the fast path has its turns while the build renders them.
  const filler = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`_posts/2025-06-01-filler-${i}.md`, `---\nlayout: slow\ntitle: Filler ${i}\n---\nFiller.\n`]));
  const source = makeServeSite({ ...filler, "_layouts/slow.html": "{% for i in range(0, 3000) %}{% endfor %}{{ content }}" });
  const third = path.join(source, "_posts/2026-01-03-third.md");
  let duringBuild: Promise<unknown> | undefined;
  let isArmed = false;
  const site: DevSite = createDevSite({
    build: { source },
    now: () => NOW,
    onMessage: (message) => seen.push({ message, page: undefined, feed: undefined }),
    logger: {
      verbose: true,
      write: (line) => {
        if (!isArmed || !line.startsWith("source:")) return;
        isArmed = false;
        writeFileSync(third, "---\nlayout: post\ntitle: Third post\n---\nWritten during the build.\n");
        duringBuild = site.rebuild([third]);
      },
    },
  });
  return { source, site, arm: () => (isArmed = true), during: () => duringBuild };
}

test("an edit made while a build runs is announced before that build ends, which does not bring back the old page", async () => {
  const seen: Seen[] = [];
  const { source, site, arm, during } = siteWithEditDuringBuild(seen);
  try {
    await site.buildAll();
    seen.length = 0;
    arm();
    writeFileSync(path.join(source, POST), "---\nlayout: post\ntitle: Second post\n---\nFirst edit.\n");
    await site.rebuild([path.join(source, POST)]);
    assert.ok(during(), "the second edit came while the first rebuild's build ran");
    // Updates so far: the second post (fast path), the third post (fast path, during the build), then the build's own.
    const pages = updates(seen).map((update) => update.pages);
    assert.deepEqual(pages.slice(0, 2), [[`/${PAGE}`, "/2026/01/02/second/"], ["/2026/01/03/third/index.html", "/2026/01/03/third/"]]);
    assert.ok(updates(seen)[2]?.assets.includes("/feed.xml"), "the build's update came after the third post's");
    assert.match(String(site.memory.get("2026/01/03/third/index.html")), /Written during the build\./, "the running build's older page was not put back");
    assert.ok(!updates(seen)[2]?.pages.includes("/2026/01/03/third/"), "nor announced again by it");
    await during();
    await assertSameAsCleanBuild(site, source, "after the edit made during a build");
  } finally {
    removeDir(source);
  }
});

test("while a layout change is being built, an edit waits for that build (the last build's layout no longer holds)", async () => {
  const seen: Seen[] = [];
  const { source, site, arm, during } = siteWithEditDuringBuild(seen);
  try {
    await site.buildAll();
    seen.length = 0;
    arm();
    writeFileSync(path.join(source, "_layouts/post.html"), "---\nlayout: default\n---\n<article class=\"v2\">{{ content }}</article>\n");
    await site.rebuild([path.join(source, "_layouts/post.html")]);
    assert.ok(during(), "the edit came while the layout's build ran");
    assert.equal(updates(seen).length, 1, "only the layout build's update so far");
    const outcome = (await during()) as { early: readonly string[] };
    assert.deepEqual(outcome.early, ["2026/01/03/third/index.html"], "then the edit took the fast path with the new layout");
    assert.match(String(site.memory.get("2026/01/03/third/index.html")), /<article class="v2"><p>Written during the build\.<\/p>/);
    await assertSameAsCleanBuild(site, source, "after an edit made during a layout build");
  } finally {
    removeDir(source);
  }
});

test("with the blog's theme (related posts, books, CTA, reading time), the early page is the page the full build settles on", async () => {
  const source = mkdtempSync(path.join(os.tmpdir(), "kiji-test-"));
  try {
    for (const folder of ["_layouts", "_includes", "_data", "assets", "_posts"]) cpSync(path.join(REPO_ROOT, folder), path.join(source, folder), { recursive: true });
    cpSync(path.join(REPO_ROOT, "index.html"), path.join(source, "index.html"));
    // site.config.ts imports "kiji", which does not resolve outside the repository: its settings as YAML.
    writeFileSync(path.join(source, "_config.yml"), "title: ALLFORCES AI NEWS\nlang: ja\ntimezone: Asia/Tokyo\npermalink: /:year/:month/:day/:title/\nrelated: { count: 3 }\ndefaults:\n  - scope: { path: '', type: posts }\n    values: { layout: post }\n");
    const seen: Seen[] = [];
    const site = devSite(source, seen);
    await site.buildAll();
    const name = readdirSync(path.join(source, "_posts")).sort()[2]!;
    const file = path.join(source, "_posts", name);
    writeFileSync(file, `${readFileSync(file, "utf8")}\n追記：この段落はテストが書き足しました。\n`);
    seen.length = 0;
    const outcome = await site.rebuild([file]);
    assert.equal(outcome.early.length, 1, "the fast path rendered the post");
    const page = outcome.early[0]!;
    assert.match(String(site.memory.get(page)), /この段落はテストが書き足しました/);
    assert.match(String(site.memory.get(page)), /class="related-posts"/, "the page shows its related posts");
    assert.ok(!updates(seen).slice(1).some((update) => update.pages.includes(`/${page}`)), "the full build did not need to correct the page");
    await assertSameAsCleanBuild(site, source, "after a body edit with the blog's theme");
  } finally {
    removeDir(source);
  }
});
