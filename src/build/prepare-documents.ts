import { Piscina } from "piscina";
import { createMarkdownRenderer, type MarkdownOptions } from "../markdown/index.js";
import { prepareDocument, type PrepareResult, type PrepareTask } from "./prepare-document.js";
import type { PrepareBatch } from "./prepare-worker.js";

/** How to prepare documents. */
export interface PrepareOptions {
  readonly markdownOptions: MarkdownOptions;
  readonly rendererKey: string;
  /** Worker threads to use; 1 or less prepares in the main thread. */
  readonly threads: number;
}

// Below this many documents, starting worker threads (each loads unified) costs more than it saves.
const WORKER_THRESHOLD = 64;
// Documents per message: large enough to amortise messaging, small enough to balance the threads.
const BATCH_SIZE = 16;

/**
 * Prepares documents (front matter + Markdown) on every core: a pool of worker threads for
 * large builds, the main thread for small ones. Results come back in task order.
 */
export async function prepareDocuments(tasks: readonly PrepareTask[], options: PrepareOptions): Promise<PrepareResult[]> {
  if (tasks.length === 0) return [];
  if (options.threads <= 1 || tasks.length < WORKER_THRESHOLD) {
    const renderer = createMarkdownRenderer(options.markdownOptions);
    return tasks.map((task) => prepareDocument(task, renderer, options.rendererKey));
  }
  const pool = new Piscina({
    filename: new URL("./prepare-worker.js", import.meta.url).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    idleTimeout: 1000,
  });
  try {
    const batches: Array<Promise<PrepareResult[]>> = [];
    for (let start = 0; start < tasks.length; start += BATCH_SIZE) {
      const batch: PrepareBatch = {
        tasks: tasks.slice(start, start + BATCH_SIZE),
        markdownOptions: options.markdownOptions,
        rendererKey: options.rendererKey,
      };
      batches.push(pool.run(batch) as Promise<PrepareResult[]>);
    }
    return (await Promise.all(batches)).flat();
  } finally {
    await pool.destroy();
  }
}
