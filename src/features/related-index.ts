/**
 * One signal of related-post ranking (text terms, tags or categories) as two compressed sparse
 * tables: each post's weighted keys, and each key's posting list (the posts that have it, oldest
 * first, with their weights). Ranking walks posting lists instead of comparing all pairs of posts.
 */
export interface SignalIndex {
  /** Post p's keys are `keys[postStart[p] .. postStart[p + 1])`, weights alongside. */
  readonly postStart: Int32Array;
  readonly keys: Int32Array;
  readonly weights: Float64Array;
  /** Key k's postings are `posts[keyStart[k] .. keyStart[k + 1])`, in post order, weights alongside. */
  readonly keyStart: Int32Array;
  readonly posts: Int32Array;
  readonly postWeights: Float64Array;
}

/** How raw counts become weights. */
export interface SignalOptions {
  /** Weigh keys by rarity (see `rarity`): a key every post has says little. */
  readonly idf: boolean;
  /** Keep only each post's strongest keys (bounds the work per post). */
  readonly maxKeys: number;
  /** Scale each post's weights to unit length, so dot products are cosines. */
  readonly normalize: boolean;
}

/** A post's raw keys (each once) and their counts (default 1) for one signal. */
export interface SignalInput {
  /** The keys, or a function giving them (called once: packed terms are split one post at a time, never all at once). */
  readonly keys: readonly string[] | (() => readonly string[]);
  readonly counts?: ArrayLike<number>;
}

/**
 * Rarity of a key found in `df` of `total` posts: BM25's idf as Lucene computes it,
 * ln(1 + (N − df + 0.5) / (df + 0.5)). Always positive, and near 0 for a key on every post;
 * it mutes common keys more than ln(N / df) does, which on the cluster fixtures kept posts of one
 * genre but different topics apart.
 */
function rarity(df: number, total: number): number {
  return Math.log(1 + (total - df + 0.5) / (df + 0.5));
}

/**
 * Every post's keys as numbers: post p's key ids are `ids[start[p] .. start[p + 1])` (each key
 * once, in input order), with their counts alongside (absent: 1 each), and `df[k]` is how many
 * posts have key k. Which number a key gets does not matter to the ranking, only that it is one.
 */
export interface NumberedKeys {
  readonly ids: Int32Array;
  readonly start: Int32Array;
  readonly df: Int32Array;
  /** Float32 when they are float32 exactly (see TermTable): the values are the same. */
  readonly counts?: Float32Array | Float64Array;
}

/** Numbers the keys of every post in order of first occurrence. */
export function numberKeys(inputs: readonly SignalInput[]): NumberedKeys {
  const known = new Map<string, number>();
  const dfs: number[] = [];
  const start = new Int32Array(inputs.length + 1);
  let ids = new Int32Array(1024);
  let counts: Float64Array | undefined;
  inputs.forEach((input, p) => {
    const keys = typeof input.keys === "function" ? input.keys() : input.keys;
    const at = start[p]!;
    if (at + keys.length > ids.length) {
      const grown = new Int32Array(Math.max(ids.length * 2, at + keys.length));
      grown.set(ids);
      ids = grown;
    }
    if ((counts || input.counts) && (!counts || counts.length < ids.length)) {
      const grown = new Float64Array(ids.length).fill(1);
      if (counts) grown.set(counts);
      counts = grown;
    }
    for (let i = 0; i < keys.length; i++) {
      let id = known.get(keys[i]!);
      if (id === undefined) {
        id = dfs.length;
        known.set(keys[i]!, id);
        dfs.push(0);
      }
      dfs[id]!++;
      ids[at + i] = id;
      if (counts) counts[at + i] = input.counts?.[i] ?? 1;
    }
    start[p + 1] = at + keys.length;
  });
  const total = start[inputs.length]!;
  return { ids: ids.subarray(0, total), start, df: Int32Array.from(dfs), counts: counts?.subarray(0, total) };
}

/** Where weighed keys go: ids and weights from `at` on, plus scratch buffers for weighing and sorting. */
interface WeighBuffer {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  at: number;
  scratch: Float64Array;
  sorted: Float64Array;
}

