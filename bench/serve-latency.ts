// Edit-to-reload latency of `kiji serve`: the time from writing a post's Markdown to the moment
// an open tab receives the update naming that post's page, through the real watcher, build and
// WebSocket. Run: npm run bench:serve [-- sizes...] (sizes: "blog" or a post count; default blog 1000).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";
import { startServe, type RebuildOutcome } from "../src/serve/index.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const EDITS = 9;

/** The blog's theme and config, with `count` posts made from its seed posts (or the blog's own posts). */
function makeBlog(count: number | "blog"): { dir: string; posts: string[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kiji-bench-serve-"));
  for (const folder of ["_layouts", "_includes", "assets"]) cpSync(path.join(REPO, folder), path.join(dir, folder), { recursive: true });
  cpSync(path.join(REPO, "index.html"), path.join(dir, "index.html"));
  // site.config.ts imports "kiji", which does not resolve outside the repository: the same settings as YAML.
  writeFileSync(path.join(dir, "_config.yml"), "title: ALLFORCES AI NEWS\nlang: ja\ntimezone: Asia/Tokyo\npermalink: /:year/:month/:day/:title/\ndefaults:\n  - scope: { path: '', type: posts }\n    values: { layout: post }\n");
  const seeds = readdirSync(path.join(REPO, "_posts")).sort().map((name) => ({ name, text: readFileSync(path.join(REPO, "_posts", name), "utf8") }));
  mkdirSync(path.join(dir, "_posts"));
  const posts: string[] = [];
  const total = count === "blog" ? seeds.length : count;
  for (let i = 0; i < total; i++) {
    const seed = seeds[i % seeds.length]!;
    if (count === "blog") {
      writeFileSync(path.join(dir, "_posts", seed.name), seed.text);
      posts.push(path.join(dir, "_posts", seed.name));
      continue;
    }
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 3) * 86_400_000).toISOString().slice(0, 10);
    const text = seed.text.replace(/^date: .*$/m, `date: ${day} 10:00:00 +0900`).replace(/^title: .*$/m, `title: "記事 ${i}"`);
    const file = path.join(dir, "_posts", `${day}-post-${i}.md`);
    writeFileSync(file, text);
    posts.push(file);
  }
  return { dir, posts };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function measure(size: number | "blog"): Promise<void> {
  const { dir, posts } = makeBlog(size);
  const rebuilds: RebuildOutcome[] = [];
  const session = await startServe({ build: { source: dir }, port: 0, onRebuild: (outcome) => rebuilds.push(outcome) });
  const port = session.server.port;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/__kiji/ws`, { origin: `http://127.0.0.1:${port}` });
  let onMessage: (message: { type: string; pages?: string[] }) => void = () => {};
  socket.on("message", (data) => onMessage(JSON.parse(String(data)) as { type: string; pages?: string[] }));
  await new Promise((resolve) => socket.once("message", resolve));
  const latencies: number[] = [];
  const buildMs: number[] = [];
  const cpuMs: number[] = [];
  try {
    for (let i = 0; i < EDITS; i++) {
      const file = posts[Math.floor((i * posts.length) / EDITS)]!;
      const day = path.basename(file).slice(0, 10).replaceAll("-", "/");
      const received = new Promise<void>((resolve) => {
        onMessage = (message) => {
          if (message.type === "update" && message.pages?.some((page) => page.startsWith(`/${day}/`))) resolve();
        };
      });
      const before = rebuilds.length;
      const text = `${readFileSync(file, "utf8")}\n編集 ${i}\n`;
      const cpu = process.cpuUsage();
      const started = performance.now();
      writeFileSync(file, text);
      await received;
      latencies.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuMs.push((used.user + used.system) / 1000);
      while (rebuilds.length === before) await new Promise((resolve) => setTimeout(resolve, 5));
      buildMs.push(rebuilds.at(-1)!.ms);
      if (process.env.PROFILE) console.error(rebuilds.at(-1)!.result?.timings.map((t) => `${t.stage}=${t.ms.toFixed(0)}`).join(" "));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    socket.close();
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const label = size === "blog" ? `the blog (${posts.length} posts)` : `${size} posts`;
  console.log(`${label.padEnd(22)} edit → reload message: median ${median(latencies).toFixed(0)} ms (min ${Math.min(...latencies).toFixed(0)}, max ${Math.max(...latencies).toFixed(0)}); rebuild itself: median ${median(buildMs).toFixed(0)} ms; CPU time of the process meanwhile: median ${median(cpuMs).toFixed(0)} ms; ${EDITS} edits`);
}

const sizes = process.argv.slice(2).map((arg) => (arg === "blog" ? "blog" : Number(arg)));
for (const size of sizes.length > 0 ? sizes : (["blog", 1000] as const)) await measure(size);
