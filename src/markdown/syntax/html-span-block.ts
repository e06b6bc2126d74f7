import type { Extension as FromMarkdownExtension } from "mdast-util-from-markdown";
import { markdownLineEnding } from "micromark-util-character";
import type { Code, Construct, Effects, Extension, State, Token, TokenizeContext, Tokenizer } from "micromark-util-types";
import { type Start, startOf } from "./html-tags.js";
import { nonLazyLineEnding } from "./line-ending.js";

declare module "micromark-util-types" {
  interface TokenTypeMap {
    kramdownHtmlSpanBlock: "kramdownHtmlSpanBlock";
  }
}

declare module "mdast" {
  interface ParagraphData {
    /** The paragraph is a block element's start tag, text and end tag (markdown="span"): no <p>. */
    kramdownHtmlSpan?: boolean;
  }
}

const LESS_THAN = 60;

// Reads the first line without keeping it, to learn how the block starts.
function createProbe(found: { start?: Start }): Construct {
  const tokenize: Tokenizer = (effects, ok, nok) => {
    let line = "";
    const inLine: State = (code) => {
      if (code === null || markdownLineEnding(code)) {
        found.start = startOf(line);
        return found.start?.kind === "span" ? ok(code) : nok(code);
      }
      line += code === -2 ? "\t" : code >= 0 ? String.fromCharCode(code) : "";
      effects.consume(code);
      return inLine;
    };
    return (code) => {
      effects.enter("kramdownHtmlData");
      return inLine(code);
    };
  };
  return { partial: true, tokenize };
}

// `</name>` (any case, white space before `>`): where kramdown's span content ends.
function createEndTag(name: string): Construct {
  const tokenize: Tokenizer = (effects, ok, nok) => {
    const expected = `</${name.toLowerCase()}`;
    let seen = "";
    const tag: State = (code) => {
      if (seen.length < expected.length) {
        if (code === null || String.fromCharCode(code).toLowerCase() !== expected[seen.length]) return nok(code);
        seen += expected[seen.length];
        effects.consume(code);
        return tag;
      }
      if (code === 62) return ok(code);
      if (code !== 32 && code !== 9 && code !== -2 && code !== -1 && !markdownLineEnding(code)) return nok(code);
      effects.consume(code);
      return tag;
    };
    return (code) => {
      effects.enter("kramdownHtmlData");
      return tag(code);
    };
  };
  return { partial: true, tokenize };
}

// One tag as an `html` token: `size` characters, or (size 0) the rest of the line.
function htmlPiece(effects: Effects, size: number, next: State): State {
  let left = size;
  const piece: State = (code) => {
    if (code === null || markdownLineEnding(code) || (size > 0 && left === 0)) {
      effects.exit("kramdownHtmlData");
      effects.exit("kramdownHtml");
      return next(code);
    }
    left -= 1;
    effects.consume(code);
    return piece;
  };
  return (code) => {
    effects.enter("kramdownHtml");
    effects.enter("kramdownHtmlData");
    return piece(code);
  };
}

// kramdown's span content model for a block element (markdown="span", or markdown="1" on `<p>`
// and headings): the start tag, the text up to the first end tag parsed as inline Markdown, the
// end tag (and the rest of its line). No end tag: not such a block.
const tokenizeHtmlSpanBlock: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const found: { start?: Start } = {};
  let last: Token | undefined;
  let isChunkOpen = false;
  let endTag: Construct | undefined;
  const done: State = (code) => {
    effects.exit("kramdownHtmlSpanBlock");
    return ok(code);
  };
  const closing: State = (code) => {
    if (isChunkOpen) effects.exit("chunkText");
    return htmlPiece(effects, 0, done)(code);
  };
  const text: State = (code: Code) => {
    if (code === null) return nok(code);
    if (code === LESS_THAN && endTag) return effects.check(endTag, closing, consume)(code);
    if (markdownLineEnding(code)) return effects.check(nonLazyLineEnding, consume, nok)(code);
    return consume(code);
  };
  // The text is one chunk per line, linked (as a paragraph's), each ending with its line ending.
  const consume: State = (code) => {
    if (!isChunkOpen) {
      const chunk = effects.enter("chunkText", { contentType: "text", ...(last ? { previous: last } : {}) });
      if (last) last.next = chunk;
      last = chunk;
      isChunkOpen = true;
    }
    const isLineEnding = markdownLineEnding(code);
    effects.consume(code);
    if (isLineEnding) {
      effects.exit("chunkText");
      isChunkOpen = false;
    }
    return text;
  };
  const afterProbe: State = (code) => {
    const start = found.start;
    if (start?.kind !== "span") return nok(code);
    endTag = createEndTag(start.name);
    effects.enter("kramdownHtmlSpanBlock");
    return htmlPiece(effects, start.tagLength, text)(code);
  };
  return (code) => (code === LESS_THAN ? effects.check(createProbe(found), afterProbe, nok)(code) : nok(code));
};

/** micromark extension: block elements whose content kramdown parses as text (markdown="span"). */
export function kramdownHtmlSpanBlockSyntax(): Extension {
  return { flow: { [LESS_THAN]: { name: "kramdownHtmlSpanBlock", tokenize: tokenizeHtmlSpanBlock } } };
}

/** mdast-util-from-markdown extension: such a block is a paragraph printed without <p>. */
export function kramdownHtmlSpanBlockFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownHtmlSpanBlock(token) {
        this.enter({ type: "paragraph", children: [], data: { kramdownHtmlSpan: true } }, token);
      },
    },
    exit: {
      kramdownHtmlSpanBlock(token) {
        this.exit(token);
      },
    },
  };
}
