import { findRepeatedBlocks, normalizeBlock, scanMarkdown, type FoundLink, type TextBlock } from "../check/index.js";
import type { SourceDocument } from "../source/index.js";
import { cleanTail, type RemovedBlock } from "./clean-tail.js";
import { dropLines } from "./edit-lines.js";
import { listValues, setFrontMatterList } from "./front-matter-edit.js";
import { tailEdits } from "./place-tail.js";
import { findPastedBlocks, type PastedBook } from "./pasted-blocks.js";

/** What migrating one post needs to know about the site. */
export interface PostMigrationInput {
  readonly document: SourceDocument;
  /** The URL of the post a link points at, if it points at one ("" for none). */
  readonly postUrlOf: (link: FoundLink) => string | undefined;
  readonly disclosure: string;
  /** Remove paragraphs that repeat earlier ones word for word. */
  readonly dedupe: boolean;
}

/** A block removed from the tail: why, and (for a repeat or a fragment) the line of the kept block it repeats or was cut from. */
export interface RemovedText extends TextAt {
  readonly reason: RemovedBlock["reason"];
  readonly ofLine: number | undefined;
}

/** What cleaning the text after the first `---END---` line did. */
export interface TailReport {
  /** The line of the first marker. */
  readonly line: number;
  readonly removed: readonly RemovedText[];
  /** Text found only after the marker: kept, in order, at the end of the article — or in place of the earlier, shorter version it extends. */
  readonly kept: readonly (TextAt & { readonly inPlaceOf: number | undefined })[];
}

/** A block of text, named by its line in the original file. */
export interface TextAt {
  readonly line: number;
  readonly text: string;
}

/** What migrating one post changes (or would change), in terms of its original lines. */
export interface PostMigration {
  readonly file: string;
  readonly before: string;
  readonly after: string;
  readonly pinned: readonly string[];
  readonly deadRelated: readonly TextAt[];
  readonly books: readonly PastedBook[];
  readonly removedCta: boolean;
  /** What went after the first `---END---` (markers, repeats, cut fragments) and the new text kept there; undefined without a marker. */
  readonly tail: TailReport | undefined;
  /** Paragraphs that repeat earlier ones word for word (removed only with dedupe). */
  readonly repeats: readonly TextAt[];
}

/** A paragraph a `---` line made a setext heading, once that line goes. */
function asParagraph(block: TextBlock): TextBlock {
  return { kind: "paragraph", line: block.line, endLine: block.endLine - 1, text: block.text.split("\n").slice(0, -1).join("\n") };
}

const at = (block: TextBlock): TextAt => ({ line: block.line, text: block.text.split("\n")[0]!.slice(0, 60) });

/** Headings a dedupe leaves empty that repeat an earlier heading word for word: they go too. */
function emptiedHeadings(blocks: readonly TextBlock[], removed: ReadonlySet<TextBlock>): TextBlock[] {
  const kept = blocks.filter((block) => !removed.has(block));
  const seen = new Set<string>();
  const out: TextBlock[] = [];
  kept.forEach((block, i) => {
    if (block.kind !== "heading") return;
    const key = normalizeBlock(block.text);
    const next = kept[i + 1];
    if (seen.has(key) && (!next || next.kind === "heading" || next.kind === "end-marker")) out.push(block);
    seen.add(key);
  });
  return out;
}

function merge(existing: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...existing, ...added])];
}

/**
 * Migrates one post's text: pasted related list → `related:` pins (posts that exist), book block →
 * `books:` ASINs, CTA and disclosure dropped, after `---END---` the markers, repeated blocks and cut
 * fragments removed while every new block stays in order (see cleanTail), and repeated
 * paragraphs listed — removed with `dedupe`. Running it on its own output changes nothing.
 */
export function migratePost(input: PostMigrationInput): PostMigration {
  const { document } = input;
  const scanned = scanMarkdown(document.body, document.bodyLine);
  const pasted = findPastedBlocks(scanned.blocks, scanned.links, input.disclosure);
  const underlines = new Set(pasted.underlines);
  const blocks = scanned.blocks.map((block) => (block.isSetext && underlines.has(block.endLine) ? asParagraph(block) : block));
  const remove = new Set(pasted.blocks);
  const tail = cleanTail(blocks, remove);
  const { replace, insert } = tail ? tailEdits(blocks, tail, remove) : { replace: new Map<number, string>(), insert: new Map<number, string>() };
  const repeated = findRepeatedBlocks(blocks.filter((block) => !remove.has(block))).map((r) => r.block);
  if (input.dedupe) {
    for (const block of repeated) remove.add(block);
    for (const block of emptiedHeadings(blocks, remove)) remove.add(block);
  }
  const resolved = pasted.related.map((link) => ({ link, url: input.postUrlOf(link) }));
  const pinned = resolved.filter((r) => r.url !== undefined).map((r) => r.link.href);
  const bodyStart = document.text.split("\n").slice(0, document.bodyLine - 1).join("\n");
  let after = `${bodyStart}\n${dropLines(document.body, { firstLine: document.bodyLine, blocks: remove, lines: pasted.underlines, replace, insert })}`;
  if (pinned.length > 0) after = setFrontMatterList(after, document.bodyLine, "related", merge(listValues(document.data.related), pinned));
  if (pasted.books.length > 0) after = setFrontMatterList(after, document.bodyLine, "books", merge(listValues(document.data.books), pasted.books.map((b) => b.asin)));
  const tailReport = tail && {
    line: tail.marker.line,
    removed: tail.removed.map((r) => ({ ...at(r.block), reason: r.reason, ofLine: r.of?.line })),
    kept: tail.kept.map((block) => ({ ...at(block), inPlaceOf: [...tail.extending].find(([, longer]) => longer === block)?.[0].line })),
  };
  return {
    file: document.entry.relativePath,
    before: document.text,
    after: remove.size === 0 && pasted.underlines.length === 0 && pinned.length === 0 && pasted.books.length === 0 ? document.text : after,
    pinned,
    deadRelated: resolved.filter((r) => r.url === undefined).map((r) => ({ line: r.link.line, text: r.link.href })),
    books: pasted.books,
    removedCta: pasted.hasCta,
    tail: tailReport,
    repeats: repeated.map(at),
  };
}
