import { promises as fs } from "node:fs";
import path from "node:path";
import { loadConfig, type ResolvedConfig } from "../config/index.js";
import { createPost, createTimeZone, slugify } from "../content/index.js";
import { KijiError, digest } from "../shared/index.js";
import { parseFrontMatter, scanSource, type SourceDocument } from "../source/index.js";

/** What `kiji new` is asked for. */
export interface NewPostOptions {
  readonly source: string;
  readonly configFiles?: readonly string[];
  readonly title: string;
  /** ASCII slug; default: from the title's ASCII words, else a short stable one. */
  readonly slug?: string;
  readonly category?: string;
  readonly tags?: readonly string[];
  /** Write into `_drafts/` instead of `_posts/`. */
  readonly draft?: boolean;
  /** The current time in ms. Default: now. */
  readonly now?: number;
}

/** The post `kiji new` wrote. */
export interface NewPost {
  /** Path relative to the source. */
  readonly file: string;
  /** Where it will be published (with the site's url and baseurl). */
  readonly url: string;
  /** Advice, such as choosing a readable slug. */
  readonly hints: readonly string[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// The blog's slugs are at most 30 characters (see the seed posts' file names).
const MAX_SLUG = 30;

/** A slug from the title's ASCII words, cut at a word boundary; or `post-` and 8 hex digits of the title's digest. */
export function slugFor(title: string): { slug: string; isFallback: boolean } {
  const ascii = slugify(title.normalize("NFKC"), "ascii");
  if (ascii !== "") {
    const cut = ascii.length <= MAX_SLUG ? ascii : ascii.slice(0, MAX_SLUG + 1).replace(/-[^-]*$/, "") || ascii.slice(0, MAX_SLUG);
    return { slug: cut, isFallback: false };
  }
  return { slug: `post-${digest(title.normalize("NFC")).slice(0, 8)}`, isFallback: true };
}

function authorOf(config: ResolvedConfig): string | undefined {
  const author = config.siteVariables.author;
  if (typeof author === "string") return author;
  if (author && typeof author === "object" && typeof (author as { name?: unknown }).name === "string") return (author as { name: string }).name;
  return undefined;
}

/** The blog's front matter for a new post, in the order and quoting the real posts use. */
export function newPostText(fields: { title: string; date: string; categories: readonly string[]; tags: readonly string[]; author?: string; id: string }): string {
  const list = (values: readonly string[]): string => `[${values.map((value) => JSON.stringify(value)).join(", ")}]`;
  const lines = ["---", "layout: post", `title: ${JSON.stringify(fields.title)}`, `date: ${fields.date}`, `categories: ${list(fields.categories)}`, `tags: ${list(fields.tags)}`];
  if (fields.author !== undefined) lines.push(`author: ${JSON.stringify(fields.author)}`);
  lines.push('excerpt: ""', `image: "/assets/images/posts/${fields.id}-ogp.png"`, "---", "", "");
  return lines.join("\n");
}

/** Creates a file that must not exist yet; an existing file is an error, never overwritten. */
export async function writeNewFile(file: string, label: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text, { flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
    throw new KijiError(`${label} already exists; kiji new never overwrites a file`, { file: label, hint: "Pass another --slug." });
  });
}

/**
 * Writes a new post: `_posts/YYYY-MM-DD-N-slug.md`, today in the site's timezone, N the next free
 * number of that day (posts and drafts counted), the blog's front matter. Returns its path and URL.
 */
export async function createNewPost(options: NewPostOptions): Promise<NewPost> {
  const config = await loadConfig({ source: options.source, configFiles: options.configFiles });
  const title = options.title.trim();
  if (title === "") throw new KijiError("a post needs a title", { hint: 'Run kiji new "タイトル".' });
  if (options.slug !== undefined && !SLUG.test(options.slug)) {
    throw new KijiError(`slug '${options.slug}' is not a lower-case ASCII slug`, { hint: "Use a-z, 0-9 and single hyphens, e.g. open-source-llm-roi." });
  }
  const allowed = config.check.categories;
  if (options.category !== undefined && allowed && !allowed.includes(options.category)) {
    throw new KijiError(`category '${options.category}' is not one of the site's categories`, { hint: `Categories in check.categories: ${allowed.join(", ")}.` });
  }
  const zone = createTimeZone(config.timezone);
  const time = zone.localTime(options.now ?? Date.now());
  const day = String(time).slice(0, 10);
  const tree = await scanSource(config);
  const used = [...tree.posts, ...tree.drafts].map((entry) => new RegExp(`(?:^|/)${day}-(\\d+)-`).exec(entry.relativePath)?.[1]).filter(Boolean).map(Number);
  const number = Math.max(0, ...used) + 1;
  const hints: string[] = [];
  const generated = options.slug === undefined ? slugFor(title) : undefined;
  if (generated) hints.push(`the slug '${generated.slug}' was ${generated.isFallback ? "made from the title's digest" : "made from the title's ASCII words"}; pass --slug to choose a readable one`);
  const id = `${day}-${number}-${options.slug ?? generated!.slug}`;
  const file = `${options.draft ? "_drafts" : "_posts"}/${id}.md`;
  const text = newPostText({ title, date: String(time), categories: options.category ? [options.category] : [], tags: options.tags ?? [], author: authorOf(config), id });
  const absolutePath = path.join(config.source, file);
  await writeNewFile(absolutePath, file, text);
  const { data, body, bodyLine } = parseFrontMatter(text, file);
  const entry = { relativePath: file, absolutePath, kind: options.draft ? ("draft" as const) : ("post" as const), collectionBase: "", collectionPath: `${id}.md`, mtimeMs: time.epochMs };
  const document: SourceDocument = { entry, data, body, bodyLine, text, digest: digest(text) };
  const post = createPost(document, options.draft ? "drafts" : "posts", { config, zone });
  return { file, url: `${config.url}${config.baseurl}${post.url}`, hints };
}
