import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { createTimeZone } from "../src/content/index.js";
import { createMarkdownRenderer } from "../src/markdown/index.js";
import { parseYaml } from "../src/shared/index.js";
import { createFilters, createTemplateEngine } from "../src/templates/index.js";
import { REPO_ROOT } from "./helpers.js";

// Every case of tests/fixtures/filters/cases.json is one filter call written in Liquid and in
// Nunjucks; expected.json holds what Jekyll 4.3.1 printed for the Liquid form (make-fixture.sh).
const FIXTURE = path.join(REPO_ROOT, "tests/fixtures/filters");
const cases = JSON.parse(readFileSync(path.join(FIXTURE, "cases.json"), "utf8")) as Array<[string, string, string]>;
const expected = JSON.parse(readFileSync(path.join(FIXTURE, "expected.json"), "utf8")) as Record<string, string>;
const inputs = parseYaml(readFileSync(path.join(FIXTURE, "inputs.yml"), "utf8"));

const markdown = createMarkdownRenderer({ headingIds: true });

function createEngine() {
  const filters = createFilters({
    config: { url: "https://example.com", baseurl: "/blog" },
    zone: createTimeZone("Asia/Tokyo"),
    now: Date.UTC(2026, 10, 23),
    markdown,
  });
  return createTemplateEngine({ layouts: [], includes: [], filters });
}

// markdownify is the build's Markdown renderer, whose exact bytes the Markdown golden tests own:
// here blank lines between blocks and the spelling of a character reference (&#x26; = &amp;) do not count.
function sameHtml(html: string): string {
  const named: Record<string, string> = { "26": "&amp;", "3c": "&lt;", "3e": "&gt;", "22": "&quot;" };
  return html.replace(/&#x(26|3c|3e|22);/gi, (_, hex: string) => named[hex.toLowerCase()]!).replace(/>\n+</g, ">\n<");
}

async function render(engine: ReturnType<typeof createEngine>, template: string): Promise<string> {
  return engine.renderBody({ file: "case.html", body: template, bodyLine: 1, fileText: template }, { site: { data: { inputs } }, page: {} });
}

test("the fixture has Jekyll's answer for every case", () => {
  assert.deepEqual(Object.keys(expected).sort(), cases.map(([name]) => name).sort());
});

for (const [name, , nunjucks] of cases) {
  test(`filter ${name} gives Jekyll's result`, async () => {
    const actual = await render(createEngine(), nunjucks);
    if (name.startsWith("markdownify/")) assert.equal(sameHtml(actual), sameHtml(expected[name]!));
    else assert.equal(actual, expected[name]);
  });
}

test("markdownify is the build's renderer, run once per distinct text", async () => {
  let calls = 0;
  const counting = { render: (text: string) => (calls++, markdown.render(text)) };
  const filters = createFilters({ config: { url: "", baseurl: "" }, zone: createTimeZone("UTC"), now: 0, markdown: counting });
  const engine = createTemplateEngine({ layouts: [], includes: [], filters });
  const template = "{{ '*a*' | markdownify }}{{ '*a*' | markdownify }}{{ '**b**' | markdownify }}";
  const html = await engine.renderBody({ file: "x.html", body: template, bodyLine: 1, fileText: template }, {});
  assert.equal(html, `${markdown.render("*a*").html}${markdown.render("*a*").html}${markdown.render("**b**").html}`);
  assert.equal(calls, 2);
});
