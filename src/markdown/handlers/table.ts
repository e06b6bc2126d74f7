import type { Element } from "hast";
import type { Table } from "mdast";
import { defaultHandlers, type State } from "mdast-util-to-hast";

function alignToStyle(node: Element): void {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if ((child.tagName === "td" || child.tagName === "th") && typeof child.properties.align === "string") {
      child.properties.style = `text-align: ${child.properties.align}`;
      delete child.properties.align;
    } else alignToStyle(child);
  }
}

/** Tables with kramdown's `style="text-align: …"` on aligned cells instead of `align`. */
export function table(state: State, node: Table): Element {
  const result = defaultHandlers.table(state, node);
  alignToStyle(result);
  return result;
}
