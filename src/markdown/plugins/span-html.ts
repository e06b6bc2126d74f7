import type { Html, Nodes, Root, Text } from "mdast";
import type { VFile } from "vfile";
import "../syntax/html-span-block.js";
import { walkParents } from "../tree/walk.js";

// kramdown's HTML_BLOCK_ELEMENTS (parser/html.rb): in running text their tags are not HTML.
const BLOCK_ELEMENTS = new Set(
  ("address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form " +
    "h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary " +
    "table tbody td th thead tfoot tr ul").split(" "),
);
// HTML_ELEMENTS_WITHOUT_BODY: never closed.
const VOID_ELEMENTS = new Set("area base br col command embed hr img input keygen link meta param source track wbr".split(" "));
const TAG = /^<(\/?)([\w:][\w.:-]*)(?:\s[^>]*?)?(\/?)>$/;

// The inline HTML nodes of one block's text, in document order (through emphasis, links, …).
function inlineHtml(node: Nodes, out: Html[]): Html[] {
  if (node.type === "html") out.push(node);
  else if ("children" in node) for (const child of node.children) inlineHtml(child, out);
  return out;
}

// kramdown's parse_span_html: an end tag is HTML only when it closes an element opened earlier
// in the same text, and a block-level element's tags are text there. Returns those tags and
// the elements left open at the end.
function strayTags(nodes: readonly Html[]): { stray: Html[]; open: string[] } {
  const open: string[] = [];
  const stray: Html[] = [];
  for (const node of nodes) {
    const [, isClosing, name = "", isSelfClosing] = TAG.exec(node.value) ?? [];
    const lower = name.toLowerCase();
    if (!name) continue;
    if (BLOCK_ELEMENTS.has(lower)) stray.push(node);
    else if (!isClosing && !isSelfClosing && !VOID_ELEMENTS.has(lower)) open.push(lower);
    else if (isClosing) {
      const index = open.lastIndexOf(lower);
      if (index < 0) stray.push(node);
      else open.length = index;
    }
  }
  return { stray, open };
}

/**
 * HTML tags in text as kramdown reads them: `</also>` with no `<also>` before it, and tags of
 * block-level elements, are printed as text (`&lt;/also&gt;`); elements left open are closed at
 * the end of the text. Runs after typography, which kramdown does not apply to such tags.
 */
export default function remarkSpanHtml() {
  return (tree: Root, file: VFile): void => {
    // HTML nodes are made only from a `<` in the source.
    if (!String(file.value).includes("<")) return;
    walkParents(tree, (parent) => {
      if (parent.type !== "paragraph" && parent.type !== "heading" && parent.type !== "tableCell" && parent.type !== "definitionTerm") return;
      // A block element with markdown="span" content: its tags are the element's own.
      if (parent.type === "paragraph" && parent.data?.kramdownHtmlSpan) return;
      const nodes = inlineHtml(parent, []);
      if (nodes.length === 0) return;
      const { stray, open } = strayTags(nodes);
      for (const node of stray) (node as unknown as Text).type = "text";
      // kramdown closes what is still open where the text ends.
      for (const name of open.reverse()) parent.children.push({ type: "html", value: `</${name}>` });
    });
  };
}
