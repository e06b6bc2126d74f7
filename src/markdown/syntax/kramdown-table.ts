import { markdownLineEnding, markdownLineEndingOrSpace, markdownSpace } from "micromark-util-character";
import type { Code, Construct, Effects, Event, Extension, State, TokenizeContext, Tokenizer } from "micromark-util-types";
import { blockIalConstruct } from "./block-ial.js";
import { type TableLineKind, groupTableRows, tableLineKind } from "./table-rows.js";

declare module "micromark-util-types" {
  interface TokenTypeMap {
    kramdownTable: "kramdownTable";
    kramdownTableRow: "kramdownTableRow";
    kramdownTableCell: "kramdownTableCell";
    kramdownTableDivider: "kramdownTableDivider";
    kramdownTableLookahead: "kramdownTableLookahead";
  }
}

const PIPE = 124;
const BACKSLASH = 92;
const GRAVE = 96;
const CARET = 94;

// kramdown's after_block_boundary?: a table starts a document or container, or follows a blank
// line or a block IAL; it never continues a paragraph or follows another block directly.
function isAfterBlockBoundary(events: readonly Event[]): boolean {
  let index = events.length - 1;
  while (index >= 0 && events[index]?.[1].type === "linePrefix") index -= 1;
  const last = events[index];
  if (!last) return true;
  if (last[1].type === "lineEndingBlank") return true;
  return last[1].type === "lineEnding" && events[index - 2]?.[1].type === "kramdownIal";
}

// Looks ahead on the line for `size` backticks in a row: the end of a code span opened by `size`.
function closingBackticks(size: number): Construct {
  const tokenize: Tokenizer = (effects, ok, nok) => {
    let count = 0;
    const scan: State = (code) => {
      if (code === null || markdownLineEnding(code)) return nok(code);
      count = code === GRAVE ? count + 1 : 0;
      effects.consume(code);
      return count === size ? ok : scan;
    };
    return (code) => {
      effects.enter("kramdownTableLookahead");
      return scan(code);
    };
  };
  return { partial: true, tokenize };
}

/** What the row tokenizer learnt about the line it read. */
interface RowReport {
  kind: TableLineKind;
  /** The line has a `|` (kramdown's TABLE_LINE) but every one is inside a code span. */
  hasOnlyCodePipes: boolean;
}

/** Where the row tokenizer is on its line. */
interface RowState {
  previous: Code;
  /** Backticks that opened the code span we are in (0: not in one), and closing ones seen. */
  codeSize: number;
  closing: number;
  hasPipe: boolean;
  hasSplitPipe: boolean;
  isTextOpen: boolean;
}

// kramdown's parse_codespan on a row: a single backtick between white space is literal; otherwise
// the run opens a code span when the same number of backticks follows on the line.
function createBacktickRun(effects: Effects, row: RowState, inside: State): State {
  const before = row.previous;
  let size = 0;
  const run: State = (code) => {
    if (code === GRAVE) {
      size += 1;
      row.previous = code;
      effects.consume(code);
      return run;
    }
    if (size === 1 && (before === null || markdownLineEndingOrSpace(before)) && markdownSpace(code)) return inside(code);
    const opened: State = (next) => {
      row.codeSize = size;
      row.closing = 0;
      return inside(next);
    };
    return effects.check(closingBackticks(size), opened, inside)(code);
  };
  return run;
}

// One table line: cells split at pipes that are neither escaped nor inside a code span (kramdown
// splits rows after parsing their code spans), each cell's content parsed as inline text. Fails
// (so the table ends) when the line has no `|` at all.
function createRowConstruct(report: RowReport): Construct {
  const tokenize: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
    const self = this;
    const row: RowState = { previous: null, codeSize: 0, closing: 0, hasPipe: false, hasSplitPipe: false, isTextOpen: false };
    const closeCell = (): void => {
      if (row.isTextOpen) effects.exit("chunkText");
      row.isTextOpen = false;
      effects.exit("kramdownTableCell");
    };
    const cellStart: State = (code) => {
      effects.enter("kramdownTableCell");
      if (!markdownSpace(code)) return inside(code);
      effects.enter("whitespace");
      return space(code);
    };
    const space: State = (code) => {
      if (!markdownSpace(code)) {
        effects.exit("whitespace");
        return inside(code);
      }
      row.previous = code;
      effects.consume(code);
      return space;
    };
    const end: State = (code) => {
      closeCell();
      const line = effects.exit("kramdownTableRow");
      if (!row.hasPipe) return nok(code);
      report.kind = tableLineKind(self.sliceSerialize(line));
      report.hasOnlyCodePipes ||= !row.hasSplitPipe;
      return ok(code);
    };
    const divider: State = (code) => {
      closeCell();
      effects.enter("kramdownTableDivider");
      effects.consume(code);
      effects.exit("kramdownTableDivider");
      row.previous = code;
      return cellStart;
    };
    const inside: State = (code) => {
      if (code === null || markdownLineEnding(code)) return end(code);
      const isPipe = code === PIPE && row.previous !== BACKSLASH;
      row.hasPipe ||= isPipe;
      if (isPipe && row.codeSize === 0) {
        row.hasSplitPipe = true;
        return divider(code);
      }
      if (!row.isTextOpen) effects.enter("chunkText", { contentType: "text" });
      row.isTextOpen = true;
      if (code === GRAVE && row.codeSize === 0) return createBacktickRun(effects, row, inside)(code);
      row.closing = code === GRAVE ? row.closing + 1 : 0;
      if (row.closing === row.codeSize) row.codeSize = 0;
      row.previous = code;
      effects.consume(code);
      return inside;
    };
    return (code) => {
      if (code === null || markdownLineEnding(code)) return nok(code);
      effects.enter("kramdownTableRow");
      return cellStart(code);
    };
  };
  return { partial: true, tokenize };
}

