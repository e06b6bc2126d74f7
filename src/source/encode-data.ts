import { YamlTimestamp } from "../shared/index.js";

const TIMESTAMP_KEY = "\u0000yamlTimestamp";

/**
 * Front-matter data as plain, structured-clone-safe values (for worker threads and the
 * persistent cache): YAML timestamps become marker objects that `decodeData` turns back.
 */
export function encodeData(value: unknown): unknown {
  if (value instanceof YamlTimestamp) return { [TIMESTAMP_KEY]: value.source };
  if (Array.isArray(value)) return value.map(encodeData);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    // fromEntries defines own properties, so a "__proto__" key stays a plain key.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encodeData(item)]));
  }
  return value;
}

/** The inverse of `encodeData`. */
export function decodeData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeData);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    if (typeof record[TIMESTAMP_KEY] === "string") return new YamlTimestamp(record[TIMESTAMP_KEY]);
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, decodeData(item)]));
  }
  return value;
}
