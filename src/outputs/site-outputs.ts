import type { ResolvedConfig } from "../config/index.js";
import type { SiteContent } from "../content/index.js";
import type { SiteViews, TemplateEngine } from "../templates/index.js";
import { documentPages } from "./document-pages.js";
import type { OutputFile } from "./output-file.js";
import { noJekyllOutput, staticFileOutputs } from "./static-files.js";

/** Everything the output kinds may draw on. */
export interface SiteOutputsInput {
  readonly config: ResolvedConfig;
  readonly content: SiteContent;
  readonly views: SiteViews;
  readonly engine: TemplateEngine;
}

/** A source of output files, consumed one file at a time. */
export type OutputSource = AsyncIterable<OutputFile> | Iterable<OutputFile>;

/** Every output kind of a site, in writing order. Add a new kind (feed, sitemap, archives …) here. */
export function siteOutputs(input: SiteOutputsInput): OutputSource[] {
  return [
    documentPages({ posts: input.content.posts, pages: input.content.pages, views: input.views, engine: input.engine }),
    staticFileOutputs(input.content.staticFiles),
    noJekyllOutput(),
  ];
}

/**
 * The paths (relative to the destination, Unicode as is) of the files `siteOutputs` will write,
 * without rendering anything: what `kiji check` resolves links and images against. An output kind
 * added to `siteOutputs` adds its paths here.
 */
export function outputPaths(content: SiteContent): Set<string> {
  const paths = new Set<string>([".nojekyll"]);
  for (const doc of [...content.posts, ...content.pages, ...content.staticFiles]) paths.add(doc.outputPath);
  return paths;
}

/** How many files `siteOutputs` will yield at least (for progress bars). */
export function countOutputs(input: SiteOutputsInput): number {
  return input.content.posts.length + input.content.pages.length + input.content.staticFiles.length + 1;
}
