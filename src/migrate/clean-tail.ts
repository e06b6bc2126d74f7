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
  /** Kept tail blocks that extend an earlier block (it is a strict prefix of theirs): each takes that block's place, keyed by it. */
  readonly extending: ReadonlyMap<TextBlock, TextBlock>;
  /** Where the article ends when it closes with a references list (the list, its label and the `---` above): the kept tail text goes before it. */
  readonly references: TextBlock | undefined;
}

const REFERENCES = /^(?:#{1,6}\s*)?(?:\*\*)?(?:参考文献|参考資料|参考|出典|References|Sources)(?:\*\*)?[:：]?\s*$/;

/** The start of a references list closing the kept text before the marker: its label (or the `---` right above it). */
function referencesAt(body: readonly TextBlock[]): TextBlock | undefined {
  const label = body.findLastIndex((block) => REFERENCES.test(block.text.trim()));
  if (label === -1 || !body.slice(label + 1).every((block) => block.kind === "list-item")) return undefined;
  return body[label - 1]?.kind === "break" ? body[label - 1] : body[label];
}

// Text this long (white space ignored) that occurs anywhere in the kept text repeats it; shorter text must equal a kept block.
const MIN_CONTAINED_LENGTH = 20;
// An earlier block this long or longer that a tail block extends is an earlier, cut-off version of it.
const MIN_EXTENDED_LENGTH = 20;

const isExtendedBy = (shorter: string, longer: string): boolean => shorter.length >= MIN_EXTENDED_LENGTH && shorter.length < longer.length && longer.startsWith(shorter);
const isCutPieceOf = (piece: string, whole: string): boolean => piece.length < whole.length && (whole.startsWith(piece) || whole.endsWith(piece));

/** Every block before the marker is kept; after it, markers and breaks go, and so does a block that repeats kept text. */
function findRepeats(blocks: readonly TextBlock[], first: number, ignored: ReadonlySet<TextBlock>): { kept: TextBlock[]; removed: Map<TextBlock, RemovedBlock> } {
  const keyed = new Map<string, TextBlock>();
  const removed = new Map<TextBlock, RemovedBlock>();
  const text = { joined: "", starts: [] as { at: number; block: TextBlock }[] };
  const keep = (key: string, block: TextBlock): void => {
    keyed.set(key, block);
    text.starts.push({ at: text.joined.length, block });
    text.joined += key;
  };
  /** The kept block a key repeats: one equal to it or, for text long enough, the one where it occurs in the kept text (even across blocks). */
  const repeatOf = (key: string): TextBlock | undefined => {
    const equal = keyed.get(key);
    if (equal || key.length < MIN_CONTAINED_LENGTH) return equal;
    const at = text.joined.indexOf(key);
    return at === -1 ? undefined : text.starts.findLast((start) => start.at <= at)!.block;
  };
  blocks.forEach((block, i) => {
    if (ignored.has(block)) return;
    const key = normalizeBlock(block.text);
    if (i < first) {
      if (!keyed.has(key)) keep(key, block);
      return;
    }
    const earlier = block.kind === "end-marker" || block.kind === "break" || key === "" ? undefined : repeatOf(key);
    if (block.kind === "end-marker") removed.set(block, { block, of: undefined, reason: "marker" });
    else if (block.kind === "break" || key === "") removed.set(block, { block, of: undefined, reason: "break" });
    else if (earlier) removed.set(block, { block, of: earlier, reason: "repeat" });
    else keep(key, block);
  });
  return { kept: [...keyed.values()], removed };
}

/**
 * Cleans what follows the first `---END---` line without losing text: every marker goes, every
 * block whose text (white space ignored) repeats a block kept above it, or occurs in the kept text
 * (a paragraph the pipeline made of two, a piece of one), goes, and the first
 * occurrence of each new block stays where it is — after the article body, as its continuation.
 * A block next to a marker that is a strict prefix or suffix of a kept block (a paragraph or
 * heading the marker cut in two) goes too, and a tail block that extends an earlier block (a
 * list item or paragraph the pipeline had cut short) takes that block's place. `ignored` are blocks already removed (pasted blocks).
 * Undefined when the document has no marker.
 */
export function cleanTail(blocks: readonly TextBlock[], ignored: ReadonlySet<TextBlock>): TailCleanup | undefined {
  const first = blocks.findIndex((block) => block.kind === "end-marker");
  if (first === -1) return undefined;
  const { kept, removed } = findRepeats(blocks, first, ignored);
  blocks.forEach((block, i) => {
    const nextToMarker = blocks[i - 1]?.kind === "end-marker" || blocks[i + 1]?.kind === "end-marker";
    if (!nextToMarker || ignored.has(block) || removed.has(block) || block.kind === "end-marker") return;
    const key = normalizeBlock(block.text);
    const whole = kept.find((other) => other !== block && isCutPieceOf(key, normalizeBlock(other.text)));
    if (whole) removed.set(block, { block, of: whole, reason: "fragment" });
  });
  const extending = new Map<TextBlock, TextBlock>();
  for (const block of blocks.slice(first + 1)) {
    if (removed.has(block) || ignored.has(block)) continue;
    const key = normalizeBlock(block.text);
    const shorter = kept.find((other) => other.line < block.line && other.kind === block.kind && !removed.has(other) && !extending.has(other) && isExtendedBy(normalizeBlock(other.text), key));
    if (!shorter) continue;
    extending.set(shorter, block);
    removed.set(shorter, { block: shorter, of: block, reason: "fragment" });
  }
  const order = new Map(blocks.map((block, index) => [block, index]));
  return {
    marker: blocks[first]!,
    removed: [...removed.values()].sort((a, b) => order.get(a.block)! - order.get(b.block)!),
    kept: blocks.slice(first + 1).filter((block) => !removed.has(block) && !ignored.has(block)),
    extending,
    references: referencesAt(blocks.slice(0, first).filter((block) => !ignored.has(block) && !removed.has(block))),
  };
}
