import { strftime, type JekyllTime, type TimeZone } from "../content/index.js";
import type { DateContext } from "./filters/date-filters.js";

/**
 * What rendering one page read of the values that front matter does not fix: a document's
 * content, excerpt and derived data (related list, reading time, books, CTA, affiliate
 * disclosure), and the build time. Together with a key of everything else a template can see,
 * they decide whether the page would come out as the last build rendered it.
 */
export interface RenderReads {
  /** Notes that `field` of the document at `file` was read (`"now"` and `""`: the build time). */
  read(field: string, file: string): void;
  /** Renders one page, returning what it read as sorted `field\0file` tokens. */
  track<T>(render: () => Promise<T>): Promise<{ readonly value: T; readonly reads: string[] }>;
}

/** The token of one read: what a page's render record lists. */
export const readToken = (field: string, file: string): string => `${field}\0${file}`;

/** A recorder for one build: reads outside track() (list pages, feeds) are not noted. */
export function createRenderReads(): RenderReads {
  let current: Set<string> | undefined;
  // One string per token for the build: 26,000 pages' records held 60,000 copies of their posts' reading_time tokens alone.
  const tokens = new Map<string, Map<string, string>>();
  return {
    read(field, file) {
      if (!current) return;
      let byFile = tokens.get(field);
      if (!byFile) tokens.set(field, (byFile = new Map()));
      let token = byFile.get(file);
      if (token === undefined) byFile.set(file, (token = readToken(field, file)));
      current.add(token);
    },
    async track(render) {
      const reads = new Set<string>();
      current = reads;
      try {
        const value = await render();
        return { value, reads: [...reads].sort() };
      } finally {
        current = undefined;
      }
    },
  };
}

const BUILD_TIME = Symbol("kiji.buildTime");

/** `site.time` for templates: each use of it is noted as a read of the build time, except the date filter's (see trackedDates). */
export function trackedTime(time: JekyllTime, reads: RenderReads): JekyllTime {
  return new Proxy(time, {
    get(target, key) {
      if (key === BUILD_TIME) return true;
      reads.read("now", "");
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const isBuildTime = (value: unknown): boolean =>
  (typeof value === "object" && value !== null && (value as { [BUILD_TIME]?: boolean })[BUILD_TIME] === true) || (typeof value === "string" && /^(now|today)$/i.test(value.trim()));

/**
 * The zone and the build time for the date filters and tags. A read of `now` is noted; the date
 * filter given the build time notes the text it shows (`time`, the format) instead, so a footer's
 * `{{ site.time | date("%Y") }}` does not make every page differ from build to build.
 */
export function trackedDates(zone: TimeZone, now: number, reads: RenderReads | undefined): DateContext {
  return {
    zone,
    get now() {
      reads?.read("now", "");
      return now;
    },
    showBuildTime(value, format) {
      if (!isBuildTime(value)) return undefined;
      reads?.read("time", format);
      return strftime(zone.localTime(now), format);
    },
  };
}
