import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** What a build left in its output folder. */
export interface OutputScan {
  /** How many `.html` files there are (to check that every post was built). */
  readonly htmlFiles: number;
  /** Whether some HTML file contains the marker (to check that an edit reached the site). */
  readonly hasMarker: boolean;
}

/** Counts the HTML files below `dir` and, given a marker, looks for it in them. */
export function scanOutput(dir: string, marker?: string): OutputScan {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html"));
  } catch {
    return { htmlFiles: 0, hasMarker: false };
  }
  const hasMarker = marker !== undefined && names.some((name) => readFileSync(path.join(dir, name), "utf8").includes(marker));
  return { htmlFiles: names.length, hasMarker };
}
