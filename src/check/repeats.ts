import type { TextBlock } from "./scan-markdown.js";

/** Block text compared "word for word": Unicode-normalized (NFKC), white space ignored. */
export function normalizeBlock(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "");
}

/** Blocks whose text can repeat: paragraphs and list items (headings, breaks and markers cannot). */
export function isProse(block: TextBlock): boolean {
  return block.kind === "paragraph" || block.kind === "list-item" || block.kind === "html";
}

/** A block that repeats an earlier one word for word. */
export interface RepeatedBlock {
  readonly block: TextBlock;
  readonly first: TextBlock;
}

// Shorter blocks ("**技術者の皆様へ**:", "---") repeat legitimately.
const MIN_REPEAT_LENGTH = 30;

/** Prose blocks that repeat an earlier prose block of the same document word for word, in order. */
export function findRepeatedBlocks(blocks: readonly TextBlock[]): RepeatedBlock[] {
  const seen = new Map<string, TextBlock>();
  const repeated: RepeatedBlock[] = [];
  for (const block of blocks) {
    if (!isProse(block)) continue;
    const key = normalizeBlock(block.text);
    if (key.length < MIN_REPEAT_LENGTH) continue;
    const first = seen.get(key);
    if (first) repeated.push({ block, first });
    else seen.set(key, block);
  }
  return repeated;
}

/** Consecutive repeated blocks (nothing new between them), reported as one finding each. */
export function groupRuns(repeated: readonly RepeatedBlock[], blocks: readonly TextBlock[]): RepeatedBlock[][] {
  const position = new Map(blocks.map((block, index) => [block, index]));
  const isRepeat = new Set(repeated.map((r) => r.block));
  const runs: RepeatedBlock[][] = [];
  let previous = -1;
  for (const item of repeated) {
    const index = position.get(item.block)!;
    const between = blocks.slice(previous + 1, index).filter((b) => isProse(b) && !isRepeat.has(b));
    if (runs.length > 0 && between.length === 0) runs.at(-1)!.push(item);
    else runs.push([item]);
    previous = index;
  }
  return runs;
}

/** Heading text without markers and white space, for comparing sequences. */
function headingKey(block: TextBlock): string {
  const firstLine = block.isSetext ? block.text.split("\n").slice(0, -1).join("") : block.text;
  return normalizeBlock(firstLine.replace(/^ {0,3}#{1,6}/, "").replace(/#+\s*$/, ""));
}

/** A run of two or more headings that repeats an earlier run of the same document. */
export interface RepeatedHeadings {
  readonly headings: readonly TextBlock[];
  readonly first: TextBlock;
}

/** Sequences of at least two consecutive headings that appeared in the same order before. */
export function findRepeatedHeadings(blocks: readonly TextBlock[]): RepeatedHeadings[] {
  const headings = blocks.filter((block) => block.kind === "heading" && !block.isSetext);
  const keys = headings.map(headingKey);
  const found: RepeatedHeadings[] = [];
  let i = 1;
  while (i < headings.length) {
    let best = { length: 0, at: -1 };
    for (let j = 0; j < i; j++) {
      let length = 0;
      while (i + length < headings.length && j + length < i && keys[j + length] === keys[i + length]) length++;
      if (length > best.length) best = { length, at: j };
    }
    if (best.length >= 2) {
      found.push({ headings: headings.slice(i, i + best.length), first: headings[best.at]! });
      i += best.length;
    } else {
      i++;
    }
  }
  return found;
}
