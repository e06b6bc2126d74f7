import type { ResolvedRelatedConfig } from "../config/index.js";
import { runSteps } from "../shared/index.js";
import { termList, type PostTerms } from "./post-terms.js";
import { buildSignalIndex, indexNumberedKeys, numberKeys, type NumberedKeys, type SignalIndex } from "./related-index.js";

/** One post as ranking sees it, apart from its terms. Posts are given oldest first, as `SiteContent.posts`. */
export interface RankedFacts {
  /** Publication time, epoch ms. */
  readonly time: number;
  readonly tags: readonly string[];
  readonly categories: readonly string[];
  /** Whether it may appear in other posts' lists (published posts; not drafts). */
  readonly isListed: boolean;
  /** Indices of posts pinned first by front matter `related:`. */
  readonly pins: readonly number[];
  /** False when front matter says `related: false`: no list is computed. */
  readonly wantsList: boolean;
}

/** One post as ranking sees it. */
export interface RankedPost extends RankedFacts {
  readonly terms: PostTerms;
}

/** One entry of a related list. */
export interface RelatedMatch {
  readonly index: number;
  readonly score: number;
  readonly isPinned: boolean;
}

// A post's strongest terms only: enough to find its neighbours, and it bounds the work per post.
const MAX_TERMS = 32;
// Posting lists longer than this (a very common term, tag or category) are only walked over the
// posts nearest in time, which recency favours anyway; this keeps the work per post bounded.
const WINDOW = 128;
const DAY_MS = 86_400_000;

