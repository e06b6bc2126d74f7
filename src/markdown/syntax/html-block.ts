import type { Extension as FromMarkdownExtension } from "mdast-util-from-markdown";
import { markdownLineEnding } from "micromark-util-character";
import type { Extension, State, TokenizeContext, Tokenizer } from "micromark-util-types";
import { nonLazyLineEnding } from "./line-ending.js";

declare module "micromark-util-types" {
  interface TokenTypeMap {
    kramdownHtml: "kramdownHtml";
    kramdownHtmlData: "kramdownHtmlData";
  }
}

const LESS_THAN = 60;

// kramdown's HTML_SPAN_ELEMENTS (parser/html.rb): at the start of a line these begin a paragraph.
const SPAN_ELEMENTS = new Set(
  "a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var".split(" "),
);
// HTML_ELEMENTS_WITHOUT_BODY: these never have a closing tag.
const VOID_ELEMENTS = new Set("area base br col command embed hr img input keygen link meta param source track wbr".split(" "));
// HTML_CONTENT_MODEL_BLOCK: what markdown="1" means for these (their content is parsed as blocks).
const BLOCK_CONTENT = new Set(
  "address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td".split(" "),
);

// kramdown's HTML_TAG_RE and HTML_TAG_CLOSE_RE, anchored at the start of the line.
const OPENING_TAG = /^<([\w:][\w.:-]*)((?:\s+[^\s>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/)?>/;
const CLOSING_TAG = /^<\/([\w:][\w.:-]*)\s*>/;
const MARKDOWN_ATTRIBUTE = /\smarkdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/;

/** How an HTML block that starts on a line continues. */
type Start = { readonly kind: "line" } | { readonly kind: "raw"; readonly name: string; readonly depth: number };

// Opening and closing tags of `name` in `text` move the nesting depth; the result is the depth
// after the tag that closes the element (0), or after the whole text.
function depthAfter(text: string, name: string, depth: number): number {
  const tags = new RegExp(String.raw`<(/?)${name.replace(/[.]/g, "\\.")}(?:\s[^>]*?)?(/?)>`, "gi");
  let current = depth;
  for (const [, close, selfClose] of text.matchAll(tags)) {
    if (close) current -= 1;
    else if (!selfClose) current += 1;
    if (current === 0) return 0;
  }
  return current;
}

// kramdown's parse_block_html for the first line: a block-level tag whose element stays raw to
// its end tag, or which is a line on its own (void, closed, `</x>`, or markdown="1" whose
// content is then parsed as Markdown). Undefined: not a kramdown HTML block (CommonMark decides).
function startOf(line: string): Start | undefined {
  const text = line.trimStart();
  const closing = CLOSING_TAG.exec(text);
  if (closing?.[1]) return SPAN_ELEMENTS.has(closing[1].toLowerCase()) ? undefined : { kind: "line" };
  const opening = OPENING_TAG.exec(text);
  const name = opening?.[1];
  if (!opening || !name || SPAN_ELEMENTS.has(name.toLowerCase())) return undefined;
  if (opening[3] || VOID_ELEMENTS.has(name.toLowerCase())) return { kind: "line" };
  const markdown = MARKDOWN_ATTRIBUTE.exec(opening[2] ?? "");
  const model = markdown ? (markdown[1] ?? markdown[2] ?? markdown[3]) : "0";
  if (model === "block" || (model === "1" && BLOCK_CONTENT.has(name.toLowerCase()))) {
    return text.slice(opening[0].length).trim() === "" ? { kind: "line" } : undefined;
  }
  if (model !== "0") return undefined;
  return { kind: "raw", name, depth: depthAfter(text.slice(opening[0].length), name, 1) };
}

/** The closing tag kramdown adds to a raw HTML block that never closed (`""` when it did). */
export function missingClosingTag(value: string): string {
  const firstLine = value.split(/\r?\n|\r/, 1)[0] ?? "";
  const start = startOf(firstLine);
  if (start?.kind !== "raw" || start.depth === 0) return "";
  return depthAfter(value.slice(firstLine.length), start.name, start.depth) > 0 ? `\n</${start.name}>` : "";
}

// kramdown keeps a block-level element raw up to its end tag, blank lines included (CommonMark
// ends most HTML blocks at a blank line and parses what follows as Markdown).
const tokenizeHtmlBlock: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  let line = "";
  let start: Start | undefined;
  let depth = 0;
  const inLine: State = (code) => {
    if (code === null || markdownLineEnding(code)) {
      effects.exit("kramdownHtmlData");
      return atLineEnd(code);
    }
    if (code >= 0) line += String.fromCharCode(code);
    else if (code === -2) line += "\t";
    effects.consume(code);
    return inLine;
  };
  const atLineEnd: State = (code) => {
    if (!start) {
      start = startOf(line);
      if (!start) return nok(code);
      depth = start.kind === "raw" ? start.depth : 0;
    } else if (start.kind === "raw") depth = depthAfter(line, start.name, depth);
    if (depth <= 0 || code === null) return done(code);
    return effects.attempt(nonLazyLineEnding, lineStart, done)(code);
  };
  const lineStart: State = (code) => {
    line = "";
    if (code === null || markdownLineEnding(code)) return atLineEnd(code);
    effects.enter("kramdownHtmlData");
    return inLine(code);
  };
  const done: State = (code) => {
    effects.exit("kramdownHtml");
    return ok(code);
  };
  return (code) => {
    if (code !== LESS_THAN) return nok(code);
    effects.enter("kramdownHtml");
    effects.enter("kramdownHtmlData");
    return inLine(code);
  };
};

/** micromark extension: kramdown's block-level HTML (raw to the end tag; `markdown="1"` tags on their own line). */
export function kramdownHtmlBlockSyntax(): Extension {
  return { flow: { [LESS_THAN]: { name: "kramdownHtmlBlock", tokenize: tokenizeHtmlBlock, concrete: true } } };
}

/** mdast-util-from-markdown extension: a kramdown HTML block is an `html` node, closed as kramdown closes it. */
export function kramdownHtmlBlockFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownHtml(token) {
        this.enter({ type: "html", value: "" }, token);
      },
    },
    exit: {
      kramdownHtml(token) {
        const node = this.stack[this.stack.length - 1];
        const value = this.sliceSerialize(token);
        const closing = missingClosingTag(value);
        if (node?.type === "html") node.value = closing === "" ? value : value.trimEnd() + closing;
        this.exit(token);
      },
    },
  };
}
