/** Runs the stages in order, times each, owns the caches. */
export { build } from "./build.js";
export type { BuildOptions, BuildResult, StageTiming } from "./build.js";
export type { BuildSession, RenderedPage } from "./build-session.js";
export { createBuildCache } from "./build-cache.js";
export type { BuildCache } from "./build-cache.js";
export { loadSite } from "./load-site.js";
export type { LoadSiteOptions, LoadedSite } from "./load-site.js";
export type { MemorySite } from "../write/index.js";
