import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { countReadingUnits, readingTime } from "../src/features/index.js";
import { makeSite, removeDir } from "./helpers.js";

const SPEED = { charsPerMinute: 500, wordsPerMinute: 265 };

test("Japanese is counted by characters, Latin text by words, mixed text by both", () => {
  assert.deepEqual(countReadingUnits("日本語の文章です。カタカナとひらがな、漢字。"), { characters: 19, words: 0 });
  assert.deepEqual(countReadingUnits("It's GPT-4o and Llama 3.5, not e-mail."), { characters: 0, words: 7 });
  assert.deepEqual(countReadingUnits("GPT-4oに匹敵するLLM、ＬＬＭ"), { characters: 5, words: 3 });
  assert.equal(readingTime("あ".repeat(1000), SPEED), 2, "1,000 characters at 500 a minute");
  assert.equal(readingTime("あ".repeat(1001), SPEED), 3, "rounded up");
  assert.equal(readingTime("word ".repeat(530), SPEED), 2, "530 words at 265 a minute");
  assert.equal(readingTime(`${"あ".repeat(750)} ${"word ".repeat(132)}`, SPEED), 2, "1.5 minutes + 132 words, just under 2");
  assert.equal(readingTime("", SPEED), 1, "at least a minute");
});

test("page.reading_time comes from the rendered text without code blocks; front matter wins; speeds are configurable", async () => {
  const prose = "本文".repeat(600);
  const code = "```\n" + "const x = 1; // コード\n".repeat(2000) + "```\n";
  const site = makeSite({
    "_config.yml": 'timezone: UTC\npermalink: /:title/\ndefaults: [{scope: {path: ""}, values: {layout: post}}]\n',
    "_layouts/post.html": "{{ page.reading_time }}",
    "_posts/2026-01-01-computed.md": `---\ntitle: Computed\n---\n${prose}\n\n${code}`,
    "_posts/2026-01-02-given.md": `---\ntitle: Given\nreading_time: 13\n---\n${prose}\n`,
  });
  const read = (slug: string): string => readFileSync(path.join(site, "_site", slug, "index.html"), "utf8");
  try {
    await build({ source: site, now: Date.UTC(2026, 5, 1), cacheDir: false, threads: 1 });
    assert.equal(read("computed"), "3", "1,200 characters of prose; the code block does not count");
    assert.equal(read("given"), "13");
    const config = readFileSync(path.join(site, "_config.yml"), "utf8");
    writeFileSync(path.join(site, "_config.yml"), `${config}reading_time: {chars_per_minute: 200}\n`);
    await build({ source: site, now: Date.UTC(2026, 5, 1), cacheDir: false, threads: 1 });
    assert.equal(read("computed"), "6", "1,200 characters at 200 a minute");
  } finally {
    removeDir(site);
  }
});
