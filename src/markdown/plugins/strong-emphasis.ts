import type { Emphasis, Root, Strong } from "mdast";
import { walkParents } from "../tree/walk.js";

/** `***text***` nests as kramdown nests it, `<strong><em>` (CommonMark gives `<em><strong>`). */
export default function remarkStrongEmphasis() {
  return (tree: Root): void => {
    walkParents(tree, (parent) => {
      parent.children.forEach((node, index) => {
        const only = node.type === "emphasis" && node.children.length === 1 ? node.children[0] : undefined;
        if (only?.type !== "strong") return;
        const emphasis: Emphasis = { type: "emphasis", children: only.children };
        const strong: Strong = { type: "strong", children: [emphasis], ...(node.position ? { position: node.position } : {}) };
        parent.children[index] = strong;
      });
    });
  };
}
