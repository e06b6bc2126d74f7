import type { ElementContent } from "hast";
import type { Paragraph } from "mdast";
import { defaultHandlers, type State } from "mdast-util-to-hast";
import "../syntax/html-span-block.js";
import { paragraphMath } from "./math.js";
import { createUnwrapped } from "./unwrap.js";

/**
 * Paragraphs, with kramdown's two exceptions: one that is only `$$…$$` is a math block, and a
 * block element with markdown="span" content is printed as its tags and text, without <p>.
 */
export function paragraph(state: State, node: Paragraph): ElementContent | undefined {
  if (node.data?.kramdownHtmlSpan) return createUnwrapped(state, state.all(node));
  return paragraphMath(state, node) ?? defaultHandlers.paragraph(state, node);
}
