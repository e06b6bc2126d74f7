/** The typed content model: posts, pages, static files, data, dates and permalinks (Jekyll 4.3's rules). */
export { buildSiteContent } from "./site-content.js";
export type { SiteContent, SiteContentInput } from "./site-content.js";
export type { Post, Page, StaticFile, DocumentBase, DocumentFormat } from "./documents.js";
export { createPost, isPostFileName, lineOfKey } from "./create-post.js";
export { createPage, createStaticFile } from "./create-page.js";
export { buildSiteData, isDataFile } from "./data-files.js";
export type { DataFileSource } from "./data-files.js";
export { defaultsFor } from "./front-matter-defaults.js";
export { JekyllTime, createTimeZone, parseJekyllDate, DateParseError } from "./time.js";
export type { TimeZone, LocalFields } from "./time.js";
export { strftime } from "./strftime.js";
export { slugify, titleizeSlug } from "./slugify.js";
export { escapePath, unescapePath, sanitizeUrl, outputPathFor, postPlaceholders } from "./permalink.js";
export { extractExcerpt, formatOf, frontMatterLine } from "./document-helpers.js";
export { collectArchives, groupPosts } from "./archives.js";
export type { Archive, ArchivesInput } from "./archives.js";
export { collectRedirects, redirectTarget } from "./redirects.js";
export type { Redirect } from "./redirects.js";
