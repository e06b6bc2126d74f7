import { findResult, SCENARIOS, type BenchResult, type Scenario, type ScenarioResult } from "./bench-result.js";
import type { OgpResult } from "./ogp-scenario.js";

const SCENARIO_NAMES: Readonly<Record<Scenario, string>> = {
  cold: "cold build",
  "no-change": "no-change build",
  "one-post-edit": "one post edited",
  "serve-reload": "serve edit-to-reload",
};

/** 1234.5 ms → "1.23 s", 45.6 → "46 ms". */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function postsLabel(result: Pick<ScenarioResult, "posts" | "tinyPosts">): string {
  return `${result.posts.toLocaleString("en")}${result.tinyPosts ? " tiny" : ""}`;
}

function kijiCell(result: ScenarioResult | undefined, scenario: Scenario): string {
  if (!result) return scenario === "serve-reload" ? "not available" : "—";
  if (scenario === "serve-reload") return formatDuration(result.medianMs);
  return `${formatDuration(result.medianMs)} · ${result.postsPerSecond.toFixed(0)} posts/s`;
}

function competitorCell(kiji: ScenarioResult | undefined, other: ScenarioResult | undefined): string {
  if (!other) return "—";
  const ratio = kiji ? ` (${(kiji.medianMs / other.medianMs).toFixed(2)})` : "";
  return `${formatDuration(other.medianMs)}${ratio}`;
}

function cpuCell(result: ScenarioResult | undefined): string {
  return result?.medianCpuMs === undefined ? "—" : formatDuration(result.medianCpuMs);
}

/** The highest peak RSS of a tool's builds at one size; "—" when it did not run there. */
function peakRssCell(results: readonly ScenarioResult[], tool: string, posts: number): string {
  const values = results.filter((r) => r.tool === tool && r.posts === posts && r.scenario !== "serve-reload").map((r) => r.peakRssMb ?? NaN);
  if (values.length === 0) return "—";
  return values.every(Number.isFinite) ? `${Math.max(...values).toFixed(0)} MB` : "?";
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** The run as Markdown: times with ratios kiji ÷ competitor, peak memory, kiji's stages, verdicts. */
export function formatReport(bench: BenchResult): string {
  const tools = bench.tools.filter((tool) => tool.name !== "kiji" && !tool.skipped);
  const kijiTool = bench.tools.find((tool) => tool.name === "kiji");
  const sizes = [...new Map(bench.results.map((r) => [`${r.posts}${r.tinyPosts}`, r])).values()].sort((a, b) => a.posts - b.posts);
  const lines = [row(["scenario", "posts", `kiji ${kijiTool?.version ?? ""}`.trim(), ...tools.map((t) => `${t.label} ${t.version ?? ""}`.trim())])];
  lines.push(row(["---", "---:", ...["kiji", ...tools].map(() => "---:")]));
  for (const size of sizes) {
    for (const scenario of SCENARIOS) {
      const kiji = findResult(bench.results, "kiji", scenario, size.posts);
      const others = tools.map((tool) => findResult(bench.results, tool.name, scenario, size.posts));
      if (!kiji && others.every((other) => !other) && (scenario !== "serve-reload" || size.tinyPosts)) continue;
      lines.push(row([SCENARIO_NAMES[scenario], postsLabel(size), kijiCell(kiji, scenario), ...others.map((other) => competitorCell(kiji, other))]));
    }
    const cold = ["kiji", ...tools.map((tool) => tool.name)].map((tool) => findResult(bench.results, tool, "cold", size.posts));
    if (cold.some((result) => result?.medianCpuMs !== undefined)) lines.push(row(["cold build, CPU time", postsLabel(size), ...cold.map(cpuCell)]));
    lines.push(row(["peak RSS", postsLabel(size), peakRssCell(bench.results, "kiji", size.posts), ...tools.map((tool) => peakRssCell(bench.results, tool.name, size.posts))]));
  }
  const skipped = [
    ...bench.tools.filter((tool) => tool.skipped).map((tool) => `${tool.label}: skipped (${tool.skipped})`),
    ...bench.failures.map((failure) => `${failure.tool} at ${failure.posts.toLocaleString("en")} posts failed: ${failure.message.split("\n").slice(0, 3).join(" ")}`),
  ];
  return [
    `Medians of ${String(bench.options.runs)} runs, each in a fresh process; (ratio) = kiji ÷ competitor, below 1 means kiji is faster.`,
    "CPU time is user + system over all threads; peak RSS is the highest over a tool's builds.",
    "",
    ...lines,
    ...(skipped.length > 0 ? ["", ...skipped] : []),
    "",
    formatStages(bench.results),
    "",
    ...(bench.ogp ? [formatOgp(bench.ogp), ""] : []),
    "Targets of issue 11:",
    ...bench.verdicts.map((v) => `- ${v.target}: **${v.status}** — ${v.detail}`),
  ].join("\n");
}

/** The OGP card scenario in one sentence. */
export function formatOgp(ogp: OgpResult): string {
  return `OGP cards (${ogp.posts} posts, medians of ${ogp.runs}): a build drawing every card took ${formatDuration(ogp.cardsColdMs)}, ` +
    `with the cards cached ${formatDuration(ogp.cardsWarmMs)} (${ogp.drawnWhenUnchanged} drawn): ${ogp.cardsPerSecond.toFixed(1)} cards per second` +
    (ogp.cpuMsPerCard === undefined ? "." : `, ${ogp.cpuMsPerCard.toFixed(1)} ms CPU a card.`);
}

/** kiji's `--profile` stages, median ms per scenario and size. */
export function formatStages(results: readonly ScenarioResult[]): string {
  const kiji = results.filter((result) => result.tool === "kiji" && result.stagesMs);
  const stages = [...new Set(kiji.flatMap((result) => Object.keys(result.stagesMs ?? {})))];
  if (stages.length === 0) return "";
  return [
    "kiji stages (`--profile`, median ms):",
    "",
    row(["scenario", "posts", ...stages]),
    row(["---", "---:", ...stages.map(() => "---:")]),
    ...kiji.map((result) => row([SCENARIO_NAMES[result.scenario], postsLabel(result), ...stages.map((stage) => (result.stagesMs?.[stage] ?? 0).toFixed(0))])),
  ].join("\n");
}
