import type { Element, ElementContent } from "hast";
import type { DefinitionDescription, DefinitionList, DefinitionTerm } from "mdast";
import type { State } from "mdast-util-to-hast";
import "../syntax/definition-list.js";

/** A definition list as kramdown prints it: `<dl>` with `<dt>` and `<dd>` in source order. */
export function definitionList(state: State, node: DefinitionList): Element {
  const result: Element = { type: "element", tagName: "dl", properties: { ...node.data?.hProperties }, children: state.wrap(state.all(node), true) };
  state.patch(node, result);
  return result;
}

/** A term: `<dt>` with the term's inline content. */
export function definitionTerm(state: State, node: DefinitionTerm): Element {
  const result: Element = { type: "element", tagName: "dt", properties: { ...node.data?.hProperties }, children: state.all(node) };
  state.patch(node, result);
  return result;
}

/**
 * A definition: `<dd>`, whose first paragraph is printed without <p> unless a blank line came
 * before the definition (kramdown's transparent paragraph, `first_as_para`).
 */
export function definitionDescription(state: State, node: DefinitionDescription): Element {
  const children: ElementContent[] = [];
  state.all(node).forEach((child, index) => {
    if (!node.spread && index === 0 && child.type === "element" && child.tagName === "p") children.push(...child.children);
    else children.push({ type: "text", value: "\n" }, child, { type: "text", value: "\n" });
  });
  const result: Element = { type: "element", tagName: "dd", properties: { ...node.data?.hProperties }, children };
  state.patch(node, result);
  return result;
}
