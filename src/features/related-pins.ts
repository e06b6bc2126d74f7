import type { ResolvedConfig } from "../config/index.js";
import type { Post } from "../content/index.js";
import { KijiError, messages } from "../shared/index.js";

/** What front matter `related:` asks of one post. */
export interface RelatedRequest {
  /** False for `related: false`. */
  readonly wantsList: boolean;
  /** Indices (into the posts) pinned first, in the order written. */
  readonly pins: readonly number[];
}

/** Finds a post's index by a name front matter may use; throws a KijiError when there is none or several. */
export type PostLookup = (pin: string, from: Post) => number;

function urlKey(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // A malformed %-sequence: compare the text as written.
  }
  return decoded.replace(/\/index\.html$/, "/").replace(/\/+$/, "");
}

/**
 * Indexes posts by URL (with or without the site's url and baseurl, %-encoded or not), by file
 * name (`2026-02-19-x.md`, with or without extension or `_posts/`) and by slug.
 */
export function createPostLookup(posts: readonly Post[], config: Pick<ResolvedConfig, "url" | "baseurl">): PostLookup {
  const names = new Map<string, Set<number>>();
  const add = (key: string, index: number): void => {
    const set = names.get(key) ?? new Set<number>();
    set.add(index);
    names.set(key, set);
  };
  posts.forEach((post, index) => {
    const base = post.relativePath.slice(post.relativePath.lastIndexOf("/") + 1);
    add(`url:${urlKey(post.url)}`, index);
    for (const file of [post.relativePath, base, base.replace(/\.[^.]+$/, "")]) add(`file:${file}`, index);
    add(`slug:${post.slug}`, index);
  });
  const prefix = `${config.url}${config.baseurl}`;
  return (pin, from) => {
    const path = pin.startsWith(prefix) && prefix !== "" ? pin.slice(prefix.length) : pin;
    const local = config.baseurl !== "" && path.startsWith(`${config.baseurl}/`) ? path.slice(config.baseurl.length) : path;
    const found = names.get(`url:${urlKey(local)}`) ?? names.get(`file:${pin}`) ?? names.get(`slug:${pin}`);
    if (!found) {
      const { message, hint } = messages.relatedPinMissing(pin, from.relativePath);
      throw new KijiError(message, { hint });
    }
    if (found.size > 1) {
      const { message, hint } = messages.relatedPinAmbiguous(pin, [...found].map((index) => posts[index]!.relativePath));
      throw new KijiError(message, { hint });
    }
    return [...found][0]!;
  };
}

/** Reads front matter `related:` (absent, false, or a list of posts) of the post at `self`. */
export function readRelatedRequest(value: unknown, self: number, posts: readonly Post[], lookup: PostLookup): RelatedRequest {
  if (value === undefined || value === null || value === true) return { wantsList: true, pins: [] };
  if (value === false) return { wantsList: false, pins: [] };
  if (!Array.isArray(value)) {
    const { message, hint } = messages.frontMatterListOrFalse("related");
    throw new KijiError(message, { hint });
  }
  const pins: number[] = [];
  for (const item of value) {
    const index = lookup(String(item), posts[self]!);
    if (index === self) throw new KijiError(messages.relatedPinSelf(String(item)).message);
    if (!pins.includes(index)) pins.push(index);
  }
  return { wantsList: true, pins };
}
