import { YamlTimestamp } from "../shared/index.js";

/** Calendar fields of an instant as seen in one UTC offset. */
export interface LocalFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
}

/**
 * An instant plus the UTC offset it is shown in: Ruby's `Time` as Jekyll hands it to templates.
 * `String(time)` prints like Ruby's `Time#to_s` ("2026-02-19 10:56:44 +0900").
 */
export class JekyllTime {
  // Computed once: a permalink alone asks for them a dozen times. Private, so equality ignores it.
  #fields: LocalFields | undefined;

  constructor(
    readonly epochMs: number,
    readonly offsetMinutes: number,
  ) {}

  /** The calendar fields in this time's own offset. */
  get fields(): LocalFields {
    if (this.#fields) return this.#fields;
    const d = new Date(this.epochMs + this.offsetMinutes * 60_000);
    return (this.#fields = {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
    });
  }

  /** The offset as Ruby's `%z` prints it: "+0900". */
  get offsetString(): string {
    const sign = this.offsetMinutes < 0 ? "-" : "+";
    const abs = Math.abs(this.offsetMinutes);
    return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
  }

  toString(): string {
    const f = this.fields;
    return `${f.year}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)} ${this.offsetString}`;
  }

  toJSON(): string {
    return this.toString();
  }

  valueOf(): number {
    return this.epochMs;
  }

  /** Prints as Ruby does in templates (`{{ page.date }}`), compares as a number (`a.date < b.date`). */
  [Symbol.toPrimitive](hint: string): string | number {
    return hint === "number" ? this.epochMs : this.toString();
  }

  /** A JavaScript Date for the same instant. */
  toDate(): Date {
    return new Date(this.epochMs);
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** A time zone: the offset in force at any instant, and local wall time → instant. */
export interface TimeZone {
  readonly name: string;
  offsetAt(epochMs: number): number;
  /** The instant at which the wall clock in this zone shows the given fields. */
  fromLocal(year: number, month: number, day: number, hour?: number, minute?: number, second?: number, ms?: number): number;
  /** `epochMs` shown in this zone (what Ruby's `Time#localtime` gives). */
  localTime(epochMs: number): JekyllTime;
}

/** Creates the zone named `name` (IANA); made once per build and passed along. */
export function createTimeZone(name: string): TimeZone {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: name,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  // formatToParts is slow and templates ask for the same few instants (post dates) again and again.
  const known = new Map<number, number>();
  const offsetAt = (epochMs: number): number => {
    const cached = known.get(epochMs);
    if (cached !== undefined) return cached;
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(epochMs))) parts[part.type] = Number(part.value);
    const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    const offset = Math.round((asUtc - (epochMs - (epochMs % 1000 + 1000) % 1000)) / 60_000);
    if (known.size > 100_000) known.clear();
    known.set(epochMs, offset);
    return offset;
  };
  return {
    name,
    offsetAt,
    fromLocal(year, month, day, hour = 0, minute = 0, second = 0, ms = 0) {
      const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
      let guess = wall - offsetAt(wall) * 60_000;
      guess = wall - offsetAt(guess) * 60_000;
      return guess;
    },
    localTime(epochMs) {
      return new JekyllTime(epochMs, offsetAt(epochMs));
    },
  };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Thrown for text that is no date; the caller adds the file and line. */
export class DateParseError extends Error {}

const DATE_TIME_RE =
  /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[-+]\d{1,2}(?::?\d{2})?)?\s*$/;

/** Minutes east of UTC for "Z", "UTC", "+9", "+0900", "+09:00", "-05:00". */
function parseOffset(text: string): number {
  if (/^(Z|UTC|GMT)$/i.test(text)) return 0;
  const m = /^([-+])(\d{1,2})(?::?(\d{2}))?$/.exec(text)!;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

/**
 * Reads a date the way Jekyll does (`Time.parse(value.to_s).localtime`) and shows it in `zone`.
 * Offsets in the text are honoured; text without one is wall time in `zone` — except an unquoted
 * YAML timestamp without offset, which Ruby's YAML reads as UTC. Impossible dates such as
 * 2026-02-30 are errors (Ruby silently rolls them over).
 */
export function parseJekyllDate(value: unknown, zone: TimeZone): JekyllTime {
  if (value instanceof JekyllTime) return zone.localTime(value.epochMs);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new DateParseError("not a valid date");
    return zone.localTime(value.getTime());
  }
  const text = value instanceof YamlTimestamp ? value.source : typeof value === "string" ? value : undefined;
  if (text === undefined) throw new DateParseError(`expected a date, found ${typeof value}`);
  const m = DATE_TIME_RE.exec(text);
  if (!m) throw new DateParseError("not a date kiji can read");
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  if (month < 1 || month > 12) throw new DateParseError(`there is no month ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) throw new DateParseError(`${year}-${pad(month)} has no day ${day}`);
  if (hour > 23 || minute > 59 || second > 60) throw new DateParseError("the time of day is out of range");
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (m[8] !== undefined) return zone.localTime(wall - parseOffset(m[8]) * 60_000);
  const yamlUtc = value instanceof YamlTimestamp && m[4] !== undefined;
  return zone.localTime(yamlUtc ? wall : zone.fromLocal(year, month, day, hour, minute, second, ms));
}
