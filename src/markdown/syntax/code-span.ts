import type { Extension as FromMarkdownExtension } from "mdast-util-from-markdown";
import { markdownLineEnding, markdownLineEndingOrSpace } from "micromark-util-character";
import type { Code, Construct, Extension, State, TokenizeContext, Tokenizer } from "micromark-util-types";

declare module "micromark-util-types" {
  interface TokenTypeMap {
    kramdownCodeSpan: "kramdownCodeSpan";
    kramdownCodeSpanSequence: "kramdownCodeSpanSequence";
    kramdownCodeSpanData: "kramdownCodeSpanData";
  }
}

const GRAVE = 96;

// The first `size` backticks in a row: the end of the code span (kramdown's scan_until).
function closingSequence(size: number): Construct {
  const tokenize: Tokenizer = (effects, ok, nok) => {
    let count = 0;
    const sequence: State = (code) => {
      if (code !== GRAVE) return nok(code);
      effects.consume(code);
      count += 1;
      if (count < size) return sequence;
      effects.exit("kramdownCodeSpanSequence");
      return ok;
    };
    return (code) => {
      effects.enter("kramdownCodeSpanSequence");
      return sequence(code);
    };
  };
  return { partial: true, tokenize };
}

// kramdown's parse_codespan (parser/kramdown/codespan.rb): a run of backticks opens a code span
// that ends at the next run of as many backticks, even inside a longer run, across lines. A single
// backtick with white space (or the start) before it and white space after it is literal text.
const tokenizeCodeSpan: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const before = this.previous;
  let size = 0;
  let closing: Construct | undefined;
  const opening: State = (code) => {
    if (code === GRAVE) {
      size += 1;
      effects.consume(code);
      return opening;
    }
    effects.exit("kramdownCodeSpanSequence");
    if (size === 1 && (before === null || markdownLineEndingOrSpace(before)) && markdownLineEndingOrSpace(code)) return nok(code);
    closing = closingSequence(size);
    return content(code);
  };
  // Line endings are tokens of their own, so micromark can map the span back onto its lines.
  const content: State = (code: Code) => {
    if (code === null) return nok(code);
    if (markdownLineEnding(code)) {
      effects.enter("lineEnding");
      effects.consume(code);
      effects.exit("lineEnding");
      return content;
    }
    if (code === GRAVE && closing) return effects.attempt(closing, done, dataStart)(code);
    return dataStart(code);
  };
  const dataStart: State = (code) => {
    effects.enter("kramdownCodeSpanData");
    effects.consume(code);
    return data;
  };
  const data: State = (code) => {
    if (code === null || code === GRAVE || markdownLineEnding(code)) {
      effects.exit("kramdownCodeSpanData");
      return content(code);
    }
    effects.consume(code);
    return data;
  };
  const done: State = (code) => {
    effects.exit("kramdownCodeSpan");
    return ok(code);
  };
  return (code) => {
    effects.enter("kramdownCodeSpan");
    effects.enter("kramdownCodeSpanSequence");
    return opening(code);
  };
};

// A backtick right after a run that did not open a code span is part of that run (kramdown adds
// the whole run as text), but one right after a code span may open the next.
function canStart(this: TokenizeContext, code: Code): boolean {
  return code !== GRAVE || this.events[this.events.length - 1]?.[1].type === "kramdownCodeSpan";
}

/** micromark extension: code spans as kramdown reads them, instead of CommonMark's. */
export function kramdownCodeSpanSyntax(): Extension {
  return { text: { [GRAVE]: { name: "kramdownCodeSpan", tokenize: tokenizeCodeSpan, previous: canStart } }, disable: { null: ["codeText"] } };
}

/** mdast-util-from-markdown extension: the code span's text, one space stripped at each end when it used two or more backticks. */
export function kramdownCodeSpanFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownCodeSpan(token) {
        this.enter({ type: "inlineCode", value: "" }, token);
      },
    },
    exit: {
      kramdownCodeSpan(token) {
        const node = this.stack[this.stack.length - 1];
        const raw = this.sliceSerialize(token);
        const size = /^`+/.exec(raw)?.[0].length ?? 1;
        const value = raw.slice(size, -size);
        if (node?.type === "inlineCode") node.value = size > 1 ? value.replace(/^ /, "").replace(/ $/, "") : value;
        this.exit(token);
      },
    },
  };
}
