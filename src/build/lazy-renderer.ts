import type { MarkdownOptions, MarkdownRenderer, RenderedMarkdown } from "../markdown/index.js";

/**
 * The build's Markdown renderer, its modules (unified, micromark, highlight.js, KaTeX: about 500
 * of the 770 a build loads) imported only when `load()` is first awaited: a build whose cache
 * holds every document's HTML never renders Markdown in the main thread.
 */
export interface LazyRenderer extends MarkdownRenderer {
  /** Imports the renderer once; `render` works when this has resolved. */
  load(): Promise<void>;
  /**
   * True once `render` was called before `load()` (and threw): the build did not foresee the need
   * and must run again with the renderer loaded. Known here, as errors do not keep their cause
   * through every template wrapper.
   */
  readonly missed: boolean;
}

/** Creates a renderer that loads its modules on the first `load()`. */
export function createLazyRenderer(options: MarkdownOptions): LazyRenderer {
  let renderer: MarkdownRenderer | undefined;
  let loading: Promise<void> | undefined;
  let missed = false;
  return {
    get missed() {
      return missed;
    },
    load: () =>
      (loading ??= import("../markdown/index.js").then(({ createMarkdownRenderer }) => {
        renderer = createMarkdownRenderer(options);
      })),
    render(markdown: string): RenderedMarkdown {
      if (!renderer) {
        missed = true;
        throw new Error("the Markdown renderer was needed before it was loaded");
      }
      return renderer.render(markdown);
    },
  };
}
