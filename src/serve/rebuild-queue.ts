/** Runs one rebuild at a time; what is asked for meanwhile is gathered into the next run. */
export interface RebuildQueue<T> {
  /** Queues `paths` (or a build from scratch) and resolves with the outcome of the run that covered them. */
  enqueue(paths: readonly string[], isFull: boolean): Promise<T>;
}

/** Creates a queue around `run`, which is given every path (and whether to start from scratch) gathered since the last run. */
export function createRebuildQueue<T>(run: (paths: readonly string[], isFull: boolean) => Promise<T>): RebuildQueue<T> {
  let pending: string[] = [];
  let pendingFull = false;
  let waiters: Array<(outcome: T) => void> = [];
  let isRunning = false;
  const drain = async (): Promise<void> => {
    isRunning = true;
    while (waiters.length > 0) {
      const [paths, isFull, done] = [pending, pendingFull, waiters];
      [pending, pendingFull, waiters] = [[], false, []];
      const outcome = await run(paths, isFull);
      for (const resolve of done) resolve(outcome);
    }
    isRunning = false;
  };
  return {
    enqueue(paths, isFull) {
      for (const path of paths) pending.push(path);
      pendingFull ||= isFull;
      const promise = new Promise<T>((resolve) => waiters.push(resolve));
      if (!isRunning) void drain();
      return promise;
    },
  };
}
