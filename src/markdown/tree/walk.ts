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
