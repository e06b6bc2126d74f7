import type { Html } from "mdast";
import { defaultHandlers, type State } from "mdast-util-to-hast";

// `markdown="1"` (or "block"/"span") asks kramdown to parse the element's content; kramdown drops
// the attribute. CommonMark already parses Markdown between an opening tag and a blank line.
const MARKDOWN_ATTRIBUTE = /(<[A-Za-z][^>]*?)\s+markdown=(?:"[^"]*"|'[^']*'|\S+)/g;

/** Raw HTML, passed through as kramdown does, minus its `markdown` attribute. */
export function html(state: State, node: Html) {
  const value = node.value.includes("markdown=") ? node.value.replace(MARKDOWN_ATTRIBUTE, "$1") : node.value;
  return defaultHandlers.html(state, { ...node, value });
}
