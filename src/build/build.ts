import path from "node:path";
import { loadConfig, type ConfigOverrides, type ResolvedConfig } from "../config/index.js";
import { buildSiteContent, createTimeZone, type Page } from "../content/index.js";
import { createTokenizer, deriveFeatures, planOgImages } from "../features/index.js";
import { KijiError, createSilentLogger, createYielder, digest, engineDigest, nextTurn, type Logger } from "../shared/index.js";
import { paginatedPage } from "../outputs/index.js";
import { addFeatureViews, createFilters, createRenderReads, createSiteViews, createTemplateEngine, createTemplateTags, trackedDates, type BodySource } from "../templates/index.js";
import { listDestinationAhead, type MemorySite } from "../write/index.js";
import { createBuildCache, type BuildCache } from "./build-cache.js";
import { createBuildSession, type BuildSession } from "./build-session.js";
import { MARKDOWN_OPTIONS } from "./load-site.js";

import { createImageStore } from "./image-store.js";
import { createLazyRenderer, type LazyRenderer } from "./lazy-renderer.js";
import { loadSiteSource, type SiteSource } from "./load-site-source.js";
import { sweepCache } from "./load-documents.js";
import { openPersistentCache } from "./persistent-cache.js";
import { createStamp, siteKeyOf } from "./page-reuse.js";
import { convertDocuments } from "./render-documents.js";
import { writeSite } from "./write-site.js";

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
  /** Caches from an earlier build in this process (then the cache folder is not used). */
  readonly cache?: BuildCache;
  /** The cache folder, or false for none. Default: `<source>/.kiji-cache` (off with `disable_disk_cache: true`). */
  readonly cacheDir?: string | false;
  /** Called as output files are written. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Build into this in-memory site instead of the destination folder (the dev server). */
  readonly memory?: MemorySite;
  /** Worker threads for parsing and Markdown. Default: one per core; 1 keeps everything in the main thread. */
  readonly threads?: number;
  /** Keep this build's state in the result, for re-rendering edited documents (the dev server's fast path). */
  readonly keepSession?: boolean;
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
  readonly filesUnchanged: number;
  /** Of the unchanged files, the pages kept without rendering: nothing they showed last time changed. */
  readonly pagesKept: number;
  /** OGP images of this build, and how many of them had to be drawn (the rest came from the cache). */
  readonly ogpImages: { readonly total: number; readonly rendered: number };
  readonly timings: readonly StageTiming[];
  readonly warnings: readonly string[];
  /** This build's state, when `keepSession` asked for it. */
  readonly session?: BuildSession;
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new KijiError("build interrupted; the previous site was left untouched");
}

function cacheFolder(options: BuildOptions, config: ResolvedConfig): string | undefined {
  if (options.cache || options.cacheDir === false || config.siteVariables.disable_disk_cache === true) return undefined;
  return options.cacheDir ?? path.join(config.source, ".kiji-cache");
}

