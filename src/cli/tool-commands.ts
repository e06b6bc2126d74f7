// Each tool is loaded when it runs: `kiji build` should not pay for loading `check` and `migrate`.
import { UsageError } from "./parse-args.js";
import { COMMON_OPTIONS, configFiles, outputFormat, type ToolCommand } from "./tool-command.js";

const SHARED_HELP = `  -s, --source DIR      Site source folder (default: current folder)
      --config FILE[,FILE]
                        Config files to read instead of _config.yml and site.config.ts
      --format FORMAT   text (default) or json
  -h, --help            Show this help`;

const newCommand: ToolCommand = {
  usage: `Usage: kiji new "タイトル" [--slug ascii-slug] [--category C] [--tags a,b] [--draft]

Writes _posts/YYYY-MM-DD-N-slug.md (today in the site's timezone, N the day's next free number)
with the blog's front matter, and prints its path and future URL. Never overwrites a file.

  --slug SLUG           ASCII slug (default: from the title, or a short stable one)
  --category NAME       the post's category
  --tags A,B            comma-separated tags
  -D, --draft           write into _drafts/ instead
${SHARED_HELP}`,
  options: { ...COMMON_OPTIONS, slug: { type: "string" }, category: { type: "string" }, tags: { type: "string" }, draft: { type: "boolean", short: "D" } },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "kiji new needs a title" : `unexpected argument '${positionals[1]}'`);
    const tags = typeof values.tags === "string" ? values.tags.split(",").map((tag) => tag.trim()).filter(Boolean) : [];
    const { createNewPost } = await import("../new-post/index.js");
    const post = await createNewPost({
      source: String(values.source ?? "."),
      configFiles: configFiles(values.config),
      title: positionals[0]!,
      slug: values.slug as string | undefined,
      category: values.category as string | undefined,
      tags,
      draft: values.draft === true,
    });
    if (outputFormat(values.format) === "json") process.stdout.write(`${JSON.stringify(post, null, 2)}\n`);
    else process.stdout.write(`${post.file}\n${post.url}\n${post.hints.map((hint) => `hint: ${hint}\n`).join("")}`);
    return 0;
  },
};

const BUILD_FLAGS = { drafts: { type: "boolean", short: "D" }, future: { type: "boolean" }, unpublished: { type: "boolean" } } as const;
const BUILD_HELP = `  -D, --drafts          Also check _drafts/ (as kiji build --drafts)
      --future          Also check posts dated in the future
      --unpublished     Also check posts with "published: false"`;

function overrides(values: Record<string, unknown>): Record<string, boolean | undefined> {
  return { show_drafts: values.drafts === true || undefined, future: values.future === true || undefined, unpublished: values.unpublished === true || undefined };
}

const checkCommand: ToolCommand = {
  usage: `Usage: kiji check [--strict] [--format text|json]

Reads the site as kiji build does and reports, with file and line, dead internal links and
anchors, ---END--- tails and repeated text, front-matter problems, duplicate and near-duplicate
posts, and affiliate links without tag, rel="sponsored" or disclosure.
Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage error.

      --strict          Warnings fail too
${BUILD_HELP}
${SHARED_HELP}`,
  options: { ...COMMON_OPTIONS, ...BUILD_FLAGS, strict: { type: "boolean" } },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const { checkSite, formatReportJson, formatReportText } = await import("../check/index.js");
    const report = await checkSite({ source: String(values.source ?? "."), configFiles: configFiles(values.config), overrides: overrides(values) });
    process.stdout.write(outputFormat(values.format) === "json" ? formatReportJson(report) : formatReportText(report));
    return report.errors > 0 || (values.strict === true && report.warnings > 0) ? 1 : 0;
  },
};

const migrateCommand: ToolCommand = {
  usage: `Usage: kiji migrate blocks [--dry-run] [--dedupe] [--force]

Moves what the old writing pipeline pasted into posts into front matter: "あわせて読みたい" lists
become related: pins (posts that exist), book blocks become books: (new books go to
_data/books.yml), CTA sections go, and a tail after ---END--- that repeats earlier text is removed.

      --dry-run         Print a unified diff; change nothing
      --dedupe          Also remove paragraphs that repeat earlier ones word for word
      --force           Write files that have uncommitted changes (or are not in git)
${BUILD_HELP}
${SHARED_HELP}`,
  options: { ...COMMON_OPTIONS, ...BUILD_FLAGS, "dry-run": { type: "boolean" }, dedupe: { type: "boolean" }, force: { type: "boolean" } },
  async run(values, positionals) {
    if (positionals[0] !== "blocks" || positionals.length > 1) throw new UsageError("kiji migrate knows one migration: kiji migrate blocks");
    const { formatMigrationJson, formatMigrationText, migrateBlocks } = await import("../migrate/index.js");
    const report = await migrateBlocks({
      source: String(values.source ?? "."),
      configFiles: configFiles(values.config),
      overrides: overrides(values),
      dryRun: values["dry-run"] === true,
      dedupe: values.dedupe === true,
      force: values.force === true,
    });
    if (outputFormat(values.format) === "json") process.stdout.write(formatMigrationJson(report));
    else process.stdout.write(`${report.dryRun ? report.diff : ""}${formatMigrationText(report)}`);
    return 0;
  },
};

/** The content tools by command name. */
export const TOOL_COMMANDS: Readonly<Record<string, ToolCommand>> = { new: newCommand, check: checkCommand, migrate: migrateCommand };
