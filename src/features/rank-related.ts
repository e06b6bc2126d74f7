import type { ResolvedRelatedConfig } from "../config/index.js";
import { termList, type PostTerms } from "./post-terms.js";
import { createAccumulator, rankOne, type RelatedMatch, type Signals } from "./rank-core.js";
import { startRankHelper, type ParallelOptions } from "./rank-parallel.js";
import { buildSignalIndex, indexNumberedKeys, numberKeys, type NumberedKeys } from "./related-index.js";

export type { RelatedMatch } from "./rank-core.js";

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

// A post's strongest terms only: enough to find its neighbours, and it bounds the work per post.
const MAX_TERMS = 32;

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

/**
 * rankRelatedPosts, given every post's terms already numbered (see NumberedKeys; a term table
 * keeps them from build to build). With `threads` above 1 and enough posts, a second thread ranks
 * part of the posts (see rank-parallel.ts); the lists are the same.
 */
export function rankNumberedPosts(posts: readonly RankedFacts[], terms: NumberedKeys, config: ResolvedRelatedConfig, options: ParallelOptions = {}): RelatedMatch[][] {
  // The helper thread starts loading now, while the indexes are built.
  const helper = startRankHelper(posts.length, options);
  const signals: Signals = {
    text: indexNumberedKeys(terms, { idf: true, maxKeys: MAX_TERMS, normalize: true }),
    tags: buildSignalIndex(posts.map((post) => ({ keys: uniqueNames(post.tags) })), { idf: true, maxKeys: Infinity, normalize: true }),
    categories: buildSignalIndex(posts.map((post) => ({ keys: uniqueNames(post.categories) })), { idf: false, maxKeys: Infinity, normalize: false }),
    times: Float64Array.from(posts, (post) => post.time),
    isListed: Uint8Array.from(posts, (post) => (post.isListed ? 1 : 0)),
  };
  if (helper) return helper.rank(signals, posts, config);
  const acc = createAccumulator(posts.length);
  return posts.map((post, p) => (post.wantsList ? rankOne(signals, p, post.pins, config, acc) : []));
}

