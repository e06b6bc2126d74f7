import { promises as fs } from "node:fs";
import path from "node:path";
import { KijiError } from "./errors.js";
import { messages } from "./messages.js";

/** A path with forward slashes, whatever the platform. */
export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** True when `candidate` (absolute) is `root` itself or lies below it. */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * Resolves `relative` below `root` and rejects (never clamps) any result outside it:
 * `..` segments, absolute paths, NUL bytes. Checks the names only; `resolveInsideReal` also
 * follows symbolic links.
 */
export function resolveInside(root: string, relative: string, what = "path"): string {
  if (relative.includes("\0")) {
    throw new KijiError(`${what} contains a NUL byte: ${JSON.stringify(relative)}`);
  }
  const resolved = path.resolve(root, relative.replace(/^[/\\]+/, ""));
  if (!isInside(root, resolved) || relative.split(/[/\\]/).includes("..")) {
    throw new KijiError(`${what} ${JSON.stringify(relative)} leads outside ${root}`, {
      hint: "Remove '..' segments; output and source paths must stay inside their folder.",
    });
  }
  return resolved;
}

/** The real location of `file`, or of its deepest existing ancestor when it does not exist (yet). */
async function realLocation(file: string): Promise<string> {
  for (let probe = file; ; probe = path.dirname(probe)) {
    const real = await fs.realpath(probe).catch(() => undefined);
    if (real !== undefined) return probe === file ? real : path.join(real, path.relative(probe, file));
    if (path.dirname(probe) === probe) return file;
  }
}

/**
 * The one path-containment check of kiji, used by the source scan, the loaders, the writer
 * and the dev server: `resolveInside`, then symbolic links are followed and the real location
 * must lie inside the real root as well. Rejects, never clamps; returns the resolved path.
 */
export async function resolveInsideReal(root: string, relative: string, what = "path"): Promise<string> {
  const resolved = resolveInside(root, relative, what);
  const [realRoot, real] = await Promise.all([fs.realpath(root).catch(() => root), realLocation(resolved)]);
  if (!isInside(realRoot, real)) {
    const { message, hint } = messages.symlinkOutside(real);
    throw new KijiError(`${what}: ${message}`, { file: toPosix(relative), hint });
  }
  return resolved;
}
