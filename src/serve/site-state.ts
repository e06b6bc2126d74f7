import path from "node:path";
import type { BuildCache, BuildSession, MemorySite } from "../build/index.js";
import type { ResolvedConfig } from "../config/index.js";
import { toPosix } from "../shared/index.js";
import type { OverlayError } from "./overlay-error.js";
import { outputUrls } from "./site-diff.js";

/** What the dev server tells open browsers. */
export type LiveMessage =
  | {
      readonly type: "update";
      /** The site's version after this update. */
      readonly version: string;
      /** URL paths (decoded) of changed HTML pages, and of other changed files. */
      readonly pages: readonly string[];
      readonly assets: readonly string[];
    }
  | { readonly type: "error"; readonly error: OverlayError };

/** What a dev site remembers between rebuilds. */
export interface SiteState {
  /** Receives every message for browsers. */
  readonly onMessage?: (message: LiveMessage) => void;
  /** Absolute source folder. */
  readonly source: string;
  readonly memory: MemorySite;
  /** Random per process, so a browser notices a restarted server. */
  readonly instance: string;
  cache: BuildCache;
  /** What the last successful build left for re-rendering edited documents (kept while the next build runs). */
  session: BuildSession | undefined;
  /** True while build() runs. */
  isBuilding: boolean;
  /** Pages the fast path rendered while a build ran: that build read the files before, so its versions are put back. */
  readonly pinned: Map<string, string>;
  /** The fast path in progress, so two never interleave. */
  fastLane: Promise<unknown>;
  generation: number;
  config: ResolvedConfig | undefined;
  lastError: unknown;
  hasBuilt: boolean;
}

/** Names the published version of the site. */
export const versionOf = (state: SiteState): string => `${state.instance}.${state.generation}`;

/** A changed path relative to the source, with `/`. */
export function toRelative(state: SiteState, file: string): string {
  return toPosix(path.isAbsolute(file) ? path.relative(state.source, file) : path.normalize(file));
}

/** Announces a new version of the site: its changed pages, and its other changed files. */
export function publishUpdate(state: SiteState, files: readonly string[]): void {
  state.generation++;
  const baseurl = state.config?.baseurl ?? "";
  const isPage = (file: string): boolean => /\.x?html?$/i.test(file);
  state.onMessage?.({
    type: "update",
    version: versionOf(state),
    pages: files.filter(isPage).flatMap((file) => outputUrls(file, baseurl)),
    assets: files.filter((file) => !isPage(file)).map((file) => `${baseurl}/${file}`),
  });
}