/**
 * Weighs one post's keys into `out` and returns how many it kept: only keys shared with another
 * post (rarity > 0), at most `maxKeys`, the strongest (ties: the earlier key in the post).
 */
function weighPost(keys: Int32Array, counts: Float32Array | Float64Array | undefined, rarities: Float64Array, maxKeys: number, out: WeighBuffer): number {
  if (out.scratch.length < keys.length) {
    out.scratch = new Float64Array(keys.length * 2);
    out.sorted = new Float64Array(keys.length * 2);
  }
  const weight = out.scratch.subarray(0, keys.length);
  for (let i = 0; i < keys.length; i++) weight[i] = rarities[keys[i]!]! * (1 + Math.log(Math.max(counts?.[i] ?? 1, 1)));
  // The weakest weight that still makes the cut, selected in a copy.
  let floor = 0;
  if (keys.length > maxKeys) {
    const sorted = out.sorted.subarray(0, keys.length);
    sorted.set(weight);
    floor = selectSmallest(sorted, keys.length - maxKeys);
  }
  let kept = 0;
  for (let i = 0; i < keys.length && kept < maxKeys; i++) {
    if (weight[i]! > 0 && weight[i]! >= floor) {
      out.ids[out.at + kept] = keys[i]!;
      out.weights[out.at + kept++] = weight[i]!;
    }
  }
  return kept;
}

/** The k-th smallest value of `values` (from 0), which it reorders: Hoare's quickselect, linear on average where a sort is n log n. */
function selectSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

/** Scales a post's weights to unit length. */
function normalizeWeights(weights: Float64Array): void {
  let length = 0;
  for (const weight of weights) length += weight * weight;
  const scale = length > 0 ? 1 / Math.sqrt(length) : 1;
  for (let i = 0; i < weights.length; i++) weights[i]! *= scale;
}

/** Builds one signal's index over all posts (given oldest first). */
export function buildSignalIndex(inputs: readonly SignalInput[], options: SignalOptions): SignalIndex {
  return indexNumberedKeys(numberKeys(inputs), options);
}

/** Builds one signal's index from every post's numbered keys (posts oldest first). */
export function indexNumberedKeys(numbered: NumberedKeys, options: SignalOptions): SignalIndex {
  const { ids, start, df, counts } = numbered;
  const total = start.length - 1;
  // A key only one post has cannot relate two posts: rarity 0 drops it.
  const rarities = Float64Array.from(df, (count) => (count < 2 ? 0 : options.idf ? rarity(count, total) : 1));
  let capacity = 0;
  for (let p = 0; p < total; p++) capacity += Math.min(start[p + 1]! - start[p]!, options.maxKeys);
  const out: WeighBuffer = { ids: new Int32Array(capacity), weights: new Float64Array(capacity), at: 0, scratch: new Float64Array(0), sorted: new Float64Array(0) };
  const postStart = new Int32Array(total + 1);
  for (let p = 0; p < total; p++) {
    const kept = weighPost(ids.subarray(start[p], start[p + 1]), counts?.subarray(start[p], start[p + 1]), rarities, options.maxKeys, out);
    if (options.normalize) normalizeWeights(out.weights.subarray(out.at, out.at + kept));
    out.at += kept;
    postStart[p + 1] = out.at;
  }
  const keys = out.ids.subarray(0, out.at);
  const weights = out.weights.subarray(0, out.at);
  // Counting sort of the (post, key) pairs by key: posting lists come out in post order.
  const keyStart = new Int32Array(df.length + 1);
  for (const key of keys) keyStart[key + 1]!++;
  for (let k = 0; k < df.length; k++) keyStart[k + 1]! += keyStart[k]!;
  const fill = keyStart.slice(0, df.length);
  const posts = new Int32Array(keys.length);
  const postWeights = new Float64Array(keys.length);
  for (let p = 0; p < total; p++) {
    for (let i = postStart[p]!; i < postStart[p + 1]!; i++) {
      const slot = fill[keys[i]!]!++;
      posts[slot] = p;
      postWeights[slot] = weights[i]!;
    }
  }
  return { postStart, keys, weights, keyStart, posts, postWeights };
}
