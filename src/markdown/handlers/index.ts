import type { Handlers } from "mdast-util-to-hast";
import "../tree/toc-marker.js";
import type { Highlighter } from "../tree/highlight.js";
import { createCodeHandler, inlineCode } from "./code.js";
import { definitionDescription, definitionList, definitionTerm } from "./definition-list.js";
import { footnoteReference, root } from "./footnotes.js";
import { html } from "./html.js";
import { list } from "./lists.js";
import { inlineMath, math, paragraph } from "./math.js";
import { table } from "./table.js";

/** mdast → hast handlers that print kramdown's markup (code, lists, definition lists, footnotes, math, tables, HTML). */
export function kramdownHandlers(highlight: Highlighter): Partial<Handlers> {
  return {
    code: createCodeHandler(highlight),
    inlineCode,
    list,
    footnoteReference,
    root,
    math,
    inlineMath,
    paragraph,
    table,
    html,
    definitionList,
    definitionTerm,
    definitionDescription,
  } as unknown as Partial<Handlers>;
}
