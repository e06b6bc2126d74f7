import { parse as parseCsv } from "csv-parse/sync";
import { messages, parseYaml, wrapError } from "../shared/index.js";

/** One `_data` file's text and where it lives below `_data/`. */
export interface DataFileSource {
  /** Path below `_data/`, e.g. "authors.yml" or "team/members.csv". */
  readonly path: string;
  /** Path relative to the site source, for errors. */
  readonly relativePath: string;
  readonly text: string;
}

/** Jekyll's `sanitize_filename` for data keys: drops punctuation, spaces become "_". */
function dataKey(name: string): string {
  return name.replace(/[^\w\s-]+|(?<=^|\b\s)\s+(?=$|\s?\b)/gu, "").replace(/\s+/g, "_");
}

function parseDataFile(file: DataFileSource): unknown {
  const extension = file.path.slice(file.path.lastIndexOf(".") + 1).toLowerCase();
  try {
    if (extension === "json") return JSON.parse(file.text);
    if (extension === "csv" || extension === "tsv") {
      return parseCsv(file.text, { columns: true, delimiter: extension === "tsv" ? "\t" : ",", skip_empty_lines: true, relax_column_count: true });
    }
    return parseYaml(file.text, { file: file.relativePath, fileText: file.text });
  } catch (error) {
    throw wrapError(error, { file: file.relativePath }, messages.dataFile(extension).message);
  }
}

/** The extensions Jekyll reads in `_data`. */
export function isDataFile(path: string): boolean {
  return /\.(ya?ml|json|csv|tsv)$/i.test(path);
}

/** Builds `site.data`: one key per file (without extension), folders as nested objects. */
export function buildSiteData(files: readonly DataFileSource[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const file of files) {
    if (!isDataFile(file.path)) continue;
    const segments = file.path.split("/");
    const name = segments.pop()!.replace(/\.[^.]+$/, "");
    let target = data;
    for (const segment of segments) {
      const key = dataKey(segment);
      const existing = target[key];
      if (typeof existing !== "object" || existing === null || Array.isArray(existing)) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[dataKey(name)] = parseDataFile(file);
  }
  return data;
}
