import type { Element, Nodes, Parents } from "hast";
import { fromHtml } from "hast-util-from-html";

// Elements whose edges carry no meaning for whitespace: space next to their tags is not rendered
// (HTML's block formatting and CSS white-space processing drop it).
const BLOCK = new Set([
  "address", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "h1", "h2", "h3", "h4",
  "h5", "h6", "hr", "li", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);

/**
 * Canonical form of an HTML fragment, for comparing kiji's output with Jekyll's. The fragment is
 * parsed as a browser would (so `<hr>`/`<hr />`, `&#39;`/`'`, `&nbsp;`/U+00A0 and attribute quoting
 * are the same thing) and printed back one way:
 * - attributes sorted by name (their order means nothing in HTML); values kept verbatim, so the
 *   order of class names still counts;
 * - outside `<pre>`, every run of ASCII whitespace becomes one space, and a space next to the tag
 *   of a block element (p, li, div, table cells, br, …) is dropped — that is kramdown's blank lines
 *   and two-space indentation, which no browser shows; U+00A0 is not whitespace here and stays;
 * - inside `<pre>` text is kept exactly;
 * - text is printed with `&`, `<` and `>` escaped, every other character as itself.
 * Elements, attribute names and values, text and comments are all still compared.
 */
export function normalizeHtml(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  return print(tree, false).replace(/ ?\u0001 ?/g, "").trim();
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function printAttributes(element: Element): string {
  const attrs: string[] = [];
  for (const [name, value] of Object.entries(element.properties)) {
    if (value === undefined || value === null || value === false) continue;
    const text = Array.isArray(value) ? value.join(name === "className" ? " " : ", ") : value === true ? "" : String(value);
    attrs.push(` ${name}="${escapeText(text).replace(/"/g, "&quot;")}"`);
  }
  return attrs.sort().join("");
}

// \u0001 marks a block boundary; spaces touching it are removed at the end.
function print(node: Nodes, inPre: boolean): string {
  switch (node.type) {
    case "text":
      return inPre ? escapeText(node.value) : escapeText(node.value).replace(/[ \t\n\r\f]+/g, " ");
    case "comment":
      return `<!--${node.value}-->`;
    case "element": {
      const pre = inPre || node.tagName === "pre";
      const mark = BLOCK.has(node.tagName) && !inPre ? "\u0001" : "";
      const inner = printChildren(node, pre);
      return `${mark}<${node.tagName}${printAttributes(node)}>${mark}${inner}${mark}</${node.tagName}>${mark}`;
    }
    case "root":
      return printChildren(node, inPre);
    default:
      return "";
  }
}

function printChildren(node: Parents, inPre: boolean): string {
  const content = node.type === "element" && node.tagName === "template" ? [] : node.children;
  return content.map((child) => print(child, inPre)).join("");
}
