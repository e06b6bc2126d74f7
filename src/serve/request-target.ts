/** A request target the server accepts: a decoded path made of plain segments. */
export interface RequestPath {
  readonly ok: true;
  /** Decoded path, starting with `/` (`/2026/02/19/記事/`). */
  readonly path: string;
  /** The query string with its `?`, or "". */
  readonly query: string;
}

/** A request target the server refuses, and the status it answers with. */
export interface RejectedPath {
  readonly ok: false;
  readonly status: 400 | 414;
  readonly reason: string;
}

/** Longest request target accepted (as a browser sends it, percent-encoded). */
export const MAX_TARGET_LENGTH = 2048;

const reject = (reason: string, status: 400 | 414 = 400): RejectedPath => ({ ok: false, status, reason });

// Raw bytes never valid in a path here: backslashes (a separator on Windows) and control characters.
const RAW_FORBIDDEN = /[\\\x00-\x1f\x7f]/;
// Percent-escapes that would smuggle a separator or NUL past the segment split.
const ENCODED_FORBIDDEN = /%(?:2f|5c|00)/i;

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Parses the raw request target (`req.url`, exactly as sent) and rejects, never clamps,
 * anything that could name a file outside the site: `..` and `.` segments raw or encoded
 * (`%2e%2e`), encoded separators (`%2f`, `%5c`), backslashes, NUL and control bytes, empty
 * segments, invalid UTF-8 and overlong targets.
 */
export function parseRequestTarget(raw: string | undefined): RequestPath | RejectedPath {
  if (raw === undefined || raw === "") return reject("empty request target");
  if (raw.length > MAX_TARGET_LENGTH) return reject("request target too long", 414);
  if (!raw.startsWith("/")) return reject("request target must be a path starting with /");
  const end = raw.search(/[?#]/);
  const rawPath = end === -1 ? raw : raw.slice(0, end);
  const query = end === -1 || raw[end] === "#" ? "" : raw.slice(end).replace(/#.*$/s, "");
  if (RAW_FORBIDDEN.test(rawPath)) return reject("backslash or control character in path");
  if (ENCODED_FORBIDDEN.test(rawPath)) return reject("encoded separator or NUL in path");
  const segments = rawPath.slice(1).split("/");
  const decoded: string[] = [];
  for (const [index, segment] of segments.entries()) {
    const value = decodeSegment(segment);
    if (value === undefined) return reject("malformed percent-encoding");
    if (value === "." || value === "..") return reject("dot segment in path");
    if (value === "" && index < segments.length - 1) return reject("empty segment in path");
    if (RAW_FORBIDDEN.test(value) || value.includes("/")) return reject("forbidden character in path");
    decoded.push(value);
  }
  return { ok: true, path: `/${decoded.join("/")}`, query };
}
