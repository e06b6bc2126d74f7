import type { Element, ElementContent, Root, RootContent } from "hast";
import type { State } from "mdast-util-to-hast";

declare module "hast" {
  interface ElementData {
    /** The element stands for its children (see createUnwrapped). */
    kramdownUnwrap?: boolean;
  }
}

// Documents (conversion states) that made elements to unwrap.
const marked = new WeakSet<State>();

/**
 * An element that stands for its children: handlers return one node, and mdast-util-to-hast puts
 * line breaks between the blocks it gets, which must not come between inline content.
 */
export function createUnwrapped(state: State, children: ElementContent[]): Element {
  marked.add(state);
  return { type: "element", tagName: "span", properties: {}, children, data: { kramdownUnwrap: true } as NonNullable<Element["data"]> };
}

function unwrapChildren(parent: Root | Element): void {
  const children: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type === "element") unwrapChildren(child);
    if (child.type === "element" && child.data?.kramdownUnwrap) children.push(...child.children);
    else children.push(child);
  }
  parent.children = children as typeof parent.children;
}

/** Replaces the elements made by createUnwrapped with their children (only if the document made any). */
export function unwrapMarked(state: State, tree: Root): void {
  if (marked.has(state)) unwrapChildren(tree);
}
