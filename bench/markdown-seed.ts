// Markdown stage cost on the seed posts: renders each post of `_posts/` RUNS times with one
// renderer (as a build does) and prints the median milliseconds per post, wall-clock and CPU
// (the CPU figure is steadier on a busy machine).
// Run: npm run compile && node dist/bench/markdown-seed.js [runs]
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createMarkdownRenderer } from "../src/markdown/index.js";
import { parseFrontMatter } from "../src/source/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const runs = Number(process.argv[2] ?? 50);
const postsDir = path.join(root, "_posts");
const bodies = readdirSync(postsDir)
  .filter((name) => name.endsWith(".md"))
  .sort()
  .map((name) => ({ name, body: parseFrontMatter(readFileSync(path.join(postsDir, name), "utf8"), name).body }));

const renderer = createMarkdownRenderer();
for (const { body } of bodies) renderer.render(body); // warm up the JIT
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const perPost: number[] = [];
const cpuPerPost: number[] = [];
for (const { name, body } of bodies) {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    renderer.render(body);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  perPost.push(median(times));
  cpuPerPost.push(median(cpuTimes));
  console.log(`${name}  ${body.length} chars  median ${median(times).toFixed(2)} ms (CPU ${median(cpuTimes).toFixed(2)} ms)`);
}
console.log(`median ms/post over ${bodies.length} posts × ${runs} runs: ${median(perPost).toFixed(2)} (CPU ${median(cpuPerPost).toFixed(2)})`);
