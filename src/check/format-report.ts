import type { CheckReport } from "./check-site.js";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The report for a terminal: `file:line: severity: message [rule]`, a hint line, and one summary line. */
export function formatReportText(report: CheckReport): string {
  const lines: string[] = [];
  for (const finding of report.findings) {
    lines.push(`${finding.file}:${finding.line}: ${finding.severity}: ${finding.message} [${finding.rule}]`);
    if (finding.hint) lines.push(`  hint: ${finding.hint}`);
  }
  const checked = `${plural(report.posts, "post")}, ${plural(report.pages, "page")}`;
  lines.push(`kiji: checked ${checked}: ${plural(report.errors, "error")}, ${plural(report.warnings, "warning")} in ${(report.ms / 1000).toFixed(2)} s`);
  return `${lines.join("\n")}\n`;
}

/** The report for CI: one JSON document (findings with rule, severity, file, line, message, hint). */
export function formatReportJson(report: CheckReport): string {
  const { findings, errors, warnings, posts, pages, ms } = report;
  return `${JSON.stringify({ errors, warnings, posts, pages, ms: Math.round(ms), findings }, null, 2)}\n`;
}
