import { appendFileSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "../src/build/index.js";
import { loadConfig } from "../src/config/index.js";
import { createTokenizer, extractPostTerms, rankNumberedPosts, rankRelatedPosts, updateTermTable, type PostText, type RankedPost } from "../src/features/index.js";
import { createMarkdownRenderer } from "../src/markdown/index.js";
import { parseFrontMatter } from "../src/source/index.js";
import { generateCorpus } from "./corpus.js";

// Benchmark of related posts: `npm run bench:related -- 1000 10000`. For each size it generates
// the synthetic corpus, then measures (1) term extraction and ranking alone, with the heap they
// use, and a re-rank after one edit from the term table, and (2) the `features` stage of real
// builds: cold (no cache), warm (nothing changed) and after a one-post edit.

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MB = 1024 * 1024;

interface Sample {
  readonly text: PostText;
  readonly ranked: Omit<RankedPost, "terms">;
}

/** Each corpus post's compared text, rendered with kiji's Markdown renderer (setup, not timed). */
function readCorpus(dir: string): Sample[] {
  const renderer = createMarkdownRenderer({ headingIds: true });
  return readdirSync(path.join(dir, "_posts")).sort().map((name) => {
    const { data, body } = parseFrontMatter(readFileSync(path.join(dir, "_posts", name), "utf8"), name);
    const rendered = renderer.render(body);
    const text = { title: String(data.title), excerpt: String(data.excerpt ?? ""), headings: rendered.headings.map((h) => h.text), body: rendered.text };
    const time = Date.parse(String(data.date).replace(" ", "T").replace(/ ([+-]\d\d)(\d\d)$/, "$1:$2"));
    const ranked = { time, tags: data.tags as string[], categories: data.categories as string[], isListed: true, pins: [], wantsList: true };
    return { text, ranked };
  });
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function measureAlone(dir: string): Promise<void> {
  const config = await loadConfig({ source: dir });
  const samples = readCorpus(dir);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const tokenizer = createTokenizer();
  const [terms, extract] = timed(() => samples.map((sample) => extractPostTerms(sample.text, config.related.fields, tokenizer)));
  gc();
  const heapTerms = process.memoryUsage().heapUsed;
  const [lists, rank] = timed(() => rankRelatedPosts(samples.map((sample, i) => ({ ...sample.ranked, terms: terms[i]! })), config.related));
  const heapPeak = process.memoryUsage().heapUsed;
  const listed = lists.filter((list) => list.length === config.related.count).length;
  console.log(`  terms (cold, title + excerpt + headings + body): ${extract}; they take ${((heapTerms - heapBefore) / MB).toFixed(0)} MB of heap`);
  console.log(`  ranking: ${rank}; heap +${((heapPeak - heapTerms) / MB).toFixed(0)} MB while ranking; ${listed}/${lists.length} posts got ${config.related.count} related`);
  // A one-post edit as the features stage ranks it: the term table of the last build reused, one post's terms new.
  const keyed = terms.map((postTerms, i) => ({ key: String(i), terms: () => postTerms }));
  const { table } = updateTermTable(undefined, keyed);
  const edited = keyed.map((entry, i) => (i === keyed.length >> 1 ? { ...entry, key: "edited" } : entry));
  const [, rerank] = timed(() => rankNumberedPosts(samples.map((sample) => sample.ranked), updateTermTable(table, edited).keys, config.related));
  console.log(`  re-rank after one edit from the term table: ${rerank}`);
  // The same without the body (related.fields.body: 0): what the body costs.
  const fields = { ...config.related.fields, body: 0 };
  const shortTokenizer = createTokenizer();
  const [short, extractShort] = timed(() => samples.map((sample) => extractPostTerms(sample.text, fields, shortTokenizer)));
  const [, rankShort] = timed(() => rankRelatedPosts(samples.map((sample, i) => ({ ...sample.ranked, terms: short[i]! })), { ...config.related, fields }));
  console.log(`  without the body: terms ${extractShort}; ranking ${rankShort}`);
}

/** Runs `fn`, returning its result and its wall and CPU time (CPU time is what an idle machine's wall time would be). */
function timed<T>(fn: () => T): [T, string] {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(cpu);
  return [result, `${(performance.now() - start).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`];
}

async function measureBuilds(dir: string): Promise<void> {
  const cacheDir = path.join(dir, ".kiji-cache");
  const posts = readdirSync(path.join(dir, "_posts")).sort();
  const edited = path.join(dir, "_posts", posts[posts.length >> 1]!);
  for (const label of ["cold build", "warm build", "one-post-edit build"]) {
    if (label === "one-post-edit build") appendFileSync(edited, "\n追記：量子コンピュータの新しい動向についても考えます。\n");
    const result = await build({ source: dir, cacheDir });
    const features = result.timings.find((timing) => timing.stage === "features")?.ms ?? NaN;
    const total = result.timings.reduce((sum, timing) => sum + timing.ms, 0);
    console.log(`  ${label}: features stage ${features.toFixed(0)} ms of ${(total / 1000).toFixed(1)} s`);
  }
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const posts of sizes.length > 0 ? sizes : [1000, 10000]) {
  const dir = path.join(os.tmpdir(), `kiji-bench-related-${posts}`);
  generateCorpus({ dir, posts, seedPostsDir: path.join(ROOT, "_posts") });
  console.log(`${posts} posts (${os.cpus().length} cores, Node ${process.version})`);
  await measureAlone(dir);
  await measureBuilds(dir);
  rmSync(dir, { recursive: true, force: true });
}
