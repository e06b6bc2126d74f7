/**
 * Keys Jekyll 4.3 and its common plugins define. In `_config.yml` they are accepted (and published
 * as site variables) even when kiji does not act on them yet; any other key is a custom site
 * variable, unless it is one edit away from a known key, which is reported as a typo.
 */
export const JEKYLL_KEYS: readonly string[] = [
  "source", "destination", "collections_dir", "plugins_dir", "layouts_dir", "data_dir",
  "includes_dir", "collections", "safe", "include", "exclude", "keep_files", "encoding",
  "markdown_ext", "strict_front_matter", "show_drafts", "limit_posts", "future", "unpublished",
  "whitelist", "plugins", "markdown", "highlighter", "lsi", "excerpt_separator", "incremental",
  "detach", "port", "host", "baseurl", "show_dir_listing", "permalink", "paginate_path", "paginate",
  "timezone", "quiet", "verbose", "defaults", "liquid", "kramdown", "title", "description", "url",
  "author", "lang", "locale", "feed", "sitemap", "theme", "sass", "github", "email", "twitter",
  "logo", "social", "webmaster_verifications", "google_analytics", "jekyll-archives", "gems",
  "tagline", "name", "repository", "profile", "disable_disk_cache", "serving", "watch",
  "livereload", "open_url", "ssl_cert", "ssl_key", "future", "rdiscount", "redcarpet",
];

/** The keys kiji's own `UserConfig` type allows in `site.config.ts`. */
export const KIJI_KEYS: readonly string[] = [
  "title", "description", "url", "baseurl", "permalink", "timezone", "exclude", "include",
  "keep_files", "future", "show_drafts", "unpublished", "excerpt_separator", "defaults", "author",
  "lang", "destination", "site", "check", "affiliate", "ogp", "paginate", "paginate_path", "feed", "sitemap",
  "jekyll-archives", "related", "reading_time", "cta",
];

/** Levenshtein distance, small strings only (config keys). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known key `key` was probably meant to be, if any (one or two edits away). */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  const limit = key.length > 6 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate);
    if (distance > 0 && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
