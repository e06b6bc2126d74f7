import type { Element, Root, RootContent } from "hast";
import { textOf } from "./plugins/heading-ids.js";

/** A heading of a rendered document, for tables of contents, checks and related posts. */
export interface Heading {
  readonly depth: number;
  readonly id: string;
  readonly text: string;
}

const BLOCK_TAGS = new Set(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "dt", "dd", "div"]);
const HEADING_DEPTHS: ReadonlyMap<string, number> = new Map([1, 2, 3, 4, 5, 6].map((depth) => [`h${depth}`, depth]));

/** The headings and the visible plain text outside code blocks of a hast tree, in one walk. */
export function collectText(tree: Root): { headings: Heading[]; text: string } {
  const headings: Heading[] = [];
  const chunks: string[] = [];
  const visit = (node: Root | RootContent): void => {
    if (node.type === "text") chunks.push(node.value);
    else if (node.type === "element" || node.type === "root") {
      const element = node as Element;
      // Code blocks are not prose: reading time and related-post terms leave them out.
      if (node.type === "element" && element.tagName === "pre") return;
      const depth = node.type === "element" ? HEADING_DEPTHS.get(element.tagName) : undefined;
      if (depth !== undefined) headings.push({ depth, id: String(element.properties.id ?? ""), text: textOf(element) });
      for (const child of node.children) visit(child as RootContent);
      if (node.type === "element" && BLOCK_TAGS.has(element.tagName)) chunks.push("\n");
    }
  };
  visit(tree);
  return { headings, text: chunks.join("").replace(/\n{2,}/g, "\n").trim() };
}
