import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Scenario } from "./bench-result.js";
import { measureProcess, type ProcessRun } from "./measure.js";
import type { ToolRunner } from "./run-rounds.js";
import { scanOutput } from "./scan-output.js";

/** The repository root (this file runs from dist/bench/). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The kiji command line, run from the repository's own bin/. */
export const KIJI_BIN = path.join(REPO_ROOT, "bin/kiji.js");

/** Reads the `--profile` lines (`  stage   12.3 ms`) kiji prints on stderr. */
export function parseProfile(stderr: string): Record<string, number> {
  const stages: Record<string, number> = {};
  for (const match of stderr.matchAll(/^ {2}(\S+)\s+([\d.]+) ms$/gm)) stages[match[1]!] = (stages[match[1]!] ?? 0) + Number(match[2]);
  return stages;
}

/** The post the edit scenarios change: the middle one, so it has neighbours on both sides. */
export function pickEditedPost(siteDir: string, postsFolder = "_posts"): string {
  const names = readdirSync(path.join(siteDir, postsFolder)).filter((name) => name.endsWith(".md")).sort();
  return path.join(siteDir, postsFolder, names[Math.floor(names.length / 2)]!);
}

/** Rewrites a post with one new sentence at the end and returns that sentence; `run` makes each edit a real change. */
export function editPost(file: string, original: string, run: number): string {
  const sentence = `追記 ${run}：この段落はベンチマークが書き換えました。`;
  writeFileSync(file, `${original}\n${sentence}\n`);
  return sentence;
}

/** Checks that a build wrote a page for every post and, after an edit, that the edit reached the site. */
export function checkOutput(tool: string, outputDir: string, posts: number, edit: string | undefined): void {
  const scan = scanOutput(outputDir, edit);
  if (scan.htmlFiles < posts) throw new Error(`${tool} wrote ${scan.htmlFiles} HTML pages for ${posts} posts`);
  if (edit !== undefined && !scan.hasMarker) throw new Error(`${tool}: no page shows the edited post's new sentence "${edit}"`);
}

/** Runs kiji's build in a fresh process and checks it built every post. */
async function runKiji(siteDir: string, posts: number, timeoutMs: number): Promise<ProcessRun> {
  const run = await measureProcess({
    command: process.execPath,
    args: [KIJI_BIN, "build", "--source", siteDir, "--quiet", "--profile"],
    cwd: siteDir,
    timeoutMs,
  });
  const built = /kiji: built (\d+) posts/.exec(run.stdout);
  if (Number(built?.[1]) !== posts) throw new Error(`kiji built ${built?.[1] ?? "no"} posts, expected ${posts}:\n${run.stdout}${run.stderr}`);
  return run;
}

/** Removes the output and the cache folder, so the next build starts from nothing. */
export function cleanKijiSite(siteDir: string): void {
  rmSync(path.join(siteDir, "_site"), { recursive: true, force: true });
  rmSync(path.join(siteDir, ".kiji-cache"), { recursive: true, force: true });
}

/**
 * kiji's build scenarios on one generated site: cold (output and cache folder removed first),
 * no change, and one post edited (both keeping the cache folder and the output).
 */
export function createKijiRunner(options: { siteDir: string; posts: number; timeoutMs: number; scenarios: readonly Scenario[] }): ToolRunner {
  const edited = pickEditedPost(options.siteDir);
  const original = readFileSync(edited, "utf8");
  let edits = 0;
  return {
    tool: "kiji",
    scenarios: options.scenarios,
    async run(scenario) {
      if (scenario === "cold") cleanKijiSite(options.siteDir);
      const edit = scenario === "one-post-edit" ? editPost(edited, original, ++edits) : undefined;
      const run = await runKiji(options.siteDir, options.posts, options.timeoutMs);
      checkOutput("kiji", path.join(options.siteDir, "_site"), options.posts, edit);
      return { ...run, stages: parseProfile(run.stderr) };
    },
    finish: () => writeFileSync(edited, original),
  };
}
