import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { createAccumulator, rankOne, type RelatedMatch } from "./rank-core.js";
import { CHUNK, HelperState, NEXT, STATE, type RankJob, type RankResults } from "./rank-parallel.js";

// The helper thread of rank-parallel.ts: claims chunks of posts until none are left, ranks them,
// posts their lists on the port it was given, and then marks itself done (or failed).
const port = (workerData as { port: MessagePort }).port;

parentPort!.once("message", ({ signals, pins, config, control }: RankJob) => {
  Atomics.store(control, STATE, HelperState.Working);
  Atomics.notify(control, STATE);
  try {
    const chunks = Math.ceil(pins.length / CHUNK);
    const acc = createAccumulator(pins.length);
    const results: Array<[number, RelatedMatch[][]]> = [];
    for (let chunk = Atomics.add(control, NEXT, 1); chunk < chunks; chunk = Atomics.add(control, NEXT, 1)) {
      const lists: RelatedMatch[][] = [];
      for (let p = chunk * CHUNK; p < Math.min(pins.length, (chunk + 1) * CHUNK); p++) lists.push(pins[p] ? rankOne(signals, p, pins[p]!, config, acc) : []);
      results.push([chunk, lists]);
    }
    port.postMessage(results satisfies RankResults);
    Atomics.store(control, STATE, HelperState.Done);
  } catch {
    Atomics.store(control, STATE, HelperState.Failed);
  }
  Atomics.notify(control, STATE);
});
