import type { Extension, State, Tokenizer } from "micromark-util-types";

const LESS_THAN = 60;

// `<<` is text (kramdown's typographic symbol, typeset to « later): the second `<` never opens
// an HTML tag or autolink, as kramdown tries typographic symbols there first.
const tokenizeGuillemet: Tokenizer = (effects, ok, nok) => {
  const second: State = (code) => {
    if (code !== LESS_THAN) return nok(code);
    effects.consume(code);
    effects.exit("data");
    return ok;
  };
  return (code) => {
    effects.enter("data");
    effects.consume(code);
    return second;
  };
};

/** micromark extension: `<<x>>` is text with guillemets, not `<` and an HTML tag `<x>`. */
export function kramdownGuillemetSyntax(): Extension {
  return { text: { [LESS_THAN]: { name: "kramdownGuillemet", tokenize: tokenizeGuillemet } } };
}
