// kramdown's smart quotes and typographic symbols (kramdown 2.4.0, parser/kramdown/smart_quotes.rb
// and typographic_symbol.rb), applied to one run of text as kramdown's span parser meets it: at
// each position the smart-quote rule (which may take the character before the quote as context)
// is tried before the typographic symbols. Ruby's `\s`, `\w` and `\d` are ASCII; its `\b` is not.

const LDQUO = "\u201c";
const RDQUO = "\u201d";
const LSQUO = "\u2018";
const RSQUO = "\u2019";
const NBSP = "\u00a0";
const S = String.raw`[ \t\r\n\f\v]`;
const NOT_WORD_AFTER = String.raw`(?![\p{L}\p{M}\p{Nd}\p{Pc}])`;
const PUNCT = String.raw`[!"#$%&'()*+,\-./:;<=>?@\[\\\]^_\x60{|}~]`;

type Quote = "lquote" | "rquote" | "ldquo" | "lsquo" | "rsquo";

// [pattern, output]: a number copies that group, a name prints a quote (lquote/rquote take the
// kind of quote from the last group).
const RULES: ReadonlyArray<readonly [RegExp, ReadonlyArray<number | Quote>]> = [
  [/(["'])(?=[_*]{1,2}[^ \t\r\n\f\v])/uy, ["lquote"]],
  [new RegExp(String.raw`(["'])(?=${PUNCT}(?!\.\.)${NOT_WORD_AFTER})`, "uy"), ["rquote"]],
  [new RegExp(String.raw`(${S}?)"'(?=\w)`, "uy"), [1, "ldquo", "lsquo"]],
  [new RegExp(String.raw`(${S}?)'"(?=\w)`, "uy"), [1, "lsquo", "ldquo"]],
  [new RegExp(String.raw`(${S}?)'(?=\d\ds)`, "uy"), [1, "rsquo"]],
  [new RegExp(String.raw`(${S})(['"])(?=\w)`, "uy"), [1, "lquote"]],
  [/([^ \\\t\r\n[{(-])(['"])/uy, [1, "rquote"]],
  [new RegExp(String.raw`(["'])(?=${S}|s${NOT_WORD_AFTER}|\n|$)`, "uy"), ["rquote"]],
  [/([\s\S]?)'/uy, [1, "lsquo"]],
  [/([\s\S]?)"/uy, [1, "ldquo"]],
];

const SYMBOLS = /---|--|\.\.\.|<< | >>|<<|>>/y;
const SYMBOL_TEXT: Readonly<Record<string, string>> = {
  "---": "\u2014",
  "--": "\u2013",
  "...": "\u2026",
  "<< ": `\u00ab${NBSP}`,
  " >>": `${NBSP}\u00bb`,
  "<<": "\u00ab",
  ">>": "\u00bb",
};

function isQuote(char: string | undefined): boolean {
  return char === '"' || char === "'";
}

function quoteText(kind: Quote, quote: string | undefined): string {
  if (kind === "lquote") return quote === '"' ? LDQUO : LSQUO;
  if (kind === "rquote") return quote === '"' ? RDQUO : RSQUO;
  return { ldquo: LDQUO, lsquo: LSQUO, rsquo: RSQUO }[kind];
}

// Applies the first matching smart-quote rule at `position`; returns the text and the new position.
function smartQuote(text: string, position: number): [string, number] {
  for (const [pattern, output] of RULES) {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) continue;
    const last = match[match.length - 1];
    const printed = output.map((part) => (typeof part === "number" ? (match[part] ?? "") : quoteText(part, last))).join("");
    return [printed, position + match[0].length];
  }
  return [text.charAt(position), position + 1];
}

/** True when `text` may contain something kramdown typesets (a fast pre-check). */
export function hasTypography(text: string): boolean {
  return /["']|--|\.\.\.|<<|>>/.test(text);
}

/**
 * `text` with kramdown's smart quotes, dashes, ellipses and guillemets. `following` is what comes
 * right after the text in the source (it decides some quotes, e.g. `"` before a link opens).
 */
export function typeset(text: string, following = ""): string {
  if (!hasTypography(text)) return text;
  const context = text + following;
  let out = "";
  let position = 0;
  while (position < text.length) {
    const char = text.charAt(position);
    if ((char !== "\\" && isQuote(text[position + 1])) || isQuote(char)) {
      const [printed, next] = smartQuote(context, position);
      out += printed;
      position = next;
      continue;
    }
    SYMBOLS.lastIndex = position;
    const symbol = SYMBOLS.exec(text)?.[0];
    if (symbol !== undefined) {
      out += SYMBOL_TEXT[symbol];
      position += symbol.length;
      continue;
    }
    out += char;
    position += 1;
  }
  return out;
}
