import type { Code, Construct, TokenizeContext, Tokenizer } from "micromark-util-types";

// A line ending followed by another line of the same containers (not the end, not a lazy line).
const tokenizeLineEnding: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  return (code) => {
    effects.enter("lineEnding");
    effects.consume(code);
    effects.exit("lineEnding");
    return (next: Code) => (next === null || self.parser.lazy[self.now().line] ? nok(next) : ok(next));
  };
};

/** Partial construct for flow constructs that span lines: the line ending before a line they may continue on. */
export const nonLazyLineEnding: Construct = { partial: true, tokenize: tokenizeLineEnding };
