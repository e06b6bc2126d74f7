import type { ResolvedRelatedConfig } from "../config/index.js";
import { digest } from "../shared/index.js";
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

/** A post's terms and their field-weighted counts: plain arrays, so the build cache can store them. */
export interface PostTerms {
  readonly terms: readonly string[];
  readonly counts: readonly number[];
}

// Bump when tokenising changes, so cached terms of an older kiji are not reused.
const TERMS_VERSION = "terms-1";

/**
 * The cache key of a post's terms: title, excerpt, the digest of what its body text and headings
 * were rendered from (so long bodies are not hashed again), and the field weights.
 */
export function postTermsKey(source: { title: string; excerpt: string; bodyKey: string }, fields: ResolvedRelatedConfig["fields"]): string {
  return digest(TERMS_VERSION, JSON.stringify(fields), source.title, source.excerpt, source.bodyKey);
}

/**
 * Counts a post's terms, each occurrence weighted by its field (a word in the title counts more
 * than one in the body). Fields weighted 0 are not tokenised at all.
 */
export function extractPostTerms(text: PostText, fields: ResolvedRelatedConfig["fields"], tokenizer: Tokenizer): PostTerms {
  const counts = new Map<string, number>();
  const add = (value: string, weight: number): void => {
    if (weight <= 0 || value === "") return;
    for (const term of tokenizer.tokenize(value)) counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  add(text.title, fields.title);
  add(text.excerpt, fields.excerpt);
  add(text.headings.join("\n"), fields.headings);
  add(text.body, fields.body);
  return { terms: [...counts.keys()], counts: [...counts.values()] };
}
