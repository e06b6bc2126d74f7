import { list } from "micromark-core-commonmark";
import { asciiDigit } from "micromark-util-character";
import type { Construct, Extension, State, TokenizeContext, Tokenizer } from "micromark-util-types";

const DOT = 46;

// Looks ahead: one to nine digits then `.` (kramdown has no `1)` list marker).
const tokenizeDotMarker: Tokenizer = function (effects, ok, nok) {
  let size = 0;
  const digits: State = (code) => {
    if (asciiDigit(code) && size < 9) {
      size += 1;
      effects.consume(code);
      return digits;
    }
    if (size === 0 || code !== DOT) return nok(code);
    effects.exit("listItemValue");
    return ok(code);
  };
  return (code) => {
    effects.enter("listItemValue");
    return digits(code);
  };
};
const dotMarker: Construct = { partial: true, tokenize: tokenizeDotMarker };

// CommonMark lets only `1.` interrupt a paragraph; kramdown-parser-gfm (paragraph_end quirk)
// lets any ordered marker do it. The core construct reads `this.interrupt`, so it runs with a
// context that says "not interrupting" for ordered markers.
const tokenizeOrderedList: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const context = this;
  return (code) => {
    if (!asciiDigit(code) || !context.interrupt) return nok(code);
    const relaxed = Object.create(context, { interrupt: { value: false } }) as TokenizeContext;
    return effects.check(dotMarker, list.tokenize.call(relaxed, effects, ok, nok), nok)(code);
  };
};

const kramdownList: Construct = { ...list, name: "kramdownList", tokenize: tokenizeOrderedList };

/**
 * micromark extension: any ordered marker may interrupt a paragraph, as in kramdown-parser-gfm.
 * It runs before the core list construct, which still continues lists (so `1)` stays a marker).
 */
export function kramdownListSyntax(): Extension {
  const digits = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57];
  return { document: Object.fromEntries(digits.map((code) => [code, kramdownList])) };
}
