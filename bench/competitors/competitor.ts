import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The static-site generators kiji is compared with. */
export type CompetitorName = "eleventy" | "hexo" | "jekyll" | "hugo";

/** What every competitor needs to know about this run. */
export interface CompetitorContext {
  /** Git-ignored folder the Node competitors are installed into (`.bench/competitors/`). */
  readonly toolsDir: string;
  readonly log: (line: string) => void;
}

/** A command line that builds a competitor's site. */
export interface BuildCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/** One competitor: how to install it, lay out an equivalent site, clear its caches and build. */
export interface Competitor {
  readonly name: CompetitorName;
  /** Product name for the table, e.g. "Eleventy". */
  readonly label: string;
  /** Makes the tool runnable and returns its version; throws with the reason when it cannot be had. */
  prepare(context: CompetitorContext): Promise<string>;
  /** Writes this tool's site into `siteDir` from kiji's generated corpus in `corpusDir`. */
  createSite(corpusDir: string, siteDir: string, context: CompetitorContext): void;
  /** The folder holding the posts, relative to the site (for the edit scenario). */
  readonly postsFolder: string;
  /** The output folder, relative to the site. */
  readonly outputFolder: string;
  /** Removes the output and every cache, so the next build is cold. */
  clean(siteDir: string): void;
  command(siteDir: string, context: CompetitorContext): BuildCommand;
}

/** Writes `files` (path relative to `dir` → text). */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/** Empties `siteDir` and copies the corpus's posts into `postsFolder` inside it. */
export function copyPosts(corpusDir: string, siteDir: string, postsFolder: string): void {
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(path.join(siteDir, postsFolder), { recursive: true });
  cpSync(path.join(corpusDir, "_posts"), path.join(siteDir, postsFolder), { recursive: true });
}

/** Removes these paths below `siteDir`. */
export function removePaths(siteDir: string, names: readonly string[]): void {
  for (const name of names) rmSync(path.join(siteDir, name), { recursive: true, force: true });
}
