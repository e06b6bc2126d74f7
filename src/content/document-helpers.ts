import type { SourceDocument } from "../source/index.js";
import type { DocumentBase, DocumentFormat } from "./documents.js";

// Jekyll's default markdown_ext: "markdown,mkdown,mkdn,mkd,md".
const MARKDOWN_EXTENSIONS = new Set([".markdown", ".mkdown", ".mkdn", ".mkd", ".md"]);
const HTML_EXTENSIONS = new Set([".html", ".htm", ".xhtml"]);

/** How a file with this extension is converted. */
export function formatOf(extension: string): DocumentFormat {
  const ext = extension.toLowerCase();
  if (MARKDOWN_EXTENSIONS.has(ext)) return "markdown";
  if (HTML_EXTENSIONS.has(ext)) return "html";
  return "other";
}

/** Front-matter lists as Jekyll reads them: a string splits on white space, a list stays a list. */
export function toStringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.flat().filter((v) => v !== null && v !== undefined).map(String);
  return [String(value)];
}

/** The layout a document asks for; `layout: null` or "none" means none. */
export function layoutOf(data: Readonly<Record<string, unknown>>): string | undefined {
  const layout = data.layout;
  if (layout === undefined || layout === null || layout === false || layout === "none" || layout === "") return undefined;
  return String(layout);
}

/**
 * Jekyll's excerpt: the body up to the first separator, plus any Markdown link reference
 * definitions from the rest so links in the excerpt still resolve.
 */
export function extractExcerpt(body: string, separator: string): string {
  const index = body.indexOf(separator);
  if (index === -1) return body;
  const head = body.slice(0, index);
  const tail = body.slice(index + separator.length);
  if (tail === "") return head;
  const definitions = tail.match(/^ {0,3}\[[^\]]+\]:.+$/gm);
  return definitions ? `${head}\n\n${definitions.join("\n")}` : head;
}

/** Jekyll's permalink_ext: the extension a front-matter permalink names ("/x.htm" → ".htm"), if any. */
export function permalinkExtension(permalink: unknown): string | undefined {
  if (typeof permalink !== "string" || permalink.endsWith("/")) return undefined;
  const base = permalink.slice(permalink.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot) : undefined;
}

/** The fields every document takes from its source file and merged front matter. */
export function sourceFields(
  doc: SourceDocument,
  data: Readonly<Record<string, unknown>>,
  format: DocumentFormat,
): Pick<DocumentBase, "relativePath" | "body" | "bodyLine" | "format" | "layout" | "renderWithLiquid" | "digest"> {
  return {
    relativePath: doc.entry.relativePath,
    body: doc.body,
    bodyLine: doc.bodyLine,
    format,
    layout: layoutOf(data),
    renderWithLiquid: data.render_with_liquid !== false,
    digest: doc.digest,
  };
}

/** The line (1-based) of front-matter key `key` in a source file's text, if it is there. */
export function frontMatterLine(text: string, bodyLine: number, key: string): number | undefined {
  const index = text.split("\n").findIndex((line, i) => i > 0 && i < bodyLine && line.startsWith(`${key}:`));
  return index === -1 ? undefined : index + 1;
}
