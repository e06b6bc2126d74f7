import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { build, createBuildCache, type BuildCache, type BuildOptions, type BuildResult, type BuildSession, type MemorySite } from "../build/index.js";
import type { ResolvedConfig } from "../config/index.js";
import { createLogger, toPosix, type LoggerOptions } from "../shared/index.js";
import { classifyChange, type ChangeContext, type ChangeKind } from "./change-kind.js";
import { describeError, type OverlayError } from "./overlay-error.js";
import { createRebuildQueue } from "./rebuild-queue.js";
import { diffSites, outputUrls, staticSources } from "./site-diff.js";

/** What the dev server tells open browsers. */
export type LiveMessage =
  | {
      readonly type: "update";
      /** The site's version after this update. */
      readonly version: string;
      /** URL paths (decoded) of changed HTML pages, and of other changed files. */
      readonly pages: readonly string[];
      readonly assets: readonly string[];
    }
  | { readonly type: "error"; readonly error: OverlayError };

/** The build settings of `kiji serve`: those of `kiji build`, minus what the dev site owns. */
export type DevBuildOptions = Omit<BuildOptions, "memory" | "cache" | "now" | "logger" | "signal" | "onProgress" | "keepSession">;

/** What createDevSite needs. */
export interface DevSiteOptions {
  readonly build: DevBuildOptions;
  /** Where each build's log lines go (quiet, verbose, write). */
  readonly logger?: LoggerOptions;
  /** Build time for each build (tests fix it so two builds can be compared byte for byte). */
  readonly now?: () => number;
  /** Receives every message for browsers, as soon as it is known. */
  readonly onMessage?: (message: LiveMessage) => void;
}

/** What one rebuild did. */
export interface RebuildOutcome {
  /** The kinds of the changed paths that were not ignored. */
  readonly kinds: readonly ChangeKind[];
  /** Output paths whose contents changed (empty when nothing was built or the build failed). */
  readonly changed: readonly string[];
  /** Output paths announced before the build ran: changed static files, or the pages of documents whose body alone changed. */
  readonly early: readonly string[];
  readonly result?: Omit<BuildResult, "session">;
  /** The build error, when the build failed. */
  readonly error?: unknown;
  readonly ms: number;
}

/** The site `kiji serve` keeps in memory, rebuilt as files change. */
export interface DevSite {
  /** Output path → contents; replaced as a whole when a build succeeds. */
  readonly memory: MemorySite;
  /** Names the published version of the site; changes with each successful build or static-file change. */
  readonly version: string;
  /** The config of the last successful build. */
  readonly config: ResolvedConfig | undefined;
  /** The error of the last build, or undefined when it succeeded. */
  readonly error: unknown;
  /** The message a browser connecting now needs: the current error, if any. */
  readonly errorMessage: LiveMessage | undefined;
  /** True for a path (relative to the source) whose changes never alter the site. */
  isIgnored(relativePath: string): boolean;
  /** Builds everything from scratch, with empty caches. */
  buildAll(): Promise<RebuildOutcome>;
  /** Brings the site up to date after `changedPaths` (absolute, or relative to the source) changed. */
  rebuild(changedPaths: readonly string[]): Promise<RebuildOutcome>;
}

/** What a dev site remembers between rebuilds. */
interface SiteState {
  readonly options: DevSiteOptions;
  /** Absolute source folder. */
  readonly source: string;
  readonly memory: MemorySite;
  /** Random per process, so a browser notices a restarted server. */
  readonly instance: string;
  cache: BuildCache;
  /** What the last successful build left for re-rendering edited documents. */
  session: BuildSession | undefined;
  generation: number;
  config: ResolvedConfig | undefined;
  lastError: unknown;
  hasBuilt: boolean;
}

const versionOf = (state: SiteState): string => `${state.instance}.${state.generation}`;

function toRelative(state: SiteState, file: string): string {
  return toPosix(path.isAbsolute(file) ? path.relative(state.source, file) : path.normalize(file));
}

