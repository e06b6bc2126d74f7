import { median, type ProcessRun } from "./measure.js";
import type { OgpResult } from "./ogp-scenario.js";

/** What is measured: a build from nothing, a rebuild with nothing changed, a rebuild after one edit, serve's reload. */
export type Scenario = "cold" | "no-change" | "one-post-edit" | "serve-reload";

/** The scenarios in the order they are run and printed. */
export const SCENARIOS: readonly Scenario[] = ["cold", "no-change", "one-post-edit", "serve-reload"];

/** The medians of several runs of one tool in one scenario at one corpus size. */
export interface ScenarioResult {
  /** "kiji" or a competitor's name. */
  readonly tool: string;
  readonly scenario: Scenario;
  readonly posts: number;
  /** True for the memory scenario's tiny posts. */
  readonly tinyPosts: boolean;
  /** Wall time of each run, in ms. */
  readonly runsMs: readonly number[];
  readonly medianMs: number;
  readonly postsPerSecond: number;
  /** Median user + system CPU time, in ms (undefined when it could not be measured). */
  readonly medianCpuMs: number | undefined;
  /** The highest peak RSS over the runs, in MB (undefined when it could not be measured). */
  readonly peakRssMb: number | undefined;
  /** kiji only: median time of each `--profile` stage, in ms. */
  readonly stagesMs?: Readonly<Record<string, number>>;
}

/** A tool taking part in the run, or the reason it could not. */
export interface ToolStatus {
  readonly name: string;
  readonly label: string;
  readonly version?: string;
  readonly skipped?: string;
}

/** One target of issue 11, checked against this run's numbers. */
export interface Verdict {
  readonly target: string;
  readonly status: "met" | "not met" | "not measured";
  readonly detail: string;
}

/** A failed measurement, kept so a crash (out of memory, say) is a finding rather than a lost run. */
export interface Failure {
  readonly tool: string;
  readonly posts: number;
  readonly message: string;
}

/** The JSON file `npm run bench` writes. */
export interface BenchResult {
  readonly date: string;
  readonly machine: Readonly<Record<string, string | number>>;
  readonly options: Readonly<Record<string, unknown>>;
  readonly tools: readonly ToolStatus[];
  readonly results: readonly ScenarioResult[];
  readonly failures: readonly Failure[];
  /** The OGP card scenario, when it was run and succeeded. */
  readonly ogp?: OgpResult;
  readonly verdicts: readonly Verdict[];
}

/** Summarises the runs of one tool in one scenario. */
export function summariseRuns(
  base: { tool: string; scenario: Scenario; posts: number; tinyPosts: boolean },
  runs: readonly Pick<ProcessRun, "ms" | "peakRssMb" | "cpuMs">[],
  stages?: readonly Readonly<Record<string, number>>[],
): ScenarioResult {
  const medianMs = median(runs.map((run) => run.ms));
  const rss = runs.map((run) => run.peakRssMb).filter((value): value is number => value !== undefined);
  const cpu = runs.map((run) => run.cpuMs).filter((value): value is number => value !== undefined);
  return {
    ...base,
    runsMs: runs.map((run) => Math.round(run.ms * 10) / 10),
    medianMs,
    postsPerSecond: base.scenario === "serve-reload" ? NaN : base.posts / (medianMs / 1000),
    medianCpuMs: cpu.length === runs.length ? median(cpu) : undefined,
    peakRssMb: rss.length > 0 ? Math.max(...rss) : undefined,
    stagesMs: stages && stages.length > 0 ? medianStages(stages) : undefined,
  };
}

function medianStages(stages: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const names = [...new Set(stages.flatMap((entry) => Object.keys(entry)))];
  return Object.fromEntries(names.map((name) => [name, median(stages.map((entry) => entry[name] ?? 0))]));
}

/** The result of `tool` in `scenario` at `posts`, if it was measured. */
export function findResult(results: readonly ScenarioResult[], tool: string, scenario: Scenario, posts: number): ScenarioResult | undefined {
  return results.find((result) => result.tool === tool && result.scenario === scenario && result.posts === posts);
}
