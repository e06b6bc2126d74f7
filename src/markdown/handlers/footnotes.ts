import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { FootnoteReference } from "mdast";
import type { State } from "mdast-util-to-hast";

interface Note {
  readonly name: string;
  readonly identifier: string;
  readonly number: number;
  references: number;
}

// Footnotes met so far in one conversion (the State is per document).
const notesOf = new WeakMap<State, Map<string, Note>>();

function element(tagName: string, properties: Element["properties"], children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

/** A footnote reference in kramdown's markup: `<sup id="fnref:x"><a href="#fn:x" class="footnote">1</a></sup>`. */
export function footnoteReference(state: State, node: FootnoteReference): Element {
  let notes = notesOf.get(state);
  if (!notes) notesOf.set(state, (notes = new Map()));
  const name = node.label ?? node.identifier;
  let note = notes.get(node.identifier);
  if (!note) notes.set(node.identifier, (note = { name, identifier: node.identifier, number: notes.size + 1, references: 0 }));
  const id = note.references === 0 ? `fnref:${note.name}` : `fnref:${note.name}:${note.references}`;
  note.references += 1;
  const link = element("a", { href: `#fn:${note.name}`, className: ["footnote"], rel: ["footnote"] }, [{ type: "text", value: String(note.number) }]);
  const result = element("sup", { id, role: "doc-noteref" }, [link]);
  state.patch(node, result);
  return result;
}

function backlinks(note: Note): ElementContent[] {
  const out: ElementContent[] = [];
  for (let index = 0; index < note.references; index += 1) {
    const href = index === 0 ? `#fnref:${note.name}` : `#fnref:${note.name}:${index}`;
    const mark: ElementContent[] = [{ type: "text", value: "\u21a9" }];
    if (index > 0) mark.push(element("sup", {}, [{ type: "text", value: String(index + 1) }]));
    out.push({ type: "text", value: "\u00a0" }, element("a", { href, className: ["reversefootnote"], role: "doc-backlink" }, mark));
  }
  return out;
}

function footnoteItem(state: State, note: Note): Element {
  // mdast-util-to-hast keys definitions by upper-cased identifier.
  const definition = state.footnoteById.get(note.identifier.toUpperCase());
  const children = definition ? (state.all(definition) as ElementContent[]) : [];
  const last = [...children].reverse().find((child): child is Element => child.type === "element");
  if (last?.tagName === "p") last.children.push(...backlinks(note));
  else children.push(element("p", {}, backlinks(note)));
  return element("li", { id: `fn:${note.name}`, role: "doc-endnote" }, state.wrap(children, true));
}

/** Appends kramdown's `<div class="footnotes">` list to the document when it has footnotes. */
export function appendFootnotes(state: State, result: HastRoot): void {
  const notes = notesOf.get(state);
  if (!notes) return;
  // Notes referenced only from other notes are numbered while the list is built.
  const items: Element[] = [];
  for (const note of notes.values()) items.push(footnoteItem(state, note));
  const list = element("ol", {}, state.wrap(items, true));
  result.children.push({ type: "text", value: "\n" }, element("div", { className: ["footnotes"], role: "doc-endnotes" }, state.wrap([list], true)));
}
