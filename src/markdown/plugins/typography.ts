import type { Root, Text } from "mdast";
import { decodeString } from "micromark-util-decode-string";
import type { VFile } from "vfile";
import { hasTypography, typeset } from "../tree/typography.js";
import { walkParents } from "../tree/walk.js";

// Backslash escapes and character references: kramdown makes each its own element, so the
// character they stand for is never typeset and nothing around it sees it.
const ESCAPE_OR_REFERENCE = /(\\[!-/:-@[-`{-~]|&(?:#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{0,31});)/;

function typesetNode(node: Text, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return typeset(node.value);
  // What follows the text (the start of a link, emphasis, …) is context for the quote rules.
  const next = source.slice(end, end + 3);
  const raw = source.slice(start, end);
  if (raw === node.value || !ESCAPE_OR_REFERENCE.test(raw) || decodeString(raw) !== node.value) return typeset(node.value, next);
  const parts = raw.split(ESCAPE_OR_REFERENCE);
  return parts.map((part, index) => (index % 2 === 1 ? decodeString(part) : typeset(part, index === parts.length - 1 ? next : ""))).join("");
}

/**
 * kramdown's smart typography on text (never on code, HTML or math, which are not text nodes):
 * “quotes” and ‘quotes’ (closing after a CJK character, as kramdown does), – — … « ».
 */
export default function remarkTypography() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    walkParents(tree, (parent) => {
      for (const node of parent.children) {
        if (node.type === "text" && hasTypography(node.value)) node.value = typesetNode(node, source);
      }
    });
  };
}
