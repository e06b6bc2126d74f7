import type { List, ListItem, Root, RootContent } from "mdast";
import type { VFile } from "vfile";
import { walkParents } from "../tree/walk.js";

// Line numbers (1-based) of the source's blank lines.
function blankLines(source: string): Set<number> {
  const blank = new Set<number>();
  source.split("\n").forEach((line, index) => {
    if (line.trim() === "") blank.add(index + 1);
  });
  return blank;
}

function isEndOfBlockMarker(node: RootContent | undefined): boolean {
  return node?.type === "paragraph" && node.children.length === 1 && node.children[0]?.type === "text" && node.children[0].value === "^";
}

// The item's blocks as kramdown's list parser sees them: its children with a `blank` after each
// one followed by a blank line (blank lines after the item belong to it too).
function kramdownChildren(item: ListItem, blank: ReadonlySet<number>): Array<string> {
  const out: string[] = [];
  for (const child of item.children) {
    out.push(child.type);
    const end = child.position?.end.line;
    if (end !== undefined && blank.has(end + 1)) out.push("blank");
  }
  return out;
}

// kramdown's parse_list: the first paragraph of an item is "transparent" (printed without <p>)
// unless a blank line follows it; the last item's trailing blank line only counts before a `^`,
// and the last item keeps its <p> when every earlier item has one.
function setSpacing(list: List, next: RootContent | undefined, blank: ReadonlySet<number>): void {
  const endOfBlock = isEndOfBlockMarker(next);
  let anyTransparent = false;
  list.children.forEach((item, index) => {
    const children = kramdownChildren(item, blank);
    const isLast = index === list.children.length - 1;
    const first = children[0] === "paragraph";
    const noBlankAfterFirst = children.length < 2 || children[1] !== "blank" || (isLast && children.length === 2 && !endOfBlock);
    const transparent = first && noBlankAfterFirst && (!isLast || list.children.length === 1 || anyTransparent);
    anyTransparent ||= transparent || !first;
    item.spread = !transparent;
  });
}

/**
 * Decides, item by item, whether a list item's first paragraph gets a <p> as kramdown does
 * (CommonMark decides for the whole list instead). The answer is left in `listItem.spread`.
 */
export default function remarkListSpacing() {
  return (tree: Root, file: VFile): void => {
    let blank: Set<number> | undefined;
    walkParents(tree, (parent) => {
      parent.children.forEach((child, index) => {
        if (child.type === "list") setSpacing(child, parent.children[index + 1], (blank ??= blankLines(String(file.value))));
      });
    });
  };
}
