// URL helpers with the results of Jekyll's URL filters, which run every URL through Ruby's
// Addressable (`Addressable::URI.parse(url).normalize`, `normalize_component`).

const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
// Characters each part of a URL keeps as they are; everything else is %-encoded (Addressable's classes).
const PATH_CHARS = new RegExp(`[${UNRESERVED}${SUB_DELIMS}:@]`);
const QUERY_CHARS = new RegExp(`[${UNRESERVED}!$'()*+,=:@/?]`);
const FRAGMENT_CHARS = new RegExp(`[${UNRESERVED}${SUB_DELIMS}:@/?]`);
const URI_ESCAPE_CHARS = new RegExp(`[${UNRESERVED}${SUB_DELIMS}:/?#\\[\\]@]`);

const decoder = new TextDecoder("utf-8", { fatal: true });

function percent(byte: number): string {
  return `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
}

/** The bytes of `text` with every valid %XX decoded (except those of `keepEncoded`, e.g. "+"). */
function unencode(text: string, keepEncoded: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; ) {
    const hex = text[i] === "%" ? /^[0-9a-fA-F]{2}/.exec(text.slice(i + 1, i + 3)) : null;
    const byte = hex ? parseInt(hex[0], 16) : -1;
    if (hex && !keepEncoded.includes(String.fromCharCode(byte))) {
      bytes.push(byte);
      i += 3;
      continue;
    }
    const codePoint = text.codePointAt(i)!;
    const char = String.fromCodePoint(codePoint);
    bytes.push(...Buffer.from(char, "utf8"));
    i += char.length;
  }
  return Uint8Array.from(bytes);
}

/**
 * Addressable's `normalize_component`: decode, (optionally NFKC-normalise), then %-encode every
 * character outside `keep`. Bytes that are not UTF-8 are encoded one by one.
 */
export function normalizeComponent(text: string, keep: RegExp, options: { nfkc?: boolean; keepEncoded?: string } = {}): string {
  const bytes = unencode(text, options.keepEncoded ?? "");
  let decoded: string;
  try {
    decoded = decoder.decode(bytes);
  } catch {
    return Array.from(bytes, (byte) => (byte < 0x80 && keep.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : percent(byte))).join("");
  }
  if (options.nfkc) decoded = decoded.normalize("NFKC");
  const kept = (options.keepEncoded ?? "").split("").map((char) => percent(char.charCodeAt(0)));
  let out = "";
  for (let i = 0; i < decoded.length; ) {
    const char = String.fromCodePoint(decoded.codePointAt(i)!);
    const escape = decoded.slice(i, i + 3).toUpperCase();
    if (char === "%" && kept.includes(escape)) {
      out += escape;
      i += 3;
      continue;
    }
    if (keep.test(char)) out += char;
    else for (const byte of Buffer.from(char, "utf8")) out += percent(byte);
    i += char.length;
  }
  return out;
}

/** RFC 3986 remove_dot_segments, as Addressable's normalize_path. */
function removeDotSegments(path: string): string {
  const output: string[] = [];
  const segments = path.split("/");
  segments.forEach((segment, i) => {
    const isLast = i === segments.length - 1;
    if (segment === "..") {
      if (output.length > 1) output.pop();
      if (isLast) output.push("");
    } else if (segment === ".") {
      if (isLast) output.push("");
    } else output.push(segment);
  });
  return output.join("/");
}

const URL_PARTS = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

/**
 * A URL as `Addressable::URI.parse(url).normalize.to_s` writes it: every part %-encoded where
 * needed (Japanese included, existing escapes kept), dot segments removed, scheme and host lower-cased.
 * Unlike Addressable, text is not NFKC-normalised: that would turn a full-width `ＡＩ` in a
 * permalink into `AI` and break the link.
 */
export function normalizeUrl(url: string): string {
  const m = URL_PARTS.exec(url.trim())!;
  const [, scheme, authority, path = "", query, fragment] = m;
  let out = scheme ? `${scheme.toLowerCase()}:` : "";
  if (authority !== undefined) out += `//${authority.toLowerCase()}`;
  const segments = path.split("/").map((segment) => normalizeComponent(segment, PATH_CHARS));
  let normalizedPath = removeDotSegments(segments.join("/"));
  if (normalizedPath === "" && authority !== undefined && /^(https?|s?ftp)$/i.test(scheme ?? "")) normalizedPath = "/";
  out += normalizedPath;
  if (query !== undefined) out += `?${query.split("&").map((pair) => normalizeComponent(pair, QUERY_CHARS, { keepEncoded: "+" })).join("&")}`;
  if (fragment !== undefined) out += `#${normalizeComponent(fragment, FRAGMENT_CHARS)}`;
  return out;
}

/** True for URLs with a scheme (`https:`, `mailto:`), which the URL filters leave alone. */
export function hasScheme(url: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url);
}

/** What the URL filters need from the configuration. */
export interface UrlSettings {
  readonly url: string;
  readonly baseurl: string;
}

/** `relative_url` and `absolute_url`, bound to a site's url and baseurl. */
export interface UrlHelpers {
  relativeUrl(input: unknown): string | undefined;
  absoluteUrl(input: unknown): string | undefined;
}

function urlOf(input: unknown): string | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input === "object" && "url" in input) return String((input as { url: unknown }).url ?? "");
  return String(input);
}

/** Jekyll's URL filters for one site: baseurl prefixed, normalised, absolute URLs left alone. */
export function createUrlHelpers(settings: UrlSettings): UrlHelpers {
  const baseurl = settings.baseurl.replace(/\/$/, "");
  const withSlash = (part: string): string => (part === "" || part.startsWith("/") ? part : `/${part}`);
  const relativeUrl = (input: unknown): string | undefined => {
    const url = urlOf(input);
    if (url === undefined || hasScheme(url)) return url;
    return normalizeUrl(withSlash(baseurl) + withSlash(url));
  };
  return {
    relativeUrl,
    absoluteUrl(input) {
      const url = urlOf(input);
      if (url === undefined || hasScheme(url)) return url;
      if (settings.url === "") return relativeUrl(url);
      return normalizeUrl(settings.url + relativeUrl(url)!);
    },
  };
}

/** Jekyll's `uri_escape` (Addressable's `normalize_component`): reserved characters stay, text is NFKC-normalised. */
export function uriEscape(input: unknown): string {
  return normalizeComponent(String(input ?? ""), URI_ESCAPE_CHARS, { nfkc: true });
}

/** Ruby's `CGI.escape`: everything but letters, digits and `_.-~` %-encoded, spaces as "+". */
export function cgiEscape(input: unknown): string {
  let out = "";
  for (const char of String(input ?? "")) {
    if (/[A-Za-z0-9_.\-~]/.test(char)) out += char;
    else if (char === " ") out += "+";
    else for (const byte of Buffer.from(char, "utf8")) out += percent(byte);
  }
  return out;
}
