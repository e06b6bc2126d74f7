/** Nunjucks environments, Jekyll's filters and the `site`/`page` views templates see. */
export { createTemplateEngine } from "./create-template-engine.js";
export type { TemplateEngine, TemplateEngineInput, LayoutSource, BodySource } from "./create-template-engine.js";
export type { TemplateSource } from "./template-error.js";
export { toTemplateError } from "./template-error.js";
export { createFilters } from "./filters.js";
export type { FilterContext } from "./filters.js";
export { createSiteViews, siteForPost } from "./views.js";
export type { SiteViews, DocumentView } from "./views.js";
