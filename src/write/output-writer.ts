import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { OutputFile } from "../outputs/index.js";
import { KijiError, resolveInside } from "../shared/index.js";

/** Receives the files of one build and publishes them all at once, or not at all. */
export interface OutputWriter {
  write(file: OutputFile): Promise<void>;
  /** Swaps the finished site into the destination. */
  commit(): Promise<WriteSummary>;
  /** Throws the half-written site away; the destination stays as it was. */
  abort(): Promise<void>;
}

/** What a committed build wrote. */
export interface WriteSummary {
  readonly filesWritten: number;
}

/** Where and how to write. */
export interface OutputWriterOptions {
  readonly destination: string;
  /** Paths in the old destination to carry over (Jekyll's keep_files). */
  readonly keepFiles: readonly string[];
}

function describeWriteError(error: NodeJS.ErrnoException, target: string): KijiError {
  const reasons: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    ENOSPC: "the disk is full",
    EROFS: "the file system is read-only",
  };
  const why = reasons[error.code ?? ""] ?? error.message;
  return new KijiError(`cannot write the site to ${target}: ${why}`, {
    cause: error,
    hint: "The previous site was left untouched. Free space or fix permissions, then build again.",
  });
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(() => true, () => false);
}

/** Copies `keepFiles` entries from the old destination into the staging folder (those not rebuilt). */
async function carryOver(destination: string, staging: string, keepFiles: readonly string[]): Promise<void> {
  if (keepFiles.length === 0 || !(await exists(destination))) return;
  for (const entry of await fs.readdir(destination, { recursive: true })) {
    const relative = entry.split(path.sep).join("/");
    if (!keepFiles.some((keep) => relative === keep.replace(/\/$/, "") || relative.startsWith(keep.endsWith("/") ? keep : `${keep}/`))) continue;
    const target = path.join(staging, relative);
    if (await exists(target)) continue;
    await fs.cp(path.join(destination, relative), target, { recursive: true, errorOnExist: false, force: false });
  }
}

/**
 * Creates a writer that stages files in a hidden folder beside the destination and swaps it in
 * on commit, so a failed or interrupted build leaves the previous site byte-identical.
 */
export async function createOutputWriter(options: OutputWriterOptions): Promise<OutputWriter> {
  const { destination } = options;
  const parent = path.dirname(destination);
  const suffix = `${path.basename(destination)}-${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = path.join(parent, `.kiji-tmp-${suffix}`);
  try {
    await fs.mkdir(staging, { recursive: true });
  } catch (error) {
    throw describeWriteError(error as NodeJS.ErrnoException, destination);
  }
  const madeDirs = new Set<string>([staging]);
  let written = 0;
  let finished = false;

  return {
    async write(file) {
      const target = resolveInside(staging, file.path, "output path");
      const dir = path.dirname(target);
      try {
        if (!madeDirs.has(dir)) {
          await fs.mkdir(dir, { recursive: true });
          madeDirs.add(dir);
        }
        if ("copyFrom" in file) await fs.copyFile(file.copyFrom, target);
        else await fs.writeFile(target, file.contents);
      } catch (error) {
        throw describeWriteError(error as NodeJS.ErrnoException, destination);
      }
      written++;
    },
    async commit() {
      const backup = path.join(parent, `.kiji-old-${suffix}`);
      try {
        await carryOver(destination, staging, options.keepFiles);
        const hadDestination = await exists(destination);
        if (hadDestination) await fs.rename(destination, backup);
        try {
          await fs.rename(staging, destination);
        } catch (error) {
          if (hadDestination) await fs.rename(backup, destination);
          throw error;
        }
        finished = true;
        if (hadDestination) await fs.rm(backup, { recursive: true, force: true });
      } catch (error) {
        await fs.rm(staging, { recursive: true, force: true });
        throw describeWriteError(error as NodeJS.ErrnoException, destination);
      }
      return { filesWritten: written };
    },
    async abort() {
      if (!finished) await fs.rm(staging, { recursive: true, force: true });
      finished = true;
    },
  };
}
