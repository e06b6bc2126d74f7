import type { AlignType, Table, TableCell, TableRow } from "mdast";
import type { Extension as FromMarkdownExtension } from "mdast-util-from-markdown";

/** A table line as kramdown reads it: a row, a `|---|` separator or a `|===|` footer separator. */
export type TableLineKind = "row" | "separator" | "footer";

/** A group of table rows: kramdown's <thead>, <tbody> (there may be several) or <tfoot>. */
export type TableSection = "thead" | "tbody" | "tfoot";

declare module "mdast" {
  interface TableRowData {
    /** The section this row starts or continues; set on every row of a kramdown table. */
    kramdownTableSection?: TableSection;
    /** True on the first row of its section. */
    kramdownTableSectionStart?: boolean;
    /** While parsing: what kind of line the row was, and the alignments a separator sets. */
    kramdownTableLine?: TableLineKind;
    kramdownTableAlign?: AlignType[];
  }
}

// kramdown's TABLE_SEP_LINE, TABLE_FSEP_LINE and TABLE_HSEP_ALIGN (parser/kramdown/table.rb).
const SEPARATOR = /^[+|: \t-]*?-[+|: \t-]*?[ \t]*$/;
const FOOTER = /^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/;
const ALIGNMENT = /[ \t]?(:?)-+(:?)[ \t]?/g;

/** Classifies one table line (its text without the line ending). */
export function tableLineKind(line: string): TableLineKind {
  if (SEPARATOR.test(line)) return "separator";
  return FOOTER.test(line) ? "footer" : "row";
}

function alignmentOf(line: string): AlignType[] {
  return [...line.trimEnd().matchAll(ALIGNMENT)].map(([, left, right]) => {
    if (left && right) return "center";
    return left ? "left" : right ? "right" : null;
  });
}

/** Where a row goes: its section, and whether it starts one. */
interface RowPlace {
  readonly section: TableSection;
  readonly isStart: boolean;
}

/**
 * kramdown's container rules: rows before the first separator are the header, later separators
 * start another body, a footer separator ends the body and starts the footer. Returns where each
 * line goes (undefined for separators) and the line whose alignments count.
 */
export function groupTableRows(kinds: readonly TableLineKind[]): { sections: Array<RowPlace | undefined>; alignLine: number; hasBody: boolean } {
  const sections: Array<RowPlace | undefined> = kinds.map(() => undefined);
  let rows: number[] = [];
  let hasFooter = false;
  let alignLine = -1;
  let hasBody = false;
  const close = (section: TableSection, force = false): void => {
    if (rows.length === 0 || (hasFooter && section === "tbody" && !force)) return;
    rows.forEach((line, index) => (sections[line] = { section, isStart: index === 0 }));
    hasBody ||= section === "tbody";
    rows = [];
  };
  kinds.forEach((kind, index) => {
    if (kind === "row") rows.push(index);
    else if (kind === "footer") {
      close("tbody", true);
      hasFooter = true;
    } else if (rows.length > 0 && alignLine < 0 && !hasFooter) {
      close("thead");
      alignLine = index;
    } else close("tbody");
  });
  close(hasFooter ? "tfoot" : "tbody");
  return { sections, alignLine, hasBody };
}

function emptyCell(): TableCell {
  return { type: "tableCell", children: [] };
}

// kramdown drops an empty first cell when the table's first line starts with `|`, and an empty
// last cell always; then every row is padded to the widest.
function shapeTable(table: Table, hasLeadingPipe: boolean): void {
  const lines = table.children;
  const { sections, alignLine } = groupTableRows(lines.map((row) => row.data?.kramdownTableLine ?? "row"));
  const rows: TableRow[] = [];
  lines.forEach((row, index) => {
    const place = sections[index];
    if (!place) return;
    if (hasLeadingPipe && row.children[0]?.children.length === 0) row.children.shift();
    if (row.children[row.children.length - 1]?.children.length === 0) row.children.pop();
    row.data = { kramdownTableSection: place.section, ...(place.isStart ? { kramdownTableSectionStart: true } : {}) };
    rows.push(row);
  });
  const columns = Math.max(0, ...rows.map((row) => row.children.length));
  for (const row of rows) while (row.children.length < columns) row.children.push(emptyCell());
  const align = lines[alignLine]?.data?.kramdownTableAlign ?? [];
  table.align = Array.from({ length: columns }, (_, index) => align[index] ?? null);
  table.children = rows;
}

/** mdast-util-from-markdown extension: kramdown table tokens → an mdast `table` with sections. */
export function kramdownTableFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownTable(token) {
        this.enter({ type: "table", align: [], children: [] }, token);
      },
      kramdownTableRow(token) {
        this.enter({ type: "tableRow", children: [] }, token);
      },
      kramdownTableCell(token) {
        this.enter({ type: "tableCell", children: [] }, token);
      },
    },
    exit: {
      kramdownTable(token) {
        const node = this.stack[this.stack.length - 1];
        if (node?.type === "table") shapeTable(node, /^[ \t]*\|/.test(this.sliceSerialize(token)));
        this.exit(token);
      },
      kramdownTableRow(token) {
        const node = this.stack[this.stack.length - 1];
        const line = this.sliceSerialize(token);
        const kind = tableLineKind(line);
        if (node?.type === "tableRow") node.data = { kramdownTableLine: kind, ...(kind === "separator" ? { kramdownTableAlign: alignmentOf(line) } : {}) };
        this.exit(token);
      },
      kramdownTableCell(token) {
        this.exit(token);
      },
    },
  };
}
