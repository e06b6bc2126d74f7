import type { ResolvedConfig } from "../config/index.js";

/** Where a link goes, as far as the site is concerned. */
export type LinkTarget =
  | { readonly kind: "external" | "ignored" }
  | { readonly kind: "internal"; readonly path: string; readonly fragment: string | undefined };

const IGNORED_SCHEME = /^(?:mailto|tel|javascript|data|sms|ftp):/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Path and hash of a local link; root-relative links without dot segments skip the (slow) URL parser. */
function parseLocal(local: string, pageUrl: string): { pathname: string; hash: string } {
  if (local.startsWith("/") && !local.startsWith("//") && !/\/\.\.?(?:[/?#]|$)/.test(local)) {
    const end = local.search(/[?#]/);
    const hashAt = local.indexOf("#");
    return { pathname: end === -1 ? local : local.slice(0, end), hash: hashAt === -1 ? "" : local.slice(hashAt) };
  }
  return new URL(local, `http://site${pageUrl.startsWith("/") ? pageUrl : `/${pageUrl}`}`);
}

/**
 * Classifies `href` as written on the page at `pageUrl`: internal links (root-relative, relative,
 * `#anchor`, or absolute on the site's own `url`) resolve to a decoded URL path without baseurl;
 * links with template tags are ignored (the template pass decides them).
 */
export function resolveLink(href: string, pageUrl: string, config: ResolvedConfig): LinkTarget {
  const trimmed = href.trim();
  if (trimmed === "" || trimmed.includes("{{") || trimmed.includes("{%") || IGNORED_SCHEME.test(trimmed)) return { kind: "ignored" };
  let local = trimmed;
  if (config.url && (trimmed === config.url || trimmed.startsWith(`${config.url}/`))) local = trimmed.slice(config.url.length) || "/";
  else if (SCHEME.test(trimmed) || trimmed.startsWith("//")) return { kind: "external" };
  const url = parseLocal(local, pageUrl);
  let path = decode(url.pathname);
  if (config.baseurl && !local.startsWith("#") && (path === config.baseurl || path.startsWith(`${config.baseurl}/`))) {
    path = path.slice(config.baseurl.length) || "/";
  }
  const fragment = url.hash.length > 1 ? decode(url.hash.slice(1)) : undefined;
  return { kind: "internal", path, fragment };
}

/** The output file a URL path is served from (as a static host serves it: `x/` → `x/index.html`, `x` → `x.html` too), if the build writes one. */
export function findOutput(path: string, outputs: ReadonlySet<string>): string | undefined {
  const bare = path.normalize("NFC").replace(/^\/+/, "");
  const candidates = bare === "" || bare.endsWith("/") ? [`${bare}index.html`] : [bare, `${bare}/index.html`, `${bare}.html`];
  return candidates.find((candidate) => outputs.has(candidate));
}
