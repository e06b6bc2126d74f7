import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { loadConfig } from "../src/config/index.js";
import { makeSite, removeDir, runKiji } from "./helpers.js";

test("precedence: defaults < _config.yml < site.config.ts < command line", async () => {
  const site = makeSite({
    "_config.yml": "title: From YAML\ndescription: yaml description\npermalink: pretty\ntwitter_username: kiji\n",
    "site.config.ts": "export default { title: 'From TS', site: { custom: 42 } };\n",
  });
  try {
    const config = await loadConfig({ source: site, overrides: { baseurl: "/blog/" } });
    assert.equal(config.siteVariables.title, "From TS");
    assert.equal(config.siteVariables.description, "yaml description");
    assert.equal(config.siteVariables.twitter_username, "kiji", "custom _config.yml keys become site variables");
    assert.equal(config.siteVariables.custom, 42);
    assert.equal(config.permalinkTemplate, "/:categories/:year/:month/:day/:title/");
    assert.equal(config.baseurl, "/blog");
    assert.equal(config.excerptSeparator, "\n\n");
    assert.deepEqual(config.configFiles, ["_config.yml", "site.config.ts"]);
  } finally {
    removeDir(site);
  }
});

test("a typo in _config.yml is an error naming the file, the key and the likely meant key", async () => {
  const site = makeSite({ "_config.yml": "title: x\npermalnik: pretty\n" });
  try {
    await assert.rejects(loadConfig({ source: site }), (error: Error & { file?: string; hint?: string }) => {
      assert.equal(error.file, "_config.yml");
      assert.match(error.message, /unknown config key 'permalnik'/);
      assert.match(error.hint ?? "", /Did you mean 'permalink'\?/);
      return true;
    });
  } finally {
    removeDir(site);
  }
});

test("site.config.ts rejects unknown keys and wrong types", async () => {
  const site = makeSite({ "site.config.ts": "export default { timezon: 'Asia/Tokyo' };\n" });
  const typed = makeSite({ "site.config.ts": "export default { future: 'yes' };\n" });
  try {
    await assert.rejects(loadConfig({ source: site }), /unknown config key 'timezon'/);
    await assert.rejects(loadConfig({ source: typed }), (error: Error & { file?: string }) => {
      assert.equal(error.file, "site.config.ts");
      assert.match(error.message, /config key 'future' has the wrong type/);
      return true;
    });
  } finally {
    removeDir(site);
    removeDir(typed);
  }
});

test("--config reads exactly the files given, later ones winning", () => {
  const site = makeSite({
    "_config.yml": "title: Default\n",
    "a.yml": "title: A\npermalink: /:title/\n",
    "b.yml": "title: B\n",
    "_layouts/post.html": "{{ site.title }} {{ page.url }}",
    "_posts/2026-01-02-hello.md": "---\nlayout: post\n---\nx\n",
  });
  try {
    const result = runKiji(["build", "-q", "-s", site, "--config", `${path.join(site, "a.yml")},${path.join(site, "b.yml")}`]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(path.join(site, "_site/hello/index.html"), "utf8"), "B /hello/");
  } finally {
    removeDir(site);
  }
});

test("front-matter defaults apply by path and type, the more specific path winning", async () => {
  const site = makeSite({
    "_config.yml": [
      "defaults:",
      "  - scope: { path: '' }",
      "    values: { layout: post, author: Everyone }",
      "  - scope: { path: 'news', type: posts }",
      "    values: { author: News Desk }",
    ].join("\n"),
    "_layouts/post.html": "{{ page.author }}|{{ page.url }}",
    "_posts/2026-01-02-a.md": "---\ntitle: A\n---\nx\n",
    "news/_posts/2026-01-03-b.md": "---\ntitle: B\n---\nx\n",
  });
  try {
    await build({ source: site });
    assert.equal(readFileSync(path.join(site, "_site/2026/01/02/a.html"), "utf8"), "Everyone|/2026/01/02/a.html");
    assert.equal(readFileSync(path.join(site, "_site/news/2026/01/03/b.html"), "utf8"), "News Desk|/news/2026/01/03/b.html");
  } finally {
    removeDir(site);
  }
});

