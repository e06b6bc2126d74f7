import type { Heading, ListItem, Parent, Root, Text } from "mdast";
import type { VFile } from "vfile";
import { type AttributeList, mergeAttributes, parseAttributeList } from "../tree/attribute-list.js";
import { hastPropertiesOf } from "../tree/hast-data.js";
import { walkParents } from "../tree/walk.js";

type Alds = ReadonlyMap<string, AttributeList>;
// kramdown's IAL_SPAN_START, directly after a span element.
const SPAN_IAL = /^\{:((?:\\\}|[^}])+)\}/;
// An IAL at the very start of a list item (kramdown's list item IAL).
const ITEM_IAL = /^\{:((?:\\\}|[^}])+)\}[ \t]*/;
// kramdown's HEADER_ID: white space, `{#` + an XML name + `}` at the end of a header.
const NAME_START = String.raw`:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}`;
const HEADER_ID = new RegExp(String.raw`[\t ]\{#([${NAME_START}][${NAME_START}\-.0-9\u00B7\u0300-\u036F\u203F\u2040]*)\}$`, "u");

function headerId(heading: Heading): void {
  const last = heading.children[heading.children.length - 1];
  if (last?.type !== "text") return;
  const match = HEADER_ID.exec(last.value);
  if (!match?.[1]) return;
  last.value = last.value.slice(0, match.index).trimEnd();
  hastPropertiesOf(heading).id = match[1];
}

function itemIal(item: ListItem, alds: Alds): void {
  const first = item.children[0];
  const text = first?.type === "paragraph" ? first.children[0] : undefined;
  if (text?.type !== "text") return;
  const match = ITEM_IAL.exec(text.value);
  if (!match?.[1]) return;
  text.value = text.value.slice(match[0].length);
  mergeAttributes(hastPropertiesOf(item), parseAttributeList(match[1]), alds);
}

function spanIals(parent: Parent, alds: Alds): void {
  for (let index = 1; index < parent.children.length; index += 1) {
    const text = parent.children[index] as Text;
    const element = parent.children[index - 1];
    if (text.type !== "text" || !element || element.type === "text") continue;
    const match = SPAN_IAL.exec(text.value);
    if (!match?.[1]) continue;
    text.value = text.value.slice(match[0].length);
    mergeAttributes(hastPropertiesOf(element), parseAttributeList(match[1]), alds);
  }
}

/**
 * kramdown's inline attribute lists: `{#id}` at the end of a header, `{: .x}` right after a span
 * element (`*em*{: .x}`, `[a](b){:target="_blank"}`) and at the start of a list item.
 */
export default function remarkSpanIal() {
  return (tree: Root, file: VFile): void => {
    const alds: Alds = file.data.kramdownAlds ?? new Map();
    walkParents(tree, (node) => {
      if (node.type === "heading") headerId(node);
      else if (node.type === "listItem") itemIal(node, alds);
      if (node.children.length > 1) spanIals(node, alds);
    });
  };
}
