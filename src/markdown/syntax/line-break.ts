import { markdownLineEnding } from "micromark-util-character";
import type { Extension, State, Tokenizer } from "micromark-util-types";

const BACKSLASH = 92;

// kramdown's LINE_BREAK: `\\` right before a line ending is a hard break (CommonMark reads an
// escaped backslash). It is tried before the escape, as kramdown tries line_break before escaped_chars.
const tokenizeBackslashBreak: Tokenizer = (effects, ok, nok) => {
  const second: State = (code) => {
    if (code !== BACKSLASH) return nok(code);
    effects.consume(code);
    return end;
  };
  const end: State = (code) => {
    if (!markdownLineEnding(code)) return nok(code);
    effects.exit("hardBreakEscape");
    return ok(code);
  };
  return (code) => {
    effects.enter("hardBreakEscape");
    effects.consume(code);
    return second;
  };
};

/** micromark extension: `\\` at the end of a line is a line break (`<br />`), as in kramdown. */
export function kramdownLineBreakSyntax(): Extension {
  return { text: { [BACKSLASH]: { name: "kramdownLineBreak", tokenize: tokenizeBackslashBreak } } };
}
