import type { Handlers } from "mdast-util-to-hast";
import "../tree/toc-marker.js";
import type { Highlighter } from "../tree/highlight.js";
import { createCodeHandler, inlineCode } from "./code.js";
import { definitionDescription, definitionList, definitionTerm } from "./definition-list.js";
import { footnoteReference } from "./footnotes.js";
import { html } from "./html.js";
import { list } from "./lists.js";
import { inlineMath, math } from "./math.js";
import { paragraph } from "./paragraph.js";
import { root } from "./root.js";
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
