import path from "node:path";
import { KijiError } from "./errors.js";

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
 * `..` segments, absolute paths, NUL bytes. The one containment check for writer, loaders and server.
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
