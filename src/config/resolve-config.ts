import path from "node:path";
import { z } from "zod";
import { KijiError, digest, messages } from "../shared/index.js";
import { CTA_NESTED_KEYS, ctaKey, resolveCtaConfig } from "./cta-config.js";
import { FEATURE_NESTED_KEYS, featureKeys, resolveFeatureConfig } from "./feature-config.js";
import { JEKYLL_KEYS, KIJI_KEYS, suggestKey } from "./known-keys.js";
import { OGP_NESTED_KEYS, ogpSchema, resolveOgpConfig } from "./ogp-config.js";
import { outputKeySchemas, resolveArchives, resolveFeed, resolvePagination } from "./output-options.js";
import { PERMALINK_STYLES, type ResolvedConfig } from "./resolved-config.js";

/** Jekyll 4.3's default `exclude` list. */
const JEKYLL_EXCLUDES = [
  ".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules",
  "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/",
];

/** kiji's own files, never published (trailing "/" = that folder only, not every name it prefixes). */
const KIJI_EXCLUDES = [
  "src/", "tests/", "bench/", "bin/", "dist/", "package.json", "package-lock.json",
  "tsconfig.json", "site.config.ts", "site.config.js", "site.config.mjs", "README.md",
  ".ci/", ".kiji-cache/",
];

const stringList = z.array(z.string());
const defaultsSchema = z.array(
  z.object({
    scope: z.object({ path: z.string().optional(), type: z.string().optional() }).loose(),
    values: z.record(z.string(), z.unknown()),
  }),
);

const checkSchema = z
  .object({
    categories: stringList.optional(),
    excerpt_max_length: z.number().int().positive().optional(),
    near_duplicate_similarity: z.number().min(0).max(1).optional(),
  })
  .strict();

/** Keys of the config objects that reject unknown keys, for typo suggestions. */
const NESTED_KEYS: Readonly<Record<string, readonly string[]>> = {
  check: Object.keys(checkSchema.shape),
  ...FEATURE_NESTED_KEYS,
  ...CTA_NESTED_KEYS,
  ...OGP_NESTED_KEYS,
};

/** Types of the keys kiji acts on; other keys pass through as site variables. */
const typedKeys = z
  .object({
    title: z.string().optional(),
    description: z.string().optional(),
    url: z.string().optional(),
    baseurl: z.string().nullable().optional(),
    permalink: z.string().optional(),
    timezone: z.string().nullable().optional(),
    exclude: stringList.optional(),
    include: stringList.optional(),
    keep_files: stringList.optional(),
    future: z.boolean().optional(),
    show_drafts: z.boolean().nullable().optional(),
    unpublished: z.boolean().optional(),
    excerpt_separator: z.string().optional(),
    defaults: defaultsSchema.optional(),
    author: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    lang: z.string().optional(),
    destination: z.string().optional(),
    site: z.record(z.string(), z.unknown()).optional(),
    check: checkSchema.optional(),
    ...featureKeys,
    ...ctaKey,
    ogp: ogpSchema.optional(),
    ...outputKeySchemas,
  })
  .loose();

/** One configuration layer and where it came from, lowest precedence first. */
export interface ConfigLayer {
  readonly values: Readonly<Record<string, unknown>>;
  /** File name for errors, or a label such as "command line". */
  readonly origin: string;
  /** Jekyll YAML configs allow custom top-level keys; site.config.ts keeps them under `site`. */
  readonly allowCustomKeys: boolean;
}

/** Checks one layer's keys and types; throws a KijiError naming the file and key. */
export function validateLayer(layer: ConfigLayer): void {
  for (const key of Object.keys(layer.values)) {
    const known = layer.allowCustomKeys ? JEKYLL_KEYS.includes(key) || KIJI_KEYS.includes(key) : KIJI_KEYS.includes(key);
    if (known) continue;
    const suggestion = suggestKey(key, layer.allowCustomKeys ? [...KIJI_KEYS, ...JEKYLL_KEYS] : KIJI_KEYS);
    if (layer.allowCustomKeys && !suggestion) continue;
    const { message, hint } = messages.configUnknownKey(key, suggestion);
    throw new KijiError(message, { file: layer.origin, hint });
  }
  const result = typedKeys.safeParse(layer.values);
  if (!result.success) {
    const issue = deepestIssue(result.error.issues[0]!);
    const key = issue.path.join(".");
    if (issue.code === "unrecognized_keys") {
      const nested = issue.keys[0]!;
      const { message, hint } = messages.configUnknownKey(`${key}.${nested}`, suggestKey(nested, NESTED_KEYS[key] ?? []));
      throw new KijiError(message, { file: layer.origin, hint });
    }
    const { message } = messages.configWrongType(key, `has the wrong type: ${issue.message.toLowerCase()}`);
    throw new KijiError(message, { file: layer.origin });
  }
}

