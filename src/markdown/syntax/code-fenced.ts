import { codeFenced } from "micromark-core-commonmark";
import { markdownLineEnding, markdownSpace } from "micromark-util-character";
import type { Code, Construct, Effects, Extension, State, TokenizeContext, Tokenizer } from "micromark-util-types";

const GRAVE = 96;
const TILDE = 126;

/** The opening fence being checked: its character and length. */
interface Fence {
  marker: Code;
  size: number;
}

// Looks for the closing fence: a line of up to three spaces, at least `fence.size` fence
// characters and only white space after them. None before the end: nok.
function createClosingSearch(effects: Effects, fence: Fence, ok: State, nok: State): State {
  let indent = 0;
  let run = 0;
  const lineEnd: State = (code) => {
    if (code === null) return nok(code);
    effects.consume(code);
    indent = 0;
    run = 0;
    return lineStart;
  };
  const rest: State = (code) => {
    if (code === null || markdownLineEnding(code)) return lineEnd(code);
    effects.consume(code);
    return rest;
  };
  const afterRun: State = (code) => {
    if (code === null || markdownLineEnding(code)) return ok(code);
    if (!markdownSpace(code)) return rest(code);
    effects.consume(code);
    return afterRun;
  };
  const lineStart: State = (code) => {
    if (code === fence.marker) {
      run += 1;
      effects.consume(code);
      return lineStart;
    }
    if (run === 0 && markdownSpace(code) && indent < 3) {
      indent += 1;
      effects.consume(code);
      return lineStart;
    }
    return run >= fence.size ? afterRun(code) : rest(code);
  };
  return lineEnd;
}

// kramdown-parser-gfm's FENCED_CODEBLOCK_MATCH: three or more fence characters, at most one word
// of info, and a closing fence of at least as many of them further down (else the lines are text).
const tokenizeFenceCheck: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  const fence: Fence = { marker: null, size: 0 };
  let words = 0;
  const info: State = (code) => {
    if (code === null) return nok(code);
    if (markdownLineEnding(code)) return createClosingSearch(effects, fence, ok, nok)(code);
    if (!markdownSpace(code) && (markdownSpace(self.previous) || self.previous === fence.marker)) words += 1;
    if (words > 1) return nok(code);
    effects.consume(code);
    return info;
  };
  const opening: State = (code) => {
    if (code === fence.marker) {
      fence.size += 1;
      effects.consume(code);
      return opening;
    }
    return fence.size < 3 ? nok(code) : info(code);
  };
  return (code) => {
    fence.marker = code;
    effects.enter("codeFencedFence");
    return opening(code);
  };
};
const fenceCheck: Construct = { partial: true, tokenize: tokenizeFenceCheck };

const tokenizeCodeFenced: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  return effects.check(fenceCheck, codeFenced.tokenize.call(this, effects, ok, nok), nok);
};

/** micromark extension: fenced code as kramdown-parser-gfm reads it (one-word info, closed fence), else text. */
export function kramdownCodeFencedSyntax(): Extension {
  const construct: Construct = { ...codeFenced, name: "kramdownCodeFenced", tokenize: tokenizeCodeFenced };
  return { flow: { [GRAVE]: construct, [TILDE]: construct }, disable: { null: ["codeFenced"] } };
}
