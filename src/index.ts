/** kiji's public API: build a Jekyll-compatible site from code, and type a site.config.ts. */
export { build, createBuildCache } from "./build/index.js";
export type { BuildOptions, BuildResult, BuildCache, StageTiming } from "./build/index.js";
export { defineConfig } from "./config/index.js";
export type { UserConfig, ResolvedConfig, FrontMatterDefault } from "./config/index.js";
export { KijiError, formatError } from "./shared/index.js";
