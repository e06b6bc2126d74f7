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

/**
 * The terms of one text and how often each occurs, in order of first occurrence, before they are
 * packed (see TermCounts): what a post's terms are summed from in the thread that counted them,
 * which spares splitting the packed string again.
 */
export interface TermTally {
  readonly terms: readonly string[];
  readonly counts: readonly number[];
}

/** The terms of `text`, counted. */
export function tallyTerms(text: string, tokenizer: Tokenizer): TermTally {
  // Each term's slot in `counts`: one map lookup per occurrence instead of a get and a set.
  const slots = new Map<string, number>();
  const terms: string[] = [];
  const counts: number[] = [];
  for (const term of tokenizer.tokenize(text)) {
    const slot = slots.get(term);
    if (slot === undefined) {
      slots.set(term, counts.length);
      terms.push(term);
      counts.push(1);
    } else counts[slot]!++;
  }
  return { terms, counts };
}

/** A tally packed to cross threads and sit in the cache. */
export function packTerms(tally: TermTally): TermCounts {
  return { terms: tally.terms.join("\n"), counts: Uint32Array.from(tally.counts) };
}

/** The counted terms of `text`, packed. */
export function countTerms(text: string, tokenizer: Tokenizer): TermCounts {
  return packTerms(tallyTerms(text, tokenizer));
}

/** The terms of a TermCounts or a TermTally, as an array (in order of first occurrence). */
export function termsOf(counted: TermCounts | TermTally): readonly string[] {
  if (typeof counted.terms !== "string") return counted.terms;
  return counted.counts.length === 0 ? [] : counted.terms.split("\n");
}

/** TextFeatures with the tallies their terms were packed from (see TermTally). */
export interface TalliedFeatures {
  readonly features: TextFeatures;
  readonly headingTally: TermTally;
  readonly textTally: TermTally;
}

/** Features of a rendered text (see extractTextFeatures), with their tallies. */
export function tallyTextFeatures(rendered: { readonly text: string; readonly headings: ReadonlyArray<{ readonly text: string }> }, tokenizer: Tokenizer): TalliedFeatures {
  const headingTally = tallyTerms(rendered.headings.map((heading) => heading.text).join("\n"), tokenizer);
  const textTally = tallyTerms(rendered.text, tokenizer);
  const features = { units: countReadingUnits(rendered.text), headingTerms: packTerms(headingTally), textTerms: packTerms(textTally) };
  return { features, headingTally, textTally };
}

/** Features of a rendered text: its plain text (code blocks left out) and its headings' texts. */
export function extractTextFeatures(rendered: { readonly text: string; readonly headings: ReadonlyArray<{ readonly text: string }> }, tokenizer: Tokenizer): TextFeatures {
  return tallyTextFeatures(rendered, tokenizer).features;
}
