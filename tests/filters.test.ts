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

function createEngine() {
  const filters = createFilters({
    config: { url: "https://example.com", baseurl: "/blog" },
    zone: createTimeZone("Asia/Tokyo"),
    now: Date.UTC(2026, 10, 23),
    markdown: createMarkdownRenderer({ headingIds: true }),
  });
  return createTemplateEngine({ layouts: [], includes: [], filters });
}

async function render(engine: ReturnType<typeof createEngine>, template: string): Promise<string> {
  return engine.renderBody({ file: "case.html", body: template, bodyLine: 1, fileText: template }, { site: { data: { inputs } }, page: {} });
}

test("the fixture has Jekyll's answer for every case", () => {
  assert.deepEqual(Object.keys(expected).sort(), cases.map(([name]) => name).sort());
});

for (const [name, , nunjucks] of cases) {
  test(`filter ${name} gives Jekyll's result`, async () => {
    assert.equal(await render(createEngine(), nunjucks), expected[name]);
  });
}
