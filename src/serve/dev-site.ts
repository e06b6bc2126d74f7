import { randomBytes } from "node:crypto";
import path from "node:path";
import { build, createBuildCache, type BuildOptions, type BuildResult, type MemorySite } from "../build/index.js";
import type { ResolvedConfig } from "../config/index.js";
import { createLogger, createYielder, toPosix, type LoggerOptions } from "../shared/index.js";
import { classifyChange, type ChangeContext, type ChangeKind } from "./change-kind.js";
import { NOTHING_ANNOUNCED, announceBodies, announceStatic, type Announced } from "./fast-paths.js";
import { describeError } from "./overlay-error.js";
import { createRebuildQueue } from "./rebuild-queue.js";
import { diffSites, staticSources } from "./site-diff.js";
import { publishUpdate, toRelative, versionOf, type LiveMessage, type SiteState } from "./site-state.js";

export type { LiveMessage } from "./site-state.js";

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

/** Runs build() into memory and announces what changed; never throws. */
async function runBuild(state: SiteState, options: DevSiteOptions, kinds: ChangeKind[], changedSources: ReadonlySet<string>, announced: Announced, started: number): Promise<RebuildOutcome> {
  const { memory } = state;
  const before = new Map(memory);
  const wasFailing = state.lastError !== undefined || !state.hasBuilt;
  // Edits made during this build may take the fast path only while the last build's layouts, data and config still hold.
  const keepsSession = kinds.length > 0 && kinds.every((kind) => kind === "document" || kind === "static");
  if (!keepsSession) state.session = undefined;
  state.isBuilding = true;
  try {
    const { session, ...result } = await build({ ...options.build, memory, cache: state.cache, now: options.now?.(), logger: createLogger(options.logger), keepSession: true });
    Object.assign(state, { config: result.config, lastError: undefined, hasBuilt: true, session });
    // Pages the fast path rendered meanwhile are newer than this build's: put them back (the next build renders them too).
    await state.fastLane;
    for (const [file, contents] of state.pinned) memory.set(file, contents);
    const diff = await diffSites(before, memory, changedSources, createYielder());
    const fresh = diff.filter((file) => !announced.settled.has(file) && !state.pinned.has(file));
    if (fresh.length > 0 || wasFailing) publishUpdate(state, fresh);
    const changed = [...new Set([...announced.early, ...diff])];
    return { kinds, changed, early: announced.early, result, ms: performance.now() - started };
  } catch (error) {
    state.lastError = error;
    options.onMessage?.({ type: "error", error: describeError(error) });
    return { kinds, changed: [], early: announced.early, error, ms: performance.now() - started };
  } finally {
    state.isBuilding = false;
    state.pinned.clear();
  }
}

/** The changed paths that matter, relative to the source, and their kinds. */
function classify(state: SiteState, paths: readonly string[]): { relative: string[]; kinds: ChangeKind[] } {
  const context = changeContext(state, new Set([...staticSources(state.memory).keys()].map((file) => toRelative(state, file))));
  const relative = [...new Set(paths.map((file) => toRelative(state, file)))].filter((file) => classifyChange(file, context) !== "ignored");
  return { relative, kinds: relative.map((file) => classifyChange(file, context)) };
}

/** The fast path for edited documents, when every changed path is one and the site is in a good state. */
function announceDocuments(state: SiteState, relative: readonly string[], kinds: readonly ChangeKind[]): Promise<Announced> | undefined {
  const isSettled = state.lastError === undefined && state.hasBuilt;
  const session = state.session;
  if (!isSettled || !session || kinds.length === 0 || !kinds.every((kind) => kind === "document")) return undefined;
  return announceBodies(state, session, relative);
}

/** One rebuild after `paths` changed: classify, take the fast path where one applies, then build. */
async function rebuildAfter(state: SiteState, options: DevSiteOptions, paths: readonly string[]): Promise<RebuildOutcome> {
  const started = performance.now();
  const { relative, kinds } = classify(state, paths);
  if (relative.length === 0) return { kinds: [], changed: [], early: [], ms: performance.now() - started };
  // A config change restarts the build cleanly: every cache goes.
  if (kinds.includes("config")) state.cache = createBuildCache();
  const isStaticOnly = state.lastError === undefined && state.hasBuilt && kinds.every((kind) => kind === "static");
  const announced = isStaticOnly ? await announceStatic(state, relative) : ((await announceDocuments(state, relative, kinds)) ?? NOTHING_ANNOUNCED);
  return runBuild(state, options, kinds, new Set(relative.map((file) => path.join(state.source, file))), announced, started);
}

/** Creates a dev site; nothing is built until buildAll() or rebuild() is called. */
export function createDevSite(options: DevSiteOptions): DevSite {
  const state: SiteState = {
    onMessage: options.onMessage,
    source: path.resolve(options.build.source),
    memory: new Map(),
    instance: randomBytes(4).toString("hex"),
    cache: createBuildCache(),
    session: undefined,
    isBuilding: false,
    pinned: new Map(),
    fastLane: Promise.resolve(),
    generation: 0,
    config: undefined,
    lastError: undefined,
    hasBuilt: false,
  };
  const queue = createRebuildQueue<RebuildOutcome>((paths, isFull) => {
    if (!isFull) return rebuildAfter(state, options, paths);
    state.cache = createBuildCache();
    return runBuild(state, options, [], new Set(), NOTHING_ANNOUNCED, performance.now());
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
    rebuild(changedPaths) {
      // An edit made while a build runs need not wait for it: its page is rendered and announced now.
      if (state.isBuilding) {
        const { relative, kinds } = classify(state, changedPaths);
        void announceDocuments(state, relative, kinds);
      }
      return queue.enqueue(changedPaths, false);
    },
  };
}
