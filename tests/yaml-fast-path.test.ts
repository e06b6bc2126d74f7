import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { YamlTimestamp, parseSimpleYaml, parseYaml } from "../src/shared/index.js";
import { REPO_ROOT, SEED_POSTS } from "./helpers.js";

const frontMatterOf = (text: string): string | undefined => /^---\n([\s\S]*?)\n---/.exec(text.replace(/\r\n?/g, "\n"))?.[1];

test("every post of the seed blog and of this blog takes the fast path and reads exactly as the full parser reads it", () => {
  const files = [SEED_POSTS, path.join(REPO_ROOT, "_posts")].flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith(".md")).map((name) => path.join(dir, name)));
  assert.ok(files.length >= 10);
  for (const name of files) {
    const yaml = frontMatterOf(readFileSync(name, "utf8"));
    assert.ok(yaml !== undefined, name);
    const fast = parseSimpleYaml(yaml);
    assert.ok(fast !== undefined, `${name} fell back to the full parser`);
    assert.deepEqual(fast, parseYaml(yaml, { fastPath: false }), name);
  }
});

test("plain scalars resolve with YAML 1.1's types, as the full parser resolves them", () => {
  const yaml = [
    "title: AI [速報] C# と http://example.com",
    "date: 2026-02-21",
    "time: 2026-02-21 21:56:06 +09:00",
    "written: 2026-02-21 21:56:06 +0900",
    "count: 9",
    "big: 1_000",
    "sexagesimal: 1:20",
    "ratio: .5",
    "published: no",
    "draft: Off",
    "nothing: ~",
    "empty:",
    'quoted: "yes"',
    "single: '12'",
    "list: [a, \"b, c\", 3, yes]",
    "flow: [LLM, 'Meta', 2026-02-21]",
    "block:",
    "  - one",
    "  - 2",
    "  - 'three'",
    "# a comment line",
    "last: first",
    "last: second",
  ].join("\n");
  const full = parseYaml(yaml, { fastPath: false }) as Record<string, unknown>;
  // The quoted comma makes the flow list one for the full parser: the whole text falls back.
  assert.equal(parseSimpleYaml(yaml), undefined);
  const withoutComma = yaml.replace('"b, c"', '"b"');
  const fast = parseSimpleYaml(withoutComma) as Record<string, unknown>;
  assert.deepEqual(fast, parseYaml(withoutComma, { fastPath: false }));
  assert.ok(fast.date instanceof YamlTimestamp);
  assert.equal(fast.written, "2026-02-21 21:56:06 +0900");
  assert.deepEqual([fast.count, fast.big, fast.sexagesimal, fast.ratio, fast.published, fast.draft, fast.nothing, fast.empty], [9, 1000, 80, 0.5, false, false, null, null]);
  assert.deepEqual([fast.quoted, fast.single, fast.last], ["yes", "12", "second"]);
  assert.deepEqual(fast.block, ["one", 2, "three"]);
  assert.deepEqual(full.list, ["a", "b, c", 3, true]);
});

test("shapes the fast path does not handle go to the full parser, never to a different reading", () => {
  const cases = [
    "title: a: b",
    "title: a #comment",
    'title: "a" # comment',
    'title: "say \\"hi\\""',
    "title: 'it''s'",
    "title: first\n  continued",
    "meta:\n  nested: 1",
    "list: [a, [b]]",
    "list: [a, ]",
    "list: [a: b]",
    "list:\n  - a\n    - b",
    "list:\n  - a\n - b",
    "y: 1",
    "on: 2",
    "anchor: &a x\ncopy: *a",
    "text: |\n  block",
    "tag: !!str 12",
    "map: {a: 1}",
    "__proto__: x",
    "日本語: キー",
    "  indented: 1",
    "",
  ];
  for (const yaml of cases) {
    assert.equal(parseSimpleYaml(yaml), undefined, JSON.stringify(yaml));
    // The public parser still reads them (or reports them) as before.
    let full: unknown;
    try {
      full = parseYaml(yaml, { fastPath: false });
    } catch (error) {
      assert.throws(() => parseYaml(yaml), { message: (error as Error).message });
      continue;
    }
    assert.deepEqual(parseYaml(yaml), full, JSON.stringify(yaml));
  }
});
