import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { hasTypography, typeset } from "../tree/typography.js";

/**
 * kramdown's smart typography on text (never on code, HTML or math, which are not text nodes):
 * “quotes” and ‘quotes’ (closing after a CJK character, as kramdown does), – — … « ».
 */
export default function remarkTypography() {
  return (tree: Root): void => {
    visit(tree, "text", (node) => {
      if (hasTypography(node.value)) node.value = typeset(node.value);
    });
  };
}
