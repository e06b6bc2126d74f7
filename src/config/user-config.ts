import type { CtaBlock } from "./cta-config.js";
import type { OgpUserConfig } from "./ogp-config.js";

/** One front-matter default, as Jekyll's `defaults:` list writes it. */
export interface FrontMatterDefault {
  readonly scope: {
    /** Folder or glob below the source, e.g. "_posts/news" or "docs/*". Empty = everything. */
    readonly path?: string;
    /** "posts", "pages" or "drafts". Empty = every type. */
    readonly type?: string;
  };
  readonly values: Readonly<Record<string, unknown>>;
}

/** Settings of `kiji check`. */
export interface CheckConfig {
  /** The categories posts may use; any other is reported (a typo makes a new archive page). Default: any. */
  readonly categories?: readonly string[];
  /** Longest front-matter `excerpt`, in characters (what search results and social cards show). Default: 120. */
  readonly excerpt_max_length?: number;
  /** Text similarity (0–1) from which two posts are reported as near-duplicates. Default: 0.8. */
  readonly near_duplicate_similarity?: number;
}

/** Atom feed settings, as jekyll-feed reads them under `feed:`. */
export interface FeedOptions {
  /** Path of the main feed. Default: "/feed.xml". */
  readonly path?: string;
  /** Entries per feed, newest first. Default: 10. */
  readonly posts_limit?: number;
  /** Categories that get their own feed at /feed/<category>.xml. Default: every category. */
  readonly categories?: readonly string[];
  /**
   * Per-tag feeds at /feed/by_tag/<tag>.xml: true, false, or `{ only, except, path }`.
   * Default: every tag (Japanese tags included, which jekyll-feed skips).
   */
  readonly tags?: boolean | { readonly only?: readonly string[]; readonly except?: readonly string[]; readonly path?: string };
  /** Leave post bodies out of the feeds (summaries only). Default: false. */
  readonly excerpt_only?: boolean;
}

/** Archive page settings, as jekyll-archives reads them under `jekyll-archives:`. */
export interface ArchivesOptions {
  /** Which archives: true/"all", or a list of "year", "month", "day", "tags", "categories". */
  readonly enabled?: boolean | "all" | ReadonlyArray<"year" | "month" | "day" | "tags" | "categories">;
  /** Layout of every archive page. Default: "archive". */
  readonly layout?: string;
  /** Layout per archive kind (year, month, day, tag, category), overriding `layout`. */
  readonly layouts?: Readonly<Partial<Record<"year" | "month" | "day" | "tag" | "category", string>>>;
  /** URL template per archive kind: `:name` (slugified tag or category), `:year`, `:month`, `:day`. */
  readonly permalinks?: Readonly<Partial<Record<"year" | "month" | "day" | "tag" | "category", string>>>;
  /** Split archives into pages of `paginate` posts (kiji only). Default: false here, true without this key. */
  readonly paginate?: boolean;
}

/**
 * Everything a site may configure, in `_config.yml` or `site.config.ts`. All keys are optional;
 * each comment gives the default. Keys use Jekyll's names so an existing `_config.yml` works as is.
 */
