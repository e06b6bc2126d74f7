import type { Message } from "../shared/index.js";

/** Errors fail `kiji check` (exit 1); warnings do only with `--strict`. */
export type Severity = "error" | "warning";

/** Every rule `kiji check` applies, and how serious a finding of it is. */
export const RULES = {
  "dead-link": "error",
  "missing-anchor": "warning",
  "content-after-end": "error",
  "end-marker": "warning",
  "repeated-paragraphs": "warning",
  "repeated-headings": "warning",
  "accidental-heading": "warning",
  "missing-title": "error",
  "missing-date": "warning",
  "excerpt-length": "warning",
  "unknown-category": "error",
  "tag-variant": "warning",
  "missing-image": "error",
  "duplicate-title": "warning",
  "near-duplicate": "warning",
  "affiliate-tag": "error",
  "affiliate-rel": "warning",
  "affiliate-disclosure": "error",
  "build-error": "error",
} as const satisfies Record<string, Severity>;

/** The name of a rule, as printed and in JSON. */
export type RuleId = keyof typeof RULES;

/** One problem found, at a line of a source file (front matter included in the count). */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Path relative to the site source. */
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly hint?: string;
}

/** A finding of `rule` with a message from the catalogue. */
export function createFinding(rule: RuleId, file: string, line: number, { message, hint }: Message): Finding {
  return { rule, severity: RULES[rule], file, line, message, hint };
}

/** Findings sorted by file, then line, then rule: the order they are printed in. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
}
