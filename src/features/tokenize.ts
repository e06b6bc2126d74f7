import { createRunScanner } from "./japanese-runs.js";

// Product, model and company names kept whole: a Latin word (inner "-" or "." allowed) followed by
// version-like parts with a digit, so "GPT-4o", "Llama 3", "DeepSeek R1", "TPU v6" are one term each.
const NAME = /[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?: (?:[A-Za-z]{0,2}\d+(?:\.\d+)*[A-Za-z]{0,2})(?![A-Za-z0-9]))*/g;

// Latin words too common to tell posts apart (English function words).
const STOP_WORDS = new Set([
  "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "is", "it", "its",
  "of", "on", "or", "that", "the", "this", "to", "was", "were", "will", "with",
]);

// Words a news blog uses about its articles rather than their topic (解説, 事例, 導入 …): on a large
// site rarity weighting mutes them, on a small one they would link posts of the same genre.
const GENRE_WORDS = new Set([
  "紹介", "解説", "考察", "事例", "導入", "検証", "効果", "課題", "実際", "企業",
  "活用", "可能", "必要", "重要", "方法", "理由", "影響", "最新", "今後", "注目",
]);

/** A reusable tokenizer: one `Intl.Segmenter` per build, as constructing one costs more than using it. */
export interface Tokenizer {
  /** Terms of `text`, in order, repeats kept (callers count them). */
  tokenize(text: string): string[];
}

function nameTerms(name: string): readonly string[] {
  const whole = name.toLowerCase().replace(/[-. ]/g, "");
  if (whole.length < 2 || STOP_WORDS.has(whole) || /^\d/.test(whole)) return [];
  // "GPT-4o" also counts as "gpt", so it meets "GPT-5"; "DeepSeek R1" meets "DeepSeek".
  const family = /^[A-Za-z]+/.exec(name)?.[0]?.toLowerCase();
  return family && family !== whole && family.length >= 2 && !STOP_WORDS.has(family) ? [whole, family] : [whole];
}

/**
 * Creates the Japanese-aware tokenizer of related posts and book matching. Text is NFKC-normalised
 * (full-width Latin becomes ASCII); Latin names are kept whole with their versions; katakana runs
 * are one term each (loanword compounds such as オープンソース); runs of kanji longer than two
 * characters are split into words by `Intl.Segmenter` (ICU's Japanese dictionary); hiragana,
 * one-character words and genre words are dropped as saying nothing about the topic. Terms come
 * out names first, then Japanese words, each in the order of the text.
 */
export function createTokenizer(): Tokenizer {
  const segmenter = new Intl.Segmenter("ja", { granularity: "word" });
  const scanRuns = createRunScanner();
  // Names and kanji compounds repeat across a site's posts, and each Segmenter call costs
  // microseconds: remembering the terms of each makes tokenising several times faster.
  const knownNames = new Map<string, readonly string[]>();
  const knownRuns = new Map<string, readonly string[]>();
  const hanWords = (run: string): readonly string[] => {
    if (run.length <= 2) return run.length === 2 && !GENRE_WORDS.has(run) ? [run] : [];
    return [...segmenter.segment(run)]
      .filter((part) => part.isWordLike && part.segment.length >= 2 && !GENRE_WORDS.has(part.segment))
      .map((part) => part.segment);
  };
  return {
    tokenize(text) {
      const out: string[] = [];
      const normalized = text.normalize("NFKC");
      for (const [name] of normalized.matchAll(NAME)) {
        let terms = knownNames.get(name);
        if (!terms) knownNames.set(name, (terms = nameTerms(name)));
        for (const term of terms) out.push(term);
      }
      // Names are Latin, so the Japanese runs are the same with or without them in the text.
      scanRuns(normalized, (run, isHan) => {
        if (!isHan) return void out.push(run);
        let words = knownRuns.get(run);
        if (!words) knownRuns.set(run, (words = hanWords(run)));
        for (const word of words) out.push(word);
      });
      return out;
    },
  };
}
