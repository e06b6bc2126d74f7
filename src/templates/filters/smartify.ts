// Jekyll's `smartify` runs kramdown's SmartyPants parser (kramdown 2.4, parser/kramdown/
// smart_quotes.rb, typographic_symbol.rb, html_entity.rb, span_html.rb) and its HTML converter.
// This is a port of those span rules: curly quotes, dashes, ellipses, guillemets, entities and
// inline HTML, with kramdown's quirks (unclosed tags closed at the end, stray closing tags escaped).
import { characterEntitiesHtml4 } from "character-entities-html4";

const SPACE = "[ \\t\\n\\v\\f\\r]";
const PUNCT = "[!\"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]";
const CLOSE = "[^ \\\\\\t\\r\\n\\[{(\\-]";

type Quote = "ldquo" | "rdquo" | "lsquo" | "rsquo";
// One rule: a sticky pattern, then what each part becomes (a group number is kept as text).
type QuoteRule = readonly [RegExp, ReadonlyArray<number | "lquote1" | "rquote1" | "lquote2" | "rquote2" | Quote>];

// kramdown's SQ_RULES, in order; Ruby's \s and \w are ASCII, as here.
const QUOTE_RULES: readonly QuoteRule[] = [
  [new RegExp(`("|')(?=[_*]{1,2}[^ \\t\\n\\v\\f\\r])`, "y"), ["lquote1"]],
  [new RegExp(`("|')(?=${PUNCT}(?!\\.\\.)\\B)`, "y"), ["rquote1"]],
  [new RegExp(`(${SPACE}?)"'(?=\\w)`, "y"), [1, "ldquo", "lsquo"]],
  [new RegExp(`(${SPACE}?)'"(?=\\w)`, "y"), [1, "lsquo", "ldquo"]],
  [new RegExp(`(${SPACE}?)'(?=\\d\\ds)`, "y"), [1, "rsquo"]],
  [new RegExp(`(${SPACE})('|")(?=\\w)`, "y"), [1, "lquote2"]],
  [new RegExp(`(${CLOSE})('|")`, "y"), [1, "rquote2"]],
  [new RegExp(`("|')(?=${SPACE}|s\\b|$)`, "y"), ["rquote1"]],
  [/([\s\S]?)'/y, [1, "lsquo"]],
  [/([\s\S]?)"/y, [1, "ldquo"]],
];

const QUOTES: Readonly<Record<Quote, string>> = { ldquo: "\u201C", rdquo: "\u201D", lsquo: "\u2018", rsquo: "\u2019" };

const TYPOGRAPHIC = /---|--|\.\.\.|\\<<|\\>>|<< | >>|<<|>>/y;
const TYPOGRAPHIC_OUT: Readonly<Record<string, string>> = {
  "---": "\u2014", "--": "\u2013", "...": "\u2026", "\\<<": "&lt;&lt;", "\\>>": "&gt;&gt;",
  "<< ": "\u00AB\u00A0", " >>": "\u00A0\u00BB", "<<": "\u00AB", ">>": "\u00BB",
};

const ENTITY = /&(?:([a-zA-Z0-9]+)|#x([a-fA-F0-9]+)|#(\d+));/y;
const NAME = "[a-zA-Z_:][-a-zA-Z0-9._:]*";
const COMMENT = /<!--[\s\S]*?-->/y;
const CLOSING_TAG = new RegExp(`</(${NAME})${SPACE}*>`, "y");
const OPENING_TAG = new RegExp(`<(${NAME})((?:${SPACE}+${NAME}(?:${SPACE}*=${SPACE}*(["'])[\\s\\S]*?\\3)?)*)${SPACE}*(/)?>`, "y");
const ATTRIBUTE = new RegExp(`(${NAME})(?:${SPACE}*=${SPACE}*(["'])([\\s\\S]*?)\\2)?`, "g");
const SPAN_START = new RegExp(`[^\\\\]?["']|&|--|\\.\\.\\.|(?:\\\\| )?(?:<<|>>)|<(?:${NAME}|/|!--|\\?)`, "g");

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
const RAW_ELEMENTS = new Set(["script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var"]);
const BLOCK_ELEMENTS = new Set([
  "address", "article", "aside", "applet", "body", "blockquote", "button", "center", "dd", "details", "dl", "dt", "dir", "div",
  "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
  "hr", "html", "head", "iframe", "legend", "menu", "li", "main", "map", "nav", "ol", "optgroup", "p", "section", "summary",
  "table", "tbody", "td", "th", "thead", "tfoot", "tr", "ul",
]);

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => (char === "&" ? "&amp;" : char === "<" ? "&lt;" : "&gt;"));
}

function entityText(match: RegExpExecArray): string | undefined {
  const [whole, name, hex, decimal] = match;
  const char = name !== undefined ? (name === "apos" ? "'" : characterEntitiesHtml4[name]) : String.fromCodePoint(parseInt(hex ?? decimal!, hex ? 16 : 10));
  if (char === undefined) return undefined;
  // kramdown's entity_output :as_char: the character, except the ones HTML needs escaped.
  return char === "&" || char === "<" || char === ">" ? whole : char;
}

function attributes(source: string): string {
  let out = "";
  for (const m of source.matchAll(ATTRIBUTE)) out += ` ${m[1]}="${(m[3] ?? "").replace(/\n+/g, " ").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!)}"`;
  return out;
}

/** A SmartyPants pass over `source` from `start`; returns the HTML and where it stopped. */
class SmartyScanner {
  private pos = 0;
  private out = "";
  private readonly open: string[] = [];

  constructor(private readonly src: string) {}

  run(): string {
    while (this.pos < this.src.length) {
      SPAN_START.lastIndex = this.pos;
      const start = SPAN_START.exec(this.src);
      if (!start) break;
      this.out += escapeText(this.src.slice(this.pos, start.index));
      this.pos = start.index;
      if (!this.quote() && !this.entity() && !this.typographic() && !this.html()) this.text(this.src[this.pos++]!);
    }
    this.text(this.src.slice(this.pos));
    for (const name of this.open.reverse()) this.out += `</${name}>`;
    return this.out;
  }

  private text(text: string): void {
    this.out += escapeText(text);
  }

  private quote(): boolean {
    if (!/^[^\\]?["']/.test(this.src.slice(this.pos, this.pos + 2))) return false;
    for (const [pattern, parts] of QUOTE_RULES) {
      pattern.lastIndex = this.pos;
      const m = pattern.exec(this.src);
      if (!m) continue;
      for (const part of parts) {
        if (typeof part === "number") this.text(m[part] ?? "");
        else if (part in QUOTES) this.out += QUOTES[part as Quote];
        else this.out += QUOTES[`${part[0] === "l" ? "l" : "r"}${m[Number(part.at(-1))] === '"' ? "d" : "s"}quo` as Quote];
      }
      this.pos += m[0].length;
      return true;
    }
    return false;
  }

  private entity(): boolean {
    ENTITY.lastIndex = this.pos;
    const m = ENTITY.exec(this.src);
    if (!m) return false;
    const text = entityText(m);
    this.out += text ?? "&amp;";
    this.pos += text === undefined ? 1 : m[0].length;
    return true;
  }

  private typographic(): boolean {
    TYPOGRAPHIC.lastIndex = this.pos;
    const m = TYPOGRAPHIC.exec(this.src);
    if (!m) return false;
    this.out += TYPOGRAPHIC_OUT[m[0]]!;
    this.pos += m[0].length;
    return true;
  }

  private html(): boolean {
    for (const pattern of [COMMENT, CLOSING_TAG, OPENING_TAG]) {
      pattern.lastIndex = this.pos;
      const m = pattern.exec(this.src);
      if (!m) continue;
      this.pos += m[0].length;
      if (pattern === COMMENT) this.out += m[0];
      else if (pattern === CLOSING_TAG) this.closeTag(m);
      else this.openTag(m);
      return true;
    }
    return false;
  }

  private closeTag(m: RegExpExecArray): void {
    const name = m[1]!;
    if (this.open.at(-1)?.toLowerCase() === name.toLowerCase()) this.out += `</${this.open.pop()}>`;
    else this.text(m[0]);
  }

  private openTag(m: RegExpExecArray): void {
    const name = /^[a-zA-Z]+$/.test(m[1]!) ? m[1]!.toLowerCase() : m[1]!;
    if (BLOCK_ELEMENTS.has(name)) return this.text(m[0]);
    if (m[4] || VOID_ELEMENTS.has(name)) {
      this.out += `<${name}${attributes(m[2]!)} />`;
      return;
    }
    this.out += `<${name}${attributes(m[2]!)}>`;
    if (!RAW_ELEMENTS.has(name)) {
      this.open.push(name);
      return;
    }
    const close = new RegExp(`</${name}${SPACE}*>`, "i");
    const rest = this.src.slice(this.pos);
    const end = close.exec(rest);
    this.out += end ? rest.slice(0, end.index) : rest;
    this.out += `</${name}>`;
    this.pos += end ? end.index + end[0].length : rest.length;
  }
}

/** Jekyll's `smartify`: curly quotes, en and em dashes, ellipses and guillemets, as kramdown's SmartyPants. */
export function smartify(input: string): string {
  // kramdown reads its input with one final newline, and Jekyll chomps it from the output.
  const source = `${input.replace(/\r\n?/g, "\n").replace(/\n$/, "")}\n`;
  return new SmartyScanner(source).run().replace(/\n$/, "");
}
