import { JekyllTime, parseJekyllDate, strftime, type TimeZone } from "../../content/index.js";
import { KijiError, YamlTimestamp } from "../../shared/index.js";

/** What the date filters need: the site's zone and the build time (for "now"). */
export interface DateContext {
  readonly zone: TimeZone;
  readonly now: number;
  /**
   * When `value` is the build time (`site.time`, "now", "today"): its text in `format`, noted as
   * shown (see RenderReads: a page showing only the year stays the same all year). Else undefined.
   */
  readonly showBuildTime?: (value: unknown, format: string) => string | undefined;
}

const EXPLICIT_OFFSET = /(?:Z|UTC|GMT|[-+]\d{1,2}(?::?\d{2})?)\s*$/i;

/**
 * Liquid's `Utils.to_date`: a time as is, "now"/"today", epoch seconds, or text Ruby's
 * `Time.parse` reads. Text with an offset keeps that offset (Liquid's `date` prints it as given);
 * undefined when the value is no date.
 */
export function toLiquidTime(value: unknown, context: DateContext): JekyllTime | undefined {
  if (value instanceof JekyllTime) return value;
  if (value instanceof Date || value instanceof YamlTimestamp) return tryParse(value, context.zone);
  if (typeof value === "number" && Number.isInteger(value)) return context.zone.localTime(value * 1000);
  if (typeof value !== "string" || value === "") return undefined;
  const text = value.trim();
  if (/^(now|today)$/i.test(text)) return context.zone.localTime(context.now);
  if (/^\d+$/.test(text)) return context.zone.localTime(Number(text) * 1000);
  const local = tryParse(text, context.zone);
  if (!local) return fallbackParse(text, context.zone);
  const offset = EXPLICIT_OFFSET.exec(text);
  if (!offset) return local;
  const offsetMinutes = parseOffset(offset[0].trim());
  return new JekyllTime(local.epochMs, offsetMinutes);
}

function tryParse(value: unknown, zone: TimeZone): JekyllTime | undefined {
  try {
    return parseJekyllDate(value, zone);
  } catch {
    return undefined;
  }
}

/** Other spellings Ruby's Time.parse reads ("Thu, 19 Feb 2026 10:56:44 +0900"), when they name their offset. */
function fallbackParse(text: string, zone: TimeZone): JekyllTime | undefined {
  if (!EXPLICIT_OFFSET.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : zone.localTime(ms);
}

function parseOffset(text: string): number {
  if (/^(Z|UTC|GMT)$/i.test(text)) return 0;
  const m = /^([-+])(\d{1,2})(?::?(\d{2}))?$/.exec(text)!;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

/** A date value (time, YAML timestamp, text) in the site's zone, or undefined when it is no date. */
export function siteTime(value: unknown, context: DateContext): JekyllTime | undefined {
  const time = toLiquidTime(value, context);
  return time && context.zone.localTime(time.epochMs);
}

/** Jekyll's `time(input)` for its own date filters: the time in the site's zone, or an error naming the value. */
function jekyllTime(value: unknown, context: DateContext): JekyllTime {
  const time = siteTime(value, context);
  if (!time) throw new KijiError(`Invalid Date: '${String(value)}' is not a valid datetime.`);
  return time;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || String(value) === "";
}

function ordinal(day: number): string {
  if (day >= 11 && day <= 13) return "th";
  return ["th", "st", "nd", "rd"][day % 10] ?? "th";
}

function stringifyDate(value: unknown, month: string, type: unknown, style: unknown, context: DateContext): unknown {
  if (isEmpty(value)) return value;
  const time = jekyllTime(value, context);
  if (type !== "ordinal") return strftime(time, `%d ${month} %Y`);
  const day = `${time.fields.day}${ordinal(time.fields.day)}`;
  return style === "US" ? strftime(time, `${month} ${day}, %Y`) : strftime(time, `${day} ${month} %Y`);
}

/** `2026-02-19T10:56:44+09:00` (Ruby's Time#xmlschema). */
export function xmlSchema(time: JekyllTime): string {
  return `${strftime(time, "%Y-%m-%dT%H:%M:%S")}${time.offsetString.replace(/(\d\d)$/, ":$1")}`;
}

/** Liquid's `date` and Jekyll's date filters. */
export function createDateFilters(context: DateContext): Record<string, (...args: never[]) => unknown> {
  return {
    date: (input: unknown, format?: unknown) => {
      if (isEmpty(format)) return input;
      const shown = context.showBuildTime?.(input, String(format));
      if (shown !== undefined) return shown;
      const time = toLiquidTime(input, context);
      return time ? strftime(time, String(format)) : input;
    },
    date_to_xmlschema: (input: unknown) => (isEmpty(input) ? input : xmlSchema(jekyllTime(input, context))),
    date_to_rfc822: (input: unknown) => (isEmpty(input) ? input : strftime(jekyllTime(input, context), "%a, %d %b %Y %H:%M:%S %z")),
    date_to_string: (input: unknown, type?: unknown, style?: unknown) => stringifyDate(input, "%b", type, style, context),
    date_to_long_string: (input: unknown, type?: unknown, style?: unknown) => stringifyDate(input, "%B", type, style, context),
  };
}
