import type { ResolvedConfig } from "../config/index.js";
import type { SiteContent } from "../content/index.js";
import type { OgImagePlan } from "../features/index.js";
import type { Logger } from "../shared/index.js";
import type { SiteViews, TemplateEngine } from "../templates/index.js";
import { documentPages } from "./document-pages.js";
import { ogpImages, type ImageCache } from "./ogp-images.js";
import type { OutputFile } from "./output-file.js";
import { noJekyllOutput, staticFileOutputs } from "./static-files.js";

/** Everything the output kinds may draw on. */
export interface SiteOutputsInput {
  readonly config: ResolvedConfig;
  readonly content: SiteContent;
  readonly views: SiteViews;
  readonly engine: TemplateEngine;
  /** Each post's OGP image (features' planOgImages). */
  readonly ogImages: OgImagePlan;
  /** Where drawn OGP cards are kept between builds. */
  readonly imageCache: ImageCache;
  readonly logger: Logger;
}

/** A source of output files, consumed one file at a time. */
export type OutputSource = AsyncIterable<OutputFile> | Iterable<OutputFile>;

/** Every output kind of a site, in writing order. Add a new kind (feed, sitemap, archives …) here. */
export function siteOutputs(input: SiteOutputsInput): OutputSource[] {
  return [
    documentPages({ posts: input.content.posts, pages: input.content.pages, views: input.views, engine: input.engine }),
    staticFileOutputs(input.content.staticFiles),
    noJekyllOutput(),
    ogpImages({ posts: input.content.posts, plan: input.ogImages, config: input.config, cache: input.imageCache, logger: input.logger }),
  ];
}

/**
 * The paths (relative to the destination, Unicode as is) of the files `siteOutputs` will write,
 * without rendering anything: what `kiji check` resolves links and images against. An output kind
 * added to `siteOutputs` adds its paths here.
 */
export function outputPaths(content: SiteContent, config: ResolvedConfig, ogImages: OgImagePlan): Set<string> {
  const paths = new Set<string>([".nojekyll"]);
  for (const doc of [...content.posts, ...content.pages, ...content.staticFiles]) paths.add(doc.outputPath);
  if (config.ogp.enabled) {
    for (const image of ogImages.values()) if (image.outputPath !== undefined) paths.add(image.outputPath);
  }
  return paths;
}

/** How many files `siteOutputs` will yield at least (for progress bars). */
export function countOutputs(input: SiteOutputsInput): number {
  const cards = input.config.ogp.enabled ? [...input.ogImages.values()].filter((image) => image.outputPath !== undefined).length : 0;
  return input.content.posts.length + input.content.pages.length + input.content.staticFiles.length + 1 + cards;
}
