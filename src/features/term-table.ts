import { digest } from "../shared/index.js";
import { termList, type PostTerms } from "./post-terms.js";
import type { NumberedKeys } from "./related-index.js";

/**
 * Every post's terms as numbers into one dictionary, kept from build to build: a build that edits
 * or adds one post splits and numbers only that post's terms, and reads no other post's terms from
 * the terms cache (at 10,000 posts, reading and numbering them all took about 0.35 s of CPU).
 */
export interface TermTable {
  /** The dictionary, one term a line: term k is line k. */
  readonly words: string;
  /** Names the numbering: kept while terms are only added, new when the dictionary is renumbered. */
  readonly generation: string;
  /** Each post's terms key (postTermsKey), in post order. */
  readonly postKeys: readonly string[];
  /** Post p's term ids are `ids[start[p] .. start[p + 1])`, in the order of its PostTerms, counts alongside. */
  readonly start: Int32Array;
  readonly ids: Int32Array;
  /** Float32 when every count fits it exactly (they are sums of field weights), else Float64. */
  readonly counts: Float32Array | Float64Array;
}

/** A post's terms key, and its terms, read only when the table does not have them. */
export interface KeyedTerms {
  readonly key: string;
  readonly terms: () => PostTerms;
}

/** Whether a stored value is a whole TermTable (a damaged or foreign record is not reused). */
function isTermTable(value: TermTable | undefined): value is TermTable {
  if (!value || typeof value.words !== "string" || typeof value.generation !== "string" || !Array.isArray(value.postKeys)) return false;
  const { start, ids, counts } = value;
  if (!(start instanceof Int32Array) || !(ids instanceof Int32Array) || !(counts instanceof Float32Array || counts instanceof Float64Array)) return false;
  return start.length === value.postKeys.length + 1 && start[start.length - 1] === ids.length && counts.length === ids.length;
}

/** The dictionary of a table as an array and a lookup, made only when some post has new terms. */
interface Dictionary {
  readonly words: string[];
  readonly ids: Map<string, number>;
}

function splitWords(table: TermTable | undefined): string[] {
  return table && table.words !== "" ? table.words.split("\n") : [];
}

function openDictionary(previous: TermTable | undefined): Dictionary {
  const words = splitWords(previous);
  return { words, ids: new Map(words.map((word, id) => [word, id])) };
}

/** The ids of terms in `dictionary`, which gains the terms it did not have. */
function numberTerms(terms: PostTerms, dictionary: Dictionary): Int32Array {
  return Int32Array.from(termList(terms), (word) => {
    let id = dictionary.ids.get(word);
    if (id === undefined) {
      id = dictionary.words.length;
      dictionary.words.push(word);
      dictionary.ids.set(word, id);
    }
    return id;
  });
}

/** Where a post's numbered terms come from: a slot of the previous table, or its own fresh numbers. */
type Source = { readonly slot: number } | { readonly ids: Int32Array; readonly counts: Float64Array };

/** Whether every count is a float32 exactly (then the counts are kept, and copied, as float32). */
function fitsFloat32(counts: Float64Array): boolean {
  for (let i = 0; i < counts.length; i++) if (Math.fround(counts[i]!) !== counts[i]) return false;
  return true;
}

/**
 * Numbers every post's terms, reusing the previous table's numbers for each post whose terms key
 * it has. Returns the numbered keys for ranking and the table to keep (unchanged: the same object).
 */
export function updateTermTable(stored: TermTable | undefined, posts: readonly KeyedTerms[]): { keys: NumberedKeys; table: TermTable } {
  const previous = isTermTable(stored) ? stored : undefined;
  const slots = new Map(previous?.postKeys.map((key, slot) => [key, slot]));
  let dictionary: Dictionary | undefined;
  let isFloat32 = !previous || previous.counts instanceof Float32Array;
  const start = new Int32Array(posts.length + 1);
  const sources = posts.map((post, p): Source => {
    const slot = slots.get(post.key);
    if (slot !== undefined) {
      start[p + 1] = start[p]! + previous!.start[slot + 1]! - previous!.start[slot]!;
      return { slot };
    }
    const terms = post.terms();
    dictionary ??= openDictionary(previous);
    isFloat32 &&= fitsFloat32(terms.counts);
    start[p + 1] = start[p]! + terms.counts.length;
    return { ids: numberTerms(terms, dictionary), counts: terms.counts };
  });
  const ids = new Int32Array(start[posts.length]!);
  const counts = isFloat32 ? new Float32Array(ids.length) : new Float64Array(ids.length);
  copySources(sources, previous, ids, counts);
  const df = countDocuments(ids, dictionary ? dictionary.words.length : previous ? dictionarySize(previous) : 0);
  const postKeys = posts.map((post) => post.key);
  const unchanged = previous && !dictionary && sameKeys(previous.postKeys, postKeys);
  const parts = { words: dictionary?.words ?? splitWords(previous), generation: previous?.generation, postKeys, start, ids, counts, df };
  const table = unchanged ? previous : compactTable(parts);
  return { keys: { ids, start, df, counts }, table };
}

/** Copies each post's ids and counts into place, runs of consecutive previous slots in one copy. */
function copySources(sources: readonly Source[], previous: TermTable | undefined, ids: Int32Array, counts: Float32Array | Float64Array): void {
  let at = 0;
  for (let p = 0; p < sources.length; ) {
    const source = sources[p]!;
    if (!("slot" in source)) {
      ids.set(source.ids, at);
      counts.set(source.counts, at);
      at += source.ids.length;
      p++;
      continue;
    }
    let end = p + 1;
    while (end < sources.length && (sources[end] as { slot?: number }).slot === source.slot + end - p) end++;
    const from = previous!.start[source.slot]!;
    const to = previous!.start[source.slot + end - p]!;
    ids.set(previous!.ids.subarray(from, to), at);
    counts.set(previous!.counts.subarray(from, to), at);
    at += to - from;
    p = end;
  }
}

/** How many terms a table's dictionary holds. */
function dictionarySize(table: TermTable): number {
  if (table.words === "") return 0;
  let lines = 1;
  for (let at = table.words.indexOf("\n"); at !== -1; at = table.words.indexOf("\n", at + 1)) lines++;
  return lines;
}

/** How many posts have each term. */
function countDocuments(ids: Int32Array, size: number): Int32Array {
  const df = new Int32Array(size);
  for (let i = 0; i < ids.length; i++) df[ids[i]!]!++;
  return df;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** The table to keep: terms no post has any longer are dropped from the dictionary (renumbering the rest) once they are half of it. */
function compactTable(parts: { words: string[]; generation: string | undefined; postKeys: string[]; start: Int32Array; ids: Int32Array; counts: Float32Array | Float64Array; df: Int32Array }): TermTable {
  const { postKeys, start, counts, df } = parts;
  let { words, ids, generation } = parts;
  let used = 0;
  for (const count of df) if (count > 0) used++;
  if (used * 2 < words.length) {
    const renumbered = new Int32Array(words.length);
    let next = 0;
    for (let id = 0; id < df.length; id++) renumbered[id] = df[id]! > 0 ? next++ : -1;
    words = words.filter((_, id) => df[id]! > 0);
    ids = ids.map((id) => renumbered[id]!);
    generation = undefined;
  }
  const joined = words.join("\n");
  return { words: joined, generation: generation ?? digest("terms", joined), postKeys, start, ids, counts };
}
