/** Configuration: `UserConfig` (what users write) → validated, complete `ResolvedConfig`. */
export { defineConfig } from "./user-config.js";
export type { UserConfig, FrontMatterDefault, CheckConfig, AffiliateConfig, FeedOptions, ArchivesOptions, RelatedConfig, ReadingTimeConfig } from "./user-config.js";
export type { ResolvedConfig, ResolvedRelatedConfig, ResolvedAffiliateConfig } from "./resolved-config.js";
export type { ArchiveType, ResolvedArchives, ResolvedFeed, ResolvedPagination } from "./output-options.js";
export { PERMALINK_STYLES } from "./resolved-config.js";
export { resolveConfig, validateLayer } from "./resolve-config.js";
export type { ConfigLayer } from "./resolve-config.js";
export { loadConfig } from "./load-config.js";
export type { LoadConfigOptions, ConfigOverrides } from "./load-config.js";
export { OGP_FIELDS, OGP_PATH_PLACEHOLDERS } from "./ogp-config.js";
export type { OgpField, OgpColors, OgpUserConfig, ResolvedOgpConfig } from "./ogp-config.js";
export type { CtaBlock, ResolvedCtaConfig } from "./cta-config.js";
