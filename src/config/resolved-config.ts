import type { ResolvedCtaConfig } from "./cta-config.js";
import type { ResolvedOgpConfig } from "./ogp-config.js";
import type { ResolvedArchives, ResolvedFeed, ResolvedPagination } from "./output-options.js";
import type { FrontMatterDefault } from "./user-config.js";

/** Built-in permalink styles and the post URL templates they stand for (Jekyll 4.3). */
export const PERMALINK_STYLES: Readonly<Record<string, string>> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};

/** The complete, validated configuration one build runs with. Plain data: safe to digest and send to workers. */
export interface ResolvedConfig {
  /** Absolute path of the site source. */
  readonly source: string;
  /** Absolute path of the output folder. */
  readonly destination: string;
  /** The permalink setting as written (a style name or a template). */
  readonly permalink: string;
  /** The post URL template the setting stands for. */
  readonly permalinkTemplate: string;
  /** IANA time zone name. */
  readonly timezone: string;
  readonly baseurl: string;
  readonly url: string;
  readonly exclude: readonly string[];
  readonly include: readonly string[];
  readonly keepFiles: readonly string[];
  readonly future: boolean;
  readonly showDrafts: boolean;
  readonly unpublished: boolean;
  readonly excerptSeparator: string;
  readonly defaults: readonly FrontMatterDefault[];
  readonly lang: string;
  /** `kiji check` settings, defaults filled in. */
  readonly check: {
    /** Allowed categories; undefined = any. */
    readonly categories: readonly string[] | undefined;
    readonly excerptMaxLength: number;
    readonly nearDuplicateSimilarity: number;
  };
  /** OGP card settings (`ogp`). */
  readonly ogp: ResolvedOgpConfig;
  /** Call-to-action blocks per post category (`cta`); undefined when `cta: false`. */
  readonly cta: ResolvedCtaConfig | undefined;
  /** Paginated post lists (`paginate`, `paginate_path`); undefined when `paginate` is not set. */
  readonly pagination: ResolvedPagination | undefined;
  /** Atom feeds (`feed`); undefined when `feed: false`. */
  readonly feed: ResolvedFeed | undefined;
  /** Write sitemap.xml and robots.txt (`sitemap`). */
  readonly sitemap: boolean;
  /** Category, tag and date archive pages (`jekyll-archives`). */
  readonly archives: ResolvedArchives;
  /** Everything templates see as `site.*` from configuration (Jekyll key names, custom keys included). */
  readonly siteVariables: Readonly<Record<string, unknown>>;
  /** Related-post settings (`related`), defaults filled in. */
  readonly related: ResolvedRelatedConfig;
  /** Reading speeds (`reading_time`), defaults filled in. */
  readonly readingTime: { readonly charsPerMinute: number; readonly wordsPerMinute: number };
  /** Affiliate settings (`affiliate`), defaults filled in. */
  readonly affiliate: ResolvedAffiliateConfig;
  /** Config files that were read, relative to the source. */
  readonly configFiles: readonly string[];
  /** Digest of everything above: changes when any setting changes. */
  readonly digest: string;
}

/** Related-post settings with every default filled in (see `RelatedConfig`). */
export interface ResolvedRelatedConfig {
  readonly count: number;
  readonly weights: { readonly text: number; readonly tags: number; readonly category: number };
  readonly fields: { readonly title: number; readonly excerpt: number; readonly headings: number; readonly body: number };
  readonly recency: number;
  readonly halfLifeDays: number;
}

/** Affiliate settings with every default filled in (see `AffiliateConfig`). */
export interface ResolvedAffiliateConfig {
  /** Amazon associate tag; undefined means book links carry none (and are not affiliate links). */
  readonly amazonTag: string | undefined;
  readonly amazonHost: string;
  readonly disclosure: string;
  readonly books: number;
}