// The line after a table must be a block boundary (kramdown's before_block_boundary?): blank,
// `^`, a block IAL or the end; otherwise the lines were no table.
const tokenizeBoundary: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  let isCaretSeen = false;
  // A blank line ends the table even when it also ends a container (then it is "lazy").
  const blank: State = (code) => {
    if (code === null || markdownLineEnding(code)) return ok(code);
    if (markdownSpace(code)) {
      effects.consume(code);
      return blank;
    }
    if (code !== CARET || isCaretSeen || self.parser.lazy[self.now().line]) return nok(code);
    isCaretSeen = true;
    effects.consume(code);
    return blank;
  };
  const lineStart: State = (code) => {
    effects.enter("kramdownTableLookahead");
    return blank(code);
  };
  return (code) => {
    if (code === null) return ok(code);
    effects.enter("lineEnding");
    effects.consume(code);
    effects.exit("lineEnding");
    return (next: Code) => (self.parser.lazy[self.now().line] ? lineStart(next) : effects.attempt(blockIalConstruct, ok, lineStart)(next));
  };
};
const boundary: Construct = { partial: true, tokenize: tokenizeBoundary };

function nextRow(row: Construct): Construct {
  const tokenize: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
    const self = this;
    return (code) => {
      if (code === null) return nok(code);
      effects.enter("lineEnding");
      effects.consume(code);
      effects.exit("lineEnding");
      return (next: Code) => (self.parser.lazy[self.now().line] ? nok(next) : effects.attempt(row, ok, nok)(next));
    };
  };
  return { partial: true, tokenize };
}

// A cheap look for a `|` on the line before the row tokenizer reads it cell by cell: most lines
// that could start a table are paragraphs without one.
const tokenizePipeOnLine: Tokenizer = (effects, ok, nok) => {
  const scan: State = (code) => {
    if (code === PIPE) return ok(code);
    if (code === null || markdownLineEnding(code)) return nok(code);
    effects.consume(code);
    return scan;
  };
  return (code) => {
    effects.enter("kramdownTableLookahead");
    return scan(code);
  };
};
const pipeOnLine: Construct = { partial: true, tokenize: tokenizePipeOnLine };

/**
 * Whether the document being parsed has a `|` at all, set by the renderer before each parse: a
 * table needs one on its first line, so without any the look-ahead on every paragraph's first
 * line (reading it code by code) is skipped and the parse is the same.
 */
export interface TableGate {
  hasPipe: boolean;
}

// kramdown's parse_table: consecutive lines with a `|`, at least one body row, then a boundary.
const tokenizeTable = (gate: TableGate): Tokenizer => function (this: TokenizeContext, effects: Effects, ok, nok) {
  if (!gate.hasPipe || this.interrupt || !isAfterBlockBoundary(this.events)) return nok;
  const report: RowReport = { kind: "row", hasOnlyCodePipes: false };
  const kinds: TableLineKind[] = [];
  const row = createRowConstruct(report);
  const following = nextRow(row);
  const afterRow: State = (code) => {
    kinds.push(report.kind);
    return effects.attempt(following, afterRow, end)(code);
  };
  const end: State = (code) => {
    if (report.hasOnlyCodePipes || !groupTableRows(kinds).hasBody) return nok(code);
    return effects.check(boundary, close, nok)(code);
  };
  const close: State = (code) => {
    effects.exit("kramdownTable");
    return ok(code);
  };
  const start: State = (code) => {
    effects.enter("kramdownTable");
    return effects.attempt(row, afterRow, nok)(code);
  };
  return effects.check(pipeOnLine, start, nok);
};

/**
 * micromark extension: kramdown tables instead of GFM's. Any line with a `|` after a block
 * boundary starts one (no separator row needed), `|---|` lines end the header or start another
 * <tbody>, a `|===|` line starts the <tfoot>, and pipes inside code spans do not split cells.
 */
export function kramdownTableSyntax(gate: TableGate = { hasPipe: true }): Extension {
  return { flow: { null: [{ name: "kramdownTable", tokenize: tokenizeTable(gate) }] } };
}
