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

/**
 * Runs every tool's scenarios in rounds — run 1 of each tool, then run 2 of each … — so that a
 * change in the machine's load while the benchmark runs falls on all tools alike, and the ratios
 * stay fair on a shared machine. A tool that fails is reported and left out of later rounds.
 */
export async function runRounds(options: { runners: readonly ToolRunner[]; posts: number; tinyPosts: boolean; runs: number; log: (line: string) => void }): Promise<RoundsOutcome> {
  const results: ScenarioResult[] = [];
  const failures: Failure[] = [];
  const failed = new Set<string>();
  try {
    for (const scenario of SCENARIOS) {
      const runners = options.runners.filter((runner) => runner.scenarios.includes(scenario));
      const runs = new Map<string, Awaited<ReturnType<ToolRunner["run"]>>[]>(runners.map((runner) => [runner.tool, []]));
      for (let round = 1; round <= options.runs; round++) {
        for (const runner of runners.filter((candidate) => !failed.has(candidate.tool))) {
          try {
            const run = await runner.run(scenario);
            runs.get(runner.tool)!.push(run);
            options.log(`  ${runner.tool} ${scenario} ${options.posts} posts, run ${round}: ${(run.ms / 1000).toFixed(2)} s, CPU ${((run.cpuMs ?? NaN) / 1000).toFixed(2)} s, ${run.peakRssMb?.toFixed(0) ?? "?"} MB`);
          } catch (error) {
            failed.add(runner.tool);
            const message = error instanceof Error ? error.message : String(error);
            failures.push({ tool: runner.tool, posts: options.posts, message: `${scenario}: ${message}` });
            options.log(`  ${runner.tool} ${scenario} ${options.posts} posts failed: ${message}`);
          }
        }
      }
      for (const runner of runners) {
        const done = runs.get(runner.tool)!;
        if (done.length === options.runs) {
          const stages = done.flatMap((run) => (run.stages ? [run.stages] : []));
          results.push(summariseRuns({ tool: runner.tool, scenario, posts: options.posts, tinyPosts: options.tinyPosts }, done, stages));
        }
      }
    }
  } finally {
    for (const runner of options.runners) runner.finish();
  }
  return { results, failures };
}
