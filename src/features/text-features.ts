import { countReadingUnits, type ReadingUnits } from "./reading-time.js";
import type { Tokenizer } from "./tokenize.js";

/**
 * The terms of one text and how often each occurs, in order of first occurrence, packed as one
 * string (terms joined by "\n", which no term contains) and a typed array. A rendered post has
 * hundreds of terms: two values cross threads and sit in the build cache far more cheaply than
 * hundreds of small strings.
 */
export interface TermCounts {
  readonly terms: string;
  readonly counts: Uint32Array;
}

/**
 * What the features stage needs from one rendered text: reading units and terms of its headings
 * and of its visible text. Computed where the text was rendered (a worker thread), so the plain
 * text itself neither travels back to the main thread nor stays in the cache.
 */
export interface TextFeatures {
  readonly units: ReadingUnits;
  readonly headingTerms: TermCounts;
  readonly textTerms: TermCounts;
}

/** The counted terms of `text`. */
export function countTerms(text: string, tokenizer: Tokenizer): TermCounts {
  // Each term's slot in `counts`: one map lookup per occurrence instead of a get and a set.
  const slots = new Map<string, number>();
  const counts: number[] = [];
  for (const term of tokenizer.tokenize(text)) {
    const slot = slots.get(term);
    if (slot === undefined) {
      slots.set(term, counts.length);
      counts.push(1);
    } else counts[slot]!++;
  }
  return { terms: [...slots.keys()].join("\n"), counts: Uint32Array.from(counts) };
}

/** Calls `visit` with each term and its count, in order of first occurrence. */
export function forEachTerm(counted: TermCounts, visit: (term: string, count: number) => void): void {
  if (counted.counts.length === 0) return;
  counted.terms.split("\n").forEach((term, index) => visit(term, counted.counts[index]!));
}

/** Features of a rendered text: its plain text (code blocks left out) and its headings' texts. */
export function extractTextFeatures(rendered: { readonly text: string; readonly headings: ReadonlyArray<{ readonly text: string }> }, tokenizer: Tokenizer): TextFeatures {
  return {
    units: countReadingUnits(rendered.text),
    headingTerms: countTerms(rendered.headings.map((heading) => heading.text).join("\n"), tokenizer),
    textTerms: countTerms(rendered.text, tokenizer),
  };
}
