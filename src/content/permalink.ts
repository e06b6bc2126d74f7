import { KijiError, messages } from "../shared/index.js";
import { strftime } from "./strftime.js";
import { slugify } from "./slugify.js";
import type { JekyllTime } from "./time.js";

// Characters a URL path keeps as they are (RFC 3986 pchar plus "/"); everything else is %-encoded.
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

/** Jekyll's `URL.escape_path`: percent-encodes UTF-8 bytes outside the path characters. */
export function escapePath(path: string): string {
  if (path === "" || /^[a-zA-Z0-9./-]+$/.test(path)) return path;
  let out = "";
  for (const ch of path) {
    if (PATH_SAFE.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, "utf8")) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Jekyll's `URL.unescape_path`: the URL as a file path. */
export function unescapePath(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** What a post offers to a permalink template (Jekyll's UrlDrop). */
export interface PostUrlSource {
  /** Slug from front matter or file name. */
  readonly slug: string;
  /** File name without extension (with the date). */
  readonly basenameWithoutExt: string;
  /** Path below the source without extension, collection folder removed (Jekyll's cleaned_relative_path). */
  readonly cleanedRelativePath: string;
  readonly categories: readonly string[];
  readonly date: JekyllTime;
  readonly outputExt: string;
}

/**
 * Every post placeholder Jekyll 4.3 supports, each computed when a template uses it: a permalink
 * names two to five of the 25, and computing all of them was most of a post's URL time.
 */
export function postPlaceholders(post: PostUrlSource): Readonly<Record<string, () => string>> {
  const date = post.date;
  const unique = (names: Iterable<string>): string => [...new Set(names)].join("/");
  return {
    collection: () => "posts",
    path: () => post.cleanedRelativePath,
    output_ext: () => post.outputExt,
    name: () => slugify(post.basenameWithoutExt),
    title: () => slugify(post.slug, "pretty", true),
    slug: () => slugify(post.slug),
    categories: () => unique(post.categories.map((c) => String(c).toLowerCase())),
    slugified_categories: () => unique(post.categories.map((c) => slugify(String(c)))),
    year: () => strftime(date, "%Y"),
    month: () => strftime(date, "%m"),
    day: () => strftime(date, "%d"),
    hour: () => strftime(date, "%H"),
    minute: () => strftime(date, "%M"),
    second: () => strftime(date, "%S"),
    i_day: () => strftime(date, "%-d"),
    i_month: () => strftime(date, "%-m"),
    short_month: () => strftime(date, "%b"),
    long_month: () => strftime(date, "%B"),
    short_year: () => strftime(date, "%y"),
    w_year: () => strftime(date, "%G"),
    week: () => strftime(date, "%V"),
    w_day: () => strftime(date, "%u"),
    short_day: () => strftime(date, "%a"),
    long_day: () => strftime(date, "%A"),
    y_day: () => strftime(date, "%j"),
  };
}

/** Fills a post template as Jekyll's `generate_url_from_drop`: an unknown placeholder is an error. */
export function fillPostTemplate(template: string, placeholders: Readonly<Record<string, () => string>>): string {
  return template.replace(/:([a-z_]+)/g, (_match, name: string) => {
    const candidates = name.endsWith("_") ? [name, name.slice(0, -1)] : [name];
    const winner = candidates.find((key) => Object.hasOwn(placeholders, key));
    if (winner === undefined) {
      const { message, hint } = messages.permalinkPlaceholder(name, template);
      throw new KijiError(message, { hint });
    }
    return escapePath(placeholders[winner]!()) + (winner === name ? "" : "_");
  });
}

/** Fills a page template as Jekyll's `generate_url_from_hash`: known keys only, others stay as written. */
export function fillPageTemplate(template: string, placeholders: Readonly<Record<string, string>>): string {
  let result = template;
  for (const [key, value] of Object.entries(placeholders)) {
    if (!result.includes(":")) break;
    result = result.split(`:${key}`).join(escapePath(value));
  }
  return result;
}

/**
 * Jekyll's `sanitize_url` (leading slash, "./" dropped, slashes squeezed) — except that ".."
 * is refused instead of silently rewritten, so no page can point outside the site.
 */
export function sanitizeUrl(url: string): string {
  if (url.split("/").includes("..") || unescapePath(url).split("/").includes("..")) {
    const { message, hint } = messages.permalinkEscapes(url);
    throw new KijiError(message, { hint });
  }
  return `/${url}`.replace(/\.\//g, "").replace(/\/{2,}/g, "/");
}

/** The file a URL is written to, relative to the destination (Unicode, not %-encoded). */
export function outputPathFor(url: string, outputExt: string, kind: "document" | "page"): string {
  let file = unescapePath(url).replace(/^\/+/, "");
  if (url.endsWith("/")) file += kind === "document" ? "index.html" : "index";
  if (!file.endsWith(outputExt)) file += outputExt;
  return file;
}
