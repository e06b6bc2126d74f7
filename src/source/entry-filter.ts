/**
 * Jekyll 4.3's EntryFilter rules, as functions of paths relative to the source root:
 * excluded entries, explicitly included ones, and the "special" names (leading `.`, `_`, `#`,
 * trailing `~`) that are skipped unless included.
 */

/** Translates an fnmatch pattern (no FNM_PATHNAME: `*` also matches `/`) into a RegExp. */
function fnmatchRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "*") re += ".*";
    else if (ch === "?") re += ".";
    else if (ch === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end === -1) re += "\\[";
      else {
        const body = pattern.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = end;
      }
    } else re += ch.replace(/[.+^${}()|\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "s");
}

/** A compiled list of Jekyll exclude/include patterns. */
export interface PatternList {
  /** True when `relPath` (posix, relative to the source) matches a pattern as Jekyll's glob_include? does. */
  matches(relPath: string, isDirectory: boolean): boolean;
}

/** Compiles patterns with Jekyll's semantics: fnmatch, or plain prefix, or "dir/" naming a directory. */
export function compilePatterns(patterns: readonly string[]): PatternList {
  const compiled = patterns.map((pattern) => {
    const normal = pattern.replace(/^\.?\//, "");
    return { normal, re: fnmatchRegExp(normal) };
  });
  return {
    matches(relPath, isDirectory) {
      return compiled.some(
        ({ normal, re }) =>
          re.test(relPath) || relPath.startsWith(normal) || (isDirectory && normal === `${relPath}/`),
      );
    },
  };
}

/** The filter one scan applies, built from the config's exclude and include lists. */
export interface EntryFilter {
  /** True when the entry at `relPath` is to be skipped. */
  rejects(relPath: string, isDirectory: boolean): boolean;
  /** True when `relPath` is excluded by the config (special names aside). */
  excludes(relPath: string, isDirectory: boolean): boolean;
}

/** Builds Jekyll's entry filter: `exclude − include`, then special names unless included. */
export function createEntryFilter(exclude: readonly string[], include: readonly string[]): EntryFilter {
  const excluded = compilePatterns(exclude.filter((p) => !include.includes(p)));
  const included = compilePatterns(include);
  const isIncluded = (relPath: string, base: string, isDirectory: boolean): boolean =>
    included.matches(relPath, isDirectory) || included.matches(base, isDirectory);
  return {
    excludes(relPath, isDirectory) {
      const base = relPath.slice(relPath.lastIndexOf("/") + 1);
      return excluded.matches(relPath, isDirectory) && !isIncluded(relPath, base, isDirectory);
    },
    rejects(relPath, isDirectory) {
      const base = relPath.slice(relPath.lastIndexOf("/") + 1);
      if (base.endsWith(".")) return true;
      if (this.excludes(relPath, isDirectory)) return true;
      if (isIncluded(relPath, base, isDirectory)) return false;
      return /^[._#]/.test(base) || base.endsWith("~");
    },
  };
}
