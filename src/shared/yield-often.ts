// How long a build may keep the event loop to itself.
const YIELD_EVERY_MS = 5;

/**
 * A function to await between units of work: it lets the event loop run (setImmediate) once
 * YIELD_EVERY_MS have passed since it last did, and resolves at once otherwise. The dev server
 * builds in its own thread: file events, requests and the fast path for an edited page run in
 * these gaps instead of waiting for the whole build.
 */
export function createYielder(): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last <= YIELD_EVERY_MS) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = performance.now();
        resolve();
      }),
    );
  };
}

/** Lets the event loop run once (between stages of a build, for the same reason as createYielder). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs a generator of steps (work that stops where a caller may pause) to the end at once. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Runs a generator of steps to the end, awaiting `pause` (a createYielder function) between them. */
export async function runPausing<T>(steps: Generator<void, T>, pause: () => Promise<void> | undefined): Promise<T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await pause();
  }
}
