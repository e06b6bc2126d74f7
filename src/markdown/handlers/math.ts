import type { ElementContent, Text } from "hast";
import type { Paragraph } from "mdast";
import type { InlineMath, Math } from "mdast-util-math";
import { defaultHandlers, type State } from "mdast-util-to-hast";

/** A `$$` math block as kramdown prints it without a math engine option (MathJax): `\[…\]`. */
export function math(state: State, node: Math): Text {
  const result: Text = { type: "text", value: `\\[${node.value}\\]` };
  state.patch(node, result);
  return result;
}

/** Inline `$$…$$` math as kramdown prints it: `\(…\)`. */
export function inlineMath(state: State, node: InlineMath): Text {
  const result: Text = { type: "text", value: `\\(${node.value}\\)` };
  state.patch(node, result);
  return result;
}

/** A paragraph that is only `$$…$$` is a math block in kramdown. */
export function paragraph(state: State, node: Paragraph): ElementContent | undefined {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type === "inlineMath") return math(state, { type: "math", value: only.value, ...(node.position ? { position: node.position } : {}) });
  return defaultHandlers.paragraph(state, node);
}