/** Lower bound of `target` in the sorted slice `posts[from, to)`. */
function lowerBound(posts: Int32Array, from: number, to: number, target: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (posts[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Score sums of one post's candidates, reused from post to post (a stamp marks which are current). */
interface Accumulator {
  readonly score: Float64Array;
  readonly sharesCategory: Uint8Array;
  readonly stamp: Int32Array;
  readonly touched: Int32Array;
  count: number;
}

function createAccumulator(total: number): Accumulator {
  return { score: new Float64Array(total), sharesCategory: new Uint8Array(total), stamp: new Int32Array(total).fill(-1), touched: new Int32Array(total), count: 0 };
}

/** First posting of key k to walk for post p: the list's start, or that of the WINDOW posts nearest p. */
function windowStart(index: SignalIndex, key: number, p: number): number {
  const from = index.keyStart[key]!;
  const to = index.keyStart[key + 1]!;
  if (to - from <= WINDOW) return from;
  return Math.max(from, Math.min(lowerBound(index.posts, from, to, p) - WINDOW / 2, to - WINDOW));
}

/** Adds `factor` × (p's weight × other's weight) along the postings of each of post p's keys. */
function accumulate(index: SignalIndex, p: number, factor: number, acc: Accumulator): void {
  const { posts, postWeights, keyStart, keys, weights } = index;
  const { score, stamp, sharesCategory, touched } = acc;
  let count = acc.count;
  for (let i = index.postStart[p]!, end = index.postStart[p + 1]!; i < end; i++) {
    const key = keys[i]!;
    const from = windowStart(index, key, p);
    const to = Math.min(keyStart[key + 1]!, from + WINDOW);
    const weight = weights[i]! * factor;
    for (let j = from; j < to; j++) {
      const other = posts[j]!;
      if (stamp[other] !== p) {
        // First touch of `other` for this post: its sums start afresh.
        stamp[other] = p;
        score[other] = 0;
        sharesCategory[other] = 0;
        touched[count++] = other;
      }
      score[other]! += weight * postWeights[j]!;
    }
  }
  acc.count = count;
}

/** Marks the posts that share one of post p's categories. */
function markShared(index: SignalIndex, p: number, acc: Accumulator): void {
  const { posts, keyStart, keys } = index;
  const { score, stamp, sharesCategory, touched } = acc;
  for (let i = index.postStart[p]!, end = index.postStart[p + 1]!; i < end; i++) {
    const from = windowStart(index, keys[i]!, p);
    const to = Math.min(keyStart[keys[i]! + 1]!, from + WINDOW);
    for (let j = from; j < to; j++) {
      const other = posts[j]!;
      if (stamp[other] !== p) {
        stamp[other] = p;
        score[other] = 0;
        touched[acc.count++] = other;
      }
      sharesCategory[other] = 1;
    }
  }
}

/** Inserts `index` into `best` (kept sorted: score descending, then newer first) if it makes the cut. */
function offer(best: Array<{ index: number; score: number }>, limit: number, index: number, score: number): void {
  if (best.length === limit && (score < best[limit - 1]!.score || (score === best[limit - 1]!.score && index < best[limit - 1]!.index))) return;
  let at = best.length;
  while (at > 0 && (best[at - 1]!.score < score || (best[at - 1]!.score === score && best[at - 1]!.index < index))) at--;
  best.splice(at, 0, { index, score });
  if (best.length > limit) best.pop();
}

/** Tag or category names compared without case or width (`LLM`, `llm`, `ＬＬＭ`), each once. */
const uniqueNames = (names: readonly string[]): string[] => [...new Set(names.map((name) => name.normalize("NFKC").toLowerCase()))];

/**
 * Related posts of every post: score = text cosine × w.text + rarity-weighted tag cosine × w.tags
 * + a shared category × w.category, times a recency factor that fades with the time between the
 * two posts. Scores are summed along inverted-index posting lists, never over all pairs. Ties go
 * to the newer post; a post never lists itself, and only listed (published) posts appear.
 */
export function rankRelatedPosts(posts: readonly RankedPost[], config: ResolvedRelatedConfig): RelatedMatch[][] {
  return rankNumberedPosts(posts, numberKeys(posts.map((post) => ({ keys: () => termList(post.terms), counts: post.terms.counts }))), config);
}

/** rankRelatedPosts, given every post's terms already numbered (see NumberedKeys; a term table keeps them from build to build). */
export function rankNumberedPosts(posts: readonly RankedFacts[], terms: NumberedKeys, config: ResolvedRelatedConfig): RelatedMatch[][] {
  return runSteps(rankingSteps(posts, terms, config));
}

/**
 * rankNumberedPosts one post at a time: the generator stops after each post's list, so that a
 * caller with an event loop to keep (the dev server) can let it run between posts, and returns
 * every list at the end.
 */
export function* rankingSteps(posts: readonly RankedFacts[], terms: NumberedKeys, config: ResolvedRelatedConfig): Generator<void, RelatedMatch[][]> {
  const text = indexNumberedKeys(terms, { idf: true, maxKeys: MAX_TERMS, normalize: true });
  yield;
  const signals: Signals = {
    text,
    tags: buildSignalIndex(posts.map((post) => ({ keys: uniqueNames(post.tags) })), { idf: true, maxKeys: Infinity, normalize: true }),
    categories: buildSignalIndex(posts.map((post) => ({ keys: uniqueNames(post.categories) })), { idf: false, maxKeys: Infinity, normalize: false }),
    times: Float64Array.from(posts, (post) => post.time),
    isListed: Uint8Array.from(posts, (post) => (post.isListed ? 1 : 0)),
  };
  yield;
  const acc = createAccumulator(posts.length);
  const lists: RelatedMatch[][] = [];
  for (let p = 0; p < posts.length; p++) {
    const post = posts[p]!;
    lists.push(post.wantsList ? rankOne(signals, p, post.pins, config, acc) : []);
    yield;
  }
  return lists;
}

/** Everything ranking reads, over all posts. */
interface Signals {
  readonly text: SignalIndex;
  readonly tags: SignalIndex;
  readonly categories: SignalIndex;
  readonly times: Float64Array;
  readonly isListed: Uint8Array;
}

/** Post p's list: its pins, then the best-scored listed posts. */
function rankOne(signals: Signals, p: number, pins: readonly number[], config: ResolvedRelatedConfig, acc: Accumulator): RelatedMatch[] {
  const { weights, recency, halfLifeDays } = config;
  const { times, isListed } = signals;
  const scoreOf = (other: number): number => {
    if (acc.stamp[other] !== p) return 0;
    const relevance = acc.score[other]! + (acc.sharesCategory[other] ? weights.category : 0);
    const days = Math.abs(times[other]! - times[p]!) / DAY_MS;
    return relevance * (1 - recency + recency * 2 ** (-days / halfLifeDays));
  };
  acc.count = 0;
  accumulate(signals.text, p, weights.text, acc);
  accumulate(signals.tags, p, weights.tags, acc);
  markShared(signals.categories, p, acc);
  const limit = Math.max(0, config.count - pins.length);
  const best: Array<{ index: number; score: number }> = [];
  const { score, sharesCategory, touched } = acc;
  const hasPins = pins.length > 0;
  // The recency factor is at most 1: a relevance below the current cut cannot make it.
  let cut = 0;
  for (let t = 0; t < acc.count && limit > 0; t++) {
    const other = touched[t]!;
    const bound = score[other]! + (sharesCategory[other] ? weights.category : 0);
    if (bound <= 0 || bound < cut || other === p || !isListed[other] || (hasPins && pins.includes(other))) continue;
    offer(best, limit, other, scoreOf(other));
    if (best.length === limit) cut = best[limit - 1]!.score;
  }
  return [
    ...pins.map((index) => ({ index, score: scoreOf(index), isPinned: true })),
    ...best.map(({ index, score }) => ({ index, score, isPinned: false })),
  ];
}
