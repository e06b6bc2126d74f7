import type { Element, Root, RootContent } from "hast";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import rehypeHeadingIds, { textOf } from "./plugins/heading-ids.js";

/** A heading of a rendered document, for tables of contents, checks and related posts. */
export interface Heading {
  readonly depth: number;
  readonly id: string;
  readonly text: string;
}

/** What the Markdown stage returns for one document: plain data, cacheable and transferable. */
export interface RenderedMarkdown {
  readonly html: string;
  readonly headings: readonly Heading[];
  /** The visible text, for excerpts, reading time and related-post terms. */
  readonly text: string;
}

/** Markdown settings: plain data, so a worker thread can build the same renderer. */
export interface MarkdownOptions {
  /** Generate kramdown-style heading ids. Default: true (Jekyll's kramdown auto_ids). */
  readonly headingIds?: boolean;
  /** Prefix for generated heading ids. Default: "". */
  readonly headingIdPrefix?: string;
}

/** Renders Markdown to HTML; one is created per build (or per worker) and reused for every document. */
export interface MarkdownRenderer {
  render(markdown: string): RenderedMarkdown;
}

const BLOCK_TAGS = new Set(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "tr", "dt", "dd", "div"]);

function collect(tree: Root): { headings: Heading[]; text: string } {
  const headings: Heading[] = [];
  const chunks: string[] = [];
  const visit = (node: Root | RootContent): void => {
    if (node.type === "text") chunks.push(node.value);
    else if (node.type === "element" || node.type === "root") {
      const element = node as Element;
      if (node.type === "element" && /^h[1-6]$/.test(element.tagName)) {
        headings.push({ depth: Number(element.tagName[1]), id: String(element.properties.id ?? ""), text: textOf(element) });
      }
      for (const child of node.children) visit(child as RootContent);
      if (node.type === "element" && BLOCK_TAGS.has(element.tagName)) chunks.push("\n");
    }
  };
  visit(tree);
  return { headings, text: chunks.join("").replace(/\n{2,}/g, "\n").trim() };
}

/**
 * Creates the Markdown renderer: remark-parse + remark-gfm → remark-rehype → rehype-stringify,
 * raw HTML passed through untouched, with the kramdown-compatibility plugins. The processor is
 * frozen once here; `render` is a pure function of its input.
 */
export function createMarkdownRenderer(options: MarkdownOptions = {}): MarkdownRenderer {
  const base = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true });
  const withIds = options.headingIds === false ? base : base.use(rehypeHeadingIds, { prefix: options.headingIdPrefix ?? "" });
  const processor = withIds.use(rehypeStringify, { allowDangerousHtml: true }).freeze();
  return {
    render(markdown) {
      const tree = processor.runSync(processor.parse(markdown)) as Root;
      const { headings, text } = collect(tree);
      const html = processor.stringify(tree);
      // kramdown ends every block with a newline, so converted content does too.
      return { html: html === "" || html.endsWith("\n") ? html : `${html}\n`, headings, text };
    },
  };
}