type Issue = z.core.$ZodIssue;

/** For a value that fits none of a key's forms (`feed: false` or a mapping), the most specific complaint. */
function deepestIssue(issue: Issue, prefix: readonly PropertyKey[] = []): Issue {
  const path = [...prefix, ...issue.path];
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return { ...issue, path };
  const candidates = issue.errors.flat().map((inner) => deepestIssue(inner, path));
  return candidates.sort((a, b) => b.path.length - a.path.length)[0]!;
}

function checkTimezone(zone: string, origin: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone;
  } catch {
    const { message, hint } = messages.timezoneUnknown(zone);
    throw new KijiError(message, { file: origin, hint });
  }
}

/** Which layer last set `key`, for error messages. */
function originOf(layers: readonly ConfigLayer[], key: string): string {
  return [...layers].reverse().find((layer) => key in layer.values)?.origin ?? "config";
}

/**
 * Merges validated layers (defaults < _config.yml < site.config.ts < command line) into the
 * complete configuration. `source` is absolute.
 */
export function resolveConfig(source: string, layers: readonly ConfigLayer[], configFiles: readonly string[]): ResolvedConfig {
  for (const layer of layers) validateLayer(layer);
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer.values)) {
      if (key === "site") Object.assign(merged, value as Record<string, unknown>);
      else if (value !== undefined) merged[key] = value;
    }
  }
  const config = typedKeys.parse(merged);
  const permalink = config.permalink ?? "date";
  const timezone = checkTimezone(
    config.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    originOf(layers, "timezone"),
  );
  const destination = path.resolve(source, config.destination ?? "_site");
  if (destination === source) {
    const { message, hint } = messages.destinationInsideSource();
    throw new KijiError(message, { hint });
  }
  const exclude = [...new Set([...(config.exclude ?? []), ...JEKYLL_EXCLUDES, ...KIJI_EXCLUDES])];
  const relativeDestination = path.relative(source, destination);
  if (!relativeDestination.startsWith("..") && !path.isAbsolute(relativeDestination)) {
    exclude.push(`${relativeDestination.split(path.sep).join("/")}/`);
  }
  const baseurl = (config.baseurl ?? "").replace(/\/+$/, "");
  const siteVariables: Record<string, unknown> = {
    ...merged,
    baseurl,
    url: config.url ?? "",
    permalink,
    timezone,
    exclude,
    lang: config.lang ?? "en",
  };
  delete siteVariables.site;
  const resolved = {
    source,
    destination,
    permalink,
    permalinkTemplate: PERMALINK_STYLES[permalink] ?? permalink,
    timezone,
    baseurl,
    url: (config.url ?? "").replace(/\/+$/, ""),
    exclude,
    include: config.include ?? [".htaccess"],
    keepFiles: config.keep_files ?? [".git", ".svn"],
    future: config.future ?? false,
    showDrafts: config.show_drafts ?? false,
    unpublished: config.unpublished ?? false,
    excerptSeparator: config.excerpt_separator ?? "\n\n",
    defaults: config.defaults ?? [],
    lang: config.lang ?? "en",
    check: {
      categories: config.check?.categories,
      excerptMaxLength: config.check?.excerpt_max_length ?? 120,
      nearDuplicateSimilarity: config.check?.near_duplicate_similarity ?? 0.8,
    },
    ...resolveFeatureConfig(config),
    ogp: resolveOgpConfig(config.ogp),
    cta: resolveCtaConfig(config.cta),
    pagination: resolvePagination(config, originOf(layers, "paginate_path")),
    feed: resolveFeed(config),
    sitemap: config.sitemap ?? true,
    archives: resolveArchives(config),
    siteVariables,
    configFiles,
  };
  return { ...resolved, digest: digest(JSON.stringify(resolved)) };
}
