/** What a file in the site source is to the build. */
export type SourceKind = "post" | "draft" | "layout" | "include" | "data" | "page" | "static";

/** One file found in the site source. */
export interface SourceEntry {
  /** Path relative to the source root, with forward slashes: `_posts/2026-02-19-x.md`. */
  readonly relativePath: string;
  readonly absolutePath: string;
  readonly kind: SourceKind;
  /** For posts and drafts: the folder holding `_posts`/`_drafts`, relative to the source ("" at the root). */
  readonly collectionBase?: string;
  /** For posts and drafts: the path below `_posts`/`_drafts`. */
  readonly collectionPath?: string;
  /** Modification time in ms (drafts without a date use it, as Jekyll does). */
  readonly mtimeMs: number;
  /** Size, mtime and ctime as the scan saw them: while all three hold, the contents are the same (the text cache). */
  readonly signature?: string;
  /**
   * Whether the file was last changed more than SETTLE_MS before the scan: only then may its
   * signature stand for its contents in a later build (see scan-source's `add`).
   */
  readonly settled?: boolean;
}

/** Everything the scan found, by kind. */
export interface SourceTree {
  readonly posts: readonly SourceEntry[];
  readonly drafts: readonly SourceEntry[];
  readonly layouts: readonly SourceEntry[];
  readonly includes: readonly SourceEntry[];
  readonly data: readonly SourceEntry[];
  readonly pages: readonly SourceEntry[];
  readonly statics: readonly SourceEntry[];
}

/** A source file read and split into front matter and body. */
export interface SourceDocument {
  readonly entry: SourceEntry;
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** Line of the file where `body` starts. */
  readonly bodyLine: number;
  /** The whole normalized text (for code frames). */
  readonly text: string;
  /** Digest of the raw file contents. */
  readonly digest: string;
}
