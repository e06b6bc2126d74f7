import type { Extension as FromMarkdownExtension } from "mdast-util-from-markdown";
import { markdownLineEnding } from "micromark-util-character";
import type { Extension, State, TokenizeContext, Tokenizer } from "micromark-util-types";
import { depthAfter, missingClosingTag, type Start, startOf } from "./html-tags.js";
import { nonLazyLineEnding } from "./line-ending.js";

declare module "micromark-util-types" {
  interface TokenTypeMap {
    kramdownHtml: "kramdownHtml";
    kramdownHtmlData: "kramdownHtmlData";
  }
}

const LESS_THAN = 60;

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
      if (!start || start.kind === "span") return nok(code);
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
