import type { Element, ElementContent } from "hast";
import type { Table, TableRow } from "mdast";
import type { State } from "mdast-util-to-hast";
import type { TableSection } from "../syntax/table-rows.js";

function element(tagName: string, properties: Element["properties"], children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

// kramdown prints an empty cell as a no-break space, and alignment as a `text-align` style.
function row(state: State, node: TableRow, section: TableSection, align: Table["align"]): Element {
  const cells = node.children.map((cell, index) => {
    const children = state.all(cell);
    const alignment = align?.[index];
    const properties = { ...cell.data?.hProperties, ...(alignment ? { style: `text-align: ${alignment}` } : {}) };
    const result = element(section === "thead" ? "th" : "td", properties, children.length > 0 ? children : [{ type: "text", value: "\u00a0" }]);
    state.patch(cell, result);
    return result;
  });
  const result = element("tr", { ...node.data?.hProperties }, state.wrap(cells, true));
  state.patch(node, result);
  return result;
}

/**
 * Tables as kramdown prints them: a <thead>, one <tbody> per group of body rows and a <tfoot>,
 * as the kramdown-table syntax grouped the rows.
 */
export function table(state: State, node: Table): Element {
  const sections: Element[] = [];
  let rows: Element[] = [];
  let current: TableSection | undefined;
  const flush = (): void => {
    if (current && rows.length > 0) sections.push(element(current, {}, state.wrap(rows, true)));
    rows = [];
  };
  for (const child of node.children) {
    const section = child.data?.kramdownTableSection ?? "tbody";
    if (section !== current || child.data?.kramdownTableSectionStart) flush();
    current = section;
    rows.push(row(state, child, section, node.align));
  }
  flush();
  const result = element("table", { ...node.data?.hProperties }, state.wrap(sections, true));
  state.patch(node, result);
  return result;
}
