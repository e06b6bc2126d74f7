import type { List, Parent, Root, RootContent } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";

// Line numbers (1-based) of the source's blank lines.
function blankLines(source: string): Set<number> {
  const blank = new Set<number>();
  source.split("\n").forEach((line, index) => {
    if (line.trim() === "") blank.add(index + 1);
  });
  return blank;
}

function setSpacing(list: List, next: RootContent | undefined, blank: ReadonlySet<number>): void {
  list.children.forEach((item, index) => {
    const end = item.position?.end.line;
    const following = list.children[index + 1] ?? next;
    const blankAfter = end !== undefined && following !== undefined && blank.has(end + 1);
    item.spread = item.spread === true || blankAfter;
  });
}

/**
 * Marks list items loose as kramdown does: one item at a time, an item being loose when blank
 * lines separate its blocks or follow it (CommonMark makes the whole list loose instead).
 */
export default function remarkListSpacing() {
  return (tree: Root, file: VFile): void => {
    let blank: Set<number> | undefined;
    visit(tree, (node) => {
      if (!("children" in node)) return;
      const parent = node as Parent;
      parent.children.forEach((child, index) => {
        if (child.type === "list") setSpacing(child, parent.children[index + 1], (blank ??= blankLines(String(file.value))));
      });
    });
  };
}
