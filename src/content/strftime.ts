import type { JekyllTime } from "./time.js";

const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

function dayOfYear(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
}

/** ISO 8601 week-numbering year and week (Ruby's %G and %V). */
function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const isoYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000 + 1) / 7);
  return { year: isoYear, week };
}

/** Week of the year starting on `firstDay` (0 = Sunday for %U, 1 = Monday for %W). */
function weekOfYear(year: number, month: number, day: number, weekday: number, firstDay: number): number {
  const yday = dayOfYear(year, month, day) - 1;
  return Math.floor((yday + 7 - ((weekday - firstDay + 7) % 7)) / 7);
}

type Field = { value: string | number; pad: "0" | " " | ""; width: number };

function field(time: JekyllTime, conversion: string): Field | string | undefined {
  const f = time.fields;
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  switch (conversion) {
    case "Y": return { value: f.year, pad: "", width: 0 };
    case "C": return { value: Math.floor(f.year / 100), pad: "0", width: 2 };
    case "y": return { value: f.year % 100, pad: "0", width: 2 };
    case "m": return { value: f.month, pad: "0", width: 2 };
    case "B": return MONTH_NAMES[f.month - 1]!;
    case "b": case "h": return MONTH_NAMES[f.month - 1]!.slice(0, 3);
    case "d": return { value: f.day, pad: "0", width: 2 };
    case "e": return { value: f.day, pad: " ", width: 2 };
    case "j": return { value: dayOfYear(f.year, f.month, f.day), pad: "0", width: 3 };
    case "H": return { value: f.hour, pad: "0", width: 2 };
    case "k": return { value: f.hour, pad: " ", width: 2 };
    case "I": return { value: hour12, pad: "0", width: 2 };
    case "l": return { value: hour12, pad: " ", width: 2 };
    case "M": return { value: f.minute, pad: "0", width: 2 };
    case "S": return { value: f.second, pad: "0", width: 2 };
    case "L": return { value: f.millisecond, pad: "0", width: 3 };
    case "N": return `${String(f.millisecond).padStart(3, "0")}000000`;
    case "p": return f.hour < 12 ? "AM" : "PM";
    case "P": return f.hour < 12 ? "am" : "pm";
    case "A": return DAY_NAMES[f.weekday]!;
    case "a": return DAY_NAMES[f.weekday]!.slice(0, 3);
    case "u": return String(f.weekday || 7);
    case "w": return String(f.weekday);
    case "U": return { value: weekOfYear(f.year, f.month, f.day, f.weekday, 0), pad: "0", width: 2 };
    case "W": return { value: weekOfYear(f.year, f.month, f.day, f.weekday, 1), pad: "0", width: 2 };
    case "G": return { value: isoWeek(f.year, f.month, f.day).year, pad: "", width: 0 };
    case "g": return { value: isoWeek(f.year, f.month, f.day).year % 100, pad: "0", width: 2 };
    case "V": return { value: isoWeek(f.year, f.month, f.day).week, pad: "0", width: 2 };
    case "z": return time.offsetString;
    case "Z": return time.offsetMinutes === 0 ? "UTC" : time.offsetString;
    case "s": return String(Math.floor(time.epochMs / 1000));
    case "n": return "\n";
    case "t": return "\t";
    case "%": return "%";
    case "F": return strftime(time, "%Y-%m-%d");
    case "D": case "x": return strftime(time, "%m/%d/%y");
    case "T": case "X": return strftime(time, "%H:%M:%S");
    case "R": return strftime(time, "%H:%M");
    case "r": return strftime(time, "%I:%M:%S %p");
    case "c": return strftime(time, "%a %b %e %H:%M:%S %Y");
    default: return undefined;
  }
}

/**
 * Ruby's `Time#strftime` for the conversions Jekyll sites use, with the `-` (no padding),
 * `_` (space padding), `0` (zero padding) and `^` (upper case) flags.
 */
export function strftime(time: JekyllTime, format: string): string {
  // One plain conversion ("%Y", as permalinks ask for a dozen per post): no pattern to run.
  if (format.length === 2 && format[0] === "%") {
    const result = field(time, format[1]!);
    if (typeof result === "string") return result;
    if (result !== undefined) return result.pad ? String(result.value).padStart(result.width, result.pad) : String(result.value);
  }
  return format.replace(/%([-_0^#]*)(\d*)([a-zA-Z%])/g, (whole, flags: string, width: string, conversion: string) => {
    const result = field(time, conversion);
    if (result === undefined) return whole;
    let text: string;
    if (typeof result === "string") text = result;
    else {
      const padChar = flags.includes("-") ? "" : flags.includes("_") ? " " : flags.includes("0") ? "0" : result.pad;
      const size = width ? Number(width) : result.width;
      text = padChar ? String(result.value).padStart(size, padChar) : String(result.value);
    }
    return flags.includes("^") ? text.toUpperCase() : text;
  });
}
