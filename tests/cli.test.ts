import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { DUMP_LAYOUT, REPO_ROOT, makeSite, removeDir, runKiji } from "./helpers.js";

test("usage errors exit 2 and show the usage", () => {
  const unknownFlag = runKiji(["build", "--no-such-flag"]);
  assert.equal(unknownFlag.code, 2);
  assert.match(unknownFlag.stderr, /Unknown option '--no-such-flag'[\s\S]*Usage: kiji/);
  assert.equal(runKiji(["frobnicate"]).code, 2);
});

test("--help and --version exit 0", () => {
  const help = runKiji(["--help"]);
  assert.equal(help.code, 0);
  for (const flag of ["--source", "--destination", "--config", "--drafts", "--future", "--unpublished", "--baseurl", "--quiet", "--verbose", "--profile"]) {
    assert.ok(help.stdout.includes(flag), `help lists ${flag}`);
  }
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
  assert.equal(runKiji(["--version"]).stdout.trim(), `kiji ${pkg.version}`);
});

test("a build ends with one summary line; --profile times each stage; flags reach the build", () => {
  const site = makeSite({
    "_layouts/post.html": DUMP_LAYOUT,
    "_posts/2026-01-02-a.md": "---\nlayout: post\n---\nx\n",
    "_posts/2999-01-01-future.md": "---\nlayout: post\n---\nx\n",
    "_drafts/draft.md": "---\nlayout: post\ndate: 2026-01-05\n---\nx\n",
  });
  try {
    const out = path.join(site, "out");
    const result = runKiji(["build", "-s", site, "-d", out, "--profile", "--drafts", "--future", "-b", "/base"]);
    assert.equal(result.code, 0, result.stderr);
    // 3 posts, .nojekyll, feed.xml, sitemap.xml, robots.txt and 404.html.
    assert.match(result.stdout, /^kiji: built 3 posts, 0 pages, 0 static files: 8 files written to .* in \d+\.\d\d s\n$/);
    for (const stage of ["config", "source", "content", "templates", "render+write"]) assert.match(result.stderr, new RegExp(`${stage.replace("+", "\\+")} +\\d+\\.\\d ms`));
    assert.match(readFileSync(path.join(out, "2999/01/01/future.html"), "utf8"), /future\.html/);
    assert.match(readFileSync(path.join(out, "2026/01/05/draft.html"), "utf8"), /draft\.html/);
  } finally {
    removeDir(site);
  }
});
