import type { Post } from "../content/index.js";
import { messages } from "../shared/index.js";
import type { CheckContext, CheckedDocument } from "./check-context.js";
import { createFinding, type Finding } from "./finding.js";
import { findNearDuplicates, proseOf } from "./near-duplicates.js";
import { frontMatterLine } from "./rules-front-matter.js";

function posts(context: CheckContext): CheckedDocument[] {
  return context.documents.filter((document) => document.isPost);
}

/** Tags that differ only by case or width (`LLM`, `llm`, `ＬＬＭ`): each post using a less common spelling. */
export function checkTagVariants(context: CheckContext): Finding[] {
  const spellings = new Map<string, Map<string, number>>();
  for (const { doc } of posts(context)) {
    for (const tag of (doc as Post).tags) {
      const key = tag.normalize("NFKC").toLowerCase();
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
      spellings.set(key, counts);
    }
  }
  const findings: Finding[] = [];
  for (const document of posts(context)) {
    for (const tag of (document.doc as Post).tags) {
      const counts = spellings.get(tag.normalize("NFKC").toLowerCase())!;
      if (counts.size < 2) continue;
      const [usual] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
      if (tag === usual) continue;
      const summary = [...counts].map(([spelling, n]) => `'${spelling}' on ${n} post${n === 1 ? "" : "s"}`).join(", ");
      findings.push(createFinding("tag-variant", document.file, frontMatterLine(document, "tags"), messages.tagVariant(tag, usual, summary)));
    }
  }
  return findings;
}

/** Posts with the same title as an earlier post (compared after Unicode normalization). */
export function checkDuplicateTitles(context: CheckContext): Finding[] {
  const first = new Map<string, CheckedDocument>();
  const findings: Finding[] = [];
  for (const document of posts(context)) {
    const key = String((document.doc as Post).title).normalize("NFKC").trim();
    const earlier = first.get(key);
    if (earlier) findings.push(createFinding("duplicate-title", document.file, frontMatterLine(document, "title"), messages.duplicateTitle(earlier.file)));
    else first.set(key, document);
  }
  return findings;
}

/** Pairs of posts whose text is nearly the same (shingled similarity at or above `check.near_duplicate_similarity`). */
export function checkNearDuplicates(context: CheckContext): Finding[] {
  const list = posts(context);
  const pairs = findNearDuplicates(list.map((document) => proseOf(document.scan.blocks)), context.config.check.nearDuplicateSimilarity);
  return pairs.map(({ a, b, similarity }) => {
    const later = list[b]!;
    return createFinding("near-duplicate", later.file, frontMatterLine(later, "title"), messages.nearDuplicate(list[a]!.file, Math.round(similarity * 100)));
  });
}
