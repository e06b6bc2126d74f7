import { JekyllTime, parseJekyllDate, slugify, type TimeZone } from "../../content/index.js";
import type { MarkdownRenderer } from "../../markdown/index.js";
import { YamlTimestamp } from "../../shared/index.js";
import { smartify } from "./smartify.js";
import { cgiEscape, uriEscape } from "./url-filters.js";

/** What the text filters need: the zone (for times in `jsonify`) and the build's Markdown renderer. */
export interface TextContext {
  readonly zone: TimeZone;
  readonly markdown?: MarkdownRenderer;
}

const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Ruby's `encode(xml: :attr)` as Jekyll's `xml_escape` uses it: `& < > " '` escaped. */
export function xmlEscape(input: unknown): string {
  return String(input ?? "").replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

// Ruby's \s and String#split: ASCII white space only (U+3000 and NBSP are not spaces to Ruby).
const RUBY_SPACE = /[ \t\n\v\f\r]+/g;
const CJK = "\\p{Script=Han}\\p{Script=Katakana}\\p{Script=Hiragana}\\p{Script=Hangul}";
const CJK_CHAR = new RegExp(`[${CJK}]`, "gu");
const NON_CJK_WORD = new RegExp(`[^${CJK} \\t\\n\\v\\f\\r]+`, "gu");

/** Jekyll's `number_of_words`: white-space separated words, or with "cjk"/"auto" one word per CJK character. */
export function numberOfWords(input: unknown, mode?: unknown): number {
  const text = String(input ?? "");
  const words = (): number => text.split(RUBY_SPACE).filter(Boolean).length;
  const cjk = (text.match(CJK_CHAR) ?? []).length;
  const others = (): number => (text.match(NON_CJK_WORD) ?? []).length;
  if (mode === "cjk") return cjk + others();
  if (mode === "auto") return cjk === 0 ? words() : cjk + others();
  return words();
}

/** Liquid's `strip_html`: script, style and comment blocks removed with their content, then every tag. */
export function stripHtml(input: unknown): string {
  return String(input ?? "")
    .replace(/<script.*?<\/script>|<!--.*?-->|<style.*?<\/style>/gs, "")
    .replace(/<.*?>/gs, "");
}

/** Jekyll's `normalize_whitespace`: runs of (ASCII) white space become one space, ends trimmed. */
export function normalizeWhitespace(input: unknown): string {
  return String(input ?? "").replace(RUBY_SPACE, " ").replace(/^[ ]+|[ \0]+$/g, "");
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// Code units that are each a whole grapheme cluster whatever their neighbours (UAX #29): printable
// ASCII, tab and LF (CR is left out: CR LF is one cluster), CJK punctuation without the ideographic
// tone marks U+302A–302F, kana without the combining sound marks U+3099/309A, CJK ideographs and
// full-width forms (the half-width sound marks U+FF9E/FF9F lie beyond). Text made only of these —
// most Japanese prose — needs no segmenter, which costs microseconds per call in every post list.
const SINGLE_UNIT_CLUSTERS = /^[\t\n\x20-\x7E\u3000-\u3029\u3030-\u3096\u309B-\u30FF\u4E00-\u9FFF\uFF01-\uFF60]*$/;

/** The user-perceived characters of a string (a kana with its combining mark, an emoji with its modifiers). */
export function characters(text: string): string[] {
  if (SINGLE_UNIT_CLUSTERS.test(text)) return text.split("");
  return Array.from(graphemes.segment(text), (segment) => segment.segment);
}

/**
 * The first `max` user-perceived characters of `text`, or undefined when it has no more than
 * that. Stops at the cut: a theme truncating each post's whole text to 100 characters on every
 * list page spent a third of a second splitting texts into characters at 10,000 posts.
 */
export function cutCharacters(text: string, max: number): string | undefined {
  if (SINGLE_UNIT_CLUSTERS.test(text)) return text.length > max ? text.slice(0, Math.max(0, max)) : undefined;
  let count = 0;
  for (const { index } of graphemes.segment(text)) {
    if (count >= max) return text.slice(0, index);
    count++;
  }
  return undefined;
}

/**
 * Liquid's `truncate` (length 50, "..." counted in the length), counting characters as a reader
 * does: never cuts a surrogate pair, a combining mark or an emoji sequence in half.
 */
export function truncate(input: unknown, length: unknown = 50, ellipsis: unknown = "..."): string | undefined {
  if (input === undefined || input === null) return undefined;
  const text = String(input);
  const max = Math.trunc(Number(length)) || 0;
  const end = String(ellipsis ?? "");
  const cut = cutCharacters(text, max);
  if (cut === undefined) return text;
  // Cut again within the first `max` characters only, to make room for the ellipsis.
  return (cutCharacters(cut, Math.max(0, max - characters(end).length)) ?? cut) + end;
}

/** Jekyll's `array_to_sentence_string`: "a, b, and c". */
export function arrayToSentence(input: unknown, connector: unknown = "and"): string {
  const list = Array.isArray(input) ? input.map((item) => String(item ?? "")) : [];
  if (list.length <= 1) return list[0] ?? "";
  if (list.length === 2) return `${list[0]} ${connector} ${list[1]}`;
  return `${list.slice(0, -1).join(", ")}, ${connector} ${list.at(-1)}`;
}

/** `jsonify`'s view of a value: times as Ruby prints them, YAML dates as written. */
function jsonValue(value: unknown, zone: TimeZone): unknown {
  if (value instanceof YamlTimestamp) {
    return /^\d{4}-\d\d?-\d\d?$/.test(value.source) ? value.source : parseJekyllDate(value, zone).toString();
  }
  if (value instanceof JekyllTime) return value.toString();
  if (Array.isArray(value)) return value.map((item) => jsonValue(item, zone));
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonValue(item, zone)]));
  }
  return value;
}

/** Jekyll's text filters: escaping, slugs, JSON, HTML stripping, words, truncation, Markdown, SmartyPants. */
export function createTextFilters(context: TextContext): Record<string, (...args: never[]) => unknown> {
  // One rendered result per input for this build: layouts call markdownify on the same text for every page.
  const markdownCache = new Map<string, string>();
  return {
    xml_escape: xmlEscape,
    cgi_escape: cgiEscape,
    uri_escape: uriEscape,
    slugify: (input: unknown, mode?: unknown) => (input === undefined || input === null ? input : slugify(String(input), mode === undefined || mode === null ? "default" : String(mode))),
    jsonify: (input: unknown) => JSON.stringify(jsonValue(input ?? null, context.zone)) ?? "null",
    strip_html: stripHtml,
    normalize_whitespace: normalizeWhitespace,
    number_of_words: numberOfWords,
    truncate,
    array_to_sentence_string: arrayToSentence,
    smartify: (input: unknown) => smartify(String(input ?? "")),
    markdownify: (input: unknown) => {
      const text = String(input ?? "");
      let html = markdownCache.get(text);
      if (html === undefined) {
        if (!context.markdown) throw new Error("markdownify needs the build's Markdown renderer");
        html = context.markdown.render(text).html;
        markdownCache.set(text, html);
      }
      return html;
    },
  };
}
