import { normalizeBlock } from "./repeats.js";
import type { TextBlock } from "./scan-markdown.js";

/** What follows the first `---END---` marker of a post, and how much of it repeats earlier text. */
export interface TailAnalysis {
  /** The first marker. */
  readonly marker: TextBlock;
  /** Every marker, the first included. */
  readonly markers: readonly TextBlock[];
  /** Blocks after the first marker (markers excluded). */
  readonly blocks: readonly TextBlock[];
  /** Share of the tail's characters that repeat text above them (0–1); 0 when the tail is empty. */
  readonly repeatedShare: number;
  /** True when most of the tail repeats earlier text: the pipeline's duplicated closing sections. */
  readonly isRepeat: boolean;
  /** Tail blocks found nowhere above them: text a removal of the tail loses. */
  readonly newBlocks: readonly TextBlock[];
  /** Pieces of one block cut by a marker whose joined text repeats earlier text. */
  readonly fragments: readonly TextBlock[];
}

// A tail is "repeated content" when more than half of its text already appears above it.
const REPEAT_SHARE = 0.5;

/**
 * Looks at what follows the first `---END---` line: each block counts as repeated when its text
 * (white space ignored) already occurs above it — before the marker or earlier in the tail — and a
 * block cut in two by a marker counts as repeated when its two halves joined do. Undefined when the
 * document has no marker.
 */
export function analyzeTail(blocks: readonly TextBlock[]): TailAnalysis | undefined {
  const firstIndex = blocks.findIndex((block) => block.kind === "end-marker");
  if (firstIndex === -1) return undefined;
  const markers = blocks.filter((block) => block.kind === "end-marker");
  const keys = blocks.map((block) => normalizeBlock(block.text));
  const above = (index: number): string => keys.slice(0, index).join("\n");
  const fragments = new Set<TextBlock>();
  blocks.forEach((block, i) => {
    const before = blocks[i - 1];
    const after = blocks[i + 1];
    if (block.kind !== "end-marker" || !before || !after || before.kind === "end-marker" || after.kind === "end-marker") return;
    if (above(i - 1).includes(keys[i - 1]! + keys[i + 1]!)) fragments.add(before).add(after);
  });
  const tail = blocks.slice(firstIndex + 1);
  const repeated = new Set<TextBlock>();
  tail.forEach((block, i) => {
    const index = firstIndex + 1 + i;
    if (block.kind !== "end-marker" && (keys[index] === "" || above(index).includes(keys[index]!))) repeated.add(block);
  });
  const content = tail.filter((block) => block.kind !== "end-marker");
  const size = (list: readonly TextBlock[]): number => list.reduce((sum, block) => sum + normalizeBlock(block.text).length, 0);
  const total = size(content);
  const repeatedSize = size(content.filter((block) => repeated.has(block) || fragments.has(block)));
  const repeatedShare = total === 0 ? 0 : repeatedSize / total;
  return {
    marker: blocks[firstIndex]!,
    markers,
    blocks: content,
    repeatedShare,
    isRepeat: total > 0 && repeatedShare > REPEAT_SHARE,
    newBlocks: content.filter((block) => !repeated.has(block) && !fragments.has(block)),
    fragments: [...fragments],
  };
}
