/** A link or image reference found in a source line. */
export interface FoundLink {
  readonly href: string;
  readonly line: number;
  /** 1-based column of the link's start. */
  readonly column: number;
  readonly isImage: boolean;
  /** The link's `rel` (HTML attribute or kramdown span IAL), if any. */
  readonly rel?: string;
  /** How it was written. */
  readonly syntax: "markdown" | "reference" | "html" | "autolink";
}

// [text](url "title") and ![alt](url), with one level of nested brackets in the text.
const INLINE = /(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)(\{:[^}\n]*\})?/g;
const REFERENCE = /^ {0,3}\[([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S+)/;
const HTML_TAG = /<(a|img)\s[^>]*>/gi;
const AUTOLINK = /<((?:https?|mailto):[^>\s]+)>/g;
const CODE_SPAN = /(`+)[^`]*?\1/g;

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function unbracket(href: string): string {
  return href.startsWith("<") && href.endsWith(">") ? href.slice(1, -1) : href;
}

/** The links of one source line (Markdown inline links and images, reference definitions, HTML `a`/`img`, autolinks); code spans are skipped. */
export function findLinks(text: string, line: number): FoundLink[] {
  if (!text.includes("](") && !text.includes("<") && !text.includes("]:")) return [];
  const source = text.includes("`") ? text.replace(CODE_SPAN, (span) => " ".repeat(span.length)) : text;
  const links: FoundLink[] = [];
  for (const match of source.matchAll(INLINE)) {
    const rel = match[4] ? attribute(` ${match[4].slice(2, -1)}`, "rel") : undefined;
    links.push({ href: unbracket(match[3]!), line, column: match.index + 1, isImage: match[1] === "!", rel, syntax: "markdown" });
  }
  const reference = REFERENCE.exec(source);
  if (reference) links.push({ href: unbracket(reference[2]!), line, column: 1, isImage: false, syntax: "reference" });
  for (const match of source.matchAll(HTML_TAG)) {
    const isImage = match[1]!.toLowerCase() === "img";
    const href = attribute(match[0], isImage ? "src" : "href");
    if (href !== undefined) links.push({ href, line, column: match.index + 1, isImage, rel: attribute(match[0], "rel"), syntax: "html" });
  }
  for (const match of source.matchAll(AUTOLINK)) {
    links.push({ href: match[1]!, line, column: match.index + 1, isImage: false, syntax: "autolink" });
  }
  return links;
}
