// kramdown's HTML_SPAN_ELEMENTS (parser/html.rb): at the start of a line these begin a paragraph.
const SPAN_ELEMENTS = new Set(
  "a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var".split(" "),
);
// HTML_ELEMENTS_WITHOUT_BODY: these never have a closing tag.
const VOID_ELEMENTS = new Set("area base br col command embed hr img input keygen link meta param source track wbr".split(" "));
// HTML_CONTENT_MODEL_BLOCK and _SPAN: what markdown="1" means for these (their content is parsed
// as blocks, or as text).
const BLOCK_CONTENT = new Set(
  "address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td".split(" "),
);
const SPAN_CONTENT = new Set("caption dt h1 h2 h3 h4 h5 h6 legend optgroup p th".split(" "));

// kramdown's HTML_TAG_RE and HTML_TAG_CLOSE_RE, anchored at the start of the line.
const OPENING_TAG = /^<([\w:][\w.:-]*)((?:\s+[^\s>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/)?>/;
const CLOSING_TAG = /^<\/([\w:][\w.:-]*)\s*>/;
const MARKDOWN_ATTRIBUTE = /\smarkdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/;

/**
 * How an HTML block that starts on a line continues: it is that line, or raw up to the end tag
 * (`depth` open elements of its name after the first line), or text up to the end tag
 * (markdown="span"; `tagLength` is the length of the start tag, indentation included).
 */
export type Start =
  | { readonly kind: "line" }
  | { readonly kind: "raw"; readonly name: string; readonly depth: number }
  | { readonly kind: "span"; readonly name: string; readonly tagLength: number };

/**
 * The nesting depth of `name` elements after `text`, starting at `depth`: 0 as soon as a tag
 * closes the element (the rest of the text is not read).
 */
export function depthAfter(text: string, name: string, depth: number): number {
  const tags = new RegExp(String.raw`<(/?)${name.replace(/[.]/g, "\\.")}(?:\s[^>]*?)?(/?)>`, "gi");
  let current = depth;
  for (const [, close, selfClose] of text.matchAll(tags)) {
    if (close) current -= 1;
    else if (!selfClose) current += 1;
    if (current === 0) return 0;
  }
  return current;
}

/**
 * kramdown's parse_block_html for the first line: a block-level tag whose element stays raw to
 * its end tag, or whose content is text (markdown="span"), or which is a line on its own (void,
 * closed, `</x>`, or markdown="1" whose content is then parsed as Markdown). Undefined: not a
 * kramdown HTML block (CommonMark decides).
 */
export function startOf(line: string): Start | undefined {
  const text = line.trimStart();
  const closing = CLOSING_TAG.exec(text);
  if (closing?.[1]) return SPAN_ELEMENTS.has(closing[1].toLowerCase()) ? undefined : { kind: "line" };
  const opening = OPENING_TAG.exec(text);
  const name = opening?.[1];
  if (!opening || !name || SPAN_ELEMENTS.has(name.toLowerCase())) return undefined;
  if (opening[3] || VOID_ELEMENTS.has(name.toLowerCase())) return { kind: "line" };
  const markdown = MARKDOWN_ATTRIBUTE.exec(opening[2] ?? "");
  const model = markdown ? (markdown[1] ?? markdown[2] ?? markdown[3]) : "0";
  if (model === "block" || (model === "1" && BLOCK_CONTENT.has(name.toLowerCase()))) {
    return text.slice(opening[0].length).trim() === "" ? { kind: "line" } : undefined;
  }
  if (model === "span" || (model === "1" && SPAN_CONTENT.has(name.toLowerCase()))) {
    return { kind: "span", name, tagLength: line.length - text.length + opening[0].length };
  }
  if (model !== "0") return undefined;
  return { kind: "raw", name, depth: depthAfter(text.slice(opening[0].length), name, 1) };
}

/** The closing tag kramdown adds to a raw HTML block that never closed (`""` when it did). */
export function missingClosingTag(value: string): string {
  const firstLine = value.split(/\r?\n|\r/, 1)[0] ?? "";
  const start = startOf(firstLine);
  if (start?.kind !== "raw" || start.depth === 0) return "";
  return depthAfter(value.slice(firstLine.length), start.name, start.depth) > 0 ? `\n</${start.name}>` : "";
}

