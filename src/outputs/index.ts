/** Each output kind is a function yielding OutputFiles: documents, list pages, feeds, sitemap, redirects, 404, static files, OGP images. */
export type { OutputFile, RenderRecord } from "./output-file.js";
export { documentPages } from "./document-pages.js";
export type { DocumentPagesInput, PageReuse } from "./document-pages.js";
export { staticFileOutputs, noJekyllOutput } from "./static-files.js";
export { siteOutputs, countOutputs, planOutputs, outputPaths } from "./site-outputs.js";
export type { SiteOutputsInput, OutputSource, OutputPlan } from "./site-outputs.js";
export { paginatedPage } from "./list-pages.js";
export { renderAtomFeed } from "./atom-feed.js";
export { renderSitemap } from "./sitemap.js";
export { redirectHtml } from "./redirect-pages.js";
export { paginate } from "./pagination.js";
export type { PagerPage, PaginatorView } from "./pagination.js";
export { ogpImages } from "./ogp-images.js";
export type { OgpImagesInput, ImageCache, CachedImage } from "./ogp-images.js";
