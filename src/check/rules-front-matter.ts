import { lineOfKey } from "../content/index.js";
import { messages } from "../shared/index.js";
import type { CheckContext, CheckedDocument } from "./check-context.js";
import { createFinding, type Finding } from "./finding.js";
import { checkImage } from "./rules-links.js";

/** The file line of a top-level front-matter key, or 1 when the key is missing. */
export function frontMatterLine(document: CheckedDocument, key: string): number {
  return lineOfKey(document.source, key) ?? 1;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** Title, date, excerpt length, categories and `image` of a post (and `image` of a page). */
export function checkFrontMatter(document: CheckedDocument, context: CheckContext): Finding[] {
  const { data } = document.source;
  const { file } = document;
  const lineOf = (key: string): number => frontMatterLine(document, key);
  const findings = checkImage(document, context, lineOf);
  if (!document.isPost) return findings;
  if (isBlank(data.title)) findings.push(createFinding("missing-title", file, lineOf("title"), messages.missingTitle()));
  if (isBlank(data.date)) findings.push(createFinding("missing-date", file, lineOf("date"), messages.missingDate()));
  if (typeof data.excerpt === "string") {
    const length = [...data.excerpt.trim()].length;
    const limit = context.config.check.excerptMaxLength;
    if (length === 0) findings.push(createFinding("excerpt-length", file, lineOf("excerpt"), messages.emptyExcerpt()));
    else if (length > limit) findings.push(createFinding("excerpt-length", file, lineOf("excerpt"), messages.longExcerpt(length, limit)));
  }
  const allowed = context.config.check.categories;
  const categories = document.doc.type === "pages" ? [] : document.doc.categories;
  if (allowed) {
    for (const category of categories) {
      if (!allowed.includes(category)) {
        const key = data.categories !== undefined ? "categories" : "category";
        findings.push(createFinding("unknown-category", file, lineOf(key), messages.unknownCategory(category, allowed)));
      }
    }
  }
  return findings;
}
