// Edit-to-reload latency of `kiji serve`: the time from writing a post's Markdown to the moment
// an open tab receives the update naming that post's page, through the real watcher, build and
// WebSocket ("reload"), and to the moment the rebuild has settled, every page showing the post
// brought up to date ("settled"). Also checks that the page first announced is the one the full
// build then serves, and times the tab's request for the page after the message.
// Run: npm run bench:serve [-- sizes...] (sizes: "blog" or a post count; default blog 1000).
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
  for (const folder of ["_layouts", "_includes", "_data", "assets"]) cpSync(path.join(REPO, folder), path.join(dir, folder), { recursive: true });
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
    // Three posts a day back from the end of 2025, so that none is in the future (future posts are not built).
    const day = new Date(Date.UTC(2025, 11, 31) - Math.floor(i / 3) * 86_400_000).toISOString().slice(0, 10);
    // Related-post pins name the blog's own posts, which the generated corpus does not have.
    const text = seed.text.replace(/^date: .*$/m, `date: ${day} 10:00:00 +0900`).replace(/^title: .*$/m, `title: "記事 ${i}"`).replace(/^related: .*\n/m, "");
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

/** A page's output file from one of its URLs in an update message. */
function outputFile(url: string): string {
  const file = decodeURIComponent(url).slice(1);
  return file.endsWith("/") || file === "" ? `${file}index.html` : file;
}

function summary(values: readonly number[]): string {
  return `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
}

async function measure(size: number | "blog"): Promise<void> {
  const { dir, posts } = makeBlog(size);
  const rebuilds: Array<{ outcome: RebuildOutcome; at: number }> = [];
  const session = await startServe({ build: { source: dir }, port: 0, onRebuild: (outcome) => rebuilds.push({ outcome, at: performance.now() }) });
  const port = session.server.port;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/__kiji/ws`, { origin: `http://127.0.0.1:${port}` });
  let onMessage: (message: { type: string; pages?: string[] }) => void = () => {};
  socket.on("message", (data) => onMessage(JSON.parse(String(data)) as { type: string; pages?: string[] }));
  await new Promise((resolve) => socket.once("message", resolve));
  const reloads: number[] = [];
  const served: number[] = [];
  const settled: number[] = [];
  const buildMs: number[] = [];
  const cpuMs: number[] = [];
  let sameAsSettled = 0;
  try {
    for (let i = 0; i < EDITS; i++) {
      const file = posts[Math.floor((i * posts.length) / EDITS)]!;
      const name = path.basename(file, ".md");
      // The permalink is /:year/:month/:day/:title/, and a URL drops the slug's trailing hyphens.
      const postUrl = `/${name.slice(0, 10).replaceAll("-", "/")}/${name.slice(11).replace(/-+$/, "")}/`;
      // The page as the first update naming it announced it (the full build replaces the site only when it is done).
      const received = new Promise<{ file: string; html: unknown }>((resolve) => {
        onMessage = (message) => {
          const url = message.type === "update" ? message.pages?.find((page) => decodeURIComponent(page) === postUrl) : undefined;
          if (url) resolve({ file: outputFile(url), html: session.site.memory.get(outputFile(url)) });
        };
      });
      const before = rebuilds.length;
      const text = `${readFileSync(file, "utf8")}\n編集 ${i}\n`;
      const cpu = process.cpuUsage();
      const started = performance.now();
      writeFileSync(file, text);
      // A build error or an unexpected URL would otherwise wait forever.
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no update named ${postUrl} within 2 minutes`)), 120_000).unref());
      const first = await Promise.race([received, timeout]);
      reloads.push(performance.now() - started);
      // What the tab does next: fetch the page again (the full build is running meanwhile).
      const response = await fetch(`http://127.0.0.1:${port}${postUrl}`);
      const page = await response.text();
      served.push(performance.now() - started);
      if (!page.includes(`編集 ${i}`)) throw new Error(`${postUrl} was served without the edit`);
      while (rebuilds.length === before) await new Promise((resolve) => setTimeout(resolve, 1));
      const last = rebuilds.at(-1)!;
      settled.push(last.at - started);
      const used = process.cpuUsage(cpu);
      cpuMs.push((used.user + used.system) / 1000);
      buildMs.push(last.outcome.ms);
      if (first.html === session.site.memory.get(first.file)) sameAsSettled++;
      if (process.env.PROFILE) console.error(last.outcome.result?.timings.map((t) => `${t.stage}=${t.ms.toFixed(0)}`).join(" "));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    socket.close();
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const label = size === "blog" ? `the blog (${posts.length} posts)` : `${size} posts`;
  console.log(`${label}, ${EDITS} edits of a post's body:`);
  console.log(`  edit → reload message for the post: ${summary(reloads)}`);
  console.log(`  edit → the post's page served again: ${summary(served)}`);
  console.log(`  edit → rebuild settled:             ${summary(settled)} (rebuild itself: median ${median(buildMs).toFixed(0)} ms)`);
  console.log(`  CPU time of the process per edit:   median ${median(cpuMs).toFixed(0)} ms`);
  console.log(`  first announced page = settled page: ${sameAsSettled} of ${EDITS}`);
}

const sizes = process.argv.slice(2).map((arg) => (arg === "blog" ? "blog" : Number(arg)));
for (const size of sizes.length > 0 ? sizes : (["blog", 1000] as const)) await measure(size);
