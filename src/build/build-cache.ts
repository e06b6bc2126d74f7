import type { RenderedMarkdown } from "../markdown/index.js";

/**
 * Caches one build hands to the next (the dev server keeps one; `kiji build` starts empty).
 * A value passed into build(), never module state, so two builds in one process cannot interfere.
 */
export interface BuildCache {
  /** Rendered Markdown by digest of (renderer settings, Markdown source). */
  readonly markdown: Map<string, RenderedMarkdown>;
}

/** An empty cache. */
export function createBuildCache(): BuildCache {
  return { markdown: new Map() };
}
