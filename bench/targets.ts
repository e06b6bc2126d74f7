import { MEMORY_SCENARIO_POSTS } from "./bench-options.js";
import { findResult, type Failure, type ScenarioResult, type Verdict } from "./bench-result.js";
import type { OgpResult } from "./ogp-scenario.js";
import { formatDuration } from "./report.js";

/** The size issue 11's targets are stated at. */
const TARGET_POSTS = 10_000;

/** One comparison inside a target; `ok` is undefined when it was not measured (or not at 10,000 posts). */
interface Check {
  readonly ok: boolean | undefined;
  readonly text: string;
}

/** What the checks read: this run's results at one size. */
interface Measured {
  readonly results: readonly ScenarioResult[];
  readonly posts: number;
  readonly failures: readonly Failure[];
}

function verdict(target: string, checks: readonly Check[], where = ""): Verdict {
  const status = checks.some((check) => check.ok === false) ? "not met" : checks.every((check) => check.ok === true) ? "met" : "not measured";
  return { target, status, detail: where + checks.map((check) => check.text).join("; ") };
}

/** Says where the figures come from when 10,000 posts were not measured. */
function sizeNote(measured: Measured): string {
  return measured.posts === TARGET_POSTS ? "" : `not measured at ${TARGET_POSTS.toLocaleString("en")} posts; at ${measured.posts.toLocaleString("en")}: `;
}

/** Figures from another size than 10,000 are shown for information but never decide a target. */
function atTargetSize(measured: Measured, check: Check): Check {
  return measured.posts === TARGET_POSTS ? check : { ...check, ok: undefined };
}

function ratioCheck(measured: Measured, scenario: "cold" | "one-post-edit", tool: string, label: string, limit: number): Check {
  const kiji = findResult(measured.results, "kiji", scenario, measured.posts);
  const other = findResult(measured.results, tool, "cold", measured.posts);
  if (!kiji || !other) return { ok: undefined, text: `${label}: not measured` };
  const ratio = kiji.medianMs / other.medianMs;
  // Wall time decides; the CPU-time ratio is shown as well, as it varies less on a busy machine.
  const cpu = kiji.medianCpuMs !== undefined && other.medianCpuMs !== undefined ? `, CPU time ${(kiji.medianCpuMs / other.medianCpuMs).toFixed(2)}` : "";
  return atTargetSize(measured, { ok: ratio <= limit, text: `kiji ${formatDuration(kiji.medianMs)} ÷ ${label} ${formatDuration(other.medianMs)} = ${ratio.toFixed(2)} (≤ ${limit}${cpu})` });
}

function reloadCheck(measured: Measured): Check {
  const reload = findResult(measured.results, "kiji", "serve-reload", measured.posts);
  return reload ? atTargetSize(measured, { ok: reload.medianMs <= 100, text: `kiji ${formatDuration(reload.medianMs)} (≤ 100 ms)` }) : { ok: undefined, text: "serve: not available" };
}

function memoryCheck(measured: Measured): Check {
  const rss = measured.results.filter((r) => r.tool === "kiji" && r.posts === measured.posts && r.scenario !== "serve-reload").map((r) => r.peakRssMb ?? NaN);
  if (rss.length === 0 || !rss.every(Number.isFinite)) return { ok: undefined, text: "peak RSS not measured" };
  return atTargetSize(measured, { ok: Math.max(...rss) <= 500, text: `peak RSS ${Math.max(...rss).toFixed(0)} MB (≤ 500 MB)` });
}

function tinyPostsCheck(measured: Measured): Check {
  const failure = measured.failures.find((f) => f.tool === "kiji" && f.posts >= MEMORY_SCENARIO_POSTS);
  if (failure) return { ok: false, text: `${failure.posts.toLocaleString("en")} tiny posts failed: ${failure.message.split("\n")[0]}` };
  const tiny = measured.results.find((r) => r.tool === "kiji" && r.tinyPosts && r.scenario === "cold");
  if (!tiny) return { ok: undefined, text: "100,000 tiny posts not run (--sizes 100000)" };
  return { ok: true, text: `${tiny.posts.toLocaleString("en")} tiny posts built in ${formatDuration(tiny.medianMs)}, peak RSS ${tiny.peakRssMb?.toFixed(0) ?? "?"} MB` };
}

function ogpChecks(ogp: OgpResult | undefined): Check[] {
  if (!ogp) return [{ ok: undefined, text: "not run (--ogp N)" }];
  const cpu = ogp.cpuMsPerCard === undefined ? "" : `, ${ogp.cpuMsPerCard.toFixed(1)} ms CPU a card`;
  return [
    { ok: ogp.cardsPerSecond >= 50, text: `${ogp.cardsDrawn} cards drawn at ${ogp.cardsPerSecond.toFixed(1)} per second (≥ 50${cpu})` },
    { ok: ogp.drawnWhenUnchanged === 0, text: `${ogp.drawnWhenUnchanged} drawn when nothing changed (0)` },
  ];
}

/** The largest ordinary (not tiny-post) size measured: 10,000 when it was run. */
function referenceSize(results: readonly ScenarioResult[]): number {
  const sizes = results.filter((result) => !result.tinyPosts).map((result) => result.posts);
  return sizes.includes(TARGET_POSTS) ? TARGET_POSTS : Math.max(0, ...sizes);
}

/** Checks each target of issue 11 against this run's medians. */
export function checkTargets(results: readonly ScenarioResult[], failures: readonly Failure[], ogp?: OgpResult): Verdict[] {
  const measured: Measured = { results, failures, posts: referenceSize(results) };
  const where = sizeNote(measured);
  return [
    verdict("1. cold build of 10,000 posts: ≤ 0.8 × Eleventy, ≤ 0.5 × Hexo, ≤ 0.1 × Jekyll", [
      ratioCheck(measured, "cold", "eleventy", "Eleventy", 0.8),
      ratioCheck(measured, "cold", "hexo", "Hexo", 0.5),
      ratioCheck(measured, "cold", "jekyll", "Jekyll", 0.1),
    ], where),
    verdict("2. publish build (cache kept, one post edited) of 10,000 posts: ≤ 0.5 × Hugo's full (cold) build", [
      ratioCheck(measured, "one-post-edit", "hugo", "Hugo cold", 0.5),
    ], where),
    verdict("3. serve edit-to-reload ≤ 100 ms at 10,000 posts", [reloadCheck(measured)], where),
    verdict("4. peak memory ≤ 500 MB at 10,000 posts; 100,000 tiny posts build", [memoryCheck(measured), tinyPostsCheck(measured)], where),
    verdict("5. OGP cards ≥ 50 per second on 2 cores when drawing cold, 0 drawn when nothing changed", ogpChecks(ogp)),
  ];
}
