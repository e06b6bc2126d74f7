import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What to generate. */
export interface CorpusOptions {
  /** Folder to write the site source into (emptied first). */
  readonly dir: string;
  readonly posts: number;
  /** Approximate body size in bytes. Default 9,000 (the issue's benchmark corpus). */
  readonly postBytes?: number;
  /** PRNG seed: the same seed gives the same corpus, byte for byte. */
  readonly seed?: number;
  /** The blog's real posts, used as the pool of sentences and headings. */
  readonly seedPostsDir: string;
}

/** mulberry32: a tiny deterministic PRNG. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pools {
  readonly sentences: string[];
  readonly headings: string[];
  readonly titles: string[];
  readonly tags: string[];
}

/** Sentences, headings, titles and tags of the real posts, so the corpus reads like the blog. */
function readPools(seedPostsDir: string): Pools {
  const pools: Pools = { sentences: [], headings: [], titles: [], tags: [] };
  for (const name of readdirSync(seedPostsDir).sort()) {
    const text = readFileSync(path.join(seedPostsDir, name), "utf8");
    const [, frontMatter = "", body = ""] = text.split(/^---$/m);
    pools.titles.push(/^title: "(.*)"$/m.exec(frontMatter)?.[1] ?? name);
    for (const tag of /^tags: \[(.*)\]$/m.exec(frontMatter)?.[1]?.split(",") ?? []) pools.tags.push(tag.trim().replace(/"/g, ""));
    for (const line of body.split("\n")) {
      if (/^#{2,3} /.test(line)) pools.headings.push(line.replace(/^#+ /, ""));
      else if (/^[^-*#{>\[|]/.test(line) && line.length > 40) pools.sentences.push(...line.split(/(?<=。)/).filter((s) => s.length > 10));
    }
  }
  return pools;
}

const CATEGORIES = ["AI最新ニュース", "導入事例", "AI技術ガイド"];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function paragraph(pools: Pools, random: () => number): string {
  const count = 2 + Math.floor(random() * 3);
  let text = Array.from({ length: count }, () => pick(pools.sentences, random)).join("");
  if (random() < 0.4) text = text.replace(/「([^」]{2,12})」/, "**「$1」**");
  return text;
}

function body(pools: Pools, random: () => number, targetBytes: number, links: readonly string[]): string {
  const parts: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const heading = `${random() < 0.3 ? "###" : "##"} ${pick(pools.headings, random)}`;
    const section = [heading, "", paragraph(pools, random), "", paragraph(pools, random)];
    if (random() < 0.5) section.push("", ...Array.from({ length: 3 }, () => `*   **${pick(pools.tags, random)}**: ${pick(pools.sentences, random)}`));
    if (random() < 0.3 && links.length > 0) section.push("", `詳しくは[関連記事](${pick(links, random)})をご覧ください。`);
    const text = section.join("\n");
    parts.push(text);
    size += Buffer.byteLength(text);
  }
  parts.push("---", "### あわせて読みたい", links.slice(0, 3).map((url) => `- [関連記事](${url})`).join("\n"));
  // The IAL line follows its paragraph directly, as in the real posts, so kramdown attaches the class.
  parts.push("---", "**AI導入のご相談を承っています**", "[無料相談はこちら](/contact/?utm_source=article)\n{: .consulting-cta-link}\n");
  return parts.join("\n\n");
}

/**
 * Writes a deterministic synthetic blog shaped like the real one: Japanese posts with the same
 * front matter, headings, lists, bold, links, IAL lines and CTA blocks, several posts a day.
 */
export function generateCorpus(options: CorpusOptions): { readonly files: number } {
  const random = createRandom(options.seed ?? 42);
  const pools = readPools(options.seedPostsDir);
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(path.join(options.dir, "_posts"), { recursive: true });
  mkdirSync(path.join(options.dir, "_layouts"), { recursive: true });
  writeFileSync(path.join(options.dir, "_config.yml"), "title: Bench Blog\ntimezone: Asia/Tokyo\npermalink: /:year/:month/:day/:title/\n");
  writeFileSync(path.join(options.dir, "_layouts/post.html"), "<!DOCTYPE html>\n<html><head><title>{{ page.title }}</title></head>\n<body><h1>{{ page.title }}</h1>\n{{ content }}\n</body></html>\n");
  // Several posts a day from 2018 on, so even 100,000 posts end before today (none is a future post).
  const perDay = Math.max(3, Math.ceil(options.posts / 3000));
  const start = Date.UTC(2018, 0, 1);
  const urls: string[] = [];
  for (let i = 0; i < options.posts; i++) {
    const day = new Date(start + Math.floor(i / perDay) * 86_400_000);
    const ymd = day.toISOString().slice(0, 10);
    const slug = `${(i % perDay) + 1}-post-${i}`;
    const hour = String(8 + Math.floor(((i % perDay) * 14) / perDay)).padStart(2, "0");
    const tags = [...new Set([pick(pools.tags, random), pick(pools.tags, random), "LLM"])];
    const frontMatter = [
      "---",
      "layout: post",
      `title: "${pick(pools.titles, random)} (${i})"`,
      `date: ${ymd} ${hour}:${String(i % 60).padStart(2, "0")}:00 +0900`,
      `categories: [${pick(CATEGORIES, random)}]`,
      `tags: [${tags.map((t) => `"${t}"`).join(", ")}]`,
      'author: "ALLFORCES編集部"',
      `excerpt: "${pick(pools.sentences, random).replace(/"/g, "")}"`,
      `image: "/assets/images/posts/${ymd}-${slug}-ogp.png"`,
      "---",
      "",
    ].join("\n");
    const text = frontMatter + body(pools, random, options.postBytes ?? 9000, urls.slice(-5));
    writeFileSync(path.join(options.dir, "_posts", `${ymd}-${slug}.md`), text);
    urls.push(`/${ymd.replace(/-/g, "/")}/${slug}/`);
  }
  return { files: options.posts };
}
