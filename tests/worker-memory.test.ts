import assert from "node:assert/strict";
import { test } from "node:test";
import type { PrepareTask } from "../src/build/prepare-document.js";
import { createDocumentPreparer } from "../src/build/prepare-documents.js";

const OPTIONS = { markdownOptions: { headingIds: true }, rendererKey: "test" };

/** 80 small posts (enough to start the worker threads), one of them huge and one with broken front matter in the same batch. */
function tasks(): PrepareTask[] {
  const huge = Array.from({ length: 6_000 }, (_, i) => `段落 **${i}** と [リンク](https://example.com/${i}) の _説明_。`).join("\n\n");
  return Array.from({ length: 80 }, (_, i): PrepareTask => {
    const body = i === 37 ? huge : `## 見出し ${i}\n\n本文 ${i} の段落。**強調**と[リンク](https://example.com/)。\n`;
    const front = i === 38 ? "title: [unclosed\n" : `title: "投稿 ${i}"\n`;
    return { relativePath: `_posts/2026-01-01-post-${i}.md`, text: `---\n${front}---\n${body}`, excerptSeparator: "\n\n", isPost: true };
  });
}

test("a worker thread that runs out of memory on a huge post: its batch is prepared in the main thread, with the same results and errors", async () => {
  const lost: Array<{ error: Error; files: readonly string[] }> = [];
  const inWorkers = createDocumentPreparer({ ...OPTIONS, threads: 2, workerHeapMb: 24, onWorkerLost: (error, files) => lost.push({ error, files }) });
  const inMain = createDocumentPreparer({ ...OPTIONS, threads: 1 });
  try {
    const fromWorkers = inWorkers.prepare(tasks());
    await inWorkers.flush();
    const fromMain = inMain.prepare(tasks());
    await inMain.flush();
    const [workers, main] = await Promise.all([fromWorkers, fromMain]);
    assert.equal(lost.length, 1, "one worker died");
    assert.match(String((lost[0]!.error as NodeJS.ErrnoException).code), /ERR_WORKER_OUT_OF_MEMORY/);
    assert.ok(lost[0]!.files.includes("_posts/2026-01-01-post-37.md"), "the batch of the huge post");
    assert.deepEqual(workers, main);
    const huge = workers[37]!;
    assert.ok(huge.ok && huge.body!.converted.html.includes("<p>段落 <strong>5999</strong>"), "the huge post is rendered");
    const broken = workers[38]!;
    assert.ok(!broken.ok);
    assert.equal(broken.error.file, "_posts/2026-01-01-post-38.md");
    assert.match(broken.error.message, /^invalid YAML/);
    assert.equal(typeof broken.error.line, "number", "the front-matter error keeps its line");
  } finally {
    await inWorkers.close();
    await inMain.close();
  }
});

test("the reader waits while enough batches are queued for the worker threads, and goes on as they finish", async () => {
  const preparer = createDocumentPreparer({ ...OPTIONS, threads: 2 });
  try {
    await preparer.ready();
    const small = tasks().filter((_, i) => i !== 37 && i !== 38);
    // 78 tasks start the pool: 5 batches of 16, fewer than the 8 (4 per thread) that make the reader wait.
    const first = preparer.prepare(small);
    await preparer.ready();
    const more = [1, 2, 3].map(() => preparer.prepare(small));
    let waited = true;
    const ready = preparer.ready().then(() => (waited = false));
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(waited, "20 batches queued: the reader waits");
    await ready;
    const results = await Promise.all([first, ...more]);
    assert.deepEqual(results.map((r) => r.length), [78, 78, 78, 78]);
    assert.ok(results.flat().every((result) => result.ok));
  } finally {
    await preparer.close();
  }
});
