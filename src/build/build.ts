import { loadConfig, type ConfigOverrides, type ResolvedConfig } from "../config/index.js";
import { buildSiteContent, createTimeZone, type DataFileSource } from "../content/index.js";
import { createMarkdownRenderer, type MarkdownOptions } from "../markdown/index.js";
import { countOutputs, siteOutputs } from "../outputs/index.js";
import { KijiError, createSilentLogger, digest, type Logger } from "../shared/index.js";
import { readSourceDocument, readSourceText, scanSource, type SourceDocument, type SourceEntry } from "../source/index.js";
import { availableParallelism } from "node:os";
import { createFilters, createSiteViews, createTemplateEngine, type LayoutSource, type TemplateSource } from "../templates/index.js";
import { createMemoryWriter, createOutputWriter, type MemorySite } from "../write/index.js";
import { createBuildCache, type BuildCache } from "./build-cache.js";
import { loadDocuments, sweepCache } from "./load-documents.js";
import { mapLimit } from "./map-limit.js";
import { convertDocuments } from "./render-documents.js";

/** Everything one build needs; only `source` is required. */
export interface BuildOptions {
  /** Site source folder. */
  readonly source: string;
  /** Explicit config files (`--config`). */
  readonly configFiles?: readonly string[];
  /** Command-line settings, which win over config files. */
  readonly overrides?: ConfigOverrides;
  readonly logger?: Logger;
  /** Build time in ms (decides future posts and `site.time`). Default: now. */
  readonly now?: number;
  /** Aborting stops the build and leaves the destination as it was. */
  readonly signal?: AbortSignal;
  /** Caches from an earlier build in this process. */
  readonly cache?: BuildCache;
  /** Called as output files are written. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Build into this in-memory site instead of the destination folder (the dev server). */
  readonly memory?: MemorySite;
  /** Worker threads for parsing and Markdown. Default: one per core; 1 keeps everything in the main thread. */
  readonly threads?: number;
}

/** Time spent in one stage. */
export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

/** What a finished build reports. */
export interface BuildResult {
  readonly config: ResolvedConfig;
  readonly posts: number;
  readonly pages: number;
  readonly staticFiles: number;
  readonly filesWritten: number;
  readonly timings: readonly StageTiming[];
  readonly warnings: readonly string[];
}

const READ_CONCURRENCY = 64;
const MARKDOWN_OPTIONS: MarkdownOptions = { headingIds: true };

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new KijiError("build interrupted; the previous site was left untouched");
}

function layoutSource(doc: SourceDocument): LayoutSource {
  const file = doc.entry.relativePath;
  const name = file.slice("_layouts/".length);
  return { name: file, file, text: doc.body, fileText: doc.text, firstLine: doc.bodyLine, layoutName: name.replace(/\.[^.]+$/, ""), data: doc.data };
}

async function includeSource(entry: SourceEntry): Promise<TemplateSource> {
  const { text } = await readSourceText(entry);
  return { name: entry.relativePath.slice("_includes/".length), file: entry.relativePath, text, fileText: text, firstLine: 1 };
}

async function dataSource(entry: SourceEntry): Promise<DataFileSource> {
  const { text } = await readSourceText(entry);
  return { path: entry.relativePath.slice("_data/".length), relativePath: entry.relativePath, text };
}

/**
 * Builds a site: config → source → content → markdown → templates → outputs → write.
 * The one place that knows the order of the stages; `kiji build` and `kiji serve` both call it.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const logger = options.logger ?? createSilentLogger();
  const cache = options.cache ?? createBuildCache();
  const timings: StageTiming[] = [];
  let stageStart = performance.now();
  const mark = (stage: string): void => {
    const now = performance.now();
    timings.push({ stage, ms: now - stageStart });
    stageStart = now;
    checkAborted(options.signal);
  };

  // 1. Configuration.
  const config = await loadConfig({ source: options.source, configFiles: options.configFiles, overrides: options.overrides });
  const zone = createTimeZone(config.timezone);
  const now = options.now ?? Date.now();
  mark("config");

  // 2. Source: scan; parse documents and render their Markdown on every core, reusing the cache.
  const tree = await scanSource(config);
  const rendererKey = digest(JSON.stringify(MARKDOWN_OPTIONS));
  const used = { documents: new Set<string>(), markdown: new Set<string>() };
  const [[postDocs, draftDocs, pageDocs], layoutDocs, includes, dataFiles] = await Promise.all([
    loadDocuments(
      [
        { entries: tree.posts, isPost: true },
        { entries: config.showDrafts ? tree.drafts : [], isPost: true },
        { entries: tree.pages, isPost: false },
      ],
      { cache, used, excerptSeparator: config.excerptSeparator, markdownOptions: MARKDOWN_OPTIONS, rendererKey, threads: options.threads ?? availableParallelism() },
    ) as Promise<[SourceDocument[], SourceDocument[], SourceDocument[]]>,
    mapLimit(tree.layouts, READ_CONCURRENCY, readSourceDocument),
    mapLimit(tree.includes, READ_CONCURRENCY, includeSource),
    mapLimit(tree.data, READ_CONCURRENCY, dataSource),
  ]);
  mark("source");

  // 3. Content model.
  const content = buildSiteContent({ config, zone, now, postDocs, draftDocs, pageDocs, staticEntries: tree.statics, dataFiles, logger });
  mark("content");

  // 4. Template pass and Markdown, results stored in the views.
  const engine = createTemplateEngine({
    layouts: layoutDocs.map(layoutSource),
    includes,
    filters: createFilters({ config, zone, now }),
  });
  const views = createSiteViews(content, config, zone.localTime(now));
  const sources = new Map([...postDocs, ...draftDocs, ...pageDocs].map((doc) => [doc.entry.relativePath, doc]));
  await convertDocuments({
    documents: [
      ...content.posts.map((doc) => ({ doc, view: views.posts.get(doc)!, source: sources.get(doc.relativePath)! })),
      ...content.pages.map((doc) => ({ doc, view: views.pages.get(doc)!, source: sources.get(doc.relativePath)! })),
    ],
    views,
    engine,
    renderer: createMarkdownRenderer(MARKDOWN_OPTIONS),
    rendererKey,
    cache,
    usedMarkdown: used.markdown,
  });
  mark("templates");

  // 5. Layouts and outputs, written one by one into a staging folder.
  const writer = options.memory
    ? createMemoryWriter(options.memory)
    : await createOutputWriter({ destination: config.destination, keepFiles: config.keepFiles });
  const outputInput = { config, content, views, engine };
  const total = countOutputs(outputInput);
  let done = 0;
  try {
    for (const output of siteOutputs(outputInput)) {
      for await (const file of output) {
        checkAborted(options.signal);
        await writer.write(file);
        options.onProgress?.(++done, total);
      }
    }
    mark("render+write");
    // 6. Publish: swap the finished site in.
    const summary = await writer.commit();
    sweepCache(cache, used);
    mark("commit");
    return {
      config,
      posts: content.posts.length,
      pages: content.pages.length,
      staticFiles: content.staticFiles.length,
      filesWritten: summary.filesWritten,
      timings,
      warnings: logger.warnings,
    };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
