// Golden tests against Jekyll 4.3.1's kramdown (tests/fixtures/kramdown/, see its README.md for
// how the expected HTML was made). Every case and every seed post is rendered with
// createMarkdownRenderer() and compared with Jekyll's HTML after normalizeHtml() (see
// tests/normalize-html.ts: whitespace between blocks, attribute order and character references
// are normalised; elements, attributes and text are not).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { createMarkdownRenderer } from "../src/markdown/index.js";
import { parseFrontMatter } from "../src/source/index.js";
import { REPO_ROOT } from "./helpers.js";
import { normalizeHtml } from "./normalize-html.js";

const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/kramdown");

/**
 * Cases kiji does not match yet, each with the reason. A listed case that starts to match fails
 * the test, so the list can only shrink.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {};

const renderer = createMarkdownRenderer();

function caseNames(): string[] {
  return readdirSync(path.join(FIXTURES, "cases"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => name.slice(0, -3))
    .sort();
}

function compare(markdown: string, expectedHtml: string): { actual: string; expected: string } {
  return { actual: normalizeHtml(renderer.render(markdown).html), expected: normalizeHtml(expectedHtml) };
}

test("kramdown cases", async (t) => {
  let passed = 0;
  const names = caseNames();
  for (const name of names) {
    await t.test(name, () => {
      const markdown = readFileSync(path.join(FIXTURES, "cases", `${name}.md`), "utf8");
      const { actual, expected } = compare(markdown, readFileSync(path.join(FIXTURES, "cases", `${name}.html`), "utf8"));
      const reason = KNOWN_DIFFERENCES[name];
      if (reason === undefined) {
        assert.equal(actual, expected);
        passed += 1;
      } else {
        assert.notEqual(actual, expected, `${name} now matches kramdown: remove it from KNOWN_DIFFERENCES`);
      }
    });
  }
  t.diagnostic(`${passed} of ${names.length} kramdown cases match Jekyll's output`);
});

test("seed posts render as Jekyll renders them", async (t) => {
  const posts = readdirSync(path.join(REPO_ROOT, "_posts")).filter((name) => name.endsWith(".md")).sort();
  assert.equal(posts.length, 5);
  for (const post of posts) {
    await t.test(post, () => {
      const source = readFileSync(path.join(REPO_ROOT, "_posts", post), "utf8");
      const { body } = parseFrontMatter(source, post);
      const expectedHtml = readFileSync(path.join(FIXTURES, "seed", post.replace(/\.md$/, ".html")), "utf8");
      const { actual, expected } = compare(body, expectedHtml);
      assert.equal(actual, expected);
    });
  }
});

test("known differences name existing cases", () => {
  const names = new Set(caseNames());
  for (const name of Object.keys(KNOWN_DIFFERENCES)) assert.ok(names.has(name), `no case named ${name}`);
});
