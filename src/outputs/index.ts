/** Each output kind is a function yielding OutputFiles: document pages, static files, `.nojekyll`, OGP images. */
export type { OutputFile } from "./output-file.js";
export { documentPages } from "./document-pages.js";
export type { DocumentPagesInput } from "./document-pages.js";
export { staticFileOutputs, noJekyllOutput } from "./static-files.js";
export { siteOutputs, countOutputs, outputPaths } from "./site-outputs.js";
export type { SiteOutputsInput, OutputSource } from "./site-outputs.js";
export { ogpImages } from "./ogp-images.js";
export type { OgpImagesInput, ImageCache, CachedImage } from "./ogp-images.js";
