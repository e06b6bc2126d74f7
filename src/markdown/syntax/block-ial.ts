import type { Extension as FromMarkdownExtension } from "mdast-util-from-markdown";
import { markdownLineEnding, markdownSpace } from "micromark-util-character";
import type { Code, Construct, Extension, State, TokenizeContext, Tokenizer } from "micromark-util-types";
import { nonLazyLineEnding } from "./line-ending.js";

declare module "micromark-util-types" {
  interface TokenTypeMap {
    kramdownIal: "kramdownIal";
    kramdownIalData: "kramdownIalData";
  }
}

declare module "mdast" {
  /** A kramdown block IAL or ALD line (`{: .class #id}`, `{:name: .class}`), resolved by the block-ial plugin. */
  interface KramdownIal extends Node {
    type: "kramdownIal";
    /** The text between `{:` and `}`. */
    value: string;
  }
  interface RootContentMap {
    kramdownIal: KramdownIal;
  }
}

const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;
const COLON = 58;
const SLASH = 47;
const BACKSLASH = 92;

// kramdown's IAL_BLOCK_START / ALD_START: up to three spaces, `{:` not followed by `:` or `/`, at
// least one character, the first unescaped `}` (on this line or a later one: kramdown reads on,
// blank lines included), then only white space to the end of the line. kiji stops looking after
// MAX_LINES lines, so that unclosed `{:` lines cannot make parsing quadratic; kramdown does not.
const MAX_LINES = 50;
const tokenizeBlockIal: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const tail = this.events[this.events.length - 1];
  const indent = tail && tail[1].type === "linePrefix" ? tail[2].sliceSerialize(tail[1], true).length : 0;
  let size = 0;
  let lines = 1;
  const start: State = (code) => {
    if (code !== LEFT_BRACE || indent > 3) return nok(code);
    effects.enter("kramdownIal");
    effects.enter("kramdownIalData");
    effects.consume(code);
    return colon;
  };
  const colon: State = (code) => {
    if (code !== COLON) return nok(code);
    effects.consume(code);
    return first;
  };
  const first: State = (code) => (code === COLON || code === SLASH ? nok(code) : inside(code));
  const inside: State = (code: Code) => {
    if (code === null) return nok(code);
    if (markdownLineEnding(code)) {
      effects.exit("kramdownIalData");
      return lineEnding(code);
    }
    if (code === RIGHT_BRACE) {
      if (size === 0) return nok(code);
      effects.consume(code);
      return after;
    }
    size += 1;
    effects.consume(code);
    return code === BACKSLASH ? escaped : inside;
  };
  const lineEnding: State = (code) => {
    lines += 1;
    return lines > MAX_LINES ? nok(code) : effects.attempt(nonLazyLineEnding, lineStart, nok)(code);
  };
  const lineStart: State = (code) => {
    if (markdownLineEnding(code)) return lineEnding(code);
    effects.enter("kramdownIalData");
    return inside(code);
  };
  const escaped: State = (code) => {
    if (code !== RIGHT_BRACE) return inside(code);
    size += 1;
    effects.consume(code);
    return inside;
  };
  const after: State = (code) => {
    if (markdownSpace(code)) {
      effects.consume(code);
      return after;
    }
    if (code !== null && !markdownLineEnding(code)) return nok(code);
    effects.exit("kramdownIalData");
    effects.exit("kramdownIal");
    return ok(code);
  };
  return start;
};

/** The block IAL/ALD line construct (also a block boundary for kramdown tables). */
export const blockIalConstruct: Construct = { name: "kramdownIal", tokenize: tokenizeBlockIal };

/** micromark extension: kramdown block IAL/ALD lines, which also end a paragraph (as in kramdown). */
export function blockIalSyntax(): Extension {
  return { flow: { [LEFT_BRACE]: blockIalConstruct } };
}

/** mdast-util-from-markdown extension turning block IAL tokens into `kramdownIal` nodes. */
export function blockIalFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownIal(token) {
        this.enter({ type: "kramdownIal", value: "" }, token);
      },
    },
    exit: {
      kramdownIal(token) {
        const node = this.stack[this.stack.length - 1];
        const text = this.sliceSerialize(token).trim();
        if (node?.type === "kramdownIal") node.value = text.slice(2, text.lastIndexOf("}"));
        this.exit(token);
      },
    },
  };
}
