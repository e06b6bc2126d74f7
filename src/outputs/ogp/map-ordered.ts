/**
 * Runs `fn` over `items` with at most `limit` calls in flight and yields the results in input
 * order, so a consumer can write each one while the next ones are still being made.
 */
export async function* mapOrdered<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const inFlight: Array<Promise<R>> = [];
  let next = 0;
  const start = (): void => {
    const promise = fn(items[next++]!);
    promise.catch(() => {});
    inFlight.push(promise);
  };
  while (next < items.length && inFlight.length < limit) start();
  while (inFlight.length > 0) {
    const result = await inFlight.shift()!;
    if (next < items.length) start();
    yield result;
  }
}
