import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { build, createBuildCache, type BuildOptions, type BuildResult, type MemorySite } from "../build/index.js";
import type { ResolvedConfig } from "../config/index.js";
import { createLogger, toPosix, type LoggerOptions } from "../shared/index.js";
import { classifyChange, type ChangeContext, type ChangeKind } from "./change-kind.js";
import { describeError, type OverlayError } from "./overlay-error.js";
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
export type DevBuildOptions = Omit<BuildOptions, "memory" | "cache" | "now" | "logger" | "signal" | "onProgress">;

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
  readonly result?: BuildResult;
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

/** Creates a dev site; nothing is built until buildAll() or rebuild() is called. */
export function createDevSite(options: DevSiteOptions): DevSite {
  const source = path.resolve(options.build.source);
  const memory: MemorySite = new Map();
  let cache = createBuildCache();
  let generation = 0;
  const instance = randomBytes(4).toString("hex");
  const version = (): string => `${instance}.${generation}`;
  let config: ResolvedConfig | undefined;
  let lastError: unknown;
  let hasBuilt = false;
  const emit = (message: LiveMessage): void => options.onMessage?.(message);
  const toRelative = (file: string): string => toPosix(path.isAbsolute(file) ? path.relative(source, file) : path.normalize(file));

  // Folders the build never reads: chokidar does not watch them and their changes start no build.
  const ignoredFolders = (): string[] => {
    const folders = [".git", "node_modules"];
    if (config) {
      folders.push(toPosix(path.relative(source, config.destination)));
      folders.push(...config.exclude.filter((entry) => !/[*?[]/.test(entry)));
    }
    return folders.filter((folder) => !config?.include.includes(folder));
  };
  const changeContext = (statics: ReadonlySet<string>): ChangeContext => ({
    configFiles: config?.configFiles ?? [],
    staticSources: statics,
    ignoredFolders: ignoredFolders(),
  });

  const updateMessage = (files: readonly string[], baseurl: string): LiveMessage => {
    const isPage = (file: string): boolean => /\.x?html?$/i.test(file);
    return {
      type: "update",
      version: version(),
      pages: files.filter(isPage).flatMap((file) => outputUrls(file, baseurl)),
      assets: files.filter((file) => !isPage(file)).map((file) => `${baseurl}/${file}`),
    };
  };

  /** Runs build() into memory and announces what changed; never throws. */
  async function runBuild(kinds: ChangeKind[], changedSources: ReadonlySet<string>, announced: ReadonlySet<string>, started: number): Promise<RebuildOutcome> {
    const before = new Map(memory);
    const wasFailing = lastError !== undefined || !hasBuilt;
    try {
      const result = await build({ ...options.build, memory, cache, now: options.now?.(), logger: createLogger(options.logger) });
      config = result.config;
      lastError = undefined;
      hasBuilt = true;
      const changed = diffSites(before, memory, changedSources).filter((file) => !announced.has(file));
      if (changed.length > 0 || wasFailing) {
        generation++;
        emit(updateMessage(changed, config!.baseurl));
      }
      return { kinds, changed, result, ms: performance.now() - started };
    } catch (error) {
      lastError = error;
      emit({ type: "error", error: describeError(error) });
      return { kinds, changed: [], error, ms: performance.now() - started };
    }
  }

  /** Static files changed in place: announce them now (their bytes are read on request), build after. */
  async function announceStatic(relative: readonly string[]): Promise<Set<string>> {
    const outputs = staticSources(memory);
    const files: string[] = [];
    for (const file of relative) {
      const absolute = path.join(source, file);
      const output = outputs.get(absolute);
      const exists = await fs.stat(absolute).then((stats) => stats.isFile(), () => false);
      if (output === undefined || !exists) return new Set();
      files.push(output);
    }
    generation++;
    emit(updateMessage(files, config?.baseurl ?? ""));
    return new Set(files);
  }

  async function runOnce(paths: readonly string[]): Promise<RebuildOutcome> {
    const started = performance.now();
    const context = changeContext(new Set([...staticSources(memory).keys()].map(toRelative)));
    const relative = [...new Set(paths.map(toRelative))];
    const kinds = relative.map((file) => classifyChange(file, context));
    const relevant = relative.filter((_, i) => kinds[i] !== "ignored");
    const relevantKinds = kinds.filter((kind) => kind !== "ignored");
    if (relevant.length === 0) return { kinds: [], changed: [], ms: performance.now() - started };
    // A config change restarts the build cleanly: every cache goes.
    if (relevantKinds.includes("config")) cache = createBuildCache();
    const isStaticOnly = relevantKinds.every((kind) => kind === "static") && lastError === undefined && hasBuilt;
    const announced = isStaticOnly ? await announceStatic(relevant) : new Set<string>();
    const changedSources = new Set(relevant.map((file) => path.join(source, file)));
    return runBuild(relevantKinds, changedSources, announced, started);
  }

  // Rebuilds run one at a time; paths that arrive meanwhile are gathered into the next one.
  let pending: string[] = [];
  let pendingAll = false;
  let waiters: Array<(outcome: RebuildOutcome) => void> = [];
  let running = false;
  async function drain(): Promise<void> {
    running = true;
    while (waiters.length > 0) {
      const [paths, all, done] = [pending, pendingAll, waiters];
      [pending, pendingAll, waiters] = [[], false, []];
      if (all) cache = createBuildCache();
      const outcome = all ? await runBuild([], new Set(), new Set(), performance.now()) : await runOnce(paths);
      for (const resolve of done) resolve(outcome);
    }
    running = false;
  }
  const enqueue = (paths: readonly string[], all: boolean): Promise<RebuildOutcome> => {
    pending.push(...paths);
    pendingAll ||= all;
    const promise = new Promise<RebuildOutcome>((resolve) => waiters.push(resolve));
    if (!running) void drain();
    return promise;
  };

  return {
    memory,
    get version() {
      return version();
    },
    get config() {
      return config;
    },
    get error() {
      return lastError;
    },
    get errorMessage(): LiveMessage | undefined {
      return lastError === undefined ? undefined : { type: "error", error: describeError(lastError) };
    },
    isIgnored: (relativePath) => classifyChange(relativePath, changeContext(new Set())) === "ignored",
    buildAll: () => enqueue([], true),
    rebuild: (changedPaths) => enqueue(changedPaths, false),
  };
}
