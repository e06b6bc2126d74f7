import { promises as fs } from "node:fs";
import path from "node:path";
import type { BuildSession, RenderedPage } from "../build/index.js";
import { describeError } from "./overlay-error.js";
import { staticSources } from "./site-diff.js";
import { publishUpdate, type SiteState } from "./site-state.js";

/** What a fast path announced before a build: `early` files, of which `settled` need no second announcement. */
export interface Announced {
  readonly early: readonly string[];
  readonly settled: ReadonlySet<string>;
}

/** No fast path applied. */
export const NOTHING_ANNOUNCED: Announced = { early: [], settled: new Set() };

/** Static files changed in place: announce them at once (their bytes are read on request); the build follows. */
export async function announceStatic(state: SiteState, relative: readonly string[]): Promise<Announced> {
  const outputs = staticSources(state.memory);
  const files: string[] = [];
  for (const file of relative) {
    const absolute = path.join(state.source, file);
    const output = outputs.get(absolute);
    const exists = await fs.stat(absolute).then((stats) => stats.isFile(), () => false);
    if (output === undefined || !exists) return NOTHING_ANNOUNCED;
    files.push(output);
  }
  publishUpdate(state, files);
  return { early: files, settled: new Set(files) };
}

async function renderBodies(state: SiteState, session: BuildSession, relative: readonly string[]): Promise<Announced> {
  let files: RenderedPage[] | undefined;
  try {
    files = await session.renderBodies(relative);
  } catch (error) {
    state.lastError = error;
    state.onMessage?.({ type: "error", error: describeError(error) });
    return NOTHING_ANNOUNCED;
  }
  const changed = (files ?? []).filter((file) => state.memory.get(file.path) !== file.contents);
  for (const file of changed) {
    state.memory.set(file.path, file.contents);
    if (state.isBuilding) state.pinned.set(file.path, file.contents);
  }
  if (changed.length > 0) publishUpdate(state, changed.map((file) => file.path));
  return { early: changed.map((file) => file.path), settled: new Set() };
}

/**
 * Documents whose body alone changed (Hugo's fast render mode): their own pages are rendered with
 * the last build's state, served and announced at once; the build follows and announces the rest
 * (home page, feeds, related lists) and any correction to these pages. In doubt, nothing happens
 * here. A broken file is reported at once (the build reports it again). Also runs while a build
 * is under way, one at a time.
 */
export function announceBodies(state: SiteState, session: BuildSession, relative: readonly string[]): Promise<Announced> {
  const run = state.fastLane.then(() => renderBodies(state, session, relative));
  state.fastLane = run;
  return run;
}
