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
  if (!value || typeof value.words !== "string" || !Array.isArray(value.postKeys)) return false;
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

/**
 * Numbers every post's terms, reusing the previous table's numbers for each post whose terms key
 * it has. Returns the numbered keys for ranking and the table to keep (unchanged: the same object).
 */
export function updateTermTable(stored: TermTable | undefined, posts: readonly KeyedTerms[]): { keys: NumberedKeys; table: TermTable } {
  const previous = isTermTable(stored) ? stored : undefined;
  const slots = new Map(previous?.postKeys.map((key, slot) => [key, slot]));
  let dictionary: Dictionary | undefined;
  const fresh = new Map<number, { ids: Int32Array; counts: Float64Array }>();
  const start = new Int32Array(posts.length + 1);
  posts.forEach((post, p) => {
    const slot = slots.get(post.key);
    let length: number;
    if (slot !== undefined) length = previous!.start[slot + 1]! - previous!.start[slot]!;
    else {
      const terms = post.terms();
      dictionary ??= openDictionary(previous);
      fresh.set(p, { ids: numberTerms(terms, dictionary), counts: terms.counts });
      length = terms.counts.length;
    }
    start[p + 1] = start[p]! + length;
  });
  const ids = new Int32Array(start[posts.length]!);
  const counts = new Float64Array(ids.length);
  posts.forEach((post, p) => {
    const own = fresh.get(p);
    const slot = own ? 0 : slots.get(post.key)!;
    ids.set(own ? own.ids : previous!.ids.subarray(previous!.start[slot], previous!.start[slot + 1]), start[p]);
    counts.set(own ? own.counts : previous!.counts.subarray(previous!.start[slot], previous!.start[slot + 1]), start[p]);
  });
  const df = countDocuments(ids, dictionary ? dictionary.words.length : previous ? dictionarySize(previous) : 0);
  const postKeys = posts.map((post) => post.key);
  const unchanged = previous && !dictionary && sameKeys(previous.postKeys, postKeys);
  const table = unchanged ? previous : compactTable({ words: dictionary?.words ?? splitWords(previous), postKeys, start, ids, counts, df });
  return { keys: { ids, start, df, counts }, table };
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
  for (const id of ids) df[id]!++;
  return df;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** The table to keep: terms no post has any longer are dropped from the dictionary (renumbering the rest) once they are half of it. */
function compactTable(parts: { words: string[]; postKeys: string[]; start: Int32Array; ids: Int32Array; counts: Float64Array; df: Int32Array }): TermTable {
  const { postKeys, start, counts, df } = parts;
  let { words, ids } = parts;
  let used = 0;
  for (const count of df) if (count > 0) used++;
  if (used * 2 < words.length) {
    const renumbered = new Int32Array(words.length);
    let next = 0;
    for (let id = 0; id < df.length; id++) renumbered[id] = df[id]! > 0 ? next++ : -1;
    words = words.filter((_, id) => df[id]! > 0);
    ids = ids.map((id) => renumbered[id]!);
  }
  const narrow = Float32Array.from(counts);
  const fits = narrow.every((count, i) => count === counts[i]);
  return { words: words.join("\n"), postKeys, start, ids, counts: fits ? narrow : counts };
}
