import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { REPO_ROOT, makeSite, removeDir, runKiji } from "./helpers.js";

const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/check");

test("kiji check: errors exit 1, warnings exit 0 unless --strict, JSON for CI, usage errors exit 2", () => {
  const dead = runKiji(["check", "--source", path.join(FIXTURES, "dead-link"), "--format", "json"]);
  assert.equal(dead.code, 1, dead.stderr);
  const json = JSON.parse(dead.stdout) as { errors: number; findings: Array<{ rule: string; file: string; line: number }> };
  assert.equal(json.errors, 5);
  assert.deepEqual(json.findings[0], { ...json.findings[0], rule: "dead-link", file: "_posts/2026-01-01-1-a.md", line: 8 });
  const warnings = path.join(FIXTURES, "end-marker");
  const relaxed = runKiji(["check", "-s", warnings]);
  assert.equal(relaxed.code, 0, relaxed.stderr);
  assert.match(relaxed.stdout, /^_posts\/2026-01-01-1-a\.md:7: warning: .*\[end-marker\]$/m);
  assert.match(relaxed.stdout, /^kiji: checked 1 post, 0 pages: 0 errors, 1 warning in \d+\.\d\d s$/m);
  assert.equal(runKiji(["check", "-s", warnings, "--strict"]).code, 1);
  assert.equal(runKiji(["check", "--format", "yaml"]).code, 2);
  assert.equal(runKiji(["check", "--no-such-flag"]).code, 2);
  assert.equal(runKiji(["migrate", "posts"]).code, 2);
  assert.equal(runKiji(["new"]).code, 2);
});

test("kiji new prints the path and URL; kiji migrate blocks --dry-run prints a diff and writes nothing", () => {
  const site = makeSite({
    "_config.yml": "timezone: Asia/Tokyo\n",
    "_posts/2026-01-01-1-a.md": "---\ntitle: A\ndate: 2026-01-01 09:00:00 +0900\n---\n本文。\n\n---END---\n\n本文。\n",
  });
  try {
    const created = runKiji(["new", "Hello kiji", "-s", site]);
    assert.equal(created.code, 0, created.stderr);
    const [file, url] = created.stdout.split("\n");
    assert.match(file!, /^_posts\/\d{4}-\d\d-\d\d-1-hello-kiji\.md$/);
    assert.match(url!, /^\/\d{4}\/\d\d\/\d\d\/1-hello-kiji\.html$/);
    assert.ok(existsSync(path.join(site, file!)));
    const dry = runKiji(["migrate", "blocks", "--dry-run", "-s", site]);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^-{3} a\/_posts\/2026-01-01-1-a\.md$/m);
    assert.match(dry.stdout, /^----END---$/m);
    assert.match(dry.stdout, /would change 1 file \(dry run: nothing written\)/);
    const refused = runKiji(["migrate", "blocks", "-s", site]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /git|uncommitted/);
  } finally {
    removeDir(site);
  }
});
