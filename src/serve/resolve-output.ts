import type { MemorySite } from "../build/index.js";

/** Where a request path leads in the in-memory site. */
export type OutputMatch =
  | { readonly kind: "file"; readonly file: string }
  | { readonly kind: "redirect"; readonly location: string }
  | { readonly kind: "missing" };

// WEBrick's directory index names, as Jekyll's servlet extends them (.xhtml).
const INDEX_FILES = ["index.html", "index.htm", "index.xhtml"];

function isFolder(site: MemorySite, folder: string): boolean {
  for (const file of site.keys()) if (file.startsWith(folder)) return true;
  return false;
}

/**
 * Finds the output for a decoded path below the base URL, in the order Jekyll's servlet
 * uses: the file itself; a folder redirects to its `/` form, which serves its index file;
 * then `path.html` and `path.xhtml` (so `/about` finds `about.html`, as on GitHub Pages).
 */
export function resolveOutput(site: MemorySite, urlPath: string): OutputMatch {
  const relative = urlPath.replace(/^\/+/, "");
  if (relative === "" || relative.endsWith("/")) {
    const index = INDEX_FILES.map((name) => `${relative}${name}`).find((file) => site.has(file));
    return index ? { kind: "file", file: index } : { kind: "missing" };
  }
  if (site.has(relative)) return { kind: "file", file: relative };
  if (isFolder(site, `${relative}/`)) return { kind: "redirect", location: `${urlPath}/` };
  const withExtension = [".html", ".xhtml"].map((ext) => `${relative}${ext}`).find((file) => site.has(file));
  return withExtension ? { kind: "file", file: withExtension } : { kind: "missing" };
}
