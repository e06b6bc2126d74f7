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

/**
 * Gives `target` a property `key` computed by `get` when first read, then kept as a plain value.
 * A document's body is one: a build whose cache knows the file never decodes it.
 */
export function defineLazy<T extends object, K extends string, V>(target: T, key: K, get: () => V): T & { readonly [P in K]: V } {
  return Object.defineProperty(target, key, {
    get: () => {
      const value = get();
      Object.defineProperty(target, key, { value, enumerable: true });
      return value;
    },
    enumerable: true,
    configurable: true,
  }) as T & { readonly [P in K]: V };
}

/** The fields every document takes from its source file and merged front matter, but its body (see withBody). */
export function sourceFields(
  doc: SourceDocument,
  data: Readonly<Record<string, unknown>>,
  format: DocumentFormat,
): Pick<DocumentBase, "relativePath" | "bodyLine" | "format" | "layout" | "renderWithLiquid" | "digest"> {
  return {
    relativePath: doc.entry.relativePath,
    bodyLine: doc.bodyLine,
    format,
    layout: layoutOf(data),
    renderWithLiquid: data.render_with_liquid !== false,
    digest: doc.digest,
  };
}

/** Gives a document its source's body, read (and decoded) only when first asked for. */
export function withBody<T extends object>(target: T, doc: SourceDocument): T & Pick<DocumentBase, "body"> {
  return defineLazy(target, "body", () => doc.body);
}

/** The line (1-based) of front-matter key `key` in a source file's text, if it is there. */
export function frontMatterLine(text: string, bodyLine: number, key: string): number | undefined {
  const index = text.split("\n").findIndex((line, i) => i > 0 && i < bodyLine && line.startsWith(`${key}:`));
  return index === -1 ? undefined : index + 1;
}
