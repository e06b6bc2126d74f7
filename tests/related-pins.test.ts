import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build, createBuildCache } from "../src/build/index.js";
import { formatError } from "../src/shared/index.js";
import { makeSite, removeDir } from "./helpers.js";

const NOW = Date.UTC(2026, 5, 1);
const LLM = "Llama 3とDeepSeek R1、オープンソースLLMの性能比較。";
const ROBOT = "人型ロボットの工場導入と量産計画。";

function post(title: string, body: string, frontMatter = ""): string {
  return `---\ntitle: ${title}\n${frontMatter}---\n${body}\n`;
}

const BASE = {
  "_config.yml": 'timezone: UTC\npermalink: /:year/:title/\nbaseurl: /blog\nurl: https://example.com\ndefaults: [{scope: {path: ""}, values: {layout: post}}]\n',
  "_layouts/post.html": "{% for r in page.related %}{{ r.url }}\n{% endfor %}",
  "_posts/2026-01-01-llm-a.md": post("LLM A", LLM),
  "_posts/2026-01-02-llm-b.md": post("LLM B", LLM),
  "_posts/2026-01-03-llm-c.md": post("LLM C", LLM),
  "_posts/2026-01-04-robot.md": post("Robot", ROBOT),
};

async function buildRelated(files: Record<string, string>): Promise<(url: string) => string[]> {
  const site = makeSite({ ...BASE, ...files });
  try {
    await build({ source: site, now: NOW, cacheDir: false, threads: 1 });
    const lists = new Map<string, string[]>();
    for (const slug of ["llm-a", "llm-b", "llm-c", "robot"]) {
      lists.set(`/2026/${slug}/`, readFileSync(path.join(site, "_site/2026", slug, "index.html"), "utf8").split("\n").filter(Boolean));
    }
    return (url) => lists.get(url)!;
  } finally {
    removeDir(site);
  }
}

async function buildError(files: Record<string, string>): Promise<Error & { file?: string; line?: number; hint?: string }> {
  const site = makeSite({ ...BASE, ...files });
  try {
    await build({ source: site, now: NOW, cacheDir: false, threads: 1 });
  } catch (error) {
    return error as Error;
  } finally {
    removeDir(site);
  }
  throw new Error("the build should have failed");
}

test("front matter related: pins posts first, by URL, file name or slug, then fills up with the best matches", async () => {
  const related = await buildRelated({
    "_posts/2026-01-01-llm-a.md": post("LLM A", LLM, "related:\n  - /2026/robot/\n"),
    "_posts/2026-01-02-llm-b.md": post("LLM B", LLM, "related: [2026-01-04-robot.md, https://example.com/blog/2026/llm-a/]\n"),
    "_posts/2026-01-03-llm-c.md": post("LLM C", LLM, "related: [robot, llm-b, /blog/2026/llm-b/]\n"),
  });
  assert.deepEqual(related("/2026/llm-a/"), ["/2026/robot/", "/2026/llm-b/", "/2026/llm-c/"], "a pin by URL, then the two best matches, nearer in time first");
  assert.deepEqual(related("/2026/llm-b/"), ["/2026/robot/", "/2026/llm-a/", "/2026/llm-c/"], "pins by file name and absolute URL are not listed twice");
  assert.deepEqual(related("/2026/llm-c/"), ["/2026/robot/", "/2026/llm-b/", "/2026/llm-a/"], "pins by slug; a post pinned twice appears once");
  assert.deepEqual(related("/2026/robot/"), [], "the robot post shares nothing with the others");
});

test("related: false hides the list", async () => {
  const related = await buildRelated({ "_posts/2026-01-02-llm-b.md": post("LLM B", LLM, "related: false\n") });
  assert.deepEqual(related("/2026/llm-b/"), []);
  assert.deepEqual(related("/2026/llm-a/"), ["/2026/llm-b/", "/2026/llm-c/"], "the post itself can still be listed by others");
});

test("pinning a post that does not exist is an error naming the pinning file, its line and the missing post", async () => {
  const error = await buildError({ "_posts/2026-01-02-llm-b.md": post("LLM B", LLM, "tags: [LLM]\nrelated:\n  - /2025/12/31/gone/\n") });
  assert.equal(error.file, "_posts/2026-01-02-llm-b.md");
  assert.equal(error.line, 4);
  assert.match(error.message, /'_posts\/2026-01-02-llm-b\.md' pins related post '\/2025\/12\/31\/gone\/', which does not exist/);
  assert.match(formatError(error), /^_posts\/2026-01-02-llm-b\.md:4: /);
  assert.match(error.hint ?? "", /drafts, future and unpublished posts cannot be pinned/);
});

test("an ambiguous slug, a post pinning itself and a related: value of the wrong type are errors", async () => {
  const twin = { "_posts/2025-06-01-llm-a.md": post("Older LLM A", LLM, "permalink: /old/\n") };
  const ambiguous = await buildError({ ...twin, "_posts/2026-01-03-llm-c.md": post("LLM C", LLM, "related: [llm-a]\n") });
  assert.match(ambiguous.message, /related post 'llm-a' could be any of _posts\/2025-06-01-llm-a\.md, _posts\/2026-01-01-llm-a\.md/);
  assert.equal(ambiguous.file, "_posts/2026-01-03-llm-c.md");
  const self = await buildError({ "_posts/2026-01-03-llm-c.md": post("LLM C", LLM, "related: [llm-c]\n") });
  assert.match(self.message, /a post cannot pin itself/);
  const wrong = await buildError({ "_posts/2026-01-03-llm-c.md": post("LLM C", LLM, "related: llm-a\n") });
  assert.match(wrong.message, /front matter 'related' must be a list or false/);
  assert.equal(wrong.line, 3);
});

test("templates that never name related: no ranking is done, and a bad pin is still an error", async () => {
  const ranked = async (layout: string): Promise<boolean> => {
    const site = makeSite({ ...BASE, "_layouts/post.html": layout });
    const cache = createBuildCache();
    try {
      await build({ source: site, now: NOW, cache, cacheDir: false, threads: 1 });
      return cache.related.get("site") !== undefined;
    } finally {
      removeDir(site);
    }
  };
  assert.equal(await ranked("<h1>{{ page.title }}</h1>{{ content }}{% for r in site.related_posts %}{{ r.url }}{% endfor %}"), false);
  assert.equal(await ranked(BASE["_layouts/post.html"]), true);
  const error = await buildError({ "_layouts/post.html": "{{ content }}", "_posts/2026-01-02-llm-b.md": post("LLM B", LLM, "related: [/2025/12/31/gone/]\n") });
  assert.equal(error.file, "_posts/2026-01-02-llm-b.md");
  assert.equal(error.line, 3);
});

test("a template reaching page.related without naming it gets the same lists, ranked when first asked for", async () => {
  const related = await buildRelated({ "_layouts/post.html": '{% set key = "rel" ~ "ated" %}{% for r in page[key] %}{{ r.url }}\n{% endfor %}' });
  assert.deepEqual(related("/2026/llm-a/"), ["/2026/llm-b/", "/2026/llm-c/"]);
  assert.deepEqual(related("/2026/robot/"), []);
});
