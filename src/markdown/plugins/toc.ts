import type { Element, ElementContent, Root } from "hast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import "../tree/toc-marker.js";

const HEADING = /^h([1-6])$/;

interface Entry {
  readonly level: number;
  readonly id: string;
  readonly content: ElementContent[];
  readonly children: Entry[];
}

// Heading content for the TOC link: the heading's children with links unwrapped.
function linkContent(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((node) => (node.type === "element" && node.tagName === "a" ? linkContent(node.children) : [structuredClone(node)]));
}

// kramdown's generate_toc: each heading nests under the last one of a lower level.
function tocEntries(tree: Root): Entry[] {
  const top: Entry[] = [];
  const stack: Entry[] = [];
  visit(tree, "element", (node) => {
    const level = HEADING.exec(node.tagName)?.[1];
    if (!level) return;
    const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
    if (typeof node.properties.id !== "string" || classes.includes("no_toc")) return SKIP;
    const entry: Entry = { level: Number(level), id: node.properties.id, content: linkContent(node.children), children: [] };
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= entry.level) stack.pop();
    (stack[stack.length - 1]?.children ?? top).push(entry);
    stack.push(entry);
    return SKIP;
  });
  return top;
}

function tocList(tagName: string, entries: readonly Entry[]): Element {
  const items: ElementContent[] = entries.map((entry) => {
    const link: Element = { type: "element", tagName: "a", properties: { href: `#${entry.id}`, id: `markdown-toc-${entry.id}` }, children: entry.content };
    const children: ElementContent[] = entry.children.length > 0 ? [link, tocList(tagName, entry.children)] : [link];
    return { type: "element", tagName: "li", properties: {}, children };
  });
  return { type: "element", tagName, properties: {}, children: items };
}

/** kramdown's `{:toc}`: the list marked with it becomes a table of contents of the headings with ids. */
export default function rehypeToc() {
  return (tree: Root, file: VFile): void => {
    if (!file.data.kramdownToc) return;
    let entries: Entry[] | undefined;
    visit(tree, "element", (node) => {
      if (!node.data?.kramdownToc) return;
      entries ??= tocEntries(tree);
      node.children = tocList(node.tagName, entries).children;
      node.properties = { ...node.properties, id: "markdown-toc" };
      return SKIP;
    });
  };
}
