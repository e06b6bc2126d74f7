import { normalizeBlock, type TextBlock } from "../check/index.js";

/** A tail block that goes, and why. */
export interface RemovedBlock {
  readonly block: TextBlock;
  /** The kept block it repeats (a repeat) or a piece of (a cut fragment); undefined for markers and breaks. */
  readonly of: TextBlock | undefined;
  readonly reason: "marker" | "repeat" | "fragment" | "break";
}

/** What cleaning the text after the first `---END---` line removes and keeps. */
export interface TailCleanup {
  /** The first marker. */
  readonly marker: TextBlock;
  /** Every block that goes, in document order (blocks before the first marker only when cut fragments). */
  readonly removed: readonly RemovedBlock[];
  /** Blocks after the first marker whose text appears nowhere kept before them: they stay, in order. */
  readonly kept: readonly TextBlock[];
}

const isCutPieceOf = (piece: string, whole: string): boolean => piece.length < whole.length && (whole.startsWith(piece) || whole.endsWith(piece));

/**
 * Cleans what follows the first `---END---` line without losing text: every marker goes, every
 * block whose text (white space ignored) repeats a block kept above it goes, and the first
 * occurrence of each new block stays where it is — after the article body, as its continuation.
 * A block next to a marker that is a strict prefix or suffix of a kept block (a paragraph or
 * heading the marker cut in two) goes too. `ignored` are blocks already removed (pasted blocks).
 * Undefined when the document has no marker.
 */
export function cleanTail(blocks: readonly TextBlock[], ignored: ReadonlySet<TextBlock>): TailCleanup | undefined {
  const first = blocks.findIndex((block) => block.kind === "end-marker");
  if (first === -1) return undefined;
  const keyed = new Map<string, TextBlock>();
  const removed = new Map<TextBlock, RemovedBlock>();
  blocks.forEach((block, i) => {
    if (ignored.has(block)) return;
    const key = normalizeBlock(block.text);
    const earlier = keyed.get(key);
    if (i < first) {
      if (!earlier) keyed.set(key, block);
    } else if (block.kind === "end-marker") removed.set(block, { block, of: undefined, reason: "marker" });
    else if (block.kind === "break" || key === "") removed.set(block, { block, of: undefined, reason: "break" });
    else if (earlier) removed.set(block, { block, of: earlier, reason: "repeat" });
    else keyed.set(key, block);
  });
  const kept = [...keyed.values()];
  blocks.forEach((block, i) => {
    const nextToMarker = blocks[i - 1]?.kind === "end-marker" || blocks[i + 1]?.kind === "end-marker";
    if (!nextToMarker || ignored.has(block) || removed.has(block) || block.kind === "end-marker") return;
    const key = normalizeBlock(block.text);
    const whole = kept.find((other) => other !== block && isCutPieceOf(key, normalizeBlock(other.text)));
    if (whole) removed.set(block, { block, of: whole, reason: "fragment" });
  });
  const order = new Map(blocks.map((block, index) => [block, index]));
  return {
    marker: blocks[first]!,
    removed: [...removed.values()].sort((a, b) => order.get(a.block)! - order.get(b.block)!),
    kept: blocks.slice(first + 1).filter((block) => !removed.has(block) && !ignored.has(block)),
  };
}
