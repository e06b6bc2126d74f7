import type { TextBlock } from "../check/index.js";
import type { TailCleanup } from "./clean-tail.js";
import { AT_END, joinBlocks } from "./edit-lines.js";

/** New text kept from after `---END---`, grouped by the kept block it goes before (undefined: the end of the body). */
export type TailPlacement = ReadonlyMap<TextBlock | undefined, readonly TextBlock[]>;

const NUMBERED = /^ {0,3}#{1,6}\s+(\d+(?:\.\d+)*)\.?\s/;

/** A heading's section number ("6.3." → [6, 3]), if it has one. */
function numberOf(block: TextBlock): number[] | undefined {
  const match = block.kind === "heading" ? NUMBERED.exec(block.text) : null;
  return match ? match[1]!.split(".").map(Number) : undefined;
}

function isAfter(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return a.length > b.length;
}

/**
 * Where each new block found after the first `---END---` reads naturally, in the tail's order: the
 * text under a repeated heading goes at the end of that heading's kept section; a new numbered
 * section ("6.3.") goes before the first kept heading numbered after it ("7."); everything else at
 * the end of the article — before its closing references list, if it has one.
 * `body` is the kept text before the marker; `longer` the tail blocks that replace a shorter one in place.
 */
export function placeTail(blocks: readonly TextBlock[], tail: TailCleanup, body: readonly TextBlock[], longer: ReadonlySet<TextBlock>): TailPlacement {
  const headings = body.filter((block) => block.kind === "heading" && !block.isSetext);
  const sectionEnd = (heading: TextBlock): TextBlock | undefined =>
    headings.find((h) => h.line > heading.line && h.depth! <= heading.depth!) ?? tail.references;
  const numberedTarget = (heading: TextBlock, number: readonly number[]): TextBlock | undefined =>
    headings.find((h) => h.depth! <= heading.depth! && isAfter(numberOf(h) ?? [], number)) ?? tail.references;
  const repeats = new Map(tail.removed.filter((r) => r.reason === "repeat").map((r) => [r.block, r.of!]));
  const bodySet = new Set(body);
  const kept = new Set(tail.kept);
  const placement = new Map<TextBlock | undefined, TextBlock[]>();
  const headingTargets = new Map<TextBlock, TextBlock | undefined>();
  let target = tail.references;
  for (const block of blocks.filter((b) => b.line > tail.marker.line)) {
    const of = repeats.get(block);
    if (of?.kind === "heading") target = bodySet.has(of) ? sectionEnd(of) : headingTargets.get(of) ?? target;
    if (!kept.has(block) && !tail.extending.has(block)) continue;
    if (longer.has(block)) continue;
    const number = numberOf(block);
    if (number) target = numberedTarget(block, number);
    if (block.kind === "heading") headingTargets.set(block, target);
    placement.set(target, [...(placement.get(target) ?? []), block]);
  }
  return placement;
}

/**
 * The line edits that carry out a tail cleanup: each longer block written in place of the shorter
 * one it extends, and the kept new text moved where placeTail puts it. Adds every block whose
 * lines go to `remove` (which already holds the pasted blocks).
 */
export function tailEdits(blocks: readonly TextBlock[], tail: TailCleanup, remove: Set<TextBlock>): { replace: Map<number, string>; insert: Map<number, string> } {
  for (const { block } of tail.removed) remove.add(block);
  for (const longer of tail.extending.values()) remove.add(longer);
  const replace = new Map([...tail.extending].map(([shorter, longer]) => [shorter.line, longer.text]));
  const insert = new Map<number, string>();
  const body = blocks.filter((block) => block.line < tail.marker.line && !remove.has(block));
  for (const [target, group] of placeTail(blocks, tail, body, new Set(tail.extending.values()))) {
    for (const block of group) {
      remove.add(block);
      replace.delete(block.line);
    }
    insert.set(target?.line ?? AT_END, joinBlocks(group.map((block) => ({ ...block, text: tail.extending.get(block)?.text ?? block.text }))));
  }
  return { replace, insert };
}
