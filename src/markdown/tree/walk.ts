import type { Nodes } from "mdast";

/** An mdast node that has children (root included). */
export type ParentNode = Extract<Nodes, { children: unknown }>;

/**
 * Calls `enter` on every node that has children, root first, each before its children (which
 * `enter` may replace). A plain loop instead of unist-util-visit: the Markdown stage walks each
 * document several times, and visit's per-node closures showed up in profiles.
 */
export function walkParents(tree: ParentNode, enter: (parent: ParentNode) => void): void {
  enter(tree);
  for (const child of tree.children) {
    if ("children" in child) walkParents(child, enter);
  }
}

// Nodes whose children are phrasing content (text, emphasis, links, …), never blocks.
const PHRASING_PARENTS: ReadonlySet<string> = new Set(["paragraph", "heading", "table", "tableRow", "tableCell", "definitionTerm"]);

/**
 * walkParents over the nodes that can hold blocks (root, block quotes, lists and their items,
 * footnote and definition list bodies, …): it does not go into paragraphs, headings or tables,
 * which is most of a document, for the passes that look at blocks only.
 */
export function walkBlockParents(tree: ParentNode, enter: (parent: ParentNode) => void): void {
  enter(tree);
  for (const child of tree.children) {
    if ("children" in child && !PHRASING_PARENTS.has(child.type)) walkBlockParents(child, enter);
  }
}
