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

// kramdown-parser-gfm has only `1.` markers (no `1)`), and any of them may interrupt a paragraph
// (paragraph_end quirk) where CommonMark lets only `1.` do it. The core construct reads
// `this.interrupt`, so it runs with a context that says "not interrupting".
const tokenizeOrderedList: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  // The core construct, tried next with the same container state, then only accepts a `.`
  // marker too. (Disabling it by name would also stop it from continuing lists.)
  if (this.containerState) this.containerState.marker ??= DOT;
  const context = this.interrupt ? (Object.create(this, { interrupt: { value: false } }) as TokenizeContext) : this;
  return effects.check(dotMarker, list.tokenize.call(context, effects, ok, nok), nok);
};

const orderedList: Construct = { ...list, name: "kramdownOrderedList", tokenize: tokenizeOrderedList };

// kramdown continues a bullet list with any of `*`, `+` and `-` (CommonMark starts another list
// when the marker changes): the bullet a line starts with becomes the list's marker before the
// core construct checks the line for a new item.
const tokenizeBulletContinuation: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const state = this.containerState;
  const peek: Construct = {
    partial: true,
    tokenize: (peekEffects, found, none) => {
      const scan: State = (code) => {
        if (code === 32) {
          peekEffects.consume(code);
          return scan;
        }
        if ((code === 42 || code === 43 || code === 45) && state) state.marker = code;
        return code === 42 || code === 43 || code === 45 ? found(code) : none(code);
      };
      return (code) => {
        peekEffects.enter("listItemPrefix");
        return scan(code);
      };
    },
  };
  const continuation = (list.continuation?.tokenize ?? (() => nok)).call(this, effects, ok, nok);
  return effects.check(peek, continuation, continuation);
};
const bulletList: Construct = { ...list, name: "kramdownBulletList", continuation: { tokenize: tokenizeBulletContinuation } };

/**
 * micromark extension: kramdown's list markers: `1.` only (`1)` is text), any of them may
 * interrupt a paragraph, and bullets of any kind continue one list. These run before the core
 * list construct, which still continues lists.
 */
export function kramdownListSyntax(): Extension {
  const digits = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57];
  return { document: { 42: bulletList, 43: bulletList, 45: bulletList, ...Object.fromEntries(digits.map((code) => [code, orderedList])) } };
}
