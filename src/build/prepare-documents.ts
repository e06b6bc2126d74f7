import { Piscina } from "piscina";
import { createTokenizer } from "../features/index.js";
import type { MarkdownOptions } from "../markdown/index.js";
import { prepareDocument, type Converter, type PrepareResult, type PrepareTask } from "./prepare-document.js";
import type { PrepareBatch } from "./prepare-worker.js";

/** How to prepare documents. */
export interface PrepareOptions {
  readonly markdownOptions: MarkdownOptions;
  readonly rendererKey: string;
  /** Worker threads to use; 1 or less prepares in the main thread. */
  readonly threads: number;
  /** Each worker thread's old generation in MB. Default: WORKER_OLD_GENERATION_MB. */
  readonly workerHeapMb?: number;
  /** Told when a worker thread died (out of memory on a huge document) and its batch was prepared in the main thread. */
  readonly onWorkerLost?: (error: Error, files: readonly string[]) => void;
}

/** Prepares documents as they are read, on every core once there are enough of them. */
export interface DocumentPreparer {
  /** Queues tasks; the promise gives their results in task order. */
  prepare(tasks: readonly PrepareTask[]): Promise<PrepareResult[]>;
  /**
   * Resolves once few enough batches wait for the worker threads (at once while no pool runs):
   * awaited before reading more documents, so the reader does not queue every text in memory.
   */
  ready(): Promise<void>;
  /** Call once every task is queued: prepares in the main thread what waits for a pool that never started. */
  flush(): Promise<void>;
  /** Stops the worker threads after the batches in flight, and forgets what still waits (the build failed). */
  close(): Promise<void>;
}

// Below this many documents, starting worker threads (each loads unified) costs more than it saves.
const WORKER_THRESHOLD = 64;
// Documents per message: large enough to amortise messaging, small enough to balance the threads.
export const BATCH_SIZE = 16;
// Batches queued per worker thread before the reader waits: enough that a thread never waits for work.
const QUEUED_PER_THREAD = 4;
// A worker's old generation. At 256 MB or less V8 lets a heap grow to 1.3× what survived its last full
// GC instead of up to 4× (MaxGrowingFactor in V8's heap-controller.cc): a worker's live data is about
// 20 MB, so its heap stays near 80 MB instead of 100–150 MB, for a few more 10 ms full GCs. A batch
// whose document does not fit is prepared again in the main thread.
const WORKER_OLD_GENERATION_MB = 256;

interface Waiting {
  readonly tasks: readonly PrepareTask[];
  resolve(results: PrepareResult[]): void;
  reject(error: unknown): void;
}

/**
 * Creates the preparer of one build. Tasks wait until WORKER_THRESHOLD of them have come: then a
 * pool of worker threads starts and takes them, and every later batch goes to it at once, so the
 * threads parse while the main thread still reads. Fewer tasks (a rebuild after an edit) are
 * prepared in the main thread by `flush`.
 */
export function createDocumentPreparer(options: PrepareOptions): DocumentPreparer {
  let pool: Piscina | undefined;
  let waiting: Waiting[] = [];
  let waitingCount = 0;
  let converter: Converter | undefined;
  const inMainThread = async (tasks: readonly PrepareTask[]): Promise<PrepareResult[]> => {
    if (!converter) {
      // Loaded here, not on import: a build with nothing to prepare needs no Markdown renderer.
      const { createMarkdownRenderer } = await import("../markdown/index.js");
      converter ??= { renderer: createMarkdownRenderer(options.markdownOptions), tokenizer: createTokenizer(), rendererKey: options.rendererKey };
    }
    const current = converter;
    return tasks.map((task) => prepareDocument(task, current));
  };
  // prepareDocument returns its errors as data: a batch fails only when its worker died, so the main thread (its heap unbounded) prepares it.
  const fallBack = (tasks: readonly PrepareTask[]) => (error: Error): Promise<PrepareResult[]> => {
    options.onWorkerLost?.(error, tasks.map((task) => task.relativePath));
    return inMainThread(tasks);
  };
  const inFlight = new Set<Promise<unknown>>();
  let queued = 0;
  let wakeReader: (() => void) | undefined;
  const batchDone = (): void => {
    queued--;
    if (queued < options.threads * QUEUED_PER_THREAD) wakeReader?.();
  };
  const send = (tasks: readonly PrepareTask[]): Promise<PrepareResult[]> => {
    const batches: Array<Promise<PrepareResult[]>> = [];
    for (let start = 0; start < tasks.length; start += BATCH_SIZE) {
      const batch: PrepareBatch = { tasks: tasks.slice(start, start + BATCH_SIZE), markdownOptions: options.markdownOptions, rendererKey: options.rendererKey };
      queued++;
      batches.push((pool!.run(batch) as Promise<PrepareResult[]>).catch(fallBack(batch.tasks)).finally(batchDone));
    }
    const results = Promise.all(batches).then((done) => done.flat());
    // Handled here so a batch that fails after the build gave up is no unhandled rejection.
    const settled = results.catch(() => undefined).finally(() => inFlight.delete(settled));
    inFlight.add(settled);
    return results;
  };
  const startPool = (): void => {
    pool = new Piscina({
      filename: new URL("./prepare-worker.js", import.meta.url).href,
      minThreads: options.threads,
      maxThreads: options.threads,
      idleTimeout: 1000,
      resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? WORKER_OLD_GENERATION_MB },
    });
    for (const { tasks, resolve, reject } of waiting) send(tasks).then(resolve, reject);
    waiting = [];
  };
  return {
    prepare(tasks) {
      if (tasks.length === 0) return Promise.resolve([]);
      if (pool) return send(tasks);
      return new Promise((resolve, reject) => {
        waiting.push({ tasks, resolve, reject });
        waitingCount += tasks.length;
        if (options.threads > 1 && waitingCount >= WORKER_THRESHOLD) startPool();
      });
    },
    ready() {
      if (!pool || queued < options.threads * QUEUED_PER_THREAD) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const previous = wakeReader;
        wakeReader = () => {
          wakeReader = undefined;
          previous?.();
          resolve();
        };
      });
    },
    async flush() {
      const queued = waiting;
      waiting = [];
      for (const { tasks, resolve } of queued) resolve(await inMainThread(tasks));
    },
    async close() {
      waiting = [];
      await Promise.all(inFlight);
      await pool?.destroy();
    },
  };
}
