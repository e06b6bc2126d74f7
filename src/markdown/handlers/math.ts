import type { Text } from "hast";
import type { Paragraph } from "mdast";
import type { InlineMath, Math } from "mdast-util-math";
import type { State } from "mdast-util-to-hast";

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

/** A paragraph that is only `$$…$$` is a math block in kramdown: that block, else undefined. */
export function paragraphMath(state: State, node: Paragraph): Text | undefined {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type !== "inlineMath") return undefined;
  return math(state, { type: "math", value: only.value, ...(node.position ? { position: node.position } : {}) });
}
