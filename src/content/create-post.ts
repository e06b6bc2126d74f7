import type { ResolvedConfig } from "../config/index.js";
import type { SourceDocument } from "../source/index.js";
import { KijiError, messages } from "../shared/index.js";
import type { Post } from "./documents.js";
import { defineLazy, formatOf, extractExcerpt, frontMatterLine, permalinkExtension, sourceFields, toStringList, withBody } from "./document-helpers.js";
import { defaultsFor } from "./front-matter-defaults.js";
import { fillPostTemplate, outputPathFor, postPlaceholders, sanitizeUrl } from "./permalink.js";
import { titleizeSlug } from "./slugify.js";
import { DateParseError, parseJekyllDate, type JekyllTime, type TimeZone } from "./time.js";

// Jekyll's DATE_FILENAME_MATCHER and DATELESS_FILENAME_MATCHER, on the path below _posts/_drafts.
const DATED_NAME = /^(?:.+\/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$/;
const DATELESS_NAME = /^(?:.+\/)*(.*)(\.[^.]+)$/;

/** What creating posts needs besides the file. */
export interface PostContext {
  readonly config: ResolvedConfig;
  readonly zone: TimeZone;
}

/** True when the file name can be a post (date, slug, Markdown or HTML extension). */
export function isPostFileName(pathBelowPosts: string): boolean {
  const m = DATED_NAME.exec(pathBelowPosts);
  return m !== null && formatOf(m[3]!) !== "other";
}

/** The file line of a top-level front-matter key, if the front matter has it. */
export function lineOfKey(doc: SourceDocument, key: string): number | undefined {
  return frontMatterLine(doc.text, doc.bodyLine, key);
}

function readDate(value: unknown, doc: SourceDocument, zone: TimeZone, key: string): JekyllTime {
  try {
    return parseJekyllDate(value, zone);
  } catch (error) {
    if (!(error instanceof DateParseError)) throw error;
    const { message, hint } = messages.invalidDate(String(value), error.message);
    throw new KijiError(message, { file: doc.entry.relativePath, line: lineOfKey(doc, key) ?? 1, hint });
  }
}

/** Categories as Jekyll collects them: folders above _posts, then defaults and front matter, unique. */
function collectCategories(pathCategories: readonly string[], data: Record<string, unknown>): string[] {
  const plural = toStringList(data.categories);
  const fromKeys = data.category !== undefined && data.category !== null ? toStringList([data.category]) : plural;
  return [...new Set([...pathCategories, ...plural, ...fromKeys])];
}

/** Creates a post from its source document, with Jekyll 4.3's rules for dates, slugs, categories and URLs. */
export function createPost(doc: SourceDocument, type: "posts" | "drafts", context: PostContext): Post {
  const { config, zone } = context;
  const below = doc.entry.collectionPath ?? doc.entry.relativePath;
  const dated = DATED_NAME.exec(below);
  const dateless = DATELESS_NAME.exec(below);
  const fileSlug = (dated ? dated[2]! : dateless ? dateless[1]! : below).replace(/\.+$/, "");
  const extension = dated ? dated[3]! : dateless ? dateless[2]! : "";
  const defaults = defaultsFor(config.defaults, doc.entry.relativePath, type);
  const data: Record<string, unknown> = { ...defaults, ...doc.data };
  let date: JekyllTime;
  if (data.date !== undefined && data.date !== null) date = readDate(data.date, doc, zone, "date");
  else if (dated) date = readDate(dated[1]!, doc, zone, "date");
  else date = zone.localTime(doc.entry.mtimeMs);
  const slug = String(data.slug ?? fileSlug);
  const title = String(data.title ?? titleizeSlug(fileSlug));
  const pathCategories = (doc.entry.collectionBase ?? "").split("/").filter(Boolean);
  const categories = collectCategories(pathCategories, { ...defaults, ...doc.data });
  const tags = toStringList(data.tag !== undefined && data.tag !== null ? [data.tag] : data.tags);
  const basenameWithoutExt = below.slice(below.lastIndexOf("/") + 1).replace(/\.[^.]+$/, "");
  const outputExt = permalinkExtension(data.permalink) ?? ".html";
  const placeholders = postPlaceholders({
    slug,
    basenameWithoutExt,
    cleanedRelativePath: `${doc.entry.relativePath.replace(/\.[^.]+$/, "").replace(type === "drafts" ? "_drafts" : "_posts", "").replace(/\.+$/, "")}`,
    categories,
    date,
    outputExt,
  });
  const template = typeof data.permalink === "string" ? data.permalink : config.permalinkTemplate;
  const url = withFile(doc, () => sanitizeUrl(fillPostTemplate(template, placeholders)));
  const id = `${url.endsWith("/") ? url.slice(0, -1).replace(/\/[^/]*$/, "") : url.replace(/\/[^/]*$/, "")}/${slug}`.replace(/^\/\//, "/");
  const separator = typeof data.excerpt_separator === "string" ? data.excerpt_separator : config.excerptSeparator;
  const hasExcerpt = data.excerpt !== undefined && data.excerpt !== null;
  const format = formatOf(extension);
  const excerptSeparator = hasExcerpt || separator === "" ? undefined : separator;
  const post = withBody({
    type,
    url,
    outputPath: outputPathFor(url, outputExt, "document"),
    id,
    date,
    slug,
    title,
    categories,
    tags,
    published: data.published !== false,
    data: { ...data, title, slug, date, categories, tags, ext: extension },
    ...sourceFields(doc, data, format),
    excerptSeparator,
  }, doc);
  return withExcerptSource(post, excerptSeparator);
}

/**
 * Gives the post its `excerptSource`, cut on first read. Apart from createPost so the getter holds
 * only the post: a closure there would keep every post's permalink placeholders alive (about 12 MB
 * at 10,000 posts), since closures of one call share its variables.
 */
function withExcerptSource<T extends { readonly body: string }>(post: T, separator: string | undefined): T & { readonly excerptSource: string | undefined } {
  return defineLazy(post, "excerptSource", () => (separator === undefined ? undefined : extractExcerpt(post.body, separator)));
}

/** Runs `fn`, giving any KijiError it throws the document's file name. */
export function withFile<T>(doc: SourceDocument, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof KijiError) throw error.withLocation({ file: doc.entry.relativePath, line: lineOfKey(doc, "permalink") });
    throw error;
  }
}
