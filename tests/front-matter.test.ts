import assert from "node:assert/strict";
import { test } from "node:test";
import { normalizeText, parseFrontMatter } from "../src/source/index.js";

test("the closing fence swallows blank lines after it, as Jekyll's regexp does", () => {
  const result = parseFrontMatter("---\ntitle: A\n---\n\nFirst paragraph.\n\nSecond.\n", "a.md");
  assert.equal(result.body, "First paragraph.\n\nSecond.\n");
  assert.equal(result.bodyLine, 5);
  assert.deepEqual(result.data, { title: "A" });
});

test("'...' closes front matter too, and an empty block is an empty object", () => {
  assert.deepEqual(parseFrontMatter("---\ntitle: A\n...\nbody", "a.md").data, { title: "A" });
  assert.deepEqual(parseFrontMatter("---\n---\nbody", "a.md").data, {});
});

test("a BOM and CRLF line endings are normalized before parsing", () => {
  const result = parseFrontMatter(normalizeText("\uFEFF---\r\ntitle: A\r\n---\r\nbody\r\n"), "a.md");
  assert.deepEqual(result.data, { title: "A" });
  assert.equal(result.body, "body\n");
});

test("YAML errors carry the file's own line and column", () => {
  assert.throws(
    () => parseFrontMatter("---\ntitle: ok\ntags: [a, b\nauthor: x\n---\n", "p.md"),
    (error: Error & { file?: string; line?: number; column?: number }) => {
      assert.equal(error.file, "p.md");
      assert.ok(error.line !== undefined && error.line >= 3 && error.line <= 5, `line ${error.line}`);
      assert.ok(error.column !== undefined);
      return true;
    },
  );
});

test("YAML 1.1 as Ruby reads it: yes/no are booleans, aliases are limited, __proto__ cannot pollute", () => {
  assert.deepEqual(parseFrontMatter("---\npublished: no\n---\n", "a.md").data, { published: false });
  const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
  assert.throws(() => parseFrontMatter(`---\n${bomb.join("\n")}\n---\n`, "bomb.md"), /invalid YAML/);
  const data = parseFrontMatter("---\n__proto__:\n  polluted: true\nconstructor: x\n---\n", "p.md").data;
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(data), Object.prototype);
});

test("a front matter that is not a mapping is refused", () => {
  assert.throws(() => parseFrontMatter("---\n- a\n- b\n---\n", "l.md"), /must be a set of 'key: value' lines/);
});
