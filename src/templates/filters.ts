import { JekyllTime, escapePath, parseJekyllDate, slugify, strftime, type TimeZone } from "../content/index.js";
import type { ResolvedConfig } from "../config/index.js";

/** What the filters need from the build. */
export interface FilterContext {
  readonly config: ResolvedConfig;
  readonly zone: TimeZone;
  /** Build time, for `"now"`. */
  readonly now: number;
}

function toTime(value: unknown, context: FilterContext): JekyllTime | undefined {
  if (value instanceof JekyllTime) return value;
  if (value === "now" || value === "today") return context.zone.localTime(context.now);
  if (value === undefined || value === null || value === "") return undefined;
  try {
    return parseJekyllDate(value instanceof Date ? value : String(value), context.zone);
  } catch {
    return undefined;
  }
}

const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function jsonReplacer(_key: string, value: unknown): unknown {
  return value instanceof JekyllTime ? value.toString() : value;
}

function ensureLeadingSlash(path: string): string {
  return path.startsWith("/") ? path : `/${path}`;
}

/** Jekyll's filters under their Jekyll names (Nunjucks call syntax: `x | date("%Y")`). */
export function createFilters(context: FilterContext): Record<string, (...args: never[]) => unknown> {
  const { config } = context;
  const relativeUrl = (input: unknown): string => {
    const path = String(input ?? "");
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
    return escapePath(`${config.baseurl}${ensureLeadingSlash(path)}`.replace(/\/{2,}/g, "/"));
  };
  return {
    date: (input: unknown, format = "%Y-%m-%d") => {
      const time = toTime(input, context);
      return time ? strftime(time, format) : input;
    },
    date_to_xmlschema: (input: unknown) => {
      const time = toTime(input, context);
      return time ? strftime(time, "%Y-%m-%dT%H:%M:%S") + time.offsetString.replace(/(\d\d)$/, ":$1") : input;
    },
    date_to_string: (input: unknown) => {
      const time = toTime(input, context);
      return time ? strftime(time, "%d %b %Y") : input;
    },
    date_to_long_string: (input: unknown) => {
      const time = toTime(input, context);
      return time ? strftime(time, "%d %B %Y") : input;
    },
    relative_url: relativeUrl,
    absolute_url: (input: unknown) => {
      const relative = relativeUrl(input);
      return /^[a-z][a-z0-9+.-]*:/i.test(relative) ? relative : `${config.url}${relative}`;
    },
    xml_escape: (input: unknown) => String(input ?? "").replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]!),
    jsonify: (input: unknown) => JSON.stringify(input ?? null, jsonReplacer),
    slugify: (input: unknown, mode = "default") => slugify(String(input ?? ""), mode),
    strip_html: (input: unknown) => String(input ?? "").replace(/<script.*?<\/script>|<!--.*?-->|<style.*?<\/style>|<.*?>/gs, ""),
    where: (input: unknown, property: string, value: unknown) =>
      Array.isArray(input) ? input.filter((item) => String((item as Record<string, unknown>)?.[property]) === String(value)) : input,
  };
}
