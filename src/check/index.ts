/** `kiji check`: the site read as the build reads it, and every rule applied with file and line. */
export { checkSite } from "./check-site.js";
export type { CheckReport } from "./check-site.js";
export { RULES, createFinding } from "./finding.js";
export type { Finding, RuleId, Severity } from "./finding.js";
export { formatReportText, formatReportJson } from "./format-report.js";
export { scanMarkdown, END_MARKER } from "./scan-markdown.js";
export type { ScannedMarkdown, TextBlock, BlockKind } from "./scan-markdown.js";
export type { FoundLink } from "./find-links.js";
export { analyzeTail } from "./analyze-tail.js";
export type { TailAnalysis } from "./analyze-tail.js";
export { findRepeatedBlocks, normalizeBlock, isProse } from "./repeats.js";
export type { RepeatedBlock } from "./repeats.js";
export { resolveLink, findOutput } from "./resolve-link.js";
export type { LinkTarget } from "./resolve-link.js";
export { hasDisclosure } from "./disclosure.js";
