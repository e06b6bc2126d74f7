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
import { REPO_ROOT, SEED_POSTS } from "./helpers.js";
import { normalizeHtml } from "./normalize-html.js";

const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/kramdown");

/**
 * Cases kiji does not match yet, each with the reason. A listed case that starts to match fails
 * the test, so the list can only shrink.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  // Syntax highlighting: kiji highlights with highlight.js (lowlight), prints Rouge's class names
  // and splits tokens as Rouge's lexers do where a cheap rule can (tree/rouge-tokens.ts). This
  // case is also checked below without the token spans, where it must match.
  "code-highlight-languages": "longer JavaScript, Python and Ruby: most tokens match Rouge's, not all (f-strings, Ruby symbols, …)",
  // Inline HTML: kramdown parses an inline element's content on its own.
  "html-span-edges": "emphasis across an inline element's end tag (`*<i>x*</i>`): kramdown parses the element's content on its own",
  // Liquid runs in the templates stage before Markdown; see tests/liquid-in-posts.test.ts.
  "liquid-code-braces": "needs Liquid (templates stage), not the Markdown stage alone",
};

/** Known differences whose only difference is the highlighter's token spans inside <code>. */
const TOKENS_ONLY = ["code-highlight-languages"];

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
  const posts = readdirSync(SEED_POSTS).filter((name) => name.endsWith(".md")).sort();
  assert.equal(posts.length, 5);
  for (const post of posts) {
    await t.test(post, () => {
      const source = readFileSync(path.join(SEED_POSTS, post), "utf8");
      const { body } = parseFrontMatter(source, post);
      const expectedHtml = readFileSync(path.join(FIXTURES, "seed", post.replace(/\.md$/, ".html")), "utf8");
      const { actual, expected } = compare(body, expectedHtml);
      assert.equal(actual, expected);
    });
  }
});

test("cases that differ only in highlighting tokens match without the token spans", () => {
  const withoutSpans = (html: string): string => html.replace(/<\/?span[^>]*>/g, "");
  for (const name of TOKENS_ONLY) {
    const markdown = readFileSync(path.join(FIXTURES, "cases", `${name}.md`), "utf8");
    const { actual, expected } = compare(markdown, readFileSync(path.join(FIXTURES, "cases", `${name}.html`), "utf8"));
    assert.equal(withoutSpans(actual), withoutSpans(expected), name);
  }
});

test("known differences name existing cases", () => {
  const names = new Set(caseNames());
  for (const name of Object.keys(KNOWN_DIFFERENCES)) assert.ok(names.has(name), `no case named ${name}`);
});

test("headings carry kramdown's ids and text is plain", () => {
  const { headings, text, html } = renderer.render(
    [
      "## Intro",
      "",
      "## ROI：投資対効果の考え方",
      "",
      "### [書名](https://example.com/) {#custom}",
      "",
      "## Intro",
      "",
      "A \"quote\" with **bold**, `code` and a note[^1].",
      "",
      "Call to action",
      "{: .cta}",
      "",
      "[^1]: The note.",
    ].join("\n"),
  );
  assert.deepEqual(headings, [
    { depth: 2, id: "intro", text: "Intro" },
    { depth: 2, id: "roi投資対効果の考え方", text: "ROI：投資対効果の考え方" },
    { depth: 3, id: "custom", text: "書名" },
    { depth: 2, id: "intro-1", text: "Intro" },
  ]);
  assert.match(html, /<p class="cta">Call to action<\/p>/);
  assert.ok(text.includes("A \u201cquote\u201d with bold, code and a note1."), text);
  assert.ok(!text.includes("{:"), "IAL lines are not text");
  assert.ok(!/[<>*`]/.test(text), "no markup in text");
});
