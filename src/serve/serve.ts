import type { LoggerOptions } from "../shared/index.js";
import { createDevSite, type DevBuildOptions, type DevSite, type RebuildOutcome } from "./dev-site.js";
import { startDevServer, type DevServer, type ServerLimits } from "./dev-server.js";
import { watchSource, type SourceWatcher } from "./watch-source.js";

/** Everything `kiji serve` is given. */
export interface ServeOptions {
  /** The same build settings as `kiji build`. */
  readonly build: DevBuildOptions;
  readonly host?: string;
  readonly port?: number;
  /** Base URL to serve under until the first build has succeeded (then the config's). */
  readonly baseurl?: string;
  /** Live reload (default true). */
  readonly livereload?: boolean;
  /** Watch the source (default true); tests call `site.rebuild` themselves. */
  readonly watch?: boolean;
  /** Quiet time that ends a burst of saves (default 30 ms). */
  readonly debounceMs?: number;
  readonly logger?: LoggerOptions;
  readonly now?: () => number;
  readonly limits?: Partial<ServerLimits>;
  /** Told about each finished rebuild, for the terminal. */
  readonly onRebuild?: (outcome: RebuildOutcome) => void;
  /** Told about failures that do not stop the server (watcher, request handling). */
  readonly onError?: (error: unknown) => void;
}

/** A running `kiji serve`: the in-memory site, its HTTP server and the watcher feeding it. */
export interface ServeSession {
  readonly site: DevSite;
  readonly server: DevServer;
  /** The first build, which may have failed (the server runs anyway and shows the error). */
  readonly initial: RebuildOutcome;
  close(): Promise<void>;
}

const DEFAULT_DEBOUNCE_MS = 30;

/** Builds the site into memory, serves it and rebuilds it as files change. */
export async function startServe(options: ServeOptions): Promise<ServeSession> {
  let server: DevServer | undefined;
  const site = createDevSite({ build: options.build, logger: options.logger, now: options.now, onMessage: (message) => server?.broadcast(message) });
  const initial = await site.buildAll();
  server = await startDevServer({ site, host: options.host, port: options.port, baseurl: options.baseurl, livereload: options.livereload, limits: options.limits, onError: options.onError });
  let watcher: SourceWatcher | undefined;
  let closed = false;
  const startWatcher = (): void => {
    watcher = watchSource({
      source: options.build.source,
      isIgnored: (file) => site.isIgnored(file),
      debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
      onChange: (paths) => void site.rebuild(paths).then(afterRebuild).catch((error: unknown) => options.onError?.(error)),
      onError: options.onError,
    });
  };
  // A config change may move the output folder or the exclude list: watch again with the new rules.
  const afterRebuild = async (outcome: RebuildOutcome): Promise<void> => {
    options.onRebuild?.(outcome);
    if (outcome.kinds.includes("config") && !closed) {
      await watcher?.close();
      if (!closed) startWatcher();
    }
  };
  if (options.watch ?? true) startWatcher();
  await watcher?.ready;
  return {
    site,
    server,
    initial,
    async close() {
      closed = true;
      await watcher?.close();
      await server?.close();
    },
  };
}
