import type { ResolvedConfig } from "../config/index.js";
import { escapePath, strftime, type Post, type SiteContent, type StaticFile } from "../content/index.js";
import { KijiError, messages, type Logger } from "../shared/index.js";

/** The OGP image of one post: where it is, and whether kiji draws it. */
export interface OgImage {
  /** Site path as front matter writes it, without baseurl: "/assets/images/posts/x-ogp.png"; or a remote URL. */
  readonly path: string;
  /** Absolute URL for og:image (url + baseurl + %-encoded path); relative when the site has no `url`. */
  readonly url: string;
  /** Set when kiji draws the card: where it is written, relative to the destination (Unicode). */
  readonly outputPath?: string;
  /** Set when the source has the image: that file, used as is. */
  readonly sourceFile?: StaticFile;
}

/** The OGP image of every post that has or gets one. */
export type OgImagePlan = ReadonlyMap<Post, OgImage>;

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** `image: x` or jekyll-seo-tag's `image: { path: x }`, if it is a non-empty string. */
function frontMatterImage(post: Post): string | undefined {
  const value = post.data.image;
  const path = typeof value === "object" && value !== null ? (value as Record<string, unknown>).path : value;
  return typeof path === "string" && path.trim() !== "" ? path.trim() : undefined;
}

/** `ogp.path` filled in for one post. */
function defaultPath(post: Post, pattern: string): string {
  const name = post.relativePath.slice(post.relativePath.lastIndexOf("/") + 1).replace(/\.[^.]+$/, "");
  const fields: Record<string, string> = {
    name,
    slug: post.slug,
    year: strftime(post.date, "%Y"),
    month: strftime(post.date, "%m"),
    day: strftime(post.date, "%d"),
  };
  return pattern.replace(/:([a-z]+)/g, (whole, key: string) => fields[key] ?? whole);
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

interface PlanContext {
  readonly config: ResolvedConfig;
  readonly statics: ReadonlyMap<string, StaticFile>;
  readonly logger: Logger;
}

/** Where a post's card goes: the missing `.png` its front matter names, else `ogp.path`. */
function cardPath(post: Post, named: string | undefined, context: PlanContext): string {
  if (named === undefined) return defaultPath(post, context.config.ogp.path);
  if (/\.png$/i.test(named) && !named.split("/").includes("..")) return named;
  context.logger.warn(`${post.relativePath}: ${messages.ogpImageMissing(named).message}`);
  return defaultPath(post, context.config.ogp.path);
}

/** One post's image without its absolute URL, or undefined when it has none. */
function planPost(post: Post, context: PlanContext): Omit<OgImage, "url"> | undefined {
  const named = frontMatterImage(post);
  if (named !== undefined && REMOTE.test(named)) return { path: named };
  const local = named === undefined ? undefined : `/${decodePath(named).replace(/^\/+/, "").split(/[?#]/)[0]}`;
  const existing = local === undefined ? undefined : context.statics.get(local.slice(1).normalize("NFC"));
  if (existing) return { path: local!, sourceFile: existing };
  if (!context.config.ogp.enabled) return undefined;
  const path = cardPath(post, local, context);
  const outputPath = path.slice(1).normalize("NFC");
  const sourceFile = context.statics.get(outputPath);
  return sourceFile ? { path, sourceFile } : { path, outputPath };
}

/**
 * Decides each post's OGP image: a remote URL or a file in the source is used as is; a local
 * `.png` path that does not exist, or no `image` at all, gets a card drawn by kiji (when `ogp` is on).
 * Two posts whose cards would land on the same path are an error naming both.
 */
export function planOgImages(content: SiteContent, config: ResolvedConfig, logger: Logger): OgImagePlan {
  const context: PlanContext = {
    config,
    logger,
    statics: new Map(content.staticFiles.map((file) => [file.outputPath.normalize("NFC"), file])),
  };
  const plan = new Map<Post, OgImage>();
  const drawnBy = new Map<string, Post>();
  for (const post of content.posts) {
    const image = planPost(post, context);
    if (!image) continue;
    const url = REMOTE.test(image.path) ? image.path : `${config.url}${config.baseurl}${escapePath(image.path)}`;
    if (image.outputPath !== undefined) {
      const other = drawnBy.get(image.outputPath.toLowerCase());
      if (other) {
        const { message, hint } = messages.duplicateOutput(image.path, other.relativePath, post.relativePath);
        throw new KijiError(message, { file: post.relativePath, hint });
      }
      drawnBy.set(image.outputPath.toLowerCase(), post);
    }
    plan.set(post, { ...image, url });
  }
  return plan;
}
