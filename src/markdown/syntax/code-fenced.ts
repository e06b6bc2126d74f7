import { codeFenced } from "micromark-core-commonmark";
import { markdownLineEnding, markdownSpace } from "micromark-util-character";
import type { Code, Construct, Extension, State, TokenizeContext, Tokenizer } from "micromark-util-types";

const GRAVE = 96;
const TILDE = 126;

// kramdown-parser-gfm's FENCED_CODEBLOCK_MATCH: three or more fence characters, at most one word
// of info, and a closing fence of at least as many of them further down (else the lines are text).
const tokenizeFenceCheck: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  let marker: Code = null;
  let size = 0;
  let run = 0;
  let words = 0;
  let indent = 0;
  const opening: State = (code) => {
    if (code === marker) {
      size += 1;
      effects.consume(code);
      return opening;
    }
    return size < 3 ? nok(code) : info(code);
  };
  const info: State = (code) => {
    if (code === null) return nok(code);
    if (markdownLineEnding(code)) return lineEnd(code);
    if (!markdownSpace(code) && (markdownSpace(self.previous) || self.previous === marker)) words += 1;
    if (words > 1) return nok(code);
    effects.consume(code);
    return info;
  };
  const self = this;
  const lineEnd: State = (code) => {
    if (code === null) return nok(code);
    effects.consume(code);
    indent = 0;
    run = 0;
    return lineStart;
  };
  const lineStart: State = (code) => {
    if (markdownSpace(code) && indent < 3 && run === 0) {
      indent += 1;
      effects.consume(code);
      return lineStart;
    }
    return closing(code);
  };
  const closing: State = (code) => {
    if (code === marker) {
      run += 1;
      effects.consume(code);
      return closing;
    }
    return run >= size ? afterClosing(code) : rest(code);
  };
  const afterClosing: State = (code) => {
    if (code === null || markdownLineEnding(code)) return ok(code);
    if (!markdownSpace(code)) return rest(code);
    effects.consume(code);
    return afterClosing;
  };
  const rest: State = (code) => (code === null ? nok(code) : markdownLineEnding(code) ? lineEnd(code) : (effects.consume(code), rest));
  return (code) => {
    marker = code;
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