/**
 * Builds a site: config → source → content → markdown → features → templates → outputs → write.
 * The one place that knows the order of the stages; `kiji build` and `kiji serve` both call it.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  // Loaded when the build first needs it: most warm builds never render Markdown in this thread.
  const renderer = createLazyRenderer(MARKDOWN_OPTIONS);
  try {
    const result = await buildOnce(options, renderer);
    // A build that got on without Markdown it needed (an error swallowed on the way) is wrong too.
    if (!renderer.missed) return result;
  } catch (error) {
    if (!renderer.missed) throw error;
  }
  // Markdown had to be rendered where the build did not foresee it (a cached record found damaged
  // when read, a filter in a paginated page's body): build again with the renderer loaded.
  await renderer.load();
  return buildOnce(options, renderer);
}

/** One run of the stages; like a failed build, a run given up leaves the destination and the cache folder as they were. */
async function buildOnce(options: BuildOptions, renderer: LazyRenderer): Promise<BuildResult> {
  const cleanups: Array<() => void> = [];
  try {
    return await runStages(options, cleanups, renderer);
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}

/** True when a template's text passes `test`: a layout, an include, or a page whose body the source stage did not convert (its template tags run later). */
function templatesMention(source: SiteSource, test: (text: string) => boolean): boolean {
  return source.layouts.some((layout) => test(layout.text)) || source.includes.some((include) => test(include.text)) || source.pageDocs.some((doc) => doc.keys?.body === undefined && test(doc.text));
}

/** True when a template may call markdownify, which renders Markdown synchronously. */
const mayCallMarkdownify = (source: SiteSource): boolean => templatesMention(source, (text) => text.includes("markdownify"));

/** True when a template may show `related` lists (`page.related`, `post.related`; `site.related_posts` is another thing): else they are ranked only if asked for. */
const mayShowRelated = (source: SiteSource): boolean => templatesMention(source, (text) => /\brelated\b/.test(text));

/** The stages of build(); `cleanups` collects what must be closed however the build ends. */
async function runStages(options: BuildOptions, cleanups: Array<() => void>, renderer: LazyRenderer): Promise<BuildResult> {
  const logger = options.logger ?? createSilentLogger();
  const timings: StageTiming[] = [];
  let stageStart = performance.now();
  const mark = (stage: string): void => {
    const now = performance.now();
    timings.push({ stage, ms: now - stageStart });
    stageStart = now;
    checkAborted(options.signal);
  };

  // A build into memory is the dev server's: long stages let its event loop run (file events, the fast path, requests).
  const pauseForServe = (): (() => Promise<void> | undefined) | undefined => (options.memory ? createYielder() : undefined);

  // 1. Configuration, and the caches it keys.
  const config = await loadConfig({ source: options.source, configFiles: options.configFiles, overrides: options.overrides });
  const zone = createTimeZone(config.timezone);
  const now = options.now ?? Date.now();
  const rendererKey = digest(JSON.stringify(MARKDOWN_OPTIONS));
  const engineKey = engineDigest();
  const cacheKey = digest(engineKey, config.digest, rendererKey);
  const folder = cacheFolder(options, config);
  const persistent = folder ? await openPersistentCache(folder, cacheKey) : undefined;
  if (persistent) cleanups.push(persistent.close);
  const cache = options.cache ?? persistent?.cache ?? createBuildCache();
  logger.debug(`config: ${config.configFiles.join(", ") || "no config file"}; cache: ${cache.documents.size} documents known`);
  mark("config");

  // 2. Source: scan, read, parse front matter and render Markdown on every core.
  const used = { documents: new Set<string>(), markdown: new Set<string>(), terms: new Set<string>(), texts: new Set<string>() };
  const onWorkerLost = (error: Error, files: readonly string[]): void => logger.debug(`a worker thread stopped (${error.message}); ${files.length} documents from ${files[0]} on were prepared in the main thread`);
  const source = await loadSiteSource(config, { cache, used, markdownOptions: MARKDOWN_OPTIONS, rendererKey, threads: options.threads, onWorkerLost, pause: pauseForServe() });
  logger.debug(`source: ${source.postDocs.length} posts, ${source.pageDocs.length} pages, ${source.layouts.length} layouts, ${source.tree.statics.length} static files`);
  mark("source");
  if (options.memory) await nextTurn();

  // 3. Content model.
  const layoutNames = new Set(source.layouts.map((layout) => layout.layoutName));
  const content = await buildSiteContent({ config, zone, now, ...source, staticEntries: source.tree.statics, layoutNames, logger, pause: pauseForServe() });
  const ogImages = planOgImages(content, config, logger);
  // Listed in a worker thread while the next stages compute: the files of the old site, for the commit.
  const listing = options.memory ? undefined : listDestinationAhead(config.destination, cache.outputs);
  mark("content");
  if (options.memory) await nextTurn();

  // 4. Template pass over bodies, then the Markdown still to render; results go into the views.
  // Loaded now only if something may render Markdown outside the template pass (which loads it when it must).
  if (options.keepSession || mayCallMarkdownify(source)) await renderer.load();
  // A disk build notes what each page reads, so that the next keeps a page whose reads did not change unrendered (see PageReuse).
  const reads = options.memory ? undefined : createRenderReads();
  const dates = trackedDates(zone, now, reads);
  const engine = createTemplateEngine({
    layouts: source.layouts,
    includes: source.includes,
    filters: createFilters({ config, markdown: renderer, zone, get now() { return dates.now; }, showBuildTime: dates.showBuildTime }),
    tags: createTemplateTags({ config, zone, get now() { return dates.now; }, showBuildTime: dates.showBuildTime }),
  });
  const views = createSiteViews(content, config, zone.localTime(now), ogImages, reads);
  const docs = new Map([...source.postDocs, ...source.draftDocs, ...source.pageDocs].map((doc) => [doc.entry.relativePath, doc]));
  // The paginated home page is rendered by its own output kind, once per page of posts.
  const paginated = paginatedPage(content, config);
  const rendered = [...content.posts, ...content.pages].filter((doc) => doc !== paginated);
  const converter = { renderer, tokenizer: createTokenizer(), rendererKey };
  const texts = await convertDocuments({
    documents: rendered.map((doc) => ({
      doc,
      view: (doc.type === "pages" ? views.pages.get(doc) : views.posts.get(doc))!,
      source: docs.get(doc.relativePath)!,
    })),
    views,
    engine,
    converter,
    cache,
    usedMarkdown: used.markdown,
    pause: pauseForServe(),
    reads,
  });
  mark("templates");
  if (options.memory) await nextTurn();

  // 5. Derived data from the rendered text: reading time, related posts, book blocks.
  const dataTexts = new Map(source.dataFiles.map((file) => [file.relativePath, file.text]));
  const sourceText = (file: string): string | undefined => docs.get(file)?.text ?? dataTexts.get(file);
  const features = await deriveFeatures({
    ...{ config, content, texts, sourceText, usedTerms: used.terms },
    ...{ termsCache: cache.terms, relatedCache: cache.related, termTableCache: cache.termTable, bodyFactsCache: cache.bodyFacts },
    relatedShown: mayShowRelated(source),
    pause: pauseForServe(),
  });
  addFeatureViews(views, features, reads);
  mark("features");

  // 6. Layouts and every output kind, written into staging, then moved into place.
  const imageCache = createImageStore({ cacheDir: folder, memory: cache.images, engineKey });
  const bodyOf = (page: Page): BodySource => {
    const doc = docs.get(page.relativePath)!;
    return { file: page.relativePath, body: page.body, bodyLine: page.bodyLine, fileText: doc.text };
  };
  const outputs = { config, content, views, engine, zone, now, bodyOf, ogImages, imageCache, logger };
  const siteKey = reads && siteKeyOf({ engineKey, config, source, content, docs, paginated });
  const reuse = reads && siteKey !== undefined ? { siteKey, stamp: createStamp({ zone, now, content, texts, views, docs, ogImages }), reads } : undefined;
  const summary = await writeSite({ outputs, cache, memory: options.memory, listing, signal: options.signal, onProgress: options.onProgress, mark, reuse });

  logger.debug(`write: ${summary.filesWritten} written, ${summary.filesUnchanged} unchanged (${summary.pagesKept} pages kept without rendering), ${summary.filesRemoved} removed`);

  // 7. Keep the caches for the next build.
  sweepCache(cache, used);
  await imageCache.sweep();
  await persistent?.save();
  mark("cache");
  return {
    config,
    posts: content.posts.length,
    pages: content.pages.length,
    staticFiles: content.staticFiles.length,
    filesWritten: summary.filesWritten,
    filesUnchanged: summary.filesUnchanged,
    pagesKept: summary.pagesKept,
    ogpImages: { total: imageCache.used(), rendered: imageCache.rendered() },
    timings,
    warnings: logger.warnings,
    session: options.keepSession
      ? createBuildSession({ config, zone, content, views, engine, converter, cache, docs, rendered, features, ogImages, sourceText })
      : undefined,
  };
}
