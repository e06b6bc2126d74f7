// `kiji check` on a generated blog: writes a corpus of POSTS posts shaped like the real ones
// (bench/corpus.ts, seed 42) and times checkSite on it — loading (config, scan, front matter,
// content model) and the rules — twice, the second time with the files in the OS cache. CPU time
// is printed beside wall time: it is the steadier figure on a busy machine.
// Run: npm run compile && node dist/bench/check-corpus.js [posts] [dir]
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadSite } from "../src/build/index.js";
import { checkSite } from "../src/check/index.js";
import { generateCorpus } from "./corpus.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const posts = Number(process.argv[2] ?? 10_000);
const dir = process.argv[3] ?? path.join(os.tmpdir(), "kiji-check-bench");
// The corpus spans 2020–2029 at three posts a day; "now" publishes all of it.
const now = Date.UTC(2031, 0, 1);

generateCorpus({ dir, posts, seedPostsDir: path.join(root, "_posts") });
for (const run of ["cold", "warm"]) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await checkSite({ source: dir, now });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const counts = new Map<string, number>();
  for (const finding of report.findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  console.log(`check (${run}): ${report.posts} posts in ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (all threads), ${report.errors} errors, ${report.warnings} warnings ${JSON.stringify(Object.fromEntries(counts))}`);
}
const loadStarted = performance.now();
const loadCpu = process.cpuUsage();
await loadSite({ source: dir, now });
const loadUsed = process.cpuUsage(loadCpu);
console.log(`of which loading the site as the build does: ${((performance.now() - loadStarted) / 1000).toFixed(2)} s wall, ${((loadUsed.user + loadUsed.system) / 1e6).toFixed(2)} s CPU`);
