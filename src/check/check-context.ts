import type { LoadedSite } from "../build/index.js";
import type { ResolvedConfig } from "../config/index.js";
import type { Page, Post } from "../content/index.js";
import { createMarkdownRenderer, type MarkdownRenderer } from "../markdown/index.js";
import type { SourceDocument } from "../source/index.js";
import { layoutsShowDisclosure } from "./disclosure.js";
import { scanMarkdown, type ScannedMarkdown } from "./scan-markdown.js";

/** A post or page with its source and the line scan of its body. */
export interface CheckedDocument {
  readonly doc: Post | Page;
  readonly source: SourceDocument;
  readonly scan: ScannedMarkdown;
  readonly isPost: boolean;
  /** Path relative to the source, for findings. */
  readonly file: string;
}

/** What the rules look things up in: the site's outputs, documents by output, anchors, layouts. */
export interface CheckContext {
  readonly config: ResolvedConfig;
  /** Files the build writes, NFC-normalized. */
  readonly outputs: ReadonlySet<string>;
  readonly documents: readonly CheckedDocument[];
  /** The document that writes an output file, if any. */
  documentAt(outputPath: string): CheckedDocument | undefined;
  /** Ids a link's `#fragment` may name on a document: heading ids from the Markdown stage. */
  anchorsOf(document: CheckedDocument): ReadonlySet<string>;
  /** True when the document's layouts (or their includes) show the affiliate disclosure. */
  layoutShowsDisclosure(document: CheckedDocument): boolean;
}

const HTML_ID = /\sid\s*=\s*["']([^"']+)["']/g;

function anchorsOf(document: CheckedDocument, renderer: () => MarkdownRenderer): Set<string> {
  const ids = new Set<string>();
  for (const match of document.source.body.matchAll(HTML_ID)) ids.add(match[1]!);
  if (document.doc.format === "markdown") for (const heading of renderer().render(document.doc.body).headings) ids.add(heading.id);
  return ids;
}

/** Scans every Markdown and HTML post and page of a loaded site and builds the rules' lookups. */
export function createCheckContext(site: LoadedSite): CheckContext {
  const documents: CheckedDocument[] = [];
  for (const doc of [...site.content.posts, ...site.content.pages]) {
    const source = site.documents.get(doc.relativePath);
    if (!source || doc.format === "other") continue;
    documents.push({ doc, source, scan: scanMarkdown(source.body, source.bodyLine), isPost: doc.type !== "pages", file: doc.relativePath });
  }
  const byOutput = new Map(documents.map((document) => [document.doc.outputPath.normalize("NFC"), document]));
  let renderer: MarkdownRenderer | undefined;
  const render = (): MarkdownRenderer => (renderer ??= createMarkdownRenderer(site.markdownOptions));
  const anchors = new Map<CheckedDocument, Set<string>>();
  const disclosure = new Map<string, boolean>();
  return {
    config: site.config,
    outputs: new Set([...site.outputPaths].map((path) => path.normalize("NFC"))),
    documents,
    documentAt: (outputPath) => byOutput.get(outputPath),
    anchorsOf(document) {
      let ids = anchors.get(document);
      if (!ids) anchors.set(document, (ids = anchorsOf(document, render)));
      return ids;
    },
    layoutShowsDisclosure(document) {
      const layout = document.doc.layout ?? "";
      if (!disclosure.has(layout)) disclosure.set(layout, layoutsShowDisclosure(layout, site, site.config.affiliate.disclosure));
      return disclosure.get(layout)!;
    },
  };
}
