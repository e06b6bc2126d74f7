import assert from "node:assert/strict";
import { test } from "node:test";
import { loadConfig } from "../src/config/index.js";
import { makeSite, removeDir } from "./helpers.js";

test("related, reading_time and affiliate have documented defaults", async () => {
  const site = makeSite({ "_config.yml": "title: x\n" });
  try {
    const config = await loadConfig({ source: site });
    assert.deepEqual(config.related, {
      count: 3,
      weights: { text: 1, tags: 0.5, category: 0.05 },
      fields: { title: 3, excerpt: 2, headings: 2, body: 1 },
      recency: 0.3,
      halfLifeDays: 180,
    });
    assert.deepEqual(config.readingTime, { charsPerMinute: 500, wordsPerMinute: 265 });
    assert.equal(config.affiliate.amazonTag, undefined);
    assert.equal(config.affiliate.amazonHost, "www.amazon.co.jp");
    assert.equal(config.affiliate.books, 3);
    assert.match(config.affiliate.disclosure, /^※ 本ページのリンクにはアフィリエイトリンクが含まれます。/);
  } finally {
    removeDir(site);
  }
});

test("site.config.ts sets them and wins over _config.yml", async () => {
  const site = makeSite({
    "_config.yml": "related: {count: 5, weights: {tags: 2}}\n",
    "site.config.ts": "export default { related: { count: 4, fields: { body: 0 } }, affiliate: { amazon: { tag: 'blog-22', host: 'www.amazon.com' }, books: 2 } };\n",
  });
  try {
    const config = await loadConfig({ source: site });
    assert.equal(config.related.count, 4, "site.config.ts wins");
    assert.equal(config.related.fields.body, 0);
    assert.equal(config.affiliate.amazonTag, "blog-22");
    assert.equal(config.affiliate.amazonHost, "www.amazon.com");
    assert.equal(config.affiliate.books, 2);
  } finally {
    removeDir(site);
  }
});

test("a typo or a wrong type inside related, reading_time or affiliate is an error naming the file and key", async () => {
  const cases: Array<[Record<string, string>, string, RegExp]> = [
    [{ "site.config.ts": "export default { related: { cont: 3 } };\n" }, "site.config.ts", /unknown config key 'related\.cont'/],
    [{ "_config.yml": "related: {weights: {tag: 1}}\n" }, "_config.yml", /unknown config key 'related\.weights\.tag'/],
    [{ "_config.yml": "related: {count: three}\n" }, "_config.yml", /config key 'related\.count' has the wrong type/],
    [{ "_config.yml": "reading_time: {chars_per_minute: 0}\n" }, "_config.yml", /config key 'reading_time\.chars_per_minute' has the wrong type/],
    [{ "_config.yml": "affiliate: {amazon: {tag: 22}}\n" }, "_config.yml", /config key 'affiliate\.amazon\.tag' has the wrong type/],
    [{ "_config.yml": "related: {recency: 2}\n" }, "_config.yml", /config key 'related\.recency' has the wrong type/],
  ];
  for (const [files, file, message] of cases) {
    const site = makeSite(files);
    try {
      await assert.rejects(loadConfig({ source: site }), (error: Error & { file?: string; hint?: string }) => {
        assert.equal(error.file, file);
        assert.match(error.message, message);
        if (/'related\.cont'/.test(error.message)) assert.equal(error.hint, "Did you mean 'count'?");
        if (/weights\.tag'/.test(error.message)) assert.equal(error.hint, "Did you mean 'tags'?");
        return true;
      });
    } finally {
      removeDir(site);
    }
  }
});
