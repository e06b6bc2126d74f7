import type { Root } from "hast";
import rehypeStringify from "rehype-stringify";
import remarkCjkFriendly from "remark-cjk-friendly/parseOnly";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { collectText, type Heading } from "./collect-text.js";
import { kramdownHandlers } from "./handlers/index.js";
import { type MarkdownOptions, resolveMarkdownOptions } from "./markdown-options.js";
import remarkAbbreviations from "./plugins/abbreviations.js";
import remarkBlockIal from "./plugins/block-ial.js";
import rehypeHeadingIds from "./plugins/heading-ids.js";
import remarkKramdownBlocks from "./plugins/kramdown-blocks.js";
import remarkKramdownInput from "./plugins/kramdown-input.js";
import remarkListSpacing from "./plugins/list-spacing.js";
import remarkSpanHtml from "./plugins/span-html.js";
import remarkSpanIal from "./plugins/span-ial.js";
import remarkStrongEmphasis from "./plugins/strong-emphasis.js";
import rehypeToc from "./plugins/toc.js";
import remarkTypography from "./plugins/typography.js";
import { createHighlighter } from "./tree/highlight.js";

export type { Heading } from "./collect-text.js";
export type { MarkdownOptions } from "./markdown-options.js";

/** What the Markdown stage returns for one document: plain data, cacheable and transferable. */
export interface RenderedMarkdown {
  readonly html: string;
  readonly headings: readonly Heading[];
  /** The visible text outside code blocks, for excerpts, reading time and related-post terms. */
  readonly text: string;
}

/** Renders Markdown to HTML; one is created per build (or per worker) and reused for every document. */
export interface MarkdownRenderer {
  render(markdown: string): RenderedMarkdown;
}

/**
 * Creates the Markdown renderer: remark-parse with kramdown's GFM dialect → kramdown's block
 * and span rules on mdast → remark-rehype with kramdown's markup → heading ids and `{:toc}` →
 * rehype-stringify (XHTML-style void tags, as kramdown). Raw HTML passes through untouched.
 * The processor is frozen once here; `render` is a pure function of its input.
 */
export function createMarkdownRenderer(options: MarkdownOptions = {}): MarkdownRenderer {
  const settings = resolveMarkdownOptions(options);
  const highlight = settings.highlight ? createHighlighter() : () => undefined;
  const tableGate = { hasPipe: true };
  const parsed = unified()
    .use(remarkParse)
    .use(remarkKramdownInput, { tableGate })
    .use(remarkCjkFriendly)
    // Order matters: spacing reads the tree as parsed, before the block rules remove `^` lines.
    .use(remarkListSpacing)
    .use(remarkBlockIal)
    .use(remarkKramdownBlocks)
    .use(remarkSpanIal)
    .use(remarkStrongEmphasis)
    .use(remarkAbbreviations)
    .use(remarkTypography)
    .use(remarkSpanHtml)
    .use(remarkRehype, { allowDangerousHtml: true, handlers: kramdownHandlers(highlight) });
  const withIds = settings.headingIds ? parsed.use(rehypeHeadingIds, { prefix: settings.headingIdPrefix }) : parsed;
  const processor = withIds
    .use(rehypeToc)
    .use(rehypeStringify, { allowDangerousHtml: true, closeSelfClosing: true })
    .freeze();
  return {
    render(markdown) {
      tableGate.hasPipe = markdown.includes("|");
      const tree = processor.runSync(processor.parse(markdown), markdown) as Root;
      const { headings, text } = collectText(tree);
      const html = processor.stringify(tree);
      // kramdown ends every block with a newline, so converted content does too.
      return { html: html === "" || html.endsWith("\n") ? html : `${html}\n`, headings, text };
    },
  };
}
