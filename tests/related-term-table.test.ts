import assert from "node:assert/strict";
import { test } from "node:test";
import { deserialize, serialize } from "node:v8";
import { resolveConfig } from "../src/config/index.js";
import { loadTermTable, rankNumberedPosts, rankRelatedPosts, rankingSteps, saveTermTable, updateTermTable, type PostTerms, type RankedPost, type TermTable, type TermTableRecord } from "../src/features/index.js";

const DAY = 86_400_000;
const RELATED = resolveConfig("/site", [], []).related;

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sample {
  readonly post: RankedPost;
  /** Stands for postTermsKey: the same terms always get the same key. */
  readonly key: string;
}

function makeTerms(words: readonly string[], counts: readonly number[]): PostTerms {
  return { terms: words.join("\n"), counts: Float64Array.from(counts) };
}

function sample(post: Omit<RankedPost, "terms">, words: readonly string[], counts: readonly number[]): Sample {
  return { post: { ...post, terms: makeTerms(words, counts) }, key: JSON.stringify([words, counts]) };
}

/** A post of 5–60 distinct words from a vocabulary skewed towards common words, some with fractional counts. */
function randomPost(next: () => number, time: number, fresh: () => string): Sample {
  const words = new Set<string>();
  const size = 5 + Math.floor(next() * 55);
  while (words.size < size) words.add(next() < 0.05 ? fresh() : `w${Math.floor(next() ** 2 * 400)}`);
  const counts = [...words].map(() => (next() < 0.1 ? 0.1 + next() : 1 + Math.floor(next() * 6)));
  const tags = ["LLM", "GPU", "Robotics", "Chips", "Policy"].filter(() => next() < 0.35);
  const categories = [["news"], ["guide"], ["case"], []][Math.floor(next() * 4)]!;
  return sample({ time, tags, categories, isListed: next() < 0.95, pins: [], wantsList: next() < 0.97 }, [...words], counts);
}

type Edit = (samples: Sample[], next: () => number, fresh: () => string) => void;

const termsOf = (s: Sample): { words: string[]; counts: number[] } => ({ words: s.post.terms.terms.split("\n"), counts: [...s.post.terms.counts] });

const EDITS: ReadonlyArray<[string, Edit]> = [
  ["a post gains a new word", (s, next, fresh) => {
    const at = Math.floor(next() * s.length);
    const { words, counts } = termsOf(s[at]!);
    s[at] = sample(s[at]!.post, [...words, fresh()], [...counts, 2]);
  }],
  ["a post gains common words", (s, next) => {
    const at = Math.floor(next() * s.length);
    const { words, counts } = termsOf(s[at]!);
    const added = ["w1", "w2", "w3", "w7"].filter((word) => !words.includes(word));
    s[at] = sample(s[at]!.post, [...words, ...added], [...counts, ...added.map(() => 1)]);
  }],
  ["a post loses words", (s, next) => {
    const at = Math.floor(next() * s.length);
    const { words, counts } = termsOf(s[at]!);
    s[at] = sample(s[at]!.post, words.slice(0, Math.ceil(words.length / 3)), counts.slice(0, Math.ceil(words.length / 3)));
  }],
  ["a word's count changes", (s, next) => {
    const at = Math.floor(next() * s.length);
    const { words, counts } = termsOf(s[at]!);
    counts[0]! += 3;
    s[at] = sample(s[at]!.post, words, counts);
  }],
  ["tags, categories and the date change", (s, next) => {
    const at = Math.floor(next() * s.length);
    const { words, counts } = termsOf(s[at]!);
    s[at] = sample({ ...s[at]!.post, tags: ["Policy"], categories: ["guide"], time: s[at]!.post.time + 40 * DAY }, words, counts);
  }],
  ["a post is added", (s, next, fresh) => {
    s.push(randomPost(next, s.at(-1)!.post.time + DAY, fresh));
  }],
  ["a post is deleted", (s, next) => {
    s.splice(Math.floor(next() * s.length), 1);
  }],
  ["a post in the middle is added", (s, next, fresh) => {
    const at = Math.floor(next() * s.length);
    s.splice(at, 0, randomPost(next, s[at]!.post.time, fresh));
  }],
];

/** The table as the cache folder gives it back: serialized and read again. */
const stored = (table: TermTable): TermTable => deserialize(serialize(table)) as TermTable;

/** A store that keeps records serialized, as the cache folder does, and counts the chunks written. */
function createStore(): Map<string, TermTableRecord> & { written: number } {
  const records = new Map<string, Buffer>();
  const store = Object.assign(new Map<string, TermTableRecord>(), { written: 0 });
  store.get = (key) => (records.has(key) ? (deserialize(records.get(key)!) as TermTableRecord) : undefined);
  store.set = (key, value) => {
    if (key.startsWith("chunk:")) store.written++;
    records.set(key, serialize(value));
    return store;
  };
  store.has = (key) => records.has(key);
  store.delete = (key) => records.delete(key);
  store.keys = () => records.keys();
  return store;
}

