import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, rmSync, renameSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { makeSite, removeDir, treeHash } from "./helpers.js";

const FILES = {
  "_config.yml": "title: Incremental\ntimezone: Asia/Tokyo\n",
  "_layouts/post.html": "<h1>{{ page.title }}</h1>{{ content }}<a href=\"{{ page.next.url }}\">{{ page.next.title }}</a>",
  "index.html": "---\n---\n{% for p in site.posts %}<li>{{ p.title }}</li>{% endfor %}",
  "_posts/2026-01-01-a.md": "---\nlayout: post\ntitle: A\n---\nFirst *post*\n",
  "_posts/2026-01-02-b.md": "---\nlayout: post\ntitle: B\n---\nSecond post\n",
  // Template tags in the body: a warm build must read this text again, the rest it need not.
  "_posts/2026-01-03-c.md": "---\nlayout: post\ntitle: C\n---\nThird post, {{ page.title }}\n",
  "assets/site.css": "body { color: black }\n",
};

/** A clean build of `site` into a fresh folder, without any cache: the reference output. */
async function cleanBuild(site: string, now: number): Promise<string> {
  const out = mkdtempSync(path.join(os.tmpdir(), "kiji-clean-"));
  await build({ source: site, now, cacheDir: false, threads: 1, overrides: { destination: out } });
  return out;
}

test("builds that reuse the cache folder and the previous output equal a clean build, byte for byte", async () => {
  const site = makeSite(FILES);
  const now = Date.UTC(2026, 5, 1);
  const dest = path.join(site, "_site");
  const edits: Array<[string, () => void]> = [
    ["no change", () => {}],
    ["edit a post", () => writeFileSync(path.join(site, "_posts/2026-01-02-b.md"), "---\nlayout: post\ntitle: B edited\n---\nSecond post, edited\n")],
    ["add a post", () => writeFileSync(path.join(site, "_posts/2026-01-04-d.md"), "---\nlayout: post\ntitle: D\n---\nFourth\n")],
    ["delete a post", () => rmSync(path.join(site, "_posts/2026-01-01-a.md"))],
    ["rename a post", () => renameSync(path.join(site, "_posts/2026-01-03-c.md"), path.join(site, "_posts/2026-01-05-c2.md"))],
    ["change a layout", () => writeFileSync(path.join(site, "_layouts/post.html"), "<h2>{{ page.title }}</h2>{{ content }}")],
    ["change a static file", () => writeFileSync(path.join(site, "assets/site.css"), "body { color: navy }\n")],
    ["change the config", () => writeFileSync(path.join(site, "_config.yml"), "title: Renamed\ntimezone: UTC\n")],
  ];
  try {
    await build({ source: site, now });
    for (const [name, edit] of edits) {
      edit();
      const result = await build({ source: site, now });
      const clean = await cleanBuild(site, now);
      try {
        assert.equal(treeHash(dest), treeHash(clean), `after "${name}" the output differs from a clean build`);
        if (name === "no change") assert.equal(result.filesWritten, 0, "a build with no change rewrites nothing");
        // The post, the neighbour that links to it, the home page and the feed.
        if (name === "edit a post") assert.ok(result.filesWritten <= 4, `only what changed is rewritten (${result.filesWritten})`);
      } finally {
        removeDir(clean);
      }
    }
  } finally {
    removeDir(site);
  }
});

test("an excerpt separator from front-matter defaults: warm builds cut the excerpt there too, as a clean build does", async () => {
  const site = makeSite({
    "_config.yml": 'timezone: UTC\ndefaults: [{scope: {path: "", type: posts}, values: {excerpt_separator: "<!--more-->"}}]\n',
    "index.html": "---\n---\n{% for p in site.posts %}<li>{{ p.excerpt }}</li>{% endfor %}",
    "_posts/2026-01-01-a.md": "---\ntitle: A\n---\nIntro\n\nSecond<!--more-->\n\nRest\n",
    "_posts/2026-01-02-b.md": "---\ntitle: B\nexcerpt_separator: \"\\n\\n\"\n---\nOwn intro\n\nOwn rest\n",
  });
  const now = Date.UTC(2026, 5, 1);
  const dest = path.join(site, "_site");
  try {
    for (const run of ["cold", "warm"]) {
      await build({ source: site, now, threads: 1 });
      const index = readFileSync(path.join(dest, "index.html"), "utf8");
      assert.match(index, /Intro[\s\S]*Second/, `${run}: the defaults' separator cuts the excerpt`);
      assert.doesNotMatch(index, /Rest|Own rest/, `${run}: nothing after the separator`);
      assert.match(index, /Own intro/, `${run}: a post's own separator wins over the defaults`);
      const clean = await cleanBuild(site, now);
      try {
        assert.equal(treeHash(dest), treeHash(clean), `${run}: the output differs from a clean build`);
      } finally {
        removeDir(clean);
      }
    }
  } finally {
    removeDir(site);
  }
});
