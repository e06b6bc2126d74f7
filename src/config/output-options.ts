import { z } from "zod";
import { KijiError } from "../shared/index.js";

/** The archive kinds of jekyll-archives. */
export type ArchiveType = "year" | "month" | "day" | "tag" | "category";

/** Post-list pagination (jekyll-paginate). */
export interface ResolvedPagination {
  /** Posts per page. */
  readonly perPage: number;
  /** URL pattern of pages 2, 3 …, `:num` standing for the number, e.g. "/page:num/". */
  readonly path: string;
}

/** Atom feeds (jekyll-feed). */
export interface ResolvedFeed {
  /** Path of the main feed, e.g. "/feed.xml". */
  readonly path: string;
  readonly postsLimit: number;
  /** Categories with their own feed, or "all". */
  readonly categories: readonly string[] | "all";
  /** Per-tag feeds: which tags, and the folder they go in; undefined = none. */
  readonly tags: { readonly only?: readonly string[]; readonly except: readonly string[]; readonly path: string } | undefined;
  readonly excerptOnly: boolean;
}

/** Archive pages (jekyll-archives). */
export interface ResolvedArchives {
  readonly enabled: readonly ArchiveType[];
  readonly layouts: Readonly<Record<ArchiveType, string>>;
  readonly permalinks: Readonly<Record<ArchiveType, string>>;
  /** Split long archives into pages of `paginate` posts (a kiji extension). */
  readonly paginate: boolean;
  /**
   * True when the site configured `jekyll-archives` itself: a missing layout is then worth a
   * warning. kiji's own defaults only make the archives whose layout exists.
   */
  readonly configured: boolean;
}

const archiveTypeNames = z.enum(["year", "month", "day", "tags", "categories"]);
const perType = z.object({ year: z.string(), month: z.string(), day: z.string(), tag: z.string(), category: z.string() }).partial().strict();

/** Types of the output keys, as jekyll-feed, jekyll-paginate, jekyll-sitemap and jekyll-archives read them. */
export const outputKeySchemas = {
  paginate: z.number().int().positive().nullable().optional(),
  paginate_path: z.string().optional(),
  feed: z
    .union([
      z.literal(false),
      z
        .object({
          path: z.string().optional(),
          posts_limit: z.number().int().positive().optional(),
          categories: z.array(z.string()).optional(),
          tags: z.union([z.boolean(), z.object({ only: z.array(z.string()).optional(), except: z.array(z.string()).optional(), path: z.string().optional() })]).optional(),
          excerpt_only: z.boolean().optional(),
        })
        .loose(),
    ])
    .optional(),
  sitemap: z.boolean().optional(),
  "jekyll-archives": z
    .object({
      enabled: z.union([z.boolean(), z.literal("all"), z.array(archiveTypeNames)]).optional(),
      layout: z.string().optional(),
      layouts: perType.optional(),
      permalinks: perType.optional(),
      paginate: z.boolean().optional(),
    })
    .strict()
    .optional(),
};

type OutputKeys = { readonly [K in keyof typeof outputKeySchemas]?: z.infer<(typeof outputKeySchemas)[K]> };

const ALL_TYPES: readonly ArchiveType[] = ["year", "month", "day", "tag", "category"];

// jekyll-archives 2.2's DEFAULTS: nothing enabled, /tag/:name/ and /category/:name/.
const PLUGIN_PERMALINKS: Record<ArchiveType, string> = {
  year: "/:year/", month: "/:year/:month/", day: "/:year/:month/:day/", tag: "/tag/:name/", category: "/category/:name/",
};

// kiji's defaults for a blog that did not configure jekyll-archives (the URL scheme).
const KIJI_PERMALINKS: Record<ArchiveType, string> = { ...PLUGIN_PERMALINKS, tag: "/tags/:name/", category: "/categories/:name/" };
const KIJI_ENABLED: readonly ArchiveType[] = ["year", "month", "tag", "category"];

// The names `enabled:` lists them by.
const ENABLED_NAMES: Record<ArchiveType, string> = { year: "year", month: "month", day: "day", tag: "tags", category: "categories" };

function enabledTypes(enabled: boolean | "all" | readonly string[] | undefined): ArchiveType[] {
  if (enabled === true || enabled === "all") return [...ALL_TYPES];
  if (!Array.isArray(enabled)) return [];
  return ALL_TYPES.filter((type) => enabled.includes(ENABLED_NAMES[type]));
}

/** jekyll-paginate's settings, or undefined when `paginate` is not set. Jekyll's default path is "/page:num". */
export function resolvePagination(keys: OutputKeys, origin: string): ResolvedPagination | undefined {
  if (keys.paginate === undefined || keys.paginate === null) return undefined;
  const path = keys.paginate_path ?? "/page:num";
  if (!path.includes(":num")) {
    throw new KijiError(`config key 'paginate_path' must contain ':num', found '${path}'`, { file: origin, hint: 'Write it as "/page:num/".' });
  }
  return { perPage: keys.paginate, path };
}

/** jekyll-feed's settings; kiji also makes a feed per category and per tag unless told otherwise. */
export function resolveFeed(keys: OutputKeys): ResolvedFeed | undefined {
  if (keys.feed === false) return undefined;
  const feed = keys.feed ?? {};
  const tags = feed.tags ?? true;
  return {
    path: feed.path ?? "/feed.xml",
    postsLimit: feed.posts_limit ?? 10,
    categories: feed.categories ?? "all",
    tags: tags === false ? undefined : { only: tags === true ? undefined : tags.only, except: tags === true ? [] : (tags.except ?? []), path: tags === true ? "/feed/by_tag/" : (tags.path ?? "/feed/by_tag/") },
    excerptOnly: feed.excerpt_only ?? false,
  };
}

/**
 * Archive settings. A site that configures `jekyll-archives` gets exactly the plugin's behaviour
 * (its defaults fill the gaps, so existing URLs stay); one that does not gets kiji's blog defaults.
 */
export function resolveArchives(keys: OutputKeys): ResolvedArchives {
  const user = keys["jekyll-archives"];
  const layout = user?.layout ?? "archive";
  const layouts = Object.fromEntries(ALL_TYPES.map((type) => [type, user?.layouts?.[type] ?? layout])) as Record<ArchiveType, string>;
  const base = user ? PLUGIN_PERMALINKS : KIJI_PERMALINKS;
  return {
    enabled: user ? enabledTypes(user.enabled) : KIJI_ENABLED,
    layouts,
    permalinks: { ...base, ...user?.permalinks },
    paginate: user?.paginate ?? !user,
    configured: user !== undefined,
  };
}
