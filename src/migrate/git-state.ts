import { spawnSync } from "node:child_process";
import { KijiError } from "../shared/index.js";

/**
 * The files among `files` (relative to `dir`) with changes git has not committed — modified,
 * staged or untracked — so a migration would overwrite text git cannot give back. Throws when
 * `dir` is not in a git work tree (then nothing keeps the original text either).
 */
export function uncommittedFiles(dir: string, files: readonly string[]): string[] {
  if (files.length === 0) return [];
  const result = spawnSync("git", ["-C", dir, "status", "--porcelain", "--untracked-files=all", "-z", "--", ...files], { encoding: "utf8" });
  if (result.error || result.status !== 0) {
    throw new KijiError("cannot ask git whether the files have uncommitted changes: the site is not in a git work tree", {
      hint: "Commit the site to git first, so the original text stays recoverable, or pass --force.",
    });
  }
  const prefix = spawnSync("git", ["-C", dir, "rev-parse", "--show-prefix"], { encoding: "utf8" }).stdout.trim();
  return result.stdout
    .split("\0")
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3))
    .map((file) => (prefix && file.startsWith(prefix) ? file.slice(prefix.length) : file));
}
