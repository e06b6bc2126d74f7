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

/** Affiliate programmes: the associate tag links carry, and the disclosure pages with such links show. */
export interface AffiliateConfig {
  /** Amazon Associates: the `tag` every Amazon link must carry; `host` of the store. Default host: "www.amazon.co.jp"; no tag, no tag check. */
  readonly amazon?: { readonly tag?: string; readonly host?: string };
  /** The disclosure sentence a page with affiliate links must show. Default: the blog's Japanese sentence. */
  readonly disclosure?: string;
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
  /** Affiliate settings (associate tag, disclosure). Default: none. */
  readonly affiliate?: AffiliateConfig;
  /** OGP cards: a 1200×630 PNG for each post whose `image` is missing (see the README). Default: off. */
  readonly ogp?: boolean | OgpUserConfig;
  /** Your own variables, published as `site.<name>` (site.config.ts only; `_config.yml` takes them at the top). */
  readonly site?: Readonly<Record<string, unknown>>;
}

/** Identity function that gives `site.config.ts` type checking and completion. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
