import path from "node:path";
import { watch } from "chokidar";

/** Gathers paths that change in a burst and hands them over together once it is quiet. */
export interface ChangeBatcher {
  add(file: string): void;
  /** Drops whatever is waiting. */
  cancel(): void;
}

/** A trailing debounce: `flush` runs `delayMs` after the last `add`, with every path added since. */
export function createChangeBatcher(delayMs: number, flush: (paths: string[]) => void): ChangeBatcher {
  let paths = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  return {
    add(file) {
      paths.add(file);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const batch = [...paths];
        paths = new Set();
        timer = undefined;
        flush(batch);
      }, delayMs);
    },
    cancel() {
      clearTimeout(timer);
      paths = new Set();
    },
  };
}

/** A running watch over the site source. */
export interface SourceWatcher {
  /** Resolves once the initial scan is done and changes are being reported. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** What watchSource needs. */
export interface WatchSourceOptions {
  readonly source: string;
  /** True for paths (relative to the source, `/`-separated) not worth watching: output, .git, temp files. */
  readonly isIgnored: (relativePath: string) => boolean;
  /** Quiet time that ends a burst of saves. */
  readonly debounceMs: number;
  /** Receives the absolute paths that changed in one burst. */
  readonly onChange: (paths: string[]) => void;
  /** Receives watcher failures (for example the system's limit on watched folders). */
  readonly onError?: (error: unknown) => void;
}

/**
 * Watches the source with chokidar and feeds bursts of changed paths to `onChange` (which
 * calls the dev site's rebuild). chokidar's `atomic` option turns an editor's delete-and-rename
 * save into one change.
 */
export function watchSource(options: WatchSourceOptions): SourceWatcher {
  const root = path.resolve(options.source);
  const batcher = createChangeBatcher(options.debounceMs, options.onChange);
  const watcher = watch(root, {
    ignoreInitial: true,
    atomic: true,
    ignored: (file: string) => {
      const relative = path.relative(root, file).split(path.sep).join("/");
      return relative !== "" && options.isIgnored(relative);
    },
  });
  watcher.on("all", (_event, file) => batcher.add(file));
  watcher.on("error", (error) => options.onError?.(error));
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    ready,
    async close() {
      batcher.cancel();
      await watcher.close();
    },
  };
}
