import type { TextBlock } from "../check/index.js";

/** The key of `insert` for text that goes at the end of the body. */
export const AT_END = Number.POSITIVE_INFINITY;

/** What to change in a body, by its lines in the original file. */
export interface LineEdits {
  /** The line number of the body's first line. */
  readonly firstLine: number;
  /** Blocks whose lines go. */
  readonly blocks: ReadonlySet<TextBlock>;
  /** Further single lines that go. */
  readonly lines: readonly number[];
  /** Text written instead of a line (a dropped block's first line). */
  readonly replace: ReadonlyMap<number, string>;
  /** Text inserted, as blocks of their own, before a line (or at the end: AT_END). */
  readonly insert: ReadonlyMap<number, string>;
}

function pushBlock(out: string[], text: string): void {
  while (out.length > 0 && out.at(-1)!.trim() === "") out.pop();
  if (out.length > 0) out.push("");
  out.push(...text.split("\n"), "");
}

/** The body with the edits made; blank lines left doubled by a removal become one. */
export function dropLines(text: string, edits: LineEdits): string {
  const drop = new Set<number>(edits.lines);
  for (const block of edits.blocks) for (let line = block.line; line <= block.endLine; line++) drop.add(line);
  const out: string[] = [];
  let dropped = false;
  text.split("\n").forEach((line, i) => {
    const number = edits.firstLine + i;
    const inserted = edits.insert.get(number);
    if (inserted !== undefined) {
      pushBlock(out, inserted);
      dropped = true;
    }
    const replacement = edits.replace.get(number);
    if (replacement !== undefined) {
      out.push(...replacement.split("\n"));
      dropped = false;
      return;
    }
    if (drop.has(number)) {
      dropped = true;
      return;
    }
    if (line.trim() === "" && dropped && (out.length === 0 || out.at(-1)!.trim() === "")) return;
    if (line.trim() !== "") dropped = false;
    out.push(line);
  });
  const atEnd = edits.insert.get(AT_END);
  if (atEnd !== undefined) pushBlock(out, atEnd);
  if (dropped || atEnd !== undefined) {
    while (out.length > 0 && out.at(-1)!.trim() === "") out.pop();
    out.push("");
  }
  return out.join("\n");
}

/** Blocks' text as written, one blank line between them; list items that were adjacent stay one list. */
export function joinBlocks(blocks: readonly TextBlock[]): string {
  return blocks.map((block, i) => (i === 0 ? "" : blocks[i - 1]!.endLine + 1 === block.line ? "\n" : "\n\n") + block.text).join("");
}
