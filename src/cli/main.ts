import { build, type BuildResult } from "../build/index.js";
import { createLogger, formatError, kijiVersion } from "../shared/index.js";
import { parseCommandLine, UsageError, USAGE, type CliCommand } from "./parse-args.js";
import { createProgressBar } from "./progress-bar.js";
import { runToolCommand } from "./tool-command.js";
import { TOOL_COMMANDS } from "./tool-commands.js";

function summary(result: BuildResult, seconds: number): string {
  const parts = [`${result.posts} posts`, `${result.pages} pages`, `${result.staticFiles} static files`];
  const warnings = result.warnings.length > 0 ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"}` : "";
  const unchanged = result.filesUnchanged > 0 ? ` (${result.filesUnchanged} unchanged)` : "";
  const images = result.ogpImages.total > 0 ? `, ${result.ogpImages.total} OGP images (${result.ogpImages.rendered} drawn)` : "";
  return `kiji: built ${parts.join(", ")}${images}: ${result.filesWritten} files written${unchanged} to ${result.config.destination} in ${seconds.toFixed(2)} s${warnings}`;
}

async function runBuild(command: CliCommand): Promise<number> {
  const logger = createLogger({ quiet: command.quiet, verbose: command.verbose });
  const progress = createProgressBar(process.stderr, !command.quiet);
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const started = performance.now();
  try {
    const result = await build({
      source: command.source,
      configFiles: command.configFiles,
      overrides: {
        destination: command.destination,
        show_drafts: command.drafts || undefined,
        future: command.future || undefined,
        unpublished: command.unpublished || undefined,
        baseurl: command.baseurl,
      },
      logger,
      cacheDir: command.disableDiskCache ? false : undefined,
      signal: controller.signal,
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.clear();
    if (command.profile) {
      for (const { stage, ms } of result.timings) process.stderr.write(`  ${stage.padEnd(14)} ${ms.toFixed(1).padStart(9)} ms\n`);
    }
    process.stdout.write(`${summary(result, (performance.now() - started) / 1000)}\n`);
    if (command.strict && result.warnings.length > 0) {
      process.stderr.write("error: warnings are errors with --strict\n");
      return 1;
    }
    return 0;
  } catch (error) {
    progress.clear();
    process.stderr.write(`error: ${formatError(error)}\n`);
    return controller.signal.aborted ? 130 : 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** Runs the kiji command line and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const tool = TOOL_COMMANDS[argv[0] ?? ""];
  if (tool) return runToolCommand(tool, argv.slice(1));
  let command: CliCommand;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kiji: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command.command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.command === "version") {
    process.stdout.write(`kiji ${kijiVersion()}\n`);
    return 0;
  }
  // Loaded only for `kiji serve`: the dev server's modules (watcher, WebSocket) cost a build 0.1 s to load.
  if (command.command === "serve") return (await import("./run-serve.js")).runServe(command);
  return runBuild(command);
}
