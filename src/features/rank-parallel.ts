import { availableParallelism } from "node:os";
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { ResolvedRelatedConfig } from "../config/index.js";
import { createAccumulator, rankOne, type RelatedMatch, type Signals } from "./rank-core.js";

/** When ranking may use a second thread. */
export interface ParallelOptions {
  /** Threads to use; 1 ranks in the calling thread. Default: one per core. */
  readonly threads?: number;
  /** Fewer posts than this are ranked in the calling thread. Default 2,000: below, starting a thread costs more than it saves. */
  readonly minPosts?: number;
}

/** What the helper thread is sent once the indexes are built. */
export interface RankJob {
  readonly signals: Signals;
  /** Each post's pins, or null when it wants no list. */
  readonly pins: ReadonlyArray<readonly number[] | null>;
  readonly config: ResolvedRelatedConfig;
  /** Shared: [next chunk to claim, helper state (see HelperState)]. */
  readonly control: Int32Array;
}

/** The helper's results: the lists of each chunk it ranked. */
export type RankResults = ReadonlyArray<readonly [chunk: number, lists: RelatedMatch[][]]>;

/** control[STATE]: the helper has not begun, is ranking, is done (results posted), or failed. */
export const enum HelperState { Idle = 0, Working = 1, Done = 2, Failed = 3 }
export const NEXT = 0;
export const STATE = 1;
// Posts per claim: small enough that two threads finish together, large enough that claiming costs nothing.
export const CHUNK = 256;
// The helper normally starts while the indexes are built; one not started by then is waited for this
// long (it would be a broken install), and one that has held its chunks this long is given up on.
const STARTUP_MS = 1_000;
const PATIENCE_MS = 60_000;

/** A thread started ahead of ranking, which shares it with the calling thread. */
export interface RankHelper {
  rank(signals: Signals, posts: ReadonlyArray<{ readonly wantsList: boolean; readonly pins: readonly number[] }>, config: ResolvedRelatedConfig): RelatedMatch[][];
}

/** Starts the helper thread when `options` and the number of posts call for one. */
export function startRankHelper(total: number, options: ParallelOptions): RankHelper | undefined {
  const threads = options.threads ?? availableParallelism();
  if (threads < 2 || total < (options.minPosts ?? 2000)) return undefined;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL("./rank-worker.js", import.meta.url), { workerData: { port: port2 }, transferList: [port2] });
  worker.unref();
  // A helper that fails to start only leaves all the chunks to this thread.
  worker.on("error", () => undefined);
  return {
    rank(signals, posts, config) {
      try {
        return rankShared(worker, port1, { signals, pins: posts.map((post) => (post.wantsList ? post.pins : null)), config, control: new Int32Array(new SharedArrayBuffer(8)) });
      } finally {
        port1.close();
        void worker.terminate();
      }
    },
  };
}

/** Ranks chunks of posts in this thread while the helper claims others, then gathers the helper's lists; any chunk it did not deliver is ranked here. */
function rankShared(worker: Worker, port: MessagePort, job: RankJob): RelatedMatch[][] {
  const { signals, pins, config, control } = job;
  worker.postMessage(job);
  const started = performance.now();
  while (Atomics.load(control, STATE) === HelperState.Idle && performance.now() - started < STARTUP_MS) Atomics.wait(control, STATE, HelperState.Idle, 10);
  const lists: Array<RelatedMatch[] | undefined> = new Array(pins.length);
  const chunks = Math.ceil(pins.length / CHUNK);
  const acc = createAccumulator(pins.length);
  const rankChunk = (chunk: number): void => {
    for (let p = chunk * CHUNK; p < Math.min(pins.length, (chunk + 1) * CHUNK); p++) lists[p] = pins[p] ? rankOne(signals, p, pins[p]!, config, acc) : [];
  };
  for (let chunk = Atomics.add(control, NEXT, 1); chunk < chunks; chunk = Atomics.add(control, NEXT, 1)) rankChunk(chunk);
  const deadline = performance.now() + PATIENCE_MS;
  while (Atomics.load(control, STATE) === HelperState.Working && performance.now() < deadline) Atomics.wait(control, STATE, HelperState.Working, 100);
  if (Atomics.load(control, STATE) === HelperState.Done) {
    const results = receiveMessageOnPort(port)?.message as RankResults | undefined;
    for (const [chunk, chunkLists] of results ?? []) chunkLists.forEach((list, i) => (lists[chunk * CHUNK + i] = list));
  }
  for (let chunk = 0; chunk < chunks; chunk++) if (lists[chunk * CHUNK] === undefined) rankChunk(chunk);
  return lists as RelatedMatch[][];
}
