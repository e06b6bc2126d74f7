import type { ResolvedConfig } from "../config/index.js";

/** Kanji, kana, hangul (and 々 〆 〇 ー): read one character at a time. Punctuation is not counted. */
function isCjk(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) || // hiragana, katakana, ー
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    (code >= 0xac00 && code <= 0xd7af) || // hangul syllables
    (code >= 0x3005 && code <= 0x3007) ||
    (code >= 0x31f0 && code <= 0x31ff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff66 && code <= 0xff9f) // half-width katakana
  );
}

/** Letters and digits of Latin, Greek and Cyrillic text, full-width ones included. */
function isWordCharacter(code: number): boolean {
  const lower = code | 0x20;
  return (
    (code >= 0x30 && code <= 0x39) ||
    (lower >= 0x61 && lower <= 0x7a) ||
    (code >= 0xc0 && code <= 0x52f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

// Inside a word these join its parts: don't, e-mail, 3.5.
const JOINERS = new Set([0x27, 0x2019, 0x2d, 0x2e]);

/** Counts of a text's reading units: CJK characters and other words. */
export interface ReadingUnits {
  readonly characters: number;
  readonly words: number;
}

/**
 * Counts CJK characters, and words in the rest, so mixed text counts both. One pass over the
 * code units: regular expressions with Unicode classes are several times slower on long texts.
 * Ideographs outside the BMP (rare) count once, by their high surrogate.
 */
export function countReadingUnits(text: string): ReadingUnits {
  let characters = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isCjk(code) || (code >= 0xd840 && code <= 0xd8bf)) {
      characters++;
      inWord = false;
    } else if (isWordCharacter(code)) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(inWord && JOINERS.has(code) && isWordCharacter(text.charCodeAt(i + 1)))) {
      inWord = false;
    }
  }
  return { characters, words };
}

/**
 * Minutes to read `text` (the rendered text, code blocks left out), rounded up, at least 1:
 * characters per minute for Japanese (and Chinese, Korean), words per minute for Latin text.
 * Default speeds (config `reading_time`) follow Medium's read-time rule: 265 words per minute, and
 * 500 characters per minute for Japanese, Chinese and Korean
 * (https://help.medium.com/hc/en-us/articles/214991667-Read-time).
 */
export function readingTime(text: string, speed: ResolvedConfig["readingTime"]): number {
  return readingMinutes(countReadingUnits(text), speed);
}

/** Minutes to read a text of these units (see readingTime). */
export function readingMinutes(units: ReadingUnits, speed: ResolvedConfig["readingTime"]): number {
  return Math.max(1, Math.ceil(units.characters / speed.charsPerMinute + units.words / speed.wordsPerMinute));
}
