import type { ResolvedConfig } from "../config/index.js";
import type { MarkdownRenderer } from "../markdown/index.js";
import { createArrayFilters } from "./filters/array-filters.js";
import { createDateFilters, type DateContext } from "./filters/date-filters.js";
import { createTextFilters } from "./filters/text-filters.js";
import { createUrlHelpers } from "./filters/url-filters.js";

/** What the filters need from the build. */
export interface FilterContext extends DateContext {
  readonly config: Pick<ResolvedConfig, "url" | "baseurl">;
  /** The build's Markdown renderer, for `markdownify` (created once per build, never per call). */
  readonly markdown?: MarkdownRenderer;
}

/** A template filter; Nunjucks calls it with the template context as `this`. */
export type TemplateFilter = (...args: never[]) => unknown;

/**
 * Jekyll's filters under their Jekyll names, with Jekyll's results (Nunjucks call syntax:
 * `x | date("%Y")`). `sort`, `first`, `last` and `truncate` replace Nunjucks' own filters of
 * those names, so layouts moved from Liquid keep their meaning.
 */
export function createFilters(context: FilterContext): Record<string, TemplateFilter> {
  const urls = createUrlHelpers(context.config);
  return {
    ...createDateFilters(context),
    ...createTextFilters(context),
    ...createArrayFilters(),
    relative_url: (input: unknown) => urls.relativeUrl(input),
    absolute_url: (input: unknown) => urls.absoluteUrl(input),
  };
}
