// The two kinds of run the tokenizer keeps: kanji (with 々 〆 ヵ ヶ, which kanji compounds use) and
// katakana (with the long-vowel mark ー). ヵ and ヶ are both: a run that starts with one is kanji.
const HAN = /^[\p{sc=Han}々〆ヵヶ]$/u;
const KATAKANA = /^[\p{sc=Katakana}ー]$/u;
const HAN_BIT = 1;
const KATAKANA_BIT = 2;
// Set on the class of a character written as a surrogate pair (two code units).
const PAIR_BIT = 4;
/** Below this code unit no character is kanji or katakana (CJK Radicals Supplement, U+2E80, is the first). */
export const FIRST_RUN_CHARACTER = 0x2e80;

/** Calls `visit` with each run of kanji, and each run of two or more katakana, of a text, in order. */
export type RunScanner = (text: string, visit: (run: string, isHan: boolean) => void) => void;

function classOfCharacter(character: string): number {
  return (HAN.test(character) ? HAN_BIT : 0) | (KATAKANA.test(character) ? KATAKANA_BIT : 0);
}

/**
 * Creates a scanner that finds what `/[\p{sc=Han}々〆ヵヶ]+|[\p{sc=Katakana}ー]{2,}/gu` matches,
 * with the same runs in the same order, but walks the code units once and asks the Unicode
 * property regular expressions once per distinct character (remembered in a table): on long
 * Japanese texts that is about twice as fast as the regular expression.
 */
export function createRunScanner(): RunScanner {
  // The class of each BMP code unit, -1 until first met; characters beyond the BMP in a map.
  const classes = new Int8Array(0x10000).fill(-1);
  const wide = new Map<number, number>();
  const classAt = (text: string, index: number): number => {
    const code = text.charCodeAt(index);
    const next = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(index + 1) : 0;
    if (next >= 0xdc00 && next <= 0xdfff) {
      const point = text.codePointAt(index)!;
      let known = wide.get(point);
      if (known === undefined) wide.set(point, (known = classOfCharacter(String.fromCodePoint(point))));
      return known | PAIR_BIT;
    }
    let known = classes[code]!;
    if (known === -1) classes[code] = known = classOfCharacter(String.fromCharCode(code));
    return known;
  };
  return (text, visit) => {
    let index = 0;
    while (index < text.length) {
      if (text.charCodeAt(index) < FIRST_RUN_CHARACTER) {
        index++;
        continue;
      }
      let kind = classAt(text, index);
      // As the regular expression's alternation: a kanji run first, else a katakana run.
      const bit = kind & HAN_BIT ? HAN_BIT : kind & KATAKANA_BIT;
      if (bit === 0) {
        index += kind & PAIR_BIT ? 2 : 1;
        continue;
      }
      const start = index;
      let characters = 0;
      while (index < text.length && (kind = classAt(text, index)) & bit) {
        index += kind & PAIR_BIT ? 2 : 1;
        characters++;
      }
      if (bit === HAN_BIT) visit(text.slice(start, index), true);
      else if (characters >= 2) visit(text.slice(start, index), false);
    }
  };
}
