import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { makeSite, removeDir } from "./helpers.js";

test("post bodies go through the template engine, and kramdown's {#id} and {: .class} survive it", async () => {
  const site = makeSite({
    "_config.yml": "title: My Blog\n",
    "_layouts/post.html": "{{ content }}",
    "_includes/note.html": "<aside>{{ page.title }}</aside>",
    "_posts/2026-01-02-a.md": [
      "---",
      "layout: post",
      "title: Post A",
      "---",
      "Welcome to {{ site.title }}.",
      "",
      "## Heading {#custom-id}",
      "",
      "Call to action",
      "{: .consulting-cta-link}",
      "",
      "{% raw %}{{ not_a_variable }}{% endraw %}",
      "",
      "{% include \"note.html\" %}",
      "",
    ].join("\n"),
    "_posts/2026-01-03-b.md": "---\nlayout: post\nrender_with_liquid: false\n---\nKeep {{ this }} literal.\n",
  });
  try {
    await build({ source: site });
    const a = readFileSync(path.join(site, "_site/2026/01/02/a.html"), "utf8");
    assert.match(a, /<p>Welcome to My Blog\.<\/p>/);
    // Both reached kramdown-compatible Markdown intact, which applied them.
    assert.match(a, /<h2 id="custom-id">Heading<\/h2>/, "{#id} is not a template comment in post bodies");
    assert.match(a, /<p class="consulting-cta-link">Call to action<\/p>/);
    assert.match(a, /\{\{ not_a_variable \}\}/);
    assert.match(a, /<aside>Post A<\/aside>/);
    const b = readFileSync(path.join(site, "_site/2026/01/03/b.html"), "utf8");
    assert.match(b, /Keep \{\{ this \}\} literal\./);
  } finally {
    removeDir(site);
  }
});
