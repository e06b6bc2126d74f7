import type { List, ListItem, Root, RootContent } from "mdast";
import type { VFile } from "vfile";
import { walkBlockParents } from "../tree/walk.js";

/** Whether a line (1-based) of the source is blank. */
type BlankTest = (line: number) => boolean;

// Indexes where the lines start, so that only the lines asked about are sliced.
function blankLineTest(source: string): BlankTest {
  const starts = [0];
  for (let end = source.indexOf("\n"); end !== -1; end = source.indexOf("\n", end + 1)) starts.push(end + 1);
  return (line) => {
    const start = starts[line - 1];
    if (start === undefined) return false;
    const next = starts[line];
    return source.slice(start, next === undefined ? source.length : next - 1).trim() === "";
  };
}

function isEndOfBlockMarker(node: RootContent | undefined): boolean {
  return node?.type === "paragraph" && node.children.length === 1 && node.children[0]?.type === "text" && node.children[0].value === "^";
}

// The item's blocks as kramdown's list parser sees them: its children with a `blank` after each
// one followed by a blank line (blank lines after the item belong to it too).
function kramdownChildren(item: ListItem, isBlank: BlankTest): Array<string> {
  const out: string[] = [];
  for (const child of item.children) {
    out.push(child.type);
    const end = child.position?.end.line;
    if (end !== undefined && isBlank(end + 1)) out.push("blank");
  }
  return out;
}

// kramdown's parse_list: the first paragraph of an item is "transparent" (printed without <p>)
// unless a blank line follows it; the last item's trailing blank line only counts before a `^`,
// and the last item keeps its <p> when every earlier item has one.
function setSpacing(list: List, next: RootContent | undefined, isBlank: BlankTest): void {
  const endOfBlock = isEndOfBlockMarker(next);
  let anyTransparent = false;
  list.children.forEach((item, index) => {
    const children = kramdownChildren(item, isBlank);
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
    let isBlank: BlankTest | undefined;
    // Lists are blocks: never inside a paragraph, heading or table.
    walkBlockParents(tree, (parent) => {
      parent.children.forEach((child, index) => {
        if (child.type === "list") setSpacing(child, parent.children[index + 1], (isBlank ??= blankLineTest(String(file.value))));
      });
    });
  };
}
