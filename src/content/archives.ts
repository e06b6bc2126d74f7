import type { ArchiveType, ResolvedArchives } from "../config/index.js";
import type { Logger } from "../shared/index.js";
import type { Post } from "./documents.js";
import { fillPageTemplate, outputPathFor, sanitizeUrl } from "./permalink.js";
import { slugify } from "./slugify.js";
import { strftime } from "./strftime.js";
import type { JekyllTime, TimeZone } from "./time.js";

/** One archive page: the posts of a tag, a category, a year, a month or a day (jekyll-archives). */
export interface Archive {
  readonly type: ArchiveType;
  /** The tag or category as written; undefined for date archives. */
  readonly title: string | undefined;
  /** Midnight of the first day of the period, for date archives. */
  readonly date: JekyllTime | undefined;
  /** %-encoded URL without baseurl, e.g. `/tags/dx%E6%8E%A8%E9%80%B2/`. */
  readonly url: string;
  /** Where it is written (Unicode), e.g. `tags/dx推進/index.html`. */
  readonly outputPath: string;
  readonly layout: string;
  /** Newest first. */
  readonly posts: readonly Post[];
}

/** What collecting archives needs. */
export interface ArchivesInput {
  readonly posts: readonly Post[];
  readonly settings: ResolvedArchives;
  /** Layout names that exist: kiji's defaults only make archives whose layout exists. */
  readonly layoutNames: ReadonlySet<string>;
  readonly zone: TimeZone;
  readonly logger: Logger;
}

/** Groups posts by key, keys and lists both in the order of `posts`. */
function groupInOrder(posts: readonly Post[], keys: (post: Post) => readonly string[]): Map<string, Post[]> {
  const groups = new Map<string, Post[]>();
  for (const post of posts) {
    for (const key of keys(post)) {
      const list = groups.get(key);
      if (list) list.push(post);
      else groups.set(key, [post]);
    }
  }
  return groups;
}

/**
 * Jekyll's `post_attr_hash` (site.tags, site.categories): keys in order of first use by the
 * posts oldest first, each list newest first.
 */
export function groupPosts(postsOldestFirst: readonly Post[], keys: (post: Post) => readonly string[]): Map<string, Post[]> {
  const groups = groupInOrder(postsOldestFirst, keys);
  for (const list of groups.values()) list.reverse();
  return groups;
}

function makeArchive(input: ArchivesInput, type: ArchiveType, placeholders: Record<string, string>, extra: Pick<Archive, "title" | "date" | "posts">): Archive {
  const url = sanitizeUrl(fillPageTemplate(input.settings.permalinks[type], { ...placeholders, type }));
  return { type, url, outputPath: outputPathFor(url, ".html", "page"), layout: input.settings.layouts[type], ...extra };
}

/** Tag or category archives; names that slugify to the same URL share one page (Jekyll would overwrite one with the other). */
function nameArchives(input: ArchivesInput, type: "tag" | "category", groups: ReadonlyMap<string, readonly Post[]>): Archive[] {
  const bySlug = new Map<string, { title: string; posts: Set<Post> }>();
  for (const [name, posts] of groups) {
    const slug = slugify(name);
    if (slug === "") {
      input.logger.warn(`no ${type} archive for '${name}': the name has no letters or digits to make a URL from`);
      continue;
    }
    const entry = bySlug.get(slug) ?? { title: name, posts: new Set<Post>() };
    for (const post of posts) entry.posts.add(post);
    bySlug.set(slug, entry);
  }
  const order = new Map(input.posts.map((post, i) => [post, i]));
  return [...bySlug].map(([slug, { title, posts }]) =>
    makeArchive(input, type, { name: slug }, { title, date: undefined, posts: [...posts].sort((a, b) => order.get(b)! - order.get(a)!) }),
  );
}

function dateArchives(input: ArchivesInput, enabled: ReadonlySet<ArchiveType>): Archive[] {
  const archives: Archive[] = [];
  const midnight = (year: number, month: number, day: number): JekyllTime => input.zone.localTime(input.zone.fromLocal(year, month, day));
  // jekyll-archives: years in order of first use, months and days newest first.
  for (const [year, yearPosts] of groupPosts(input.posts, (post) => [strftime(post.date, "%Y")])) {
    const y = Number(year);
    if (enabled.has("year")) archives.push(makeArchive(input, "year", { year }, { title: undefined, date: midnight(y, 1, 1), posts: yearPosts }));
    for (const [month, monthPosts] of groupInOrder(yearPosts, (post) => [strftime(post.date, "%m")])) {
      const m = Number(month);
      if (enabled.has("month")) archives.push(makeArchive(input, "month", { year, month }, { title: undefined, date: midnight(y, m, 1), posts: monthPosts }));
      if (!enabled.has("day")) continue;
      for (const [day, dayPosts] of groupInOrder(monthPosts, (post) => [strftime(post.date, "%d")])) {
        archives.push(makeArchive(input, "day", { year, month, day }, { title: undefined, date: midnight(y, m, Number(day)), posts: dayPosts }));
      }
    }
  }
  return archives;
}

/**
 * The archive pages of a site in jekyll-archives' order (tags, categories, then dates), with its
 * permalinks; tag and category URLs use the slugified name, so Japanese names stay Japanese.
 */
export function collectArchives(input: ArchivesInput): Archive[] {
  const { settings } = input;
  const enabled = new Set(
    settings.enabled.filter((type) => {
      if (input.layoutNames.has(settings.layouts[type])) return true;
      if (settings.configured) input.logger.warn(`no ${type} archives: layout '${settings.layouts[type]}' does not exist in _layouts/`);
      return false;
    }),
  );
  // Concatenated, not pushed as spread arguments: a big site's day archives would overflow the call stack.
  return [
    ...(enabled.has("tag") ? nameArchives(input, "tag", groupPosts(input.posts, (post) => post.tags)) : []),
    ...(enabled.has("category") ? nameArchives(input, "category", groupPosts(input.posts, (post) => post.categories)) : []),
    ...(enabled.has("year") || enabled.has("month") || enabled.has("day") ? dateArchives(input, enabled) : []),
  ];
}
