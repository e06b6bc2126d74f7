import type { JekyllTime } from "./time.js";

/** How a document's body is turned into HTML. */
export type DocumentFormat = "markdown" | "html" | "other";

/** What posts and pages share: the parts the render stages need. */
export interface DocumentBase {
  /** Path relative to the site source, e.g. `_posts/2026-02-19-x.md`. */
  readonly relativePath: string;
  /** The page's URL, %-encoded, without baseurl: `/2026/02/19/x/`. */
  readonly url: string;
  /** Where it is written, relative to the destination, Unicode as is: `2026/02/19/x/index.html`. */
  readonly outputPath: string;
  /** Everything templates see as `page.*`: defaults, front matter and computed values. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The body below the front matter. */
  readonly body: string;
  /** Line of the source file where `body` starts. */
  readonly bodyLine: number;
  readonly format: DocumentFormat;
  /** Layout name from front matter or defaults, if any. */
  readonly layout: string | undefined;
  /** Whether the body goes through the template engine first (Jekyll's Liquid pass). */
  readonly renderWithLiquid: boolean;
  /** Digest of the source file. */
  readonly digest: string;
}

/** A post (or a draft shown with --drafts). */
export interface Post extends DocumentBase {
  readonly type: "posts" | "drafts";
  readonly id: string;
  readonly date: JekyllTime;
  readonly slug: string;
  readonly title: string;
  readonly categories: readonly string[];
  readonly tags: readonly string[];
  readonly published: boolean;
  /** Markdown of the automatic excerpt; undefined when front matter gives `excerpt` or excerpts are off. */
  readonly excerptSource: string | undefined;
  /** The separator the automatic excerpt is cut at; undefined exactly when `excerptSource` is. */
  readonly excerptSeparator: string | undefined;
}

/** A page: a file with front matter outside the special folders. */
export interface Page extends DocumentBase {
  readonly type: "pages";
  /** File name without extension. */
  readonly basename: string;
  /** Output extension: ".html" for Markdown and HTML. */
  readonly outputExt: string;
}

/** A file copied as is. */
export interface StaticFile {
  readonly relativePath: string;
  readonly absolutePath: string;
  /** URL path, %-encoded. */
  readonly url: string;
  readonly outputPath: string;
  readonly mtimeMs: number;
}
