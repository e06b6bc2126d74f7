import type { Parent, PhrasingContent, Root, RootContent, Text } from "mdast";
import type { VFile } from "vfile";
import { SKIP, visit } from "unist-util-visit";

// kramdown's ABBREV_DEFINITION_START: `*[ABBR]: definition` lines.
const DEFINITION = /^ {0,3}\*\[(.+?)\]:(.*)$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// A paragraph made only of definition lines defines abbreviations and prints nothing.
function definitionsOf(node: RootContent, source: string): Array<[string, string]> | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (node.type !== "paragraph" || start === undefined || end === undefined) return undefined;
  const lines = source.slice(start, end).split("\n").map((line) => DEFINITION.exec(line));
  if (!lines.every(Boolean)) return undefined;
  return lines.map((match) => [match?.[1] ?? "", (match?.[2] ?? "").trim()]);
}

function splitText(node: Text, pattern: RegExp, titles: ReadonlyMap<string, string>): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(pattern)) {
    const [word] = match;
    if (match.index > last) out.push({ type: "text", value: node.value.slice(last, match.index) });
    out.push({ type: "text", value: word, data: { hName: "abbr", hProperties: { title: titles.get(word) ?? "" } } } as Text);
    last = match.index + word.length;
  }
  if (last < node.value.length) out.push({ type: "text", value: node.value.slice(last) });
  return out;
}

/** kramdown abbreviations: `*[HTML]: Hyper Text Markup Language` wraps every whole-word `HTML` in `<abbr>`. */
export default function remarkAbbreviations() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    if (!source.includes("*[")) return;
    const titles = new Map<string, string>();
    tree.children = tree.children.filter((child) => {
      const definitions = definitionsOf(child, source);
      for (const [name, title] of definitions ?? []) titles.set(name, title);
      return definitions === undefined;
    });
    if (titles.size === 0) return;
    const names = [...titles.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    // Whole words only, with Ruby's ASCII \w (as kramdown's replace_abbreviations).
    const pattern = new RegExp(`(?<![A-Za-z0-9_])(?:${names.join("|")})(?![A-Za-z0-9_])`, "g");
    visit(tree, "text", (node, index, parent: Parent | undefined) => {
      if (index === undefined || !parent || node.data?.hName) return;
      const parts = splitText(node, pattern, titles);
      if (parts.length === 1 && parts[0]?.type === "text" && !parts[0].data) return;
      parent.children.splice(index, 1, ...(parts as typeof parent.children));
      return [SKIP, index + parts.length];
    });
  };
}
