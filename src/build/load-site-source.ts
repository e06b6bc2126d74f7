import { availableParallelism } from "node:os";
import type { ResolvedConfig } from "../config/index.js";
import type { DataFileSource } from "../content/index.js";
import type { MarkdownOptions } from "../markdown/index.js";
import { resolveInsideReal } from "../shared/index.js";
import { readSourceDocument, readSourceText, scanSource, type SourceDocument, type SourceEntry, type SourceTree } from "../source/index.js";
import type { LayoutSource, TemplateSource } from "../templates/index.js";
import type { BuildCache } from "./build-cache.js";
import { loadDocuments, type LoadDocumentsOptions, type LoadedDocument } from "./load-documents.js";
import { mapLimit } from "./map-limit.js";

const READ_CONCURRENCY = 64;

/** Everything read from the source folder, ready for the content model and the templates. */
export interface SiteSource {
  readonly tree: SourceTree;
  readonly postDocs: readonly LoadedDocument[];
  readonly draftDocs: readonly LoadedDocument[];
  readonly pageDocs: readonly LoadedDocument[];
  readonly layouts: readonly LayoutSource[];
  readonly includes: readonly TemplateSource[];
  readonly dataFiles: readonly DataFileSource[];
}

function layoutSource(doc: SourceDocument): LayoutSource {
  const file = doc.entry.relativePath;
  const name = file.slice("_layouts/".length);
  return { name: file, file, text: doc.body, fileText: doc.text, firstLine: doc.bodyLine, layoutName: name.replace(/\.[^.]+$/, ""), data: doc.data };
}

/**
 * Reads a layout, include or data file after checking, with the one containment helper, that it
 * still lies inside the source (the scan checked it; a file swapped for a link since is refused).
 */
async function readContained(config: ResolvedConfig, entry: SourceEntry): Promise<string> {
  await resolveInsideReal(config.source, entry.relativePath, "source file");
  return (await readSourceText(entry)).text;
}

async function layoutDocument(config: ResolvedConfig, entry: SourceEntry): Promise<SourceDocument> {
  await resolveInsideReal(config.source, entry.relativePath, "layout");
  return readSourceDocument(entry);
}

async function includeSource(config: ResolvedConfig, entry: SourceEntry): Promise<TemplateSource> {
  const text = await readContained(config, entry);
  return { name: entry.relativePath.slice("_includes/".length), file: entry.relativePath, text, fileText: text, firstLine: 1 };
}

async function dataSource(config: ResolvedConfig, entry: SourceEntry): Promise<DataFileSource> {
  const text = await readContained(config, entry);
  return { path: entry.relativePath.slice("_data/".length), relativePath: entry.relativePath, text };
}

/** What loading the source needs. */
export interface LoadSiteSourceOptions {
  readonly cache: BuildCache;
  readonly used: LoadDocumentsOptions["used"];
  readonly markdownOptions: MarkdownOptions;
  readonly rendererKey: string;
  readonly threads?: number;
  /** Told when a worker thread died on a batch, which the main thread then prepared. */
  readonly onWorkerLost?: (error: Error, files: readonly string[]) => void;
  /** False to parse front matter only, without rendering Markdown. Default: true. */
  readonly render?: boolean;
  /** Awaited between chunks of documents when it returns a promise (see createYielder). */
  readonly pause?: () => Promise<void> | undefined;
}

/** Scans the source, then reads layouts, includes and data, and parses documents on every core. */
export async function loadSiteSource(config: ResolvedConfig, options: LoadSiteSourceOptions): Promise<SiteSource> {
  const tree = await scanSource(config);
  const documentGroups = [
    { entries: tree.posts, isPost: true },
    { entries: config.showDrafts ? tree.drafts : [], isPost: true },
    { entries: tree.pages, isPost: false },
  ];
  const [[postDocs = [], draftDocs = [], pageDocs = []], layoutDocs, includes, dataFiles] = await Promise.all([
    loadDocuments(documentGroups, {
      ...options,
      excerptSeparator: config.excerptSeparator,
      termFields: config.related.count > 0 ? config.related.fields : undefined,
      threads: options.threads ?? availableParallelism(),
    }),
    mapLimit(tree.layouts, READ_CONCURRENCY, (entry) => layoutDocument(config, entry)),
    mapLimit(tree.includes, READ_CONCURRENCY, (entry) => includeSource(config, entry)),
    mapLimit(tree.data, READ_CONCURRENCY, (entry) => dataSource(config, entry)),
  ]);
  return { tree, postDocs, draftDocs, pageDocs, layouts: layoutDocs.map(layoutSource), includes, dataFiles };
}
