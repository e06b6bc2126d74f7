import type { StaticFile } from "../content/index.js";
import type { OutputFile } from "./output-file.js";

/** Static files, copied as they are. */
export function* staticFileOutputs(files: readonly StaticFile[]): Generator<OutputFile> {
  for (const file of files) yield { path: file.outputPath, copyFrom: file.absolutePath };
}

/** `.nojekyll`: tells GitHub Pages to publish the folder as it is instead of running Jekyll on it. */
export function* noJekyllOutput(): Generator<OutputFile> {
  yield { path: ".nojekyll", contents: "" };
}
