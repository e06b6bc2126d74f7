import { findResult, type Failure, type ScenarioResult, type Verdict } from "./bench-result.js";
import { MEMORY_SCENARIO_POSTS } from "./bench-options.js";

/** The size issue 11's targets are stated at. */
const TARGET_POSTS = 10_000;

interface Check {
  /** undefined when the numbers were not measured. */
  readonly ok: boolean | undefined;
  readonly text: string;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function ratioCheck(results: readonly ScenarioResult[], kiji: ScenarioResult | undefined, other: { tool: string; label: string; scenario: "cold" }, limit: number): Check {
  const competitor = findResult(results, other.tool, other.scenario, kiji?.posts ?? TARGET_POSTS);
  if (!kiji || !competitor) return { ok: undefined, text: `${other.label}: not measured` };
  const ratio = kiji.medianMs / competitor.medianMs;
  return { ok: ratio <= limit, text: `${other.label} ${seconds(competitor.medianMs)}, ratio ${ratio.toFixed(2)} (≤ ${limit})` };
}

function verdict(target: string, checks: readonly Check[], prefix = ""): Verdict {
  const status = checks.some((check) => check.ok === false) ? "not met" : checks.every((check) => check.ok === true) ? "met" : "not measured";
  return { target, status, detail: prefix + checks.map((check) => check.text).join("; ") };
}

/** The largest ordinary (not tiny-post) size measured, for context when 10,000 was not run. */
function referenceSize(results: readonly ScenarioResult[]): number {
  const sizes = results.filter((result) => !result.tinyPosts).map((result) => result.posts);
  return sizes.includes(TARGET_POSTS) ? TARGET_POSTS : Math.max(0, ...sizes);
}

function atSize(posts: number): string {
  return posts === TARGET_POSTS ? "" : `not measured at ${TARGET_POSTS.toLocaleString("en")} posts; at ${posts.toLocaleString("en")}: `;
}

/** Marks checks measured at another size as informative only. */
function informative(checks: readonly Check[], posts: number): Check[] {
  return posts === TARGET_POSTS ? [...checks] : checks.map((check) => ({ ok: undefined, text: check.text }));
}

/** Checks each target of issue 11 against this run's medians. */
export function checkTargets(results: readonly ScenarioResult[], failures: readonly Failure[]): Verdict[] {
  const posts = referenceSize(results);
  const cold = findResult(results, "kiji", "cold", posts);
  const edit = findResult(results, "kiji", "one-post-edit", posts);
  const reload = findResult(results, "kiji", "serve-reload", posts);
  const hugoCold = findResult(results, "hugo", "cold", posts);
  const kijiRss = results.filter((result) => result.tool === "kiji" && result.posts === posts && result.scenario !== "serve-reload").map((result) => result.peakRssMb ?? NaN);
  const tiny = results.find((result) => result.tool === "kiji" && result.tinyPosts && result.scenario === "cold");
  const tinyFailure = failures.find((failure) => failure.tool === "kiji" && failure.posts >= MEMORY_SCENARIO_POSTS);
  const cold1 = cold ? `kiji ${seconds(cold.medianMs)}; ` : "";
  return [
    verdict("1. cold build of 10,000 posts: ≤ 0.8 × Eleventy, ≤ 0.5 × Hexo, ≤ 0.1 × Jekyll", informative([
      ratioCheck(results, cold, { tool: "eleventy", label: "Eleventy", scenario: "cold" }, 0.8),
      ratioCheck(results, cold, { tool: "hexo", label: "Hexo", scenario: "cold" }, 0.5),
      ratioCheck(results, cold, { tool: "jekyll", label: "Jekyll", scenario: "cold" }, 0.1),
    ], posts), atSize(posts) + cold1),
    verdict("2. publish build (cache kept, one post edited) of 10,000 posts: ≤ 0.5 × Hugo's full build", informative([
      edit && hugoCold
        ? { ok: edit.medianMs / hugoCold.medianMs <= 0.5, text: `kiji ${seconds(edit.medianMs)}, Hugo cold ${seconds(hugoCold.medianMs)}, ratio ${(edit.medianMs / hugoCold.medianMs).toFixed(2)} (≤ 0.5)` }
        : { ok: undefined, text: edit ? `kiji ${seconds(edit.medianMs)}, Hugo not measured` : "not measured" },
    ], posts), atSize(posts)),
    verdict("3. serve edit-to-reload ≤ 100 ms at 10,000 posts", informative([
      reload ? { ok: reload.medianMs <= 100, text: `kiji ${seconds(reload.medianMs)}` } : { ok: undefined, text: "serve: not available" },
    ], posts), atSize(posts)),
    verdict("4. peak memory ≤ 500 MB at 10,000 posts; 100,000 tiny posts build", [
      ...informative([kijiRss.length > 0 && kijiRss.every(Number.isFinite)
        ? { ok: Math.max(...kijiRss) <= 500, text: `${atSize(posts)}peak RSS ${Math.max(...kijiRss).toFixed(0)} MB` }
        : { ok: undefined, text: "peak RSS not measured" }], posts),
      tinyFailure ? { ok: false, text: `${tinyFailure.posts.toLocaleString("en")} tiny posts failed: ${tinyFailure.message.split("\n")[0]}` }
        : tiny ? { ok: true, text: `${tiny.posts.toLocaleString("en")} tiny posts built in ${seconds(tiny.medianMs)}, peak RSS ${tiny.peakRssMb?.toFixed(0) ?? "?"} MB` }
        : { ok: undefined, text: "100,000 tiny posts not run (--sizes 100000)" },
    ]),
    { target: "5. OGP cards ≥ 50 per second cold, 0 when nothing changed", status: "not measured", detail: "kiji renders no OGP cards yet" },
  ];
}