/** Folders the build never reads: chokidar does not watch them and their changes start no build. */
function ignoredFolders(state: SiteState): string[] {
  const { config } = state;
  // .kiji-cache is kiji build's cache folder; serve keeps its caches in memory.
  const folders = [".git", "node_modules", ".kiji-cache"];
  if (config) {
    folders.push(toPosix(path.relative(state.source, config.destination)));
    folders.push(...config.exclude.filter((entry) => !/[*?[]/.test(entry)));
  }
  return folders.filter((folder) => !config?.include.includes(folder));
}

function changeContext(state: SiteState, statics: ReadonlySet<string>): ChangeContext {
  const documentSources = state.session?.documentPaths ?? new Set<string>();
  return { configFiles: state.config?.configFiles ?? [], staticSources: statics, documentSources, ignoredFolders: ignoredFolders(state) };
}

/** Announces a new version of the site: its changed pages, and its other changed files. */
function publishUpdate(state: SiteState, files: readonly string[]): void {
  state.generation++;
  const baseurl = state.config?.baseurl ?? "";
  const isPage = (file: string): boolean => /\.x?html?$/i.test(file);
  state.options.onMessage?.({
    type: "update",
    version: versionOf(state),
    pages: files.filter(isPage).flatMap((file) => outputUrls(file, baseurl)),
    assets: files.filter((file) => !isPage(file)).map((file) => `${baseurl}/${file}`),
  });
}

/** What the fast paths announced before a build: `early` files, of which `settled` need no second announcement. */
interface Announced {
  readonly early: readonly string[];
  readonly settled: ReadonlySet<string>;
}

const NOTHING_ANNOUNCED: Announced = { early: [], settled: new Set() };

/** Runs build() into memory and announces what changed; never throws. */
async function runBuild(state: SiteState, kinds: ChangeKind[], changedSources: ReadonlySet<string>, announced: Announced, started: number): Promise<RebuildOutcome> {
  const { options, memory } = state;
  const before = new Map(memory);
  const wasFailing = state.lastError !== undefined || !state.hasBuilt;
  // The last build's state is not needed while this one runs: let it go rather than hold two.
  state.session = undefined;
  try {
    const { session, ...result } = await build({ ...options.build, memory, cache: state.cache, now: options.now?.(), logger: createLogger(options.logger), keepSession: true });
    Object.assign(state, { config: result.config, lastError: undefined, hasBuilt: true, session });
    const diff = diffSites(before, memory, changedSources);
    const fresh = diff.filter((file) => !announced.settled.has(file));
    if (fresh.length > 0 || wasFailing) publishUpdate(state, fresh);
    const changed = [...new Set([...announced.early, ...diff])];
    return { kinds, changed, early: announced.early, result, ms: performance.now() - started };
  } catch (error) {
    state.lastError = error;
    options.onMessage?.({ type: "error", error: describeError(error) });
    return { kinds, changed: [], early: announced.early, error, ms: performance.now() - started };
  }
}

/** Static files changed in place: announce them at once (their bytes are read on request); the build follows. */
async function announceStatic(state: SiteState, relative: readonly string[]): Promise<Announced> {
  const outputs = staticSources(state.memory);
  const files: string[] = [];
  for (const file of relative) {
    const absolute = path.join(state.source, file);
    const output = outputs.get(absolute);
    const exists = await fs.stat(absolute).then((stats) => stats.isFile(), () => false);
    if (output === undefined || !exists) return NOTHING_ANNOUNCED;
    files.push(output);
  }
  publishUpdate(state, files);
  return { early: files, settled: new Set(files) };
}

/**
 * Documents whose body alone changed (Hugo's fast render mode): their own pages are rendered with
 * the last build's state, served and announced at once; the build follows and announces the rest
 * (home page, feeds, related lists) and any correction to these pages. In doubt, nothing happens
 * here. A broken file is reported at once (the build reports it again).
 */
async function announceBodies(state: SiteState, session: BuildSession, relative: readonly string[]): Promise<Announced> {
  let files: Awaited<ReturnType<BuildSession["renderBodies"]>>;
  try {
    files = await session.renderBodies(relative);
  } catch (error) {
    state.lastError = error;
    state.options.onMessage?.({ type: "error", error: describeError(error) });
    return NOTHING_ANNOUNCED;
  }
  const changed = (files ?? []).filter((file) => state.memory.get(file.path) !== file.contents);
  for (const file of changed) state.memory.set(file.path, file.contents);
  if (changed.length > 0) publishUpdate(state, changed.map((file) => file.path));
  return { early: changed.map((file) => file.path), settled: new Set() };
}

/** One rebuild after `paths` changed: classify, take the fast path where one applies, then build. */
async function rebuildAfter(state: SiteState, paths: readonly string[]): Promise<RebuildOutcome> {
  const started = performance.now();
  const context = changeContext(state, new Set([...staticSources(state.memory).keys()].map((file) => toRelative(state, file))));
  const relative = [...new Set(paths.map((file) => toRelative(state, file)))].filter((file) => classifyChange(file, context) !== "ignored");
  const kinds = relative.map((file) => classifyChange(file, context));
  if (relative.length === 0) return { kinds: [], changed: [], early: [], ms: performance.now() - started };
  // A config change restarts the build cleanly: every cache goes.
  if (kinds.includes("config")) state.cache = createBuildCache();
  const isSettled = state.lastError === undefined && state.hasBuilt;
  const session = isSettled && kinds.every((kind) => kind === "document") ? state.session : undefined;
  const isStaticOnly = isSettled && kinds.every((kind) => kind === "static");
  const announced = isStaticOnly ? await announceStatic(state, relative) : session ? await announceBodies(state, session, relative) : NOTHING_ANNOUNCED;
  return runBuild(state, kinds, new Set(relative.map((file) => path.join(state.source, file))), announced, started);
}

/** Creates a dev site; nothing is built until buildAll() or rebuild() is called. */
export function createDevSite(options: DevSiteOptions): DevSite {
  const state: SiteState = {
    options,
    source: path.resolve(options.build.source),
    memory: new Map(),
    instance: randomBytes(4).toString("hex"),
    cache: createBuildCache(),
    session: undefined,
    generation: 0,
    config: undefined,
    lastError: undefined,
    hasBuilt: false,
  };
  const queue = createRebuildQueue<RebuildOutcome>((paths, isFull) => {
    if (!isFull) return rebuildAfter(state, paths);
    state.cache = createBuildCache();
    return runBuild(state, [], new Set(), NOTHING_ANNOUNCED, performance.now());
  });
  return {
    memory: state.memory,
    get version() {
      return versionOf(state);
    },
    get config() {
      return state.config;
    },
    get error() {
      return state.lastError;
    },
    get errorMessage(): LiveMessage | undefined {
      return state.lastError === undefined ? undefined : { type: "error", error: describeError(state.lastError) };
    },
    isIgnored: (relativePath) => classifyChange(relativePath, changeContext(state, new Set())) === "ignored",
    buildAll: () => queue.enqueue([], true),
    rebuild: (changedPaths) => queue.enqueue(changedPaths, false),
  };
}
