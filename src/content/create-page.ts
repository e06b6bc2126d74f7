import type { ResolvedConfig } from "../config/index.js";
import type { SourceDocument, SourceEntry } from "../source/index.js";
import type { Page, StaticFile } from "./documents.js";
import { formatOf, permalinkExtension, sourceFields, withBody } from "./document-helpers.js";
import { defaultsFor } from "./front-matter-defaults.js";
import { escapePath, fillPageTemplate, outputPathFor, sanitizeUrl } from "./permalink.js";
import { withFile } from "./create-post.js";

const HTML_OUTPUT = new Set([".html", ".xhtml", ".htm"]);

/**
 * Jekyll's page URL template: non-HTML output keeps its name, `index` pages become their folder,
 * other pages follow the site permalink's ending (trailing slash or extension).
 */
function pageTemplate(outputExt: string, basename: string, config: ResolvedConfig): string {
  if (!HTML_OUTPUT.has(outputExt)) return "/:path/:basename:output_ext";
  if (basename === "index") return "/:path/";
  const style = config.permalink;
  if (style === "pretty") return "/:path/:basename/";
  if (style === "date" || style === "ordinal" || style === "none") return "/:path/:basename:output_ext";
  let template = "/:path/:basename";
  if (style.endsWith("/")) template += "/";
  if (style.endsWith(":output_ext")) template += ":output_ext";
  return template;
}

/** Creates a page from a source document with front matter outside the special folders. */
export function createPage(doc: SourceDocument, config: ResolvedConfig): Page {
  const relativePath = doc.entry.relativePath;
  const name = relativePath.slice(relativePath.lastIndexOf("/") + 1);
  const dir = relativePath.includes("/") ? relativePath.slice(0, relativePath.lastIndexOf("/")) : "";
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot) : "";
  const basename = (dot > 0 ? name.slice(0, dot) : name).replace(/\.+$/, "");
  const format = formatOf(extension);
  const data: Record<string, unknown> = { ...defaultsFor(config.defaults, relativePath, "pages"), ...doc.data };
  const outputExt = permalinkExtension(data.permalink) ?? (format === "markdown" ? ".html" : extension);
  const template = typeof data.permalink === "string" ? data.permalink : pageTemplate(outputExt, basename, config);
  const placeholders = { path: dir, basename, output_ext: outputExt };
  const url = withFile(doc, () => sanitizeUrl(fillPageTemplate(template, placeholders)));
  return withBody({
    type: "pages" as const,
    url,
    outputPath: outputPathFor(url, outputExt, "page"),
    basename,
    outputExt,
    data: { ...data, name, dir: url.endsWith("/") ? url : url.slice(0, url.lastIndexOf("/") + 1) },
    ...sourceFields(doc, data, format),
  }, doc);
}

/** A static file: copied to the same relative path. */
export function createStaticFile(entry: SourceEntry): StaticFile {
  return {
    relativePath: entry.relativePath,
    absolutePath: entry.absolutePath,
    url: `/${escapePath(entry.relativePath)}`,
    outputPath: entry.relativePath,
    mtimeMs: entry.mtimeMs,
  };
}
