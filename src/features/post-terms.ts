import type { ResolvedRelatedConfig } from "../config/index.js";
import { digest } from "../shared/index.js";
import { tallyTerms, termsOf, type TermCounts, type TermTally, type TextFeatures } from "./text-features.js";
import type { Tokenizer } from "./tokenize.js";

/** The text of a post that related-post ranking compares. */
export interface PostText {
  readonly title: string;
  /** Plain text of the excerpt (front matter's, or the rendered first paragraph). */
  readonly excerpt: string;
  readonly headings: readonly string[];
  /** Plain text of the rendered body, without code blocks. */
  readonly body: string;
}

/**
 * A post's terms (in order of first occurrence) and their field-weighted counts, packed as one
 * string (terms joined by "\n", which no term contains) and a typed array: unpacked, the terms of
 * 10,000 posts are 2.7 million small strings (110 MB of heap) that a one-post edit reads back to rank.
 */
export interface PostTerms {
  readonly terms: string;
  readonly counts: Float64Array;
}

/** The terms of a PostTerms, as an array. */
export function termList(terms: PostTerms): string[] {
  return terms.counts.length === 0 ? [] : terms.terms.split("\n");
}

/**
 * A post's fields as the terms stage gets them: the title (and a front-matter excerpt) as text,
 * rendered texts as the terms counted where they were rendered (packed, or still a tally in the
 * thread that counted them).
 */
export interface PostTermSources {
  readonly title: string;
  readonly excerpt: string | TermCounts | TermTally;
  readonly headings: TermCounts | TermTally;
  readonly body: TermCounts | TermTally;
}

/**
 * A post as its terms are made from it: the title, the excerpt (front matter's text, or the
 * features of its rendered first paragraph and their Markdown key), and the features of the
 * rendered body with its Markdown key. The same in a worker thread and in the main thread.
 */
export interface RenderedPost {
  readonly title: string;
  readonly excerpt: string | { readonly features: TextFeatures; readonly key: string };
  readonly body: { readonly features: TextFeatures; readonly key: string } | undefined;
}

// Bump when tokenising changes, so cached terms of an older kiji are not reused.
const TERMS_VERSION = "terms-2";

/**
 * The cache key of a post's terms: title, excerpt (its text, or the key it was rendered from),
 * the digest of what its body text and headings were rendered from (so long bodies are not
 * hashed again), and the field weights.
 */
export function postTermsKey(post: RenderedPost, fields: ResolvedRelatedConfig["fields"]): string {
  const excerptKey = typeof post.excerpt === "string" ? `text:${post.excerpt}` : `markdown:${post.excerpt.key}`;
  return digest(TERMS_VERSION, JSON.stringify(fields), post.title, excerptKey, post.body?.key ?? "");
}

const NO_TERMS: TermCounts = { terms: "", counts: new Uint32Array(0) };

/** A post's terms (see combinePostTerms). */
export function postTerms(post: RenderedPost, fields: ResolvedRelatedConfig["fields"], tokenizer: Tokenizer): PostTerms {
  const sources = {
    title: post.title,
    excerpt: typeof post.excerpt === "string" ? post.excerpt : post.excerpt.features.textTerms,
    headings: post.body?.features.headingTerms ?? NO_TERMS,
    body: post.body?.features.textTerms ?? NO_TERMS,
  };
  return combinePostTerms(sources, fields, tokenizer);
}

/**
 * Sums a post's terms, each occurrence weighted by its field (a word in the title counts more
 * than one in the body), field by field in the order title, excerpt, headings, body: terms come
 * out in order of first occurrence, and each sum adds the same weights in the same order as
 * counting the texts word by word would. Fields weighted 0 are left out.
 */
export function combinePostTerms(sources: PostTermSources, fields: ResolvedRelatedConfig["fields"], tokenizer: Tokenizer): PostTerms {
  // Each term's slot in `sums`: one map lookup per term and field.
  const slots = new Map<string, number>();
  const sums: number[] = [];
  const add = (value: string | TermCounts | TermTally, weight: number): void => {
    if (weight <= 0 || value === "") return;
    const counted = typeof value === "string" ? tallyTerms(value, tokenizer) : value;
    const terms = termsOf(counted);
    for (let index = 0; index < terms.length; index++) {
      const term = terms[index]!;
      let slot = slots.get(term);
      if (slot === undefined) {
        slot = sums.length;
        slots.set(term, slot);
        sums.push(0);
      }
      let sum = sums[slot]!;
      for (let i = 0, count = counted.counts[index]!; i < count; i++) sum += weight;
      sums[slot] = sum;
    }
  };
  add(sources.title, fields.title);
  add(sources.excerpt, fields.excerpt);
  add(sources.headings, fields.headings);
  add(sources.body, fields.body);
  return { terms: [...slots.keys()].join("\n"), counts: Float64Array.from(sums) };
}

/** Counts the terms of a post's texts, each occurrence weighted by its field (see combinePostTerms). */
export function extractPostTerms(text: PostText, fields: ResolvedRelatedConfig["fields"], tokenizer: Tokenizer): PostTerms {
  const headings = tallyTerms(text.headings.join("\n"), tokenizer);
  return combinePostTerms({ title: text.title, excerpt: text.excerpt, headings, body: tallyTerms(text.body, tokenizer) }, fields, tokenizer);
}
