import { readdirSync, type Dirent } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * Files (not folders) below `dir`, relative with "/", or [] when it does not exist. Read
 * synchronously: Node 20's recursive promise readdir visits folders one at a time, about five
 * times slower on a site of 10,000 post folders.
 */
export function listFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

// A destination the previous build wrote at least this many files to is listed ahead, in a worker thread.
const LIST_AHEAD = 2_000;

/**
 * Starts listing the destination's files in a worker thread, for the writer's commit (which
 * removes the files no longer produced): walking the 10,000 post folders of a 10,000-post site
 * took 0.15 s, which the build's CPU-bound stages now hide. Nothing but the commit changes the
 * destination, so a list made early is the one the commit would make. Undefined for a small or
 * new destination (listed at the commit); the promise gives undefined if the thread fails.
 */
export function listDestinationAhead(destination: string, previous: ReadonlyMap<string, unknown> | undefined): Promise<string[] | undefined> | undefined {
  return (previous?.size ?? 0) >= LIST_AHEAD ? listFilesInThread(destination) : undefined;
}

function listFilesInThread(dir: string): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./list-files-worker.js", import.meta.url), { workerData: dir });
    worker.unref();
    worker.once("message", (files: string[]) => resolve(files));
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
}
