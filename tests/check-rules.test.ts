import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { RULES, checkSite } from "../src/check/index.js";
import { REPO_ROOT, makeSite, removeDir } from "./helpers.js";

// One small site per rule under tests/fixtures/check/<rule>/, with the findings it must produce
// (rule, file, line — lines counted in the whole file, front matter included) in expected.json.
const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/check");

interface Expected {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
}

const key = (finding: Expected): string => `${finding.rule} ${finding.file}:${finding.line}`;

test("every rule has a fixture", () => {
  assert.deepEqual(readdirSync(FIXTURES).sort(), Object.keys(RULES).sort());
});

for (const rule of readdirSync(FIXTURES).sort()) {
  test(`check rule ${rule}: exactly the expected findings`, async () => {
    const dir = path.join(FIXTURES, rule);
    const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as Expected[];
    const report = await checkSite({ source: dir, now: Date.UTC(2026, 5, 1), threads: 1 });
    assert.deepEqual(report.findings.map(key).sort(), expected.map(key).sort());
    for (const finding of report.findings) assert.equal(finding.severity, RULES[finding.rule]);
    assert.ok(expected.some((item) => item.rule === rule), "the fixture exercises its own rule");
  });
}

test("an image path the build will draw as an OGP card is not reported missing", async () => {
  const post = (title: string) => `---\ntitle: ${title}\nimage: "/assets/images/posts/a-ogp.png"\n---\nBody\n`;
  const withCards = makeSite({ "_config.yml": "ogp: true\n", "_posts/2026-01-01-a.md": post("Cards") });
  const withoutCards = makeSite({ "_posts/2026-01-01-a.md": post("No cards") });
  try {
    const drawn = await checkSite({ source: withCards, now: Date.UTC(2026, 5, 1), threads: 1 });
    assert.deepEqual(drawn.findings.filter((f) => f.rule === "missing-image"), []);
    const missing = await checkSite({ source: withoutCards, now: Date.UTC(2026, 5, 1), threads: 1 });
    assert.deepEqual(missing.findings.filter((f) => f.rule === "missing-image").map(key), ["missing-image _posts/2026-01-01-a.md:3"]);
  } finally {
    removeDir(withCards);
    removeDir(withoutCards);
  }
});
