import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_USAGE, MEMORY_SCENARIO_POSTS, parseBenchOptions, type BenchOptions } from "./bench-options.js";
import type { BenchResult, Failure, ScenarioResult, ToolStatus } from "./bench-result.js";
import { COMPETITORS, type Competitor, type CompetitorContext } from "./competitors/index.js";
import { generateCorpus } from "./corpus.js";
import { hasGnuTime } from "./measure.js";
import { benchOgpCards, type OgpResult } from "./ogp-scenario.js";
import { formatReport } from "./report.js";
import { createCompetitorRunner } from "./run-competitor.js";
import { createKijiRunner, REPO_ROOT } from "./run-kiji.js";
import { runRounds, type ToolRunner } from "./run-rounds.js";
import { benchServeReload, hasServe } from "./serve-reload.js";
import { checkTargets } from "./targets.js";

/** Body size of the memory scenario's tiny posts, in bytes. */
const TINY_POST_BYTES = 400;

/** Body size of the OGP scenario's posts (as `npm run bench:ogp`): the cards, not Markdown, should cost. */
const OGP_POST_BYTES = 600;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function kijiVersion(): string {
  return (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

function uptime(): string {
  try {
    return execFileSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    return `load average: ${os.loadavg().map((load) => load.toFixed(2)).join(", ")}`;
  }
}

function describeMachine(): Record<string, string | number> {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    uptimeAtStart: uptime(),
  };
}

/** Installs or finds each selected competitor; the ones that cannot be had are skipped with the reason. */
async function prepareCompetitors(options: BenchOptions, context: CompetitorContext): Promise<{ ready: Competitor[]; statuses: ToolStatus[] }> {
  const ready: Competitor[] = [];
  const statuses: ToolStatus[] = [];
  for (const competitor of options.competitors.map((name) => COMPETITORS[name])) {
    try {
      statuses.push({ name: competitor.name, label: competitor.label, version: await competitor.prepare(context) });
      ready.push(competitor);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      statuses.push({ name: competitor.name, label: competitor.label, skipped: reason });
      log(`${competitor.label}: skipped (${reason})`);
    }
  }
  return { ready, statuses };
}

/** Generates one corpus and measures kiji (and, below the memory scenario, the competitors and serve) on it. */
async function benchSize(posts: number, options: BenchOptions, competitors: readonly Competitor[], context: CompetitorContext, serve: boolean): Promise<{ results: ScenarioResult[]; failures: Failure[] }> {
  const tinyPosts = posts >= MEMORY_SCENARIO_POSTS;
  const sizeDir = path.join(options.workDir, tinyPosts ? `${posts}-tiny` : String(posts));
  const corpusDir = path.join(sizeDir, "kiji");
  log(`generating ${posts.toLocaleString("en")} ${tinyPosts ? "tiny " : ""}posts into ${corpusDir}`);
  generateCorpus({ dir: corpusDir, posts, postBytes: tinyPosts ? TINY_POST_BYTES : undefined, seedPostsDir: path.join(REPO_ROOT, "_posts") });
  // The competitors build post pages only (their feed and sitemap plugins are not installed), so kiji does too.
  appendFileSync(path.join(corpusDir, "_config.yml"), "feed: false\nsitemap: false\n");
  const runners: ToolRunner[] = [createKijiRunner({ siteDir: corpusDir, posts, timeoutMs: options.timeoutMs, scenarios: tinyPosts ? ["cold"] : ["cold", "no-change", "one-post-edit"] })];
  if (!tinyPosts && posts <= options.competitorMaxPosts) {
    for (const competitor of competitors) {
      runners.push(createCompetitorRunner({ competitor, context, corpusDir, siteDir: path.join(sizeDir, competitor.name), posts, timeoutMs: options.timeoutMs }));
    }
  }
  const outcome = await runRounds({ runners, posts, tinyPosts, runs: tinyPosts ? 1 : options.runs, log });
  if (serve && !tinyPosts) {
    try {
      outcome.results.push(await benchServeReload({ siteDir: corpusDir, posts, runs: options.runs, timeoutMs: options.timeoutMs, log }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome.failures.push({ tool: "kiji", posts, message: `serve-reload: ${message}` });
      log(`  kiji serve-reload ${posts} posts failed: ${message}`);
    }
  }
  return outcome;
}

/** Generates the OGP scenario's corpus and measures the cards; a failure is recorded, not thrown. */
async function benchOgp(options: BenchOptions, failures: Failure[]): Promise<OgpResult | undefined> {
  if (options.ogpPosts === 0) return undefined;
  const siteDir = path.join(options.workDir, `ogp-${options.ogpPosts}`);
  log(`generating ${options.ogpPosts} posts with OGP cards into ${siteDir}`);
  generateCorpus({ dir: siteDir, posts: options.ogpPosts, postBytes: OGP_POST_BYTES, seedPostsDir: path.join(REPO_ROOT, "_posts") });
  try {
    return await benchOgpCards({ siteDir, posts: options.ogpPosts, runs: options.runs, timeoutMs: options.timeoutMs, log });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push({ tool: "kiji", posts: options.ogpPosts, message: `OGP cards: ${message}` });
    log(`  kiji OGP cards failed: ${message}`);
    return undefined;
  }
}

/** Measures every size the options ask for and checks the targets. */
async function runBench(options: BenchOptions): Promise<BenchResult> {
  mkdirSync(options.workDir, { recursive: true });
  const machine = describeMachine();
  log(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB; ${machine.uptimeAtStart}`);
  if (!hasGnuTime()) log("peak RSS: not measured (/usr/bin/time is missing: apt-get install -y time)");
  const context: CompetitorContext = { toolsDir: path.join(options.workDir, "competitors"), log };
  const { ready, statuses } = await prepareCompetitors(options, context);
  const serve = hasServe();
  if (!serve) log("serve: not available");
  const results: ScenarioResult[] = [];
  const failures: Failure[] = [];
  for (const posts of options.sizes) {
    const outcome = await benchSize(posts, options, ready, context, serve);
    results.push(...outcome.results);
    failures.push(...outcome.failures);
  }
  const ogp = await benchOgp(options, failures);
  return {
    date: new Date().toISOString(),
    machine: { ...machine, uptimeAtEnd: uptime() },
    options: { sizes: options.sizes, runs: options.runs, competitors: options.competitors, competitorMaxPosts: options.competitorMaxPosts, ogpPosts: options.ogpPosts },
    tools: [{ name: "kiji", label: "kiji", version: kijiVersion() }, ...statuses],
    results,
    failures,
    ogp,
    verdicts: checkTargets(results, failures, ogp),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  let options: BenchOptions | undefined;
  try {
    options = parseBenchOptions(argv, process.cwd());
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n\n${BENCH_USAGE}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }
  const bench = await runBench(options);
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(bench, null, 2)}\n`);
  const { machine } = bench;
  process.stdout.write(`${formatReport(bench)}\n\n${machine.cpus} cores; at start: ${machine.uptimeAtStart}; at end: ${machine.uptimeAtEnd}\nJSON: ${options.out}\n`);
  return bench.failures.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
