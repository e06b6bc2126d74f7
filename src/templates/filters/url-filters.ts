// URL helpers with the results of Jekyll's URL filters, which run every URL through Ruby's
// Addressable (`Addressable::URI.parse(url).normalize`, `normalize_component`).

const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";

/** The characters one part of a URL keeps as they are (Addressable's classes); everything else is %-encoded. */
interface CharClass {
  readonly char: RegExp;
  /** The whole text is already in the class (no "%" either): nothing to do. */
  readonly all: RegExp;
}

function charClass(chars: string): CharClass {
  return { char: new RegExp(`[${chars}]`), all: new RegExp(`^[${chars}]*$`) };
}

const PATH_CHARS = charClass(`${UNRESERVED}${SUB_DELIMS}:@`);
const QUERY_CHARS = charClass(`${UNRESERVED}!$'()*+,=:@/?`);
const FRAGMENT_CHARS = charClass(`${UNRESERVED}${SUB_DELIMS}:@/?`);
const URI_ESCAPE_CHARS = charClass(`${UNRESERVED}${SUB_DELIMS}:/?#\\[\\]@`);

const decoder = new TextDecoder("utf-8", { fatal: true });

function percent(byte: number): string {
  return `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
}

const HEX = /^[0-9a-fA-F]{2}$/;

/** The UTF-8 bytes of `text` with every valid %XX decoded (except those of `keepEncoded`, e.g. "+"). */
function unencode(text: string, keepEncoded: string): Uint8Array {
  const source = Buffer.from(text, "utf8");
  const bytes = new Uint8Array(source.length);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === 0x25 && i + 2 < source.length && HEX.test(String.fromCharCode(source[i + 1]!, source[i + 2]!))) {
      const byte = parseInt(String.fromCharCode(source[i + 1]!, source[i + 2]!), 16);
      if (!keepEncoded.includes(String.fromCharCode(byte))) {
        bytes[length++] = byte;
        i += 2;
        continue;
      }
    }
    bytes[length++] = source[i]!;
  }
  return bytes.subarray(0, length);
}

/**
 * Addressable's `normalize_component`: decode, (optionally NFKC-normalise), then %-encode every
 * character outside `keep`. Bytes that are not UTF-8 are encoded one by one.
 */
export function normalizeComponent(text: string, keep: CharClass, options: { nfkc?: boolean; keepEncoded?: string } = {}): string {
  if (keep.all.test(text) && !(options.nfkc && /[^\x00-\x7f]/.test(text))) return text;
  const bytes = unencode(text, options.keepEncoded ?? "");
  let decoded: string;
  try {
    decoded = decoder.decode(bytes);
  } catch {
    return Array.from(bytes, (byte) => (byte < 0x80 && keep.char.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : percent(byte))).join("");
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
    out += keep.char.test(char) ? char : encodeURIComponent(char).replace(/[!'()*]/g, (c) => percent(c.charCodeAt(0)));
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

// A plain path with no dot segments, nothing to encode and nothing to decode: already normal.
const SIMPLE_PATH = /^\/(?:[A-Za-z0-9\-_~!$&'()*+,;=:@][A-Za-z0-9\-_~!$&'()*+,;=:@.]*\/)*(?:[A-Za-z0-9\-_~!$&'()*+,;=:@][A-Za-z0-9\-_~!$&'()*+,;=:@.]*)?$/;
const URL_PARTS = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

/**
 * A URL as `Addressable::URI.parse(url).normalize.to_s` writes it: every part %-encoded where
 * needed (Japanese included, existing escapes kept), dot segments removed, scheme and host lower-cased.
 * Unlike Addressable, text is not NFKC-normalised: that would turn a full-width `ＡＩ` in a
 * permalink into `AI` and break the link.
 */
export function normalizeUrl(url: string): string {
  if (SIMPLE_PATH.test(url)) return url;
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
  // Every page links to the same few hundred URLs (navigation, archives, neighbours): each is normalised once.
  const normalized = new Map<string, string>();
  const normalize = (url: string): string => {
    const known = normalized.get(url);
    if (known !== undefined) return known;
    // Bounded: a huge site's own post URLs are each asked for a few times only.
    if (normalized.size >= 50_000) normalized.clear();
    const out = normalizeUrl(url);
    normalized.set(url, out);
    return out;
  };
  const relativeUrl = (input: unknown): string | undefined => {
    const url = urlOf(input);
    if (url === undefined || hasScheme(url)) return url;
    return normalize(withSlash(baseurl) + withSlash(url));
  };
  return {
    relativeUrl,
    absoluteUrl(input) {
      const url = urlOf(input);
      if (url === undefined || hasScheme(url)) return url;
      if (settings.url === "") return relativeUrl(url);
      return normalize(settings.url + relativeUrl(url)!);
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
