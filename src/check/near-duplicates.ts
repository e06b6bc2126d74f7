import type { TextBlock } from "./scan-markdown.js";

// Shingles of 8 characters: long enough that Japanese text shares them only by copying a phrase.
const SHINGLE = 8;
// Keep the shingles whose hash is 0 modulo 16: a sample that is the same for every document, so
// sample overlap estimates full overlap at a sixteenth of the cost.
const SAMPLE_MASK = 15;
// A shingle in more posts than this is boilerplate (a CTA, a book blurb): no use for finding pairs.
const MAX_POSTS_PER_SHINGLE = 50;
// Texts shorter than this (a few sentences) are too short to call two posts the same topic.
const MIN_TEXT_LENGTH = 200;

/** The prose of a body for comparing posts: text of paragraphs, list items and headings, URLs and marks dropped, NFKC, no white space. */
export function proseOf(blocks: readonly TextBlock[]): string {
  return blocks
    .filter((block) => block.kind === "paragraph" || block.kind === "list-item" || block.kind === "heading")
    .map((block) => block.text.replace(/\]\([^)]*\)/g, "]").replace(/[#*_>`[\]-]/g, ""))
    .join("")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "");
}

/** The sampled shingle hashes of a text (UTF-16 units), sorted and unique (a polynomial rolling hash mod 2^32). */
export function shingleSample(text: string): Int32Array {
  if (text.length < SHINGLE) return new Int32Array(0);
  const base = 0x01000193;
  let power = 1;
  for (let i = 1; i < SHINGLE; i++) power = Math.imul(power, base);
  let hash = 0;
  let count = 0;
  const out = new Int32Array((text.length >> 2) + 16);
  for (let i = 0; i < text.length; i++) {
    if (i >= SHINGLE) hash = (hash - Math.imul(text.charCodeAt(i - SHINGLE), power)) | 0;
    hash = (Math.imul(hash, base) + text.charCodeAt(i)) | 0;
    // Int32 arithmetic only: no heap numbers, so no garbage per character.
    const mixed = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) | 0;
    if (i >= SHINGLE - 1 && (mixed & SAMPLE_MASK) === 0 && count < out.length) out[count++] = mixed;
  }
  const sorted = out.subarray(0, count).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
  return sorted.slice(0, unique);
}

function jaccard(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) shared++, i++, j++;
    else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** A pair of near-identical texts (indexes into the input, a < b). */
export interface NearDuplicate {
  readonly a: number;
  readonly b: number;
  readonly similarity: number;
}

/**
 * Pairs of texts whose sampled 8-character shingle sets have a Jaccard similarity of at least
 * `threshold`. Candidates come from an inverted index of rare shingles, so the cost grows with the
 * text, not with the square of the number of posts. (Stand-in until the related-posts scorer of
 * `src/features/` exists.)
 */
export function findNearDuplicates(texts: readonly string[], threshold: number): NearDuplicate[] {
  const samples = texts.map((text) => (text.length < MIN_TEXT_LENGTH ? new Int32Array(0) : shingleSample(text)));
  const index = new Map<number, number[]>();
  samples.forEach((sample, doc) => {
    for (const hash of sample) {
      const list = index.get(hash);
      if (list) list.push(doc);
      else index.set(hash, [doc]);
    }
  });
  const shared = new Map<number, number>();
  for (const list of index.values()) {
    if (list.length < 2 || list.length > MAX_POSTS_PER_SHINGLE) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = list[i]! * texts.length + list[j]!;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const pairs: NearDuplicate[] = [];
  for (const [key, count] of shared) {
    const a = Math.floor(key / texts.length);
    const b = key % texts.length;
    // Jaccard ≥ t needs at least t·max(|A|,|B|) shared shingles; rare ones are a lower bound.
    if (count < threshold * Math.min(samples[a]!.length, samples[b]!.length) * 0.5) continue;
    const similarity = jaccard(samples[a]!, samples[b]!);
    if (similarity >= threshold) pairs.push({ a, b, similarity });
  }
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}
