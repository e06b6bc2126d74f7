import assert from "node:assert/strict";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { DUMP_LAYOUT, makeSite, removeDir, runKiji, treeHash } from "./helpers.js";

const GOOD_SITE = {
  "_config.yml": "title: Test\n",
  "_layouts/post.html": DUMP_LAYOUT,
  "_posts/2026-02-19-first.md": "---\nlayout: post\ntitle: First\n---\nHello\n",
  "about.md": "---\ntitle: About\n---\nAbout us\n",
};

/** Builds GOOD_SITE, breaks it with `files`, rebuilds, and checks the old _site survived. */
function expectFailedRebuild(files: Record<string, string>, expected: RegExp): string {
  const site = makeSite(GOOD_SITE);
  try {
    assert.equal(runKiji(["build", "-q", "-s", site]).code, 0);
    const before = treeHash(path.join(site, "_site"));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(site, name), text);
    const result = runKiji(["build", "-s", site]);
    assert.equal(result.code, 1, "a failed build exits 1");
    assert.match(result.stderr, expected);
    assert.equal(treeHash(path.join(site, "_site")), before, "_site must be byte-identical to before");
    assert.deepEqual(readdirSync(site).filter((name) => name.startsWith(".kiji-tmp-")), [], "no staging folder left behind");
    return result.stderr;
  } finally {
    removeDir(site);
  }
}

test("invalid YAML fails with file:line:column and leaves _site untouched", () => {
  const stderr = expectFailedRebuild(
    { "_posts/2026-02-19-first.md": "---\nlayout: post\ntitle: [unclosed\nauthor: x\n---\nHello\n" },
    /_posts\/2026-02-19-first\.md:\d+:\d+: invalid YAML/,
  );
  assert.match(stderr, /> +\d+ \|/, "shows a code frame");
});

test("an unclosed front-matter fence is an error at line 1", () => {
  expectFailedRebuild({ "_posts/2026-02-19-first.md": "---\nlayout: post\ntitle: First\nHello\n" }, /_posts\/2026-02-19-first\.md:1: front matter opened with '---' on line 1 is never closed/);
});

test("a template error in a layout names the layout file and its line", () => {
  expectFailedRebuild(
    { "_layouts/post.html": "---\ntitle: x\n---\n<p>ok</p>\n{% if %}\n" },
    /_layouts\/post\.html:5:\d+: template error: .*unexpected token/,
  );
});

test("a template error in a post body counts lines from the top of the file", () => {
  expectFailedRebuild(
    { "_posts/2026-02-19-first.md": "---\nlayout: post\n---\nline four\n\n{{ site.title | nosuchfilter }}\n{% for %}\n" },
    /_posts\/2026-02-19-first\.md:7:\d+: template error/,
  );
});

test("a missing layout is an error naming the post and the layouts that exist", () => {
  expectFailedRebuild(
    { "_posts/2026-02-19-first.md": "---\nlayout: psot\n---\nHello\n" },
    /_posts\/2026-02-19-first\.md: layout 'psot' does not exist\nhint: Layouts found in _layouts\/: post\./,
  );
});

test("two posts with the same URL are an error naming both", () => {
  expectFailedRebuild(
    { "_posts/2026-02-19-second.md": "---\nlayout: post\npermalink: /2026/02/19/first.html\n---\nDup\n" },
    /'_posts\/2026-02-19-first\.md' and '_posts\/2026-02-19-second\.md' both write \/2026\/02\/19\/first\.html/,
  );
});

test("a permalink that leaves the destination is refused", () => {
  expectFailedRebuild({ "about.md": "---\npermalink: /../../escape.html\n---\nx\n" }, /about\.md:2: permalink '\/\.\.\/\.\.\/escape\.html' would write outside the destination/);
});

test("---js front matter is refused without running it", () => {
  const marker = path.join(makeSite({}), "pwned");
  const js = `---js\n{ title: (require("fs").writeFileSync(${JSON.stringify(marker)}, "x"), "t") }\n---\nbody\n`;
  expectFailedRebuild({ "_posts/2026-02-19-first.md": js }, /_posts\/2026-02-19-first\.md:1:4: front matter of type 'js' is not allowed/);
  assert.ok(!existsSync(marker), "the JavaScript in the front matter must not have run");
});

test("a file that is not UTF-8 text in _posts is an error", () => {
  const site = makeSite({ ...GOOD_SITE, "_posts/2026-02-20-binary.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x00, 0x0a]) as unknown as string });
  try {
    const result = runKiji(["build", "-s", site]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /_posts\/2026-02-20-binary\.md: file is not valid text/);
    assert.ok(!existsSync(path.join(site, "_site")), "no _site appears after a failed first build");
  } finally {
    removeDir(site);
  }
});

test("a missing include is an error naming the template and line", () => {
  expectFailedRebuild(
    { "_layouts/post.html": "---\n---\n<p>ok</p>\n{% include \"nosuch.html\" %}\n" },
    /_layouts\/post\.html.*template error: .*nosuch\.html/,
  );
});

test("YAML nested too deeply is refused", () => {
  const deep = `${Array.from({ length: 80 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n")} x`;
  expectFailedRebuild({ "_posts/2026-02-19-first.md": `---\nlayout: post\n${deep}\n---\nHello\n` }, /_posts\/2026-02-19-first\.md:\d+: invalid YAML: nested more than 64 levels deep/);
});
