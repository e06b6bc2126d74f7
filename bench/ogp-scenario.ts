import { appendFileSync, rmSync } from "node:fs";
import path from "node:path";
import { median, measureProcess, type ProcessRun } from "./measure.js";
import { KIJI_BIN } from "./run-kiji.js";

/** Cards drawn per second, and that a rebuild with nothing changed draws none (issue 11, target 5). */
export interface OgpResult {
  readonly posts: number;
  readonly runs: number;
  /** Median wall time of a build drawing every card (only the cards' cache removed). */
  readonly cardsColdMs: number;
  /** Median wall time of the same build with the cards cached. */
  readonly cardsWarmMs: number;
  readonly cardsDrawn: number;
  /** Cards the rebuild with nothing changed drew (the most over its runs): should be 0. */
  readonly drawnWhenUnchanged: number;
  /** Cards ÷ (cold − warm): the drawing rate, the rest of the build left out. */
  readonly cardsPerSecond: number;
  /** CPU time per card, every thread counted (undefined without GNU time). */
  readonly cpuMsPerCard: number | undefined;
}

/** How to measure OGP cards on one generated site (its `_config.yml` gets `ogp: true`). */
export interface OgpOptions {
  readonly siteDir: string;
  readonly posts: number;
  readonly runs: number;
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
}

async function buildOnce(options: OgpOptions, removeCards: boolean): Promise<ProcessRun & { drawn: number }> {
  rmSync(path.join(options.siteDir, "_site"), { recursive: true, force: true });
  if (removeCards) rmSync(path.join(options.siteDir, ".kiji-cache/ogp"), { recursive: true, force: true });
  const run = await measureProcess({ command: process.execPath, args: [KIJI_BIN, "build", "--source", options.siteDir, "--quiet"], cwd: options.siteDir, timeoutMs: options.timeoutMs });
  const images = /(\d+) OGP images \((\d+) drawn\)/.exec(run.stdout);
  if (Number(images?.[1]) !== options.posts) throw new Error(`kiji made ${images?.[1] ?? "no"} OGP images for ${options.posts} posts:\n${run.stdout}${run.stderr}`);
  return { ...run, drawn: Number(images?.[2]) };
}

/**
 * Measures the cards as `npm run bench:ogp` does, each build in a fresh process: a first build
 * fills every cache; then, in turns, a build with only the cards' cache removed and one with
 * nothing changed (both rewrite `_site/`). The difference of their medians is the drawing time.
 */
export async function benchOgpCards(options: OgpOptions): Promise<OgpResult> {
  appendFileSync(path.join(options.siteDir, "_config.yml"), "ogp: true\n");
  rmSync(path.join(options.siteDir, ".kiji-cache"), { recursive: true, force: true });
  await buildOnce(options, true);
  const cold: (ProcessRun & { drawn: number })[] = [];
  const warm: (ProcessRun & { drawn: number })[] = [];
  for (let run = 1; run <= options.runs; run++) {
    cold.push(await buildOnce(options, true));
    warm.push(await buildOnce(options, false));
    options.log(`  kiji OGP cards ${options.posts} posts, run ${run}: cards cold ${(cold.at(-1)!.ms / 1000).toFixed(2)} s (${cold.at(-1)!.drawn} drawn), cached ${(warm.at(-1)!.ms / 1000).toFixed(2)} s (${warm.at(-1)!.drawn} drawn)`);
  }
  const cardsColdMs = median(cold.map((run) => run.ms));
  const cardsWarmMs = median(warm.map((run) => run.ms));
  const cardsDrawn = Math.min(...cold.map((run) => run.drawn));
  const cpu = [...cold, ...warm].every((run) => run.cpuMs !== undefined) ? median(cold.map((run) => run.cpuMs!)) - median(warm.map((run) => run.cpuMs!)) : undefined;
  return {
    posts: options.posts,
    runs: options.runs,
    cardsColdMs,
    cardsWarmMs,
    cardsDrawn,
    drawnWhenUnchanged: Math.max(...warm.map((run) => run.drawn)),
    cardsPerSecond: cardsDrawn / ((cardsColdMs - cardsWarmMs) / 1000),
    cpuMsPerCard: cpu === undefined ? undefined : cpu / cardsDrawn,
  };
}
