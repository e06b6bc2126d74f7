import type { Nodes, Parent, Root, RootContent } from "mdast";
import type { VFile } from "vfile";
import { type AttributeList, mergeAttributes, parseAttributeList } from "../tree/attribute-list.js";
import { hastPropertiesOf } from "../tree/hast-data.js";
import { walkBlockParents } from "../tree/walk.js";
import "../tree/toc-marker.js";

declare module "vfile" {
  interface DataMap {
    /** The document's ALDs (`{:name: …}`), for span IALs that reference them. */
    kramdownAlds: ReadonlyMap<string, AttributeList>;
    /** Whether the document has a `{:toc}` list (so the toc plugin has work to do). */
    kramdownToc: boolean;
  }
}

// kramdown's ALD_START: `{:name: attributes}` defines an attribute list named `name`.
const ALD = /^(\w[\w-]*):(.+)$/s;

interface Application {
  readonly target: Nodes;
  readonly list: AttributeList;
}

/** Marks a list written `* TOC\n{:toc}` for the toc plugin (kramdown replaces it with the TOC). */
function markToc(node: Nodes): void {
  if (node.type !== "list") return;
  node.data ??= {};
  node.data.kramdownToc = true;
}

// Resolves the block IALs of one parent's children: an IAL on the line right after a block (or
// after IALs that did so) belongs to that block, otherwise to the next block (kramdown's
// parse_block_extensions and @block_ial). ALD lines define named lists and print nothing.
function collect(parent: Parent, alds: Map<string, AttributeList>, applications: Application[]): void {
  const kept: RootContent[] = [];
  let previous: Nodes | undefined;
  let previousEnd = -1;
  let waiting: AttributeList[] = [];
  for (const child of parent.children) {
    if (child.type !== "kramdownIal") {
      for (const list of waiting) applications.push({ target: child, list });
      waiting = [];
      kept.push(child);
      previous = child;
      previousEnd = child.position?.end.line ?? -1;
      continue;
    }
    const ald = ALD.exec(child.value);
    const line = child.position?.start.line ?? 0;
    if (ald?.[1] !== undefined && ald[2] !== undefined) alds.set(ald[1], parseAttributeList(ald[2]));
    else if (previous && previousEnd === line - 1) applications.push({ target: previous, list: parseAttributeList(child.value) });
    else waiting.push(parseAttributeList(child.value));
    if (previous && previousEnd === line - 1) previousEnd = child.position?.end.line ?? previousEnd;
  }
  parent.children = kept as typeof parent.children;
}

/**
 * kramdown block inline attribute lists: `{: .class #id key="value"}` after (or before) a block
 * sets that block's attributes, `{:name: …}` defines a reusable list, `{: name}` uses it.
 */
export default function remarkBlockIal() {
  return (tree: Root, file: VFile): void => {
    const alds = new Map<string, AttributeList>();
    file.data.kramdownAlds = alds;
    const applications: Application[] = [];
    // IAL lines are blocks: they are never inside a paragraph, heading or table.
    walkBlockParents(tree, (node) => {
      for (const child of node.children) {
        if (child.type === "kramdownIal") return collect(node, alds, applications);
      }
    });
    for (const { target, list } of applications) {
      if (list.refs.includes("toc")) {
        markToc(target);
        file.data.kramdownToc = true;
      }
      mergeAttributes(hastPropertiesOf(target), list, alds);
    }
  };
}
