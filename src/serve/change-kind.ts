/**
 * What a changed path means for the dev server (zola's `ChangeKind`, src/fs_utils.rs): a few
 * kinds, each with its own fast path, and a full rebuild whenever a path fits none of them.
 * `document` is a post, draft or page the last successful build rendered into its own page;
 * `content` is anything else the build reads (new files, layouts, includes, data).
 */
export type ChangeKind = "ignored" | "config" | "static" | "document" | "content";

/** Where classifyChange looks things up; paths are relative to the source, with `/`. */
export interface ChangeContext {
  /** Config files the last build read (`_config.yml`, `site.config.ts` …). */
  readonly configFiles: readonly string[];
  /** Source paths of the static files the last successful build copied. */
  readonly staticSources: ReadonlySet<string>;
  /** Source paths of the documents the last successful build rendered into pages of their own. */
  readonly documentSources: ReadonlySet<string>;
  /** The output folder and other folders the build never reads, relative to the source. */
  readonly ignoredFolders: readonly string[];
}

// Names kiji looks for when no --config is given (see config/load-config.ts).
const CONFIG_NAMES = new Set(["_config.yml", "_config.yaml", "site.config.ts", "site.config.mjs", "site.config.js"]);

// Files editors write while saving: vim's swap files and its write test (4913), emacs lock and
// auto-save files, backups, JetBrains safe-write files, Finder metadata. Each is either gone a
// moment later or skipped by Jekyll's own rules (leading '.' or '#', trailing '~'), so ignoring
// it never makes the served site differ from a clean build.
const EDITOR_FILES = [
  /^\..*\.sw[a-z]$/,
  /^4913$/,
  /^\.#/,
  /^#.*#$/,
  /~$/,
  /___jb_(?:tmp|old|bak)___$/,
  /^\.DS_Store$/,
  /^\.kiji-(?:tmp|old)-/,
];

/** True for the temporary and swap files editors write while saving. */
export function isEditorTempFile(relativePath: string): boolean {
  const name = relativePath.slice(relativePath.lastIndexOf("/") + 1);
  return EDITOR_FILES.some((pattern) => pattern.test(name));
}

function isBelow(relativePath: string, folder: string): boolean {
  const base = folder.replace(/\/+$/, "");
  return base !== "" && (relativePath === base || relativePath.startsWith(`${base}/`));
}

/** Sorts one changed path (relative to the source, `/`-separated) into its ChangeKind. */
export function classifyChange(relativePath: string, context: ChangeContext): ChangeKind {
  if (context.configFiles.includes(relativePath) || CONFIG_NAMES.has(relativePath)) return "config";
  if (relativePath === "" || relativePath === ".." || relativePath.startsWith("../")) return "ignored";
  if (isEditorTempFile(relativePath)) return "ignored";
  if (context.ignoredFolders.some((folder) => isBelow(relativePath, folder))) return "ignored";
  if (context.staticSources.has(relativePath)) return "static";
  if (context.documentSources.has(relativePath)) return "document";
  return "content";
}
