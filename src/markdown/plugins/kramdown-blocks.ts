import type { Heading, Paragraph, Parent, PhrasingContent, Root, RootContent, ThematicBreak } from "mdast";
import type { VFile } from "vfile";
import { typeset } from "../tree/typography.js";
import { walkBlockParents } from "../tree/walk.js";

function sourceOf(node: RootContent, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : source.slice(start, end);
}

function lineCount(node: RootContent): number {
  return node.position ? node.position.end.line - node.position.start.line + 1 : 1;
}

function adjacent(before: RootContent, after: RootContent): boolean {
  return before.position !== undefined && after.position !== undefined && before.position.end.line + 1 === after.position.start.line;
}

// A paragraph that goes on with `line` as text (kramdown typesets it: `---` → `—`).
function appendLine(paragraph: Paragraph | Heading, line: string): Paragraph {
  const children: PhrasingContent[] = [...paragraph.children, { type: "text", value: `\n${typeset(line.trim())}` }];
  return { type: "paragraph", children, ...(paragraph.position ? { position: paragraph.position } : {}) };
}

// kramdown's SETEXT_HEADER_START wants a single line of text above the underline: a setext
// heading of several lines stays a paragraph that ends with the (typeset) underline.
function setextQuirk(heading: Heading, source: string): RootContent {
  const text = sourceOf(heading, source);
  if (/^ {0,3}#/.test(text) || lineCount(heading) <= 2) return heading;
  const underline = text.slice(text.lastIndexOf("\n") + 1);
  return appendLine(heading, underline);
}

// After a list item's one-line paragraph, kramdown reads a `---` line as that item's setext
// underline (an <h2> inside the <li>); after a paragraph, `***` and `___` are more paragraph text.
function breakQuirk(previous: RootContent | undefined, rule: ThematicBreak, source: string): RootContent | undefined {
  if (!previous || !adjacent(previous, rule)) return undefined;
  const line = sourceOf(rule, source).trim();
  if (previous.type === "paragraph" && /^[*_]+$/.test(line)) return appendLine(previous, line);
  if (previous.type !== "list" || !/^-+$/.test(line)) return undefined;
  const item = previous.children[previous.children.length - 1];
  const last = item?.children[item.children.length - 1];
  if (!item || last?.type !== "paragraph" || !adjacent(last, rule)) return undefined;
  item.children[item.children.length - 1] = lineCount(last) === 1 ? { type: "heading", depth: 2, children: last.children } : appendLine(last, line);
  return previous;
}

function isEndOfBlockMarker(node: RootContent): boolean {
  return node.type === "paragraph" && node.children.length === 1 && node.children[0]?.type === "text" && node.children[0].value === "^";
}

function fixChildren(parent: Parent, source: string): void {
  const out: RootContent[] = [];
  for (const child of parent.children) {
    const previous = out[out.length - 1];
    if (child.type === "thematicBreak") {
      const merged = breakQuirk(previous, child, source);
      if (merged) {
        out[out.length - 1] = merged;
        continue;
      }
    }
    if (isEndOfBlockMarker(child)) continue;
    out.push(child.type === "heading" ? setextQuirk(child, source) : child);
  }
  parent.children = out as typeof parent.children;
}

/**
 * Block rules where kramdown and CommonMark disagree: one-line setext headers only, `***`/`___`
 * right after a paragraph are text, `---` after a list item makes an <h2> in the item, and a `^`
 * line (end-of-block marker) prints nothing.
 */
export default function remarkKramdownBlocks() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    walkBlockParents(tree, (node) => {
      if (node.type === "root" || node.type === "blockquote" || node.type === "listItem" || node.type === "footnoteDefinition") fixChildren(node, source);
    });
  };
}

