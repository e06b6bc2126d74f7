import { hasDisclosure, type FoundLink, type TextBlock } from "../check/index.js";

/** A book of a pasted "おすすめ書籍" block. */
export interface PastedBook {
  readonly asin: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly line: number;
}

/** What the old writing pipeline pasted into a body, and the blocks that make it up. */
export interface PastedBlocks {
  /** Links of the "あわせて読みたい" list. */
  readonly related: readonly FoundLink[];
  readonly books: readonly PastedBook[];
  readonly hasCta: boolean;
  readonly hasDisclosure: boolean;
  /** Every block to remove: the sections, their `---` separators and the disclosure. */
  readonly blocks: ReadonlySet<TextBlock>;
  /** `---` lines right below a paragraph (which made it a setext heading) that separate a removed block: removing them makes it a paragraph again. */
  readonly underlines: readonly number[];
}

const RELATED_HEADING = /^#{1,6}\s*(?:あわせて読みたい|合わせて読みたい|関連記事)\s*$/;
const BOOKS_HEADING = /^#{1,6}\s*.*おすすめ書籍/;
const CTA_MARK = /\{:[^}]*\.consulting-cta-link|utm_medium=cta/;
const BOOK_LINK = /^#{1,6}\s*\[([^\]]+)\]\((https?:\/\/[^)\s]*\/(?:dp|gp\/product)\/([A-Z0-9]{10})[^)\s]*)\)\s*$/i;
const MORE_LINK = /^\[[^\]]*(?:詳しく見る|Amazonで)[^\]]*\]\([^)]*\)\s*$/;

function isHeading(block: TextBlock | undefined): boolean {
  return block?.kind === "heading" && !block.isSetext;
}

/** The blocks of the section a heading starts, up to the next break, marker or heading of the same or a higher level. */
function sectionAt(blocks: readonly TextBlock[], start: number): TextBlock[] {
  const depth = blocks[start]!.depth!;
  const out = [blocks[start]!];
  for (let i = start + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === "break" || block.kind === "end-marker" || (isHeading(block) && block.depth! <= depth && !BOOK_LINK.test(block.text))) break;
    out.push(block);
  }
  return out;
}

function booksOf(section: readonly TextBlock[]): PastedBook[] {
  const books: PastedBook[] = [];
  section.forEach((block, i) => {
    const match = isHeading(block) ? BOOK_LINK.exec(block.text) : null;
    if (!match) return;
    const next = section[i + 1];
    const description = next?.kind === "paragraph" && !MORE_LINK.test(next.text) ? next.text.trim() : undefined;
    books.push({ asin: match[3]!.toUpperCase(), title: match[1]!.trim(), description, line: block.line });
  });
  return books;
}

/**
 * Finds the blocks the old pipeline pasted before the first `---END---`: the "あわせて読みたい"
 * list, a CTA section (marked by `.consulting-cta-link` or a `utm_medium=cta` link), the
 * "おすすめ書籍" block with its disclosure line, and the `---` lines that separate them.
 */
export function findPastedBlocks(blocks: readonly TextBlock[], links: readonly FoundLink[], disclosure: string): PastedBlocks {
  const end = blocks.findIndex((block) => block.kind === "end-marker");
  const body = end === -1 ? blocks : blocks.slice(0, end);
  const remove = new Set<TextBlock>();
  const related: FoundLink[] = [];
  const books: PastedBook[] = [];
  let hasCta = false;
  body.forEach((block, i) => {
    if (!isHeading(block) || remove.has(block)) return;
    const section = sectionAt(body, i);
    if (RELATED_HEADING.test(block.text) && section.slice(1).every((b) => b.kind === "list-item")) {
      for (const item of section.slice(1)) related.push(...links.filter((link) => link.line >= item.line && link.line <= item.endLine));
    } else if (BOOKS_HEADING.test(block.text)) {
      books.push(...booksOf(section));
    } else if (section.length <= 5 && section.some((b) => CTA_MARK.test(b.text))) {
      hasCta = true;
    } else {
      return;
    }
    for (const b of section) remove.add(b);
  });
  let disclosed = false;
  if (books.length > 0) {
    for (const block of body) {
      if (block.kind === "paragraph" && hasDisclosure(block.text, disclosure) && block.text.length < disclosure.length * 2) {
        remove.add(block);
        disclosed = true;
      }
    }
  }
  const underlines: number[] = [];
  body.forEach((block, i) => {
    const separates = (): boolean => remove.has(body.slice(i + 1).find((b) => b.kind !== "break") ?? block);
    if (block.kind === "break" && separates()) remove.add(block);
    if (block.isSetext && block.text.trimEnd().endsWith("-") && !remove.has(block) && separates()) underlines.push(block.endLine);
  });
  return { related, books, hasCta, hasDisclosure: disclosed, blocks: remove, underlines };
}
