import type { Element, ElementContent, Properties } from "hast";
import type { List, ListItem } from "mdast";
import type { State } from "mdast-util-to-hast";

const CHECKBOX: Properties = { type: "checkbox", className: ["task-list-item-checkbox"], disabled: true };

// An item whose `spread` is false shows its first paragraph's contents without <p> (kramdown's
// transparent paragraph); other blocks go on lines of their own.
function itemChildren(state: State, item: ListItem): ElementContent[] {
  const out: ElementContent[] = [];
  item.children.forEach((child, index) => {
    const converted = state.one(child, item);
    for (const node of (Array.isArray(converted) ? converted : converted ? [converted] : []) as ElementContent[]) {
      if (!item.spread && index === 0 && node.type === "element" && node.tagName === "p") out.push(...node.children);
      else out.push({ type: "text", value: "\n" }, node, { type: "text", value: "\n" });
    }
  });
  return out;
}

function listItem(state: State, item: ListItem, isTaskList: boolean): Element {
  const children = itemChildren(state, item);
  const properties: Properties = { ...item.data?.hProperties };
  if (isTaskList) {
    properties.className = ["task-list-item", ...(Array.isArray(properties.className) ? properties.className.map(String) : [])];
  }
  if (typeof item.checked === "boolean") {
    const checkbox: Element = { type: "element", tagName: "input", properties: { ...CHECKBOX, ...(item.checked ? { checked: true } : {}) }, children: [] };
    const first = children[0];
    if (item.spread && first?.type === "element" && first.tagName === "p") first.children.unshift(checkbox);
    else children.unshift(checkbox);
  }
  const result: Element = { type: "element", tagName: "li", properties, children };
  state.patch(item, result);
  return result;
}

/**
 * Lists as kramdown prints them: <p> or not per item (`item.spread`, set by the list-spacing
 * plugin), no `start` attribute, GFM task lists with kramdown's classes (every item after the
 * first task item is a `task-list-item`).
 */
export function list(state: State, node: List): Element {
  const items: Element[] = [];
  let isTaskList = false;
  for (const item of node.children) {
    isTaskList ||= typeof item.checked === "boolean";
    items.push(listItem(state, item, isTaskList));
  }
  const properties: Properties = { ...node.data?.hProperties };
  if (isTaskList) properties.className = ["task-list", ...(Array.isArray(properties.className) ? properties.className.map(String) : [])];
  const result: Element = { type: "element", tagName: node.ordered ? "ol" : "ul", properties, children: state.wrap(items, true) };
  if (node.data?.kramdownToc) result.data = { ...result.data, kramdownToc: true } as NonNullable<Element["data"]>;
  state.patch(node, result);
  return result;
}
