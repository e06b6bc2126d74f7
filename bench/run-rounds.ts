import { SCENARIOS, summariseRuns, type Failure, type Scenario, type ScenarioResult } from "./bench-result.js";
import type { ProcessRun } from "./measure.js";

/** One tool's runs on one corpus: `run` does one measured build of a scenario in a fresh process. */
export interface ToolRunner {
  readonly tool: string;
  /** The scenarios this tool is measured in (cold first: the others reuse its output). */
  readonly scenarios: readonly Scenario[];
  run(scenario: Scenario): Promise<ProcessRun & { readonly stages?: Readonly<Record<string, number>> }>;
  /** Puts the corpus back as it was generated. */
  finish(): void;
}

/** What a set of rounds measured, and which tools failed. */
export interface RoundsOutcome {
  readonly results: ScenarioResult[];
  readonly failures: Failure[];
}

type MeasuredRun = Awaited<ReturnType<ToolRunner["run"]>>;

/** How to run the rounds at one corpus size. */
export interface RoundsOptions {
  readonly runners: readonly ToolRunner[];
  readonly posts: number;
  readonly tinyPosts: boolean;
  readonly runs: number;
  readonly log: (line: string) => void;
}

function describeRun(run: MeasuredRun): string {
  const cpu = run.cpuMs === undefined ? "" : `, CPU ${(run.cpuMs / 1000).toFixed(2)} s`;
  return `${(run.ms / 1000).toFixed(2)} s${cpu}, ${run.peakRssMb?.toFixed(0) ?? "?"} MB`;
}

/** Runs one scenario `runs` times for each tool not failed yet, in rounds; records failures. */
async function runScenario(scenario: Scenario, options: RoundsOptions, outcome: RoundsOutcome): Promise<void> {
  const runners = options.runners.filter((runner) => runner.scenarios.includes(scenario));
  const runs = new Map<string, MeasuredRun[]>(runners.map((runner) => [runner.tool, []]));
  const hasFailed = (tool: string): boolean => outcome.failures.some((failure) => failure.tool === tool && failure.posts === options.posts);
  for (let round = 1; round <= options.runs; round++) {
    for (const runner of runners.filter((candidate) => !hasFailed(candidate.tool))) {
      const label = `  ${runner.tool} ${scenario} ${options.posts} posts`;
      try {
        const run = await runner.run(scenario);
        runs.get(runner.tool)!.push(run);
        options.log(`${label}, run ${round}: ${describeRun(run)}`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        outcome.failures.push({ tool: runner.tool, posts: options.posts, message: `${scenario}: ${message}` });
        options.log(`${label} failed: ${message}`);
      }
    }
  }
  for (const [tool, done] of runs) {
    if (done.length < options.runs) continue;
    const stages = done.flatMap((run) => (run.stages ? [run.stages] : []));
    outcome.results.push(summariseRuns({ tool, scenario, posts: options.posts, tinyPosts: options.tinyPosts }, done, stages));
  }
}

/**
 * Runs every tool's scenarios in rounds — run 1 of each tool, then run 2 of each … — so that a
 * change in the machine's load while the benchmark runs falls on all tools alike, and the ratios
 * stay fair on a shared machine. A tool that fails is reported and left out of later runs.
 */
export async function runRounds(options: RoundsOptions): Promise<RoundsOutcome> {
  const outcome: RoundsOutcome = { results: [], failures: [] };
  try {
    for (const scenario of SCENARIOS) await runScenario(scenario, options, outcome);
  } finally {
    for (const runner of options.runners) runner.finish();
  }
  return outcome;
}
