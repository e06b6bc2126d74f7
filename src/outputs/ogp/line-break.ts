/** Width of a text in pixels at the size being tried. */
export type Measure = (text: string) => number;

/** Splits text into phrases that may not be broken (BudouX's parse). */
export type Segmenter = (text: string) => string[];

// Characters no line may start with (JIS X 4051 "gyoto kinsoku": closing brackets, punctuation,
// prolonged sound mark, small kana), and those no line may end with (opening brackets).
const NO_LINE_START = /^[、。，．,.・：；:;？！?!ー―‐〜～…‥）〕］｝〉》」』】〙〗〟’”)\]}ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿ々〻ゝゞヽヾ]/u;
const NO_LINE_END = /[（〔［｛〈《「『【〘〖〝‘“([{]$/u;
// Letters and digits of scripts written with spaces: BudouX may cut "GPT-4o" into "GPT-4|o".
const WORD_END = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}0-9０-９_\-+#%@&'’.,/]$/u;
const WORD_START = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}0-9０-９_\-+#%@&'’/]/u;
// Punctuation whose ink sits in the left half of its square: it may hang into the line's last half em.
const HANGING_END = /[、。，．」』）】〕〉》]$/u;

/**
 * The title's phrases: BudouX's phrases, joined again where a break would split a Latin word or
 * number ("GPT-4|o"), start a line with 、 or 。 or a closing bracket, or end one with an opening bracket.
 */
export function titlePhrases(title: string, segment: Segmenter): string[] {
  const phrases: string[] = [];
  for (const phrase of segment(title)) {
    const previous = phrases[phrases.length - 1];
    const joins =
      previous !== undefined &&
      ((WORD_END.test(previous) && WORD_START.test(phrase)) || NO_LINE_START.test(phrase) || NO_LINE_END.test(previous));
    if (joins) phrases[phrases.length - 1] = previous + phrase;
    else phrases.push(phrase);
  }
  return phrases;
}

/** The width a finished line takes: trailing spaces do not count, and trailing 、。」 hang by half their width. */
export function lineWidth(line: string, measure: Measure): number {
  const text = line.trimEnd();
  const width = measure(text);
  return HANGING_END.test(text) ? width - measure(text.slice(-1)) / 2 : width;
}

/** Graphemes of a phrase grouped so none starts with a character that may not start a line. */
function graphemeUnits(phrase: string): string[] {
  const units: string[] = [];
  for (const { segment } of new Intl.Segmenter("ja", { granularity: "grapheme" }).segment(phrase)) {
    if (units.length > 0 && NO_LINE_START.test(segment)) units[units.length - 1] += segment;
    else units.push(segment);
  }
  return units;
}

/**
 * The units lines are built from: the phrases, except that a phrase wider than a whole line is
 * cut at its spaces, and a piece still too wide into single characters, so nothing overflows.
 */
export function breakUnits(phrases: readonly string[], maxWidth: number, measure: Measure): string[] {
  const units: string[] = [];
  for (const phrase of phrases) {
    if (lineWidth(phrase, measure) <= maxWidth) {
      units.push(phrase);
      continue;
    }
    for (const word of phrase.split(/(?<= )/)) {
      if (lineWidth(word, measure) <= maxWidth) units.push(word);
      else units.push(...graphemeUnits(word));
    }
  }
  return units;
}

/** Fills lines greedily with whole units: a unit that does not fit starts the next line. */
export function fillLines(units: readonly string[], maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = "";
  for (const unit of units) {
    const candidate = line + unit;
    if (line === "" || lineWidth(candidate, measure) <= maxWidth) {
      line = candidate;
      continue;
    }
    lines.push(line.trimEnd());
    line = unit.trimStart();
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines;
}

// A break after punctuation or between words costs nothing; one inside a clause (after a particle,
// between BudouX phrases) costs a little, so of two equally even layouts the one breaking at 、 wins.
const FREE_BREAK = /[、。，．,.!?！？：:；;」』）)\s]$/u;
const PHRASE_BREAK_COST = 0.04;

/** One line's cost: its unused width, squared (so even lines beat one full line and a stub). */
function slackCost(width: number, maxWidth: number): number {
  return ((maxWidth - width) / maxWidth) ** 2;
}

/**
 * Breaks units into as few lines as `maxWidth` allows (the greedy count), then, among all layouts
 * with that many lines, picks the one with the least squared unused width plus break costs — a small
 * Knuth–Plass: lines come out even, and breaks after 、 or between words are preferred.
 */
export function balanceLines(units: readonly string[], maxWidth: number, measure: Measure): string[] {
  const count = fillLines(units, maxWidth, measure).length;
  if (count < 2) return fillLines(units, maxWidth, measure);
  const n = units.length;
  const text = (from: number, to: number): string => units.slice(from, to).join("").trim();
  // best[k][i]: cheapest way to set units[0..i) in k lines, and where its last line starts.
  const best = Array.from({ length: count + 1 }, () => new Array<{ cost: number; from: number }>(n + 1));
  best[0]![0] = { cost: 0, from: -1 };
  for (let k = 1; k <= count; k++) {
    for (let i = 1; i <= n; i++) {
      for (let j = i - 1; j >= 0; j--) {
        const width = lineWidth(text(j, i), measure);
        if (width > maxWidth && i - j > 1) break;
        const previous = best[k - 1]![j];
        if (!previous) continue;
        const breakCost = i < n && !FREE_BREAK.test(units[i - 1]!) ? PHRASE_BREAK_COST : 0;
        const cost = previous.cost + slackCost(width, maxWidth) + breakCost;
        if (!best[k]![i] || cost < best[k]![i]!.cost) best[k]![i] = { cost, from: j };
      }
    }
  }
  const lines: string[] = [];
  for (let k = count, i = n; k > 0; k--) {
    const from = best[k]![i]!.from;
    lines.unshift(text(from, i));
    i = from;
  }
  return lines;
}

/** `text` as is when it fits in `maxWidth`, else cut so that it plus "…" fits. */
export function truncateToWidth(text: string, maxWidth: number, measure: Measure): string {
  return lineWidth(text, measure) <= maxWidth ? text : ellipsize(text, maxWidth, measure);
}

/** `text` (cut as much as needed) followed by "…", within `maxWidth`. */
export function ellipsize(text: string, maxWidth: number, measure: Measure): string {
  const characters = [...text.trimEnd()];
  while (characters.length > 0 && lineWidth(`${characters.join("").trimEnd()}…`, measure) > maxWidth) characters.pop();
  return `${characters.join("").trimEnd()}…`;
}
