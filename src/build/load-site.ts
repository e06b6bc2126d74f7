import type { ConfigOverrides, ResolvedConfig } from "../config/index.js";
import { createSiteViews } from "../templates/index.js";
import { loadConfig } from "../config/index.js";
import { buildSiteContent, createTimeZone, type SiteContent, type TimeZone } from "../content/index.js";
import type { MarkdownOptions } from "../markdown/index.js";
import { planOgImages } from "../features/index.js";
import { outputPaths } from "../outputs/index.js";
import { createSilentLogger, digest, type Logger } from "../shared/index.js";
import type { SourceDocument } from "../source/index.js";
import type { LayoutSource, TemplateSource } from "../templates/index.js";
import { createBuildCache } from "./build-cache.js";
import { loadSiteSource } from "./load-site-source.js";

/** The Markdown settings every build uses; the content tools render with the same. */
export const MARKDOWN_OPTIONS: MarkdownOptions = { headingIds: true };

/** What loading a site for the content tools needs: the same inputs as a build. */
export interface LoadSiteOptions {
  readonly source: string;
  readonly configFiles?: readonly string[];
  readonly overrides?: ConfigOverrides;
  readonly logger?: Logger;
  /** Time in ms that decides future posts. Default: now. */
  readonly now?: number;
  /** Worker threads for parsing front matter. Default: one per core. */
  readonly threads?: number;
}

/** A site read as the build reads it, up to the content model, with nothing rendered or written. */
export interface LoadedSite {
  readonly config: ResolvedConfig;
  readonly zone: TimeZone;
  readonly content: SiteContent;
  /** Source documents (posts, drafts when shown, pages) by path relative to the source. */
  readonly documents: ReadonlyMap<string, SourceDocument>;
  readonly layouts: readonly LayoutSource[];
  readonly includes: readonly TemplateSource[];
  /** Files the build would write, relative to the destination, Unicode as is. */
  readonly outputPaths: ReadonlySet<string>;
  /** The build's Markdown settings, for rendering a document the way the build does. */
  readonly markdownOptions: MarkdownOptions;
}

/**
 * Reads a site the way `build()` does — same config files and flags, same scan, same front-matter
 * parsing on every core, same content model — but renders no Markdown and writes nothing:
 * what `kiji check`, `kiji migrate` and other content tools work from.
 */
export async function loadSite(options: LoadSiteOptions): Promise<LoadedSite> {
  const config = await loadConfig({ source: options.source, configFiles: options.configFiles, overrides: options.overrides });
  const zone = createTimeZone(config.timezone);
  const used = { documents: new Set<string>(), markdown: new Set<string>() };
  const rendererKey = digest(JSON.stringify(MARKDOWN_OPTIONS));
  const source = await loadSiteSource(config, {
    cache: createBuildCache(),
    used,
    markdownOptions: MARKDOWN_OPTIONS,
    rendererKey,
    threads: options.threads,
    render: false,
  });
  const logger = options.logger ?? createSilentLogger();
  const now = options.now ?? Date.now();
  const layoutNames = new Set(source.layouts.map((layout) => layout.layoutName));
  const content = await buildSiteContent({ config, zone, now, ...source, staticEntries: source.tree.statics, layoutNames, logger });
  const ogImages = planOgImages(content, config, logger);
  const documents = new Map([...source.postDocs, ...source.draftDocs, ...source.pageDocs].map((doc) => [doc.entry.relativePath, doc]));
  return {
    config,
    zone,
    content,
    documents,
    layouts: source.layouts,
    includes: source.includes,
    outputPaths: outputPaths(content, config, ogImages, createSiteViews(content, config, zone.localTime(now), ogImages)),
    markdownOptions: MARKDOWN_OPTIONS,
  };
}
