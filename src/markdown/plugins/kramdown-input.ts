import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { mathFromMarkdown } from "mdast-util-math";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { defList } from "micromark-extension-definition-list";
import { math } from "micromark-extension-math";
import type { Processor } from "unified";
import { blockIalFromMarkdown, blockIalSyntax } from "../syntax/block-ial.js";
import { kramdownCodeFencedSyntax } from "../syntax/code-fenced.js";
import { kramdownCodeSpanFromMarkdown, kramdownCodeSpanSyntax } from "../syntax/code-span.js";
import { definitionListFromMarkdown } from "../syntax/definition-list.js";
import { kramdownGuillemetSyntax } from "../syntax/guillemets.js";
import { kramdownHtmlBlockFromMarkdown, kramdownHtmlBlockSyntax } from "../syntax/html-block.js";
import { kramdownHtmlSpanBlockFromMarkdown, kramdownHtmlSpanBlockSyntax } from "../syntax/html-span-block.js";
import { type TableGate, kramdownTableSyntax } from "../syntax/kramdown-table.js";
import { kramdownLineBreakSyntax } from "../syntax/line-break.js";
import { kramdownListSyntax } from "../syntax/kramdown-lists.js";
import { kramdownTableFromMarkdown } from "../syntax/table-rows.js";

/**
 * The Markdown dialect Jekyll reads (kramdown's GFM parser) on top of CommonMark: kramdown tables,
 * `~~strike~~` (not single `~`), task lists and footnotes, but no bare-URL autolinks; `$$` math;
 * definition lists; block IAL/ALD lines; kramdown's list markers, fences, code
 * spans, `\\` line breaks, HTML blocks and `<<`. (CJK-friendly emphasis is its own plugin.)
 * `tableGate`, when given, tells the table construct whether the document has a `|`.
 */
export default function remarkKramdownInput(this: Processor, options: { readonly tableGate?: TableGate } = {}): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(
    kramdownTableSyntax(options.tableGate),
    gfmStrikethrough({ singleTilde: false }),
    gfmTaskListItem(),
    gfmFootnote(),
    math({ singleDollarTextMath: false }),
    blockIalSyntax(),
    kramdownListSyntax(),
    defList,
    kramdownCodeSpanSyntax(),
    kramdownLineBreakSyntax(),
    kramdownHtmlBlockSyntax(),
    kramdownHtmlSpanBlockSyntax(),
    kramdownGuillemetSyntax(),
    kramdownCodeFencedSyntax(),
  );
  (data.fromMarkdownExtensions ??= []).push(
    kramdownTableFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    mathFromMarkdown(),
    blockIalFromMarkdown(),
    definitionListFromMarkdown(),
    kramdownCodeSpanFromMarkdown(),
    kramdownHtmlBlockFromMarkdown(),
    kramdownHtmlSpanBlockFromMarkdown(),
  );
}
