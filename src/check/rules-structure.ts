import { messages } from "../shared/index.js";
import { analyzeTail } from "./analyze-tail.js";
import type { CheckedDocument } from "./check-context.js";
import { createFinding, type Finding } from "./finding.js";
import { findRepeatedBlocks, findRepeatedHeadings, groupRuns } from "./repeats.js";

function headingTitle(text: string): string {
  return text.split("\n")[0]!.replace(/^ {0,3}#{1,6}\s*/, "").replace(/\s+#+\s*$/, "").trim();
}

/** A setext "heading" that reads as a paragraph: a sentence, or longer than any title. */
function looksLikeParagraph(text: string): boolean {
  const words = text.split("\n").slice(0, -1).join("").trim();
  return /[。．.!?！？」』)）]$/.test(words) || [...words].length > 60;
}

/**
 * What the writing pipeline leaves in a body: `---END---` markers (and the tail after the first),
 * paragraphs and heading sequences that appear twice, and paragraphs a `---` line turns into headings.
 */
export function checkStructure(document: CheckedDocument): Finding[] {
  if (document.doc.format !== "markdown") return [];
  const { file } = document;
  const { blocks } = document.scan;
  const findings: Finding[] = [];
  const tail = analyzeTail(blocks);
  if (tail) {
    const lastLine = blocks.at(-1)!.endLine;
    if (tail.blocks.length > 0) {
      const message = messages.contentAfterEnd(lastLine - tail.marker.line, Math.round(tail.repeatedShare * 100), tail.isRepeat);
      findings.push(createFinding("content-after-end", file, tail.marker.line, message));
    }
    for (const marker of tail.markers) {
      if (marker !== tail.marker || tail.blocks.length === 0) findings.push(createFinding("end-marker", file, marker.line, messages.endMarker()));
    }
  }
  for (const run of groupRuns(findRepeatedBlocks(blocks), blocks)) {
    findings.push(createFinding("repeated-paragraphs", file, run[0]!.block.line, messages.repeatedParagraphs(run.length, run[0]!.first.line)));
  }
  for (const { headings, first } of findRepeatedHeadings(blocks)) {
    findings.push(createFinding("repeated-headings", file, headings[0]!.line, messages.repeatedHeadings(headings.map((h) => headingTitle(h.text)), first.line)));
  }
  for (const block of blocks) {
    if (block.isSetext && block.text.trimEnd().endsWith("-") && looksLikeParagraph(block.text)) {
      findings.push(createFinding("accidental-heading", file, block.line, messages.accidentalHeading(block.endLine)));
    }
  }
  return findings;
}
