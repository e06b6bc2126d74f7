import type { MigrationReport } from "./migrate-blocks.js";

const REASONS = { marker: "marker", repeat: "repeats", fragment: "cut piece of", break: "break" } as const;

/** The migration report for a terminal: per post what moved, what was dropped, what to look at. */
export function formatMigrationText(report: MigrationReport): string {
  const lines: string[] = [];
  for (const post of report.posts) {
    lines.push(`${post.file}:`);
    if (post.pinned.length > 0) lines.push(`  related: pinned ${post.pinned.join(", ")}`);
    for (const dead of post.deadRelated) lines.push(`  related: dropped line ${dead.line}: ${dead.text} (no such post)`);
    if (post.books.length > 0) lines.push(`  books: ${post.books.map((book) => book.asin).join(", ")}`);
    if (post.removedCta) lines.push("  cta: removed (the layout shows the category's CTA)");
    if (post.tail) {
      const count = (reason: string): number => post.tail!.removed.filter((r) => r.reason === reason).length;
      lines.push(`  ---END--- at line ${post.tail.line}: removed ${count("marker")} marker(s), ${count("repeat")} repeated block(s), ${count("fragment")} cut fragment(s); kept ${post.tail.kept.length} block(s) found only after it`);
      for (const r of post.tail.removed) if (r.reason !== "marker") lines.push(`    removed line ${r.line} (${REASONS[r.reason]}${r.ofLine === undefined ? "" : ` line ${r.ofLine}`}): ${r.text}`);
      for (const text of post.tail.kept) lines.push(`    kept line ${text.line} (new text${text.inPlaceOf === undefined ? "" : `, in place of line ${text.inPlaceOf}`}): ${text.text}`);
    }
    for (const repeat of post.repeats) lines.push(`  repeated paragraph, line ${repeat.line}: ${repeat.text}`);
  }
  for (const book of report.newBooks) lines.push(`_data/books.yml: added ${book.asin} ${book.title}`);
  const verb = report.dryRun ? "would change" : "changed";
  lines.push(`kiji: migrate blocks ${verb} ${report.changedFiles.length} file${report.changedFiles.length === 1 ? "" : "s"}${report.dryRun ? " (dry run: nothing written)" : ""}`);
  return `${lines.join("\n")}\n`;
}

/** The migration report for CI, as JSON. */
export function formatMigrationJson(report: MigrationReport): string {
  const posts = report.posts.map(({ before: _before, after: _after, ...rest }) => rest);
  return `${JSON.stringify({ dryRun: report.dryRun, changedFiles: report.changedFiles, newBooks: report.newBooks, posts }, null, 2)}\n`;
}