test("ranking from the term table kept across edits equals a full ranking, list for list and score for score", () => {
  const next = random(11);
  let freshCount = 0;
  const fresh = (): string => `new${freshCount++}`;
  const samples = Array.from({ length: 400 }, (_, i) => randomPost(next, Date.UTC(2025, 0, 1) + Math.floor(i / 3) * DAY, fresh));
  const config = { ...RELATED, count: 4 };
  const store = createStore();
  saveTermTable(store, updateTermTable(undefined, samples.map((s) => ({ key: s.key, terms: () => s.post.terms }))).table);
  for (let round = 0; round < 40; round++) {
    const [name, edit] = EDITS[round % EDITS.length]!;
    edit(samples, next, fresh);
    const read: string[] = [];
    const keyed = samples.map((s) => ({ key: s.key, terms: () => (read.push(s.key), s.post.terms) }));
    const previous = loadTermTable(store);
    const updated = updateTermTable(previous, keyed);
    const posts = samples.map((s) => s.post);
    assert.deepStrictEqual(rankNumberedPosts(posts, updated.keys, config), rankRelatedPosts(posts, config), `round ${round}: after "${name}"`);
    assert.ok(read.length <= 1, `round ${round}: only the edited or added post's terms are read (${read.length} were)`);
    if (updated.table !== previous) saveTermTable(store, updated.table);
  }
});

test("the term table is stored in chunks: a one-post change writes at most two, and reads back whole", () => {
  const next = random(3);
  let freshCount = 0;
  const fresh = (): string => `new${freshCount++}`;
  const samples = Array.from({ length: 3000 }, (_, i) => randomPost(next, i * DAY, fresh));
  const keyed = (): Array<{ key: string; terms: () => PostTerms }> => samples.map((s) => ({ key: s.key, terms: () => s.post.terms }));
  const store = createStore();
  saveTermTable(store, updateTermTable(undefined, keyed()).table);
  assert.ok(store.written > 4, `3,000 posts make several chunks (${store.written})`);
  for (const [name, edit] of EDITS) {
    edit(samples, next, fresh);
    store.written = 0;
    const table = updateTermTable(loadTermTable(store), keyed()).table;
    saveTermTable(store, table);
    assert.ok(store.written <= 2, `after "${name}", ${store.written} chunks were written`);
    assert.deepStrictEqual(loadTermTable(store), { ...table, counts: loadTermTable(store)!.counts }, `after "${name}" the table reads back whole`);
    assert.deepStrictEqual([...loadTermTable(store)!.counts], [...table.counts]);
  }
  assert.equal([...store.keys()].length, new Set([...store.keys()]).size);
  assert.equal((store.get("site") as unknown as { chunks: string[] }).chunks.length + 1, [...store.keys()].length, "chunks no longer named are dropped");
});

test("the term table drops words no post has any longer, and keeps counts that are not float32 exactly", () => {
  const words = (prefix: string): string[] => Array.from({ length: 50 }, (_, i) => `${prefix}${i}`);
  const post = (time: number, list: string[], count: number): Sample => sample({ time, tags: [], categories: [], isListed: true, pins: [], wantsList: true }, list, list.map(() => count));
  // The b-posts are the same before and after (most in chunks of their own): their numbers change when the dictionary is renumbered.
  const kept = Array.from({ length: 600 }, (_, i) => post((i + 2) * DAY, words("b").slice(0, 2 + (i % 9)), 1 + i));
  const before = [post(0, words("a"), 1), post(DAY, words("a"), 2), ...kept];
  const first = updateTermTable(undefined, before.map((s) => ({ key: s.key, terms: () => s.post.terms }))).table;
  assert.equal(first.words.split("\n").length, 60);
  assert.ok(first.counts instanceof Float32Array, "whole counts are kept as float32");
  const store = createStore();
  saveTermTable(store, first);
  const after = [post(0, words("c").slice(0, 10), 0.1), post(DAY, words("c").slice(0, 10), 1), ...kept];
  const updated = updateTermTable(loadTermTable(store), after.map((s) => ({ key: s.key, terms: () => s.post.terms })));
  assert.deepEqual(updated.table.words.split("\n").sort(), [...words("b").slice(0, 10), ...words("c").slice(0, 10)].sort(), "the 50 words no post has are dropped");
  assert.ok(updated.table.counts instanceof Float64Array, "0.1 is not a float32: counts stay float64");
  saveTermTable(store, updated.table);
  const again = updateTermTable(loadTermTable(store), after.map((s) => ({ key: s.key, terms: () => assert.fail("no terms are read when nothing changed") })));
  const posts = after.map((s) => s.post);
  assert.deepStrictEqual(rankNumberedPosts(posts, again.keys, RELATED), rankRelatedPosts(posts, RELATED));
});

test("ranking step by step (the dev server's event loop runs between posts) gives the same lists, stopping after every post", () => {
  const DAY = 86_400_000;
  const words = ["モデル", "推論", "学習", "評価", "導入", "費用", "検索", "生成"];
  const posts: RankedPost[] = Array.from({ length: 40 }, (_, i) => {
    const list = words.filter((_, w) => (i + w) % 3 !== 0);
    return { time: i * DAY, tags: [i % 2 ? "LLM" : "RAG"], categories: ["AI"], isListed: true, pins: [], wantsList: i !== 7, terms: { terms: list.join("\n"), counts: Float64Array.from(list, (_, w) => 1 + ((i * w) % 4)) } };
  });
  const keys = updateTermTable(undefined, posts.map((post, i) => ({ key: String(i), terms: () => post.terms }))).keys;
  const steps = rankingSteps(posts, keys, RELATED);
  let stops = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) stops++;
  assert.ok(stops >= posts.length, `stopped ${stops} times for ${posts.length} posts`);
  assert.deepStrictEqual(step.value, rankRelatedPosts(posts, RELATED));
  assert.ok(step.value[0]!.length > 0 && step.value[7]!.length === 0);
});
