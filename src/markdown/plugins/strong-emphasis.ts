import type { Emphasis, Root, Strong } from "mdast";
import { visit } from "unist-util-visit";

/** `***text***` nests as kramdown nests it, `<strong><em>` (CommonMark gives `<em><strong>`). */
export default function remarkStrongEmphasis() {
  return (tree: Root): void => {
    visit(tree, "emphasis", (node: Emphasis, index, parent) => {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (only?.type !== "strong" || index === undefined || !parent) return;
      const emphasis: Emphasis = { type: "emphasis", children: only.children };
      const strong: Strong = { type: "strong", children: [emphasis], ...(node.position ? { position: node.position } : {}) };
      parent.children[index] = strong;
    });
  };
}
