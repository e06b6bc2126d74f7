import type { Element, Root, RootContent } from "hast";

// kramdown-parser-gfm's NON_WORD_RE: anything but Ruby's \p{Word} (Alphabetic, marks, decimal
// digits, connector punctuation), "-", space and tab goes.
const NON_WORD = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu;

/** Text content of a hast node (kramdown's raw_text: text, code and entities, markup dropped). */
export function textOf(node: Root | RootContent): string {
  if (node.type === "text") return node.value;
  if (!("children" in node)) return "";
  let text = "";
  for (const child of node.children) text += textOf(child as RootContent);
  return text;
}

/** Options for rehypeHeadingIds. */
export interface HeadingIdsOptions {
  /** Prefix for every generated id (kramdown's auto_id_prefix). Default: "". */
  readonly prefix?: string;
}

const HEADING = /^h[1-6]$/;
// Elements whose content is never a heading (paragraphs hold text, code blocks code): not searched.
const NO_HEADINGS: ReadonlySet<string> = new Set(["p", "pre"]);

/**
 * Gives every heading without an id the id kramdown's GFM parser would: the text lower-cased,
 * characters other than letters, digits, "_", "-" and spaces dropped (Japanese kept, full-width
 * punctuation dropped), spaces to "-", and "-1", "-2" … on repeats of the same id (no id at all
 * for the first heading that leaves nothing).
 */
export default function rehypeHeadingIds(options: HeadingIdsOptions = {}) {
  const prefix = options.prefix ?? "";
  return (tree: Root): void => {
    const counters = new Map<string, number>();
    const visit = (node: Root | Element): void => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        if (HEADING.test(child.tagName)) {
          if (child.properties.id === undefined) {
            let id = textOf(child).toLowerCase().replace(NON_WORD, "").replace(/[ \t]/g, "-");
            const count = (counters.get(id) ?? -1) + 1;
            counters.set(id, count);
            if (count > 0) id += `-${count}`;
            // kramdown leaves the first heading whose text has no id characters without an id.
            if (id !== "") child.properties.id = prefix + id;
          }
        } else if (!NO_HEADINGS.has(child.tagName)) {
          visit(child);
        }
      }
    };
    visit(tree);
  };
}
