import { blankLine, list } from "micromark-core-commonmark";
import { asciiDigit, markdownLineEnding, markdownSpace } from "micromark-util-character";
import type { Code, Construct, ContainerState, Extension, State, TokenizeContext, Tokenizer } from "micromark-util-types";

const DOT = 46;
const SPACE = 32;
const COLON = 58;
const isBullet = (code: Code): boolean => code === 42 || code === 43 || code === 45;

declare module "micromark-util-types" {
  interface ContainerState {
    /** The list item's previous line was blank (kramdown takes lazy lines only after text). */
    kramdownAfterBlank?: boolean;
  }
}

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

// A bullet marker: `*`, `+` or `-` and a space or tab.
const tokenizeBulletMarker: Tokenizer = (effects, ok, nok) => (code) => {
  if (!isBullet(code)) return nok(code);
  effects.enter("listItemMarker");
  effects.consume(code);
  return (next: Code) => (markdownSpace(next) ? ok(next) : nok(next));
};
const bulletMarker: Construct = { partial: true, tokenize: tokenizeBulletMarker };

// `:` and a space or tab: a definition (kramdown's DEFINITION_LIST_START).
const tokenizeDefinitionMarker: Tokenizer = (effects, ok, nok) => (code) => {
  if (code !== COLON) return nok(code);
  effects.enter("listItemMarker");
  effects.consume(code);
  return (next: Code) => (markdownSpace(next) ? ok(next) : nok(next));
};
const definitionMarker: Construct = { partial: true, tokenize: tokenizeDefinitionMarker };

// `1.` and a space or tab.
const tokenizeOrderedMarker: Tokenizer = (effects, ok, nok) => {
  let size = 0;
  const digits: State = (code) => {
    if (asciiDigit(code) && size < 9) {
      size += 1;
      effects.consume(code);
      return digits;
    }
    if (size === 0 || code !== DOT) return nok(code);
    effects.consume(code);
    return (next: Code) => (markdownSpace(next) ? ok(next) : nok(next));
  };
  return (code) => {
    effects.enter("listItemValue");
    return digits(code);
  };
};
const orderedMarker: Construct = { partial: true, tokenize: tokenizeOrderedMarker };

// Less indentation than the item's content, then a marker of the other kind of list or of a
// definition: consumed as the item's indentation, so the marker starts a list inside the item.
function createLazyMarker(state: ContainerState | undefined, markers: Construct[]): Construct {
  const tokenize: Tokenizer = (effects, ok, nok) => {
    let size = 0;
    const indent: State = (code) => {
      if (code === SPACE && size + 1 < (state?.size ?? 0)) {
        size += 1;
        effects.consume(code);
        return indent;
      }
      effects.exit("listItemIndent");
      return effects.check(markers, ok, nok)(code);
    };
    // No indentation: no (empty) token, which later constructs would take for content.
    return (code) => {
      if (code !== SPACE) return effects.check(markers, ok, nok)(code);
      effects.enter("listItemIndent");
      return indent(code);
    };
  };
  return { partial: true, tokenize };
}

// kramdown takes a line indented less than an item's content, right after a line of text, as a
// lazy line of the item: `1. one` then `  - sub` (or `- sub`) nests the bullet list in the item,
// `- a` then `1. b` an ordered list, `- term` then `: definition` a definition list (CommonMark
// ends the list there). Other lines go to `core`, the continuation the list would have without this.
// `canStartMarker` tells the codes a marker can start with: a line that starts with anything else
// (or a line ending, or text) is decided without trying the look-aheads, which every line of
// every list would otherwise pay for.
function createLazyContinuation(markers: Construct[], canStartMarker: (code: Code) => boolean, core: Tokenizer): Tokenizer {
  return function (this: TokenizeContext, effects, ok, nok) {
    const state = this.containerState;
    const otherwise = core.call(this, effects, ok, nok);
    const lazy: State = (code) => {
      if (state) state._closeFlow = undefined;
      return ok(code);
    };
    const blank: State = (code) => {
      if (state) state.kramdownAfterBlank = true;
      return otherwise(code);
    };
    const text: State = (code) => {
      const isAfterBlank = state?.kramdownAfterBlank === true;
      if (state) state.kramdownAfterBlank = false;
      if (isAfterBlank || (code !== SPACE && !canStartMarker(code))) return otherwise(code);
      return effects.attempt(createLazyMarker(state, markers), lazy, otherwise)(code);
    };
    // A blank line is spaces or tabs, then a line ending or the end.
    return (code) => {
      if (code === null || markdownLineEnding(code)) return blank(code);
      return markdownSpace(code) ? effects.check(blankLine, blank, text)(code) : text(code);
    };
  };
}
const coreContinuation: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  return (list.continuation?.tokenize ?? (() => nok)).call(this, effects, ok, nok);
};

const orderedList: Construct = {
  ...list,
  name: "kramdownOrderedList",
  tokenize: tokenizeOrderedList,
  continuation: { tokenize: createLazyContinuation([bulletMarker, definitionMarker], (code) => isBullet(code) || code === COLON, coreContinuation) },
};

// kramdown continues a bullet list with any of `*`, `+` and `-` (CommonMark starts another list
// when the marker changes): the bullet a line starts with becomes the list's marker before the
// core construct checks the line for a new item.
const tokenizeBulletContinuation: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const state = this.containerState;
  const peek: Construct = {
    partial: true,
    tokenize: (peekEffects, found, none) => {
      const scan: State = (code) => {
        if (code === SPACE) {
          peekEffects.consume(code);
          return scan;
        }
        if (isBullet(code) && state) state.marker = code;
        return isBullet(code) ? found(code) : none(code);
      };
      return (code) => {
        peekEffects.enter("listItemPrefix");
        return scan(code);
      };
    },
  };
  const continuation = coreContinuation.call(this, effects, ok, nok);
  // Without indentation the peek is the first code alone.
  return (code) => {
    if (code === SPACE) return effects.check(peek, continuation, continuation)(code);
    if (isBullet(code) && state) state.marker = code;
    return continuation(code);
  };
};
const bulletList: Construct = {
  ...list,
  name: "kramdownBulletList",
  continuation: { tokenize: createLazyContinuation([orderedMarker, definitionMarker], (code) => asciiDigit(code) || code === COLON, tokenizeBulletContinuation) },
};

/**
 * micromark extension: kramdown's lists: `1.` markers only (`1)` is text), any of them may
 * interrupt a paragraph, bullets of any kind continue one list, and a bullet indented less than
 * an ordered item's text nests in it. These run before the core list construct.
 */
export function kramdownListSyntax(): Extension {
  const digits = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57];
  return { document: { 42: bulletList, 43: bulletList, 45: bulletList, ...Object.fromEntries(digits.map((code) => [code, orderedList])) } };
}
