import path from "node:path";
import { parseArgs } from "node:util";
import type { CompetitorName } from "./competitors/index.js";

/** What `npm run bench -- …` asked for. */
export interface BenchOptions {
  /** Corpus sizes, in posts. Sizes from MEMORY_SCENARIO_POSTS up are the tiny-post memory scenario. */
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly competitors: readonly CompetitorName[];
  /** Where the JSON result is written. */
  readonly out: string;
  /** Working folder for corpora and competitor installs (git-ignored). */
  readonly workDir: string;
  /** Longest one build may take before it is stopped. */
  readonly timeoutMs: number;
  /** Competitors run only at sizes up to this one (Jekyll needs minutes at 10,000 posts). */
  readonly competitorMaxPosts: number;
  /** Posts of the OGP card scenario; 0 skips it. */
  readonly ogpPosts: number;
}

/** From this size on, posts are tiny and only kiji's cold build is measured: the memory scenario of issues 10 and 11. */
export const MEMORY_SCENARIO_POSTS = 100_000;

const ALL_COMPETITORS: readonly CompetitorName[] = ["eleventy", "hexo", "jekyll", "hugo"];

/** The benchmark's --help text. */
export const BENCH_USAGE = `Usage: npm run bench -- [options]

  --sizes N[,N]          corpus sizes in posts (default 1000; 100000 is the tiny-post memory scenario)
  --runs N               runs per scenario; medians are reported (default 3)
  --competitors A[,B]    any of eleventy,hexo,jekyll,hugo, or none (default: all)
  --competitor-max N     run competitors only at sizes up to N posts (default 10000)
  --ogp N                OGP cards drawn per second on N small posts (default 200; 0 skips)
  --out FILE             JSON result (default .bench/bench-result.json)
  --timeout S            stop a build after S seconds (default 1200)
  -h, --help`;

function positiveInteger(text: string, option: string): number {
  const value = Number(text.replace(/_/g, ""));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${option}: '${text}' is not a positive whole number`);
  return value;
}

function parseCompetitors(text: string | undefined): CompetitorName[] {
  if (text === undefined) return [...ALL_COMPETITORS];
  if (text === "none" || text === "") return [];
  return text.split(",").map((name) => {
    const known = ALL_COMPETITORS.find((competitor) => competitor === name.trim().toLowerCase());
    if (!known) throw new Error(`--competitors: unknown '${name}' (known: ${ALL_COMPETITORS.join(", ")})`);
    return known;
  });
}

/** Parses the benchmark's command line; returns undefined for --help; throws on a bad option. */
export function parseBenchOptions(argv: readonly string[], cwd: string): BenchOptions | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: "string" },
      runs: { type: "string" },
      competitors: { type: "string" },
      "competitor-max": { type: "string" },
      ogp: { type: "string" },
      out: { type: "string" },
      timeout: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return undefined;
  return {
    sizes: (values.sizes ?? "1000").split(",").map((size) => positiveInteger(size.trim(), "sizes")),
    runs: positiveInteger(values.runs ?? "3", "runs"),
    competitors: parseCompetitors(values.competitors),
    out: path.resolve(cwd, values.out ?? ".bench/bench-result.json"),
    workDir: path.join(cwd, ".bench"),
    timeoutMs: positiveInteger(values.timeout ?? "1200", "timeout") * 1000,
    competitorMaxPosts: positiveInteger(values["competitor-max"] ?? "10000", "competitor-max"),
    ogpPosts: values.ogp === "0" ? 0 : positiveInteger(values.ogp ?? "200", "ogp"),
  };
}
