// OGP card benchmark: how many cards per second a cold build draws, and that a rebuild draws none.
// Run with `npm run bench:ogp` (optionally `-- 400` for the number of posts). Draws with kiji's own
// fontconfig setup (no system fonts), as the kiji command does.
import { appendFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildResult } from "../src/build/index.js";
import { generateCorpus } from "./corpus.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
process.env.FONTCONFIG_FILE ??= path.join(ROOT, "bin/fonts.conf");

const posts = Number(process.argv[2] ?? 200);
const dir = path.join(ROOT, ".bench/ogp");

interface Timed {
  readonly seconds: number;
  /** CPU time of the whole process (every thread), in seconds. */
  readonly cpu: number;
  readonly result: BuildResult;
}

async function timedBuild(label: string, cacheDir: string): Promise<Timed> {
  rmSync(path.join(dir, "_site"), { recursive: true, force: true });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await build({ source: dir, cacheDir });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpuBefore);
  const cpu = (used.user + used.system) / 1e6;
  console.log(`${label.padEnd(34)} ${seconds.toFixed(2).padStart(6)} s wall ${cpu.toFixed(2).padStart(6)} s CPU  ${result.ogpImages.total} cards, ${result.ogpImages.rendered} drawn`);
  return { seconds, cpu, result };
}

generateCorpus({ dir, posts, postBytes: 600, seedPostsDir: path.join(ROOT, "_posts") });
appendFileSync(path.join(dir, "_config.yml"), "ogp: true\n");
console.log(`${posts} posts, ${availableParallelism()} cores`);
const cacheDir = path.join(dir, ".kiji-cache");
rmSync(cacheDir, { recursive: true, force: true });
await timedBuild("first build (fills every cache)", cacheDir);
// Only the cards' cache is emptied: the cold build differs from the warm one by drawing them.
rmSync(path.join(cacheDir, "ogp"), { recursive: true, force: true });
const cold = await timedBuild("cards cold (other caches warm)", cacheDir);
const warm = await timedBuild("rebuild, nothing changed", cacheDir);
const drawn = cold.result.ogpImages.rendered;
const cardSeconds = cold.seconds - warm.seconds;
console.log(`cold: ${drawn} cards drawn in ${cardSeconds.toFixed(2)} s more than the no-change rebuild: ` +
  `${(drawn / cardSeconds).toFixed(1)} cards/s (${((cardSeconds * 1000) / drawn).toFixed(1)} ms each)`);
const cardCpu = (cold.cpu - warm.cpu) / drawn;
console.log(`CPU per card: ${(cardCpu * 1000).toFixed(1)} ms, so ${availableParallelism()} idle cores draw at most ${(availableParallelism() / cardCpu).toFixed(0)} cards/s`);
console.log(`no-change rebuild: ${warm.result.ogpImages.rendered} cards drawn`);
