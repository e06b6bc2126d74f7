import type { FrontMatterDefault } from "../config/index.js";

/** Document types a default's scope can name; static files match only scopes without a type. */
export type DocumentType = "posts" | "drafts" | "pages" | "static";

function sanitizeScopePath(path: string | undefined): string {
  return (path ?? "").replace(/^\.?\/+/, "").replace(/\/+$/, "");
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]*");
  return new RegExp(`^${body}(?:/|$)`);
}

function appliesPath(scopePath: string, relativePath: string): boolean {
  if (scopePath === "") return true;
  if (scopePath.includes("*")) return globToRegExp(scopePath).test(relativePath);
  return relativePath.startsWith(scopePath);
}

function appliesType(scopeType: string | undefined, type: DocumentType): boolean {
  if (scopeType === undefined) return true;
  // Drafts are posts to Jekyll: a "posts" default applies to them too.
  return scopeType === type || (scopeType === "posts" && type === "drafts");
}

/** True when `next` takes precedence over `previous` (Jekyll's has_precedence?). */
function hasPrecedence(previous: FrontMatterDefault["scope"] | undefined, next: FrontMatterDefault["scope"]): boolean {
  if (previous === undefined) return true;
  const nextPath = sanitizeScopePath(next.path);
  const previousPath = sanitizeScopePath(previous.path);
  if (nextPath.length !== previousPath.length) return nextPath.length >= previousPath.length;
  if (next.type !== undefined) return true;
  return previous.type === undefined;
}

function deepMerge(base: Record<string, unknown>, over: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    const bothObjects =
      typeof current === "object" && current !== null && !Array.isArray(current) &&
      typeof value === "object" && value !== null && !Array.isArray(value);
    out[key] = bothObjects ? deepMerge(current as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return out;
}

/** The defaults that apply to the file at `relativePath` of `type`, merged as Jekyll's FrontmatterDefaults#all. */
export function defaultsFor(
  defaults: readonly FrontMatterDefault[],
  relativePath: string,
  type: DocumentType,
): Record<string, unknown> {
  let merged: Record<string, unknown> = {};
  let previous: FrontMatterDefault["scope"] | undefined;
  for (const set of defaults) {
    if (!appliesPath(sanitizeScopePath(set.scope.path), relativePath) || !appliesType(set.scope.type, type)) continue;
    if (hasPrecedence(previous, set.scope)) {
      merged = deepMerge(merged, set.values);
      previous = set.scope;
    } else {
      merged = deepMerge({ ...set.values }, merged);
    }
  }
  return merged;
}
