import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { createTimeZone, parseJekyllDate, slugify, escapePath, strftime } from "../src/content/index.js";
import { YamlTimestamp } from "../src/shared/index.js";
import { DUMP_LAYOUT, makeSite, removeDir } from "./helpers.js";

const tokyo = createTimeZone("Asia/Tokyo");

test("a +0900 morning post is on its Tokyo day, although UTC is still on the previous day", async () => {
  const site = makeSite({
    "_config.yml": "timezone: Asia/Tokyo\npermalink: /:year/:month/:day/:title/\n",
    "_layouts/post.html": DUMP_LAYOUT,
    "_posts/2026-02-19-morning.md": "---\nlayout: post\ndate: 2026-02-19 08:30:00 +0900\n---\nHello\n",
    "_posts/2026-02-19-evening-east-coast.md": "---\nlayout: post\ndate: 2026-02-19 21:56:06 -0500\n---\nHello\n",
  });
  try {
    await build({ source: site });
    const morning = path.join(site, "_site/2026/02/19/morning/index.html");
    assert.ok(existsSync(morning), "08:30 +0900 on the 19th must stay under /2026/02/19/");
    assert.match(readFileSync(morning, "utf8"), /2026-02-19 08:30:00 \+0900/);
    const evening = path.join(site, "_site/2026/02/20/evening-east-coast/index.html");
    assert.ok(existsSync(evening), "a -0500 evening is the next day in Tokyo");
    assert.match(readFileSync(evening, "utf8"), /2026-02-20 11:56:06 \+0900/);
  } finally {
    removeDir(site);
  }
});

test("dates are read as Ruby's YAML and Time.parse read them", () => {
  assert.equal(String(parseJekyllDate("2026-02-19 10:56:44 +0900", tokyo)), "2026-02-19 10:56:44 +0900");
  // An unquoted YAML timestamp without offset is UTC to Psych; a quoted one is local time.
  assert.equal(String(parseJekyllDate(new YamlTimestamp("2026-02-19 10:56:44"), tokyo)), "2026-02-19 19:56:44 +0900");
  assert.equal(String(parseJekyllDate("2026-02-19 10:56:44", tokyo)), "2026-02-19 10:56:44 +0900");
  assert.equal(String(parseJekyllDate(new YamlTimestamp("2026-02-19"), tokyo)), "2026-02-19 00:00:00 +0900");
  assert.equal(String(parseJekyllDate("2026-02-19T10:56:44+09:00", createTimeZone("UTC"))), "2026-02-19 01:56:44 +0000");
  assert.throws(() => parseJekyllDate("2026-02-30", tokyo), /has no day 30/);
  assert.throws(() => parseJekyllDate("2026-13-01", tokyo), /no month 13/);
  assert.throws(() => parseJekyllDate("yesterday", tokyo), /not a date/);
});

test("an impossible date in front matter is an error naming the file and line", async () => {
  const site = makeSite({ "_posts/2026-02-01-x.md": "---\ntitle: X\ndate: 2026-02-30\n---\nbody\n" });
  try {
    await assert.rejects(build({ source: site }), (error: Error & { file?: string; line?: number }) => {
      assert.equal(error.file, "_posts/2026-02-01-x.md");
      assert.equal(error.line, 3);
      assert.match(error.message, /invalid date '2026-02-30'/);
      return true;
    });
  } finally {
    removeDir(site);
  }
});

test("strftime follows Ruby, including Japanese formats", () => {
  const time = parseJekyllDate("2026-02-09 08:05:03 +0900", tokyo);
  assert.equal(strftime(time, "%Y年%-m月%-d日"), "2026年2月9日");
  assert.equal(strftime(time, "%b %a %j %V %u %e %I%p %^B"), "Feb Mon 040 07 1  9 08AM FEBRUARY");
});

test("slugify and escapePath follow Jekyll", () => {
  assert.equal(slugify("2-llm-evolution-and-development-", "pretty", true), "2-llm-evolution-and-development");
  assert.equal(slugify("Hello, World! C++ & Rust (v2.0)", "pretty", true), "Hello,-World!-C++-&-Rust-(v2.0)");
  assert.equal(slugify("AI技術ガイド・入門"), "ai技術ガイド-入門");
  assert.equal(slugify("Café Crème", "latin"), "cafe-creme");
  assert.equal(escapePath("/2026/日本語/"), "/2026/%E6%97%A5%E6%9C%AC%E8%AA%9E/");
  assert.equal(escapePath("/a b/"), "/a%20b/");
});

test("a permalink naming an unknown placeholder is an error, also one that is a name every object has", async () => {
  for (const name of ["nosuch", "constructor", "__proto__"]) {
    const site = makeSite({
      "_config.yml": `permalink: /:year/:${name}/\n`,
      "_posts/2026-02-19-a.md": "---\ntitle: A\n---\nHello\n",
    });
    try {
      await assert.rejects(build({ source: site, cacheDir: false }), new RegExp(`permalink '/:year/:${name}/' uses ':${name}', which kiji does not know`));
    } finally {
      removeDir(site);
    }
  }
});
