import type { Root as HastRoot } from "hast";
import type { Root } from "mdast";
import { defaultHandlers, type State } from "mdast-util-to-hast";
import { appendFootnotes } from "./footnotes.js";
import { unwrapMarked } from "./unwrap.js";

/** The document: its blocks, then kramdown's footnotes; elements that stand for their children unwrapped. */
export function root(state: State, node: Root): HastRoot {
  const result = defaultHandlers.root(state, node) as HastRoot;
  appendFootnotes(state, result);
  unwrapMarked(state, result);
  return result;
}