export interface UserConfig {
  /** Site title (`site.title`). Default: none. */
  readonly title?: string;
  /** Site description (`site.description`). Default: none. */
  readonly description?: string;
  /** Scheme and host the site is served from, e.g. "https://example.com". Default: none. */
  readonly url?: string;
  /** Path prefix the site is served under, e.g. "/blog". Default: "". */
  readonly baseurl?: string;
  /** Post URL template or style: date | pretty | ordinal | weekdate | none | "/:year/…". Default: "date". */
  readonly permalink?: string;
  /** IANA time zone that decides the calendar day of a post. Default: the machine's zone, as Jekyll. */
  readonly timezone?: string;
  /** Paths or globs (relative to the source) never read. Added to the built-in list. */
  readonly exclude?: readonly string[];
  /** Paths that are read even though they start with "." or "_" or are excluded. Default: [".htaccess"]. */
  readonly include?: readonly string[];
  /** Paths in the destination kept across builds. Default: [".git", ".svn"]. */
  readonly keep_files?: readonly string[];
  /** Publish posts dated after the build time. Default: false. */
  readonly future?: boolean;
  /** Publish `_drafts/`. Default: false. */
  readonly show_drafts?: boolean;
  /** Publish posts with `published: false`. Default: false. */
  readonly unpublished?: boolean;
  /** Where a post's automatic excerpt ends. Default: "\n\n" (the first paragraph). */
  readonly excerpt_separator?: string;
  /** Front-matter defaults by path and type, as Jekyll's. Default: []. */
  readonly defaults?: readonly FrontMatterDefault[];
  /** Site author (`site.author`), a name or an object. Default: none. */
  readonly author?: string | Readonly<Record<string, unknown>>;
  /** Language of the site, e.g. "ja". Default: "en". */
  readonly lang?: string;
  /** Output folder, relative to the source. Default: "_site". */
  readonly destination?: string;
  /** Settings of `kiji check`. Default: see CheckConfig. */
  readonly check?: CheckConfig;
  /** OGP cards: a 1200×630 PNG for each post whose `image` is missing (see the README). Default: off. */
  readonly ogp?: boolean | OgpUserConfig;
  /** Posts per page of the paginated home page and archives (jekyll-paginate). Default: none, no pagination. */
  readonly paginate?: number;
  /** URL of pages 2, 3 … of the home page, `:num` standing for the number. Default: "/page:num". */
  readonly paginate_path?: string;
  /** Atom feeds (jekyll-feed's keys), or false for none. Default: /feed.xml plus one feed per category and per tag. */
  readonly feed?: FeedOptions | false;
  /** Write sitemap.xml and robots.txt (jekyll-sitemap). Default: true. */
  readonly sitemap?: boolean;
  /**
   * Category, tag and date archive pages (jekyll-archives' keys). Without this key kiji makes year,
   * month, tag and category archives at /:year/, /:year/:month/, /tags/:name/ and /categories/:name/
   * for each kind whose layout (default "archive") exists. With it, jekyll-archives' own defaults apply.
   */
  readonly "jekyll-archives"?: ArchivesOptions;
  /** Your own variables, published as `site.<name>` (site.config.ts only; `_config.yml` takes them at the top). */
  readonly site?: Readonly<Record<string, unknown>>;
  /** Related posts computed for every post (`page.related`). */
  readonly related?: RelatedConfig;
  /** Reading speed behind `page.reading_time` when front matter does not set it. */
  readonly reading_time?: ReadingTimeConfig;
  /** Affiliate settings: associate tag, disclosure, book blocks from `_data/books.yml`. */
  readonly affiliate?: AffiliateConfig;
  /**
   * Call-to-action block under each post (`page.cta`), chosen by the post's first category that has
   * one, else `default`; `false` for none. Default: the blog's blocks for AI最新ニュース, 導入事例 and
   * AI技術ガイド, and a default block.
   */
  readonly cta?: false | { readonly default?: CtaBlock; readonly categories?: Readonly<Record<string, CtaBlock>> };
}

/** How related posts are scored. Every key is optional. */
export interface RelatedConfig {
  /** How many related posts each post lists; 0 turns them off. Default: 3. */
  readonly count?: number;
  /** Weights of the score's parts: text similarity, rarity-weighted shared tags, a shared category. Defaults: 1, 0.5, 0.05. */
  readonly weights?: { readonly text?: number; readonly tags?: number; readonly category?: number };
  /** Weights of the text fields compared (0 leaves one out). Defaults: title 3, excerpt 2, headings 2, body 1. */
  readonly fields?: { readonly title?: number; readonly excerpt?: number; readonly headings?: number; readonly body?: number };
  /** Share of the score that fades as two posts lie further apart in time, 0–1. Default: 0.3. */
  readonly recency?: number;
  /** Days apart after which that share has halved. Default: 180. */
  readonly half_life_days?: number;
}

/** Reading speeds. */
export interface ReadingTimeConfig {
  /** Japanese, Chinese and Korean characters read per minute. Default: 500. */
  readonly chars_per_minute?: number;
  /** Words of Latin-script text read per minute. Default: 265. */
  readonly words_per_minute?: number;
}

/** Affiliate programmes: the associate tag links carry, and the disclosure pages with such links show. */
export interface AffiliateConfig {
  /** Amazon Associates: links are https://{host}/dp/{ASIN}/?tag={tag}, and `kiji check` wants every Amazon link to carry the tag. Default host: "www.amazon.co.jp"; no tag, no affiliate links and no tag check. */
  readonly amazon?: { readonly tag?: string; readonly host?: string };
  /** Shown on every page that carries an affiliate link. Default: the blog's Japanese disclosure sentence. */
  readonly disclosure?: string;
  /** Books chosen per post when its front matter has no `books:` list. Default: 3. */
  readonly books?: number;
}

/** Identity function that gives `site.config.ts` type checking and completion. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
