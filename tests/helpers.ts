import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (tests run from dist/tests). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The blog's five posts as the old writing pipeline published them (the blog's `_posts/` holds them migrated). */
export const SEED_POSTS = path.join(REPO_ROOT, "../shared/fixtures/seed-blog/_posts");

/** Writes `files` (path → text) into a new temporary folder and returns its path. */
export function makeSite(files: Readonly<Record<string, string | Uint8Array>>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kiji-test-"));
  for (const [name, contents] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
  return dir;
}

/** Removes a temporary folder. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file below `dir` (relative, sorted), dotfiles included. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** A digest of a folder's file names and contents: equal digests mean byte-identical trees. */
export function treeHash(dir: string): string {
  const hash = createHash("sha256");
  for (const file of listFiles(dir)) {
    hash.update(file);
    hash.update("\0");
    hash.update(readFileSync(path.join(dir, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Runs the kiji CLI and returns its exit code and output. */
export function runKiji(args: readonly string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin/kiji.js"), ...args], {
    encoding: "utf8",
    env: { ...process.env, TZ: "UTC", ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A minimal layout that prints the page URL and content. */
export const DUMP_LAYOUT = "<p class=\"url\">{{ page.url }}</p><p class=\"date\">{{ page.date }}</p>{{ content }}";
