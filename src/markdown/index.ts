/** Markdown string → HTML + headings + plain text. Knows unified, nothing about posts. */
export { createMarkdownRenderer } from "./render-markdown.js";
export type { MarkdownRenderer, MarkdownOptions, RenderedMarkdown, Heading } from "./render-markdown.js";
