import { spawn } from "node:child_process";
import { formatError, messages } from "../shared/index.js";
import { isLoopbackName, startServe, type RebuildOutcome, type ServeSession } from "../serve/index.js";
import type { CliCommand } from "./parse-args.js";

function write(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** One line per rebuild; a failed build prints the same text `kiji build` would. */
function reportRebuild(outcome: RebuildOutcome, quiet: boolean): void {
  if (outcome.error !== undefined) {
    write(`error: ${formatError(outcome.error)}`);
    write("kiji: the last good version of the site is still served; fix the file and save");
    return;
  }
  if (quiet || outcome.result === undefined) return;
  const files = outcome.changed.length;
  write(`kiji: rebuilt in ${outcome.ms.toFixed(0)} ms, ${files} file${files === 1 ? "" : "s"} changed`);
}

function summary(outcome: RebuildOutcome): string {
  const result = outcome.result!;
  return `kiji: built ${result.posts} posts, ${result.pages} pages, ${result.staticFiles} static files into memory in ${(outcome.ms / 1000).toFixed(2)} s`;
}

/** Opens `url` in the desktop's browser; failures only cost the convenience. */
function openBrowser(url: string): void {
  const [program, args] = process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  const child = spawn(program as string, args as string[], { detached: true, stdio: "ignore" });
  child.on("error", () => write(`kiji: could not open a browser; visit ${url}`));
  child.unref();
}

function waitForStop(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}

/** `kiji serve`: builds into memory, serves, rebuilds on change until Ctrl-C. */
export async function runServe(command: CliCommand): Promise<number> {
  const host = command.host ?? "127.0.0.1";
  if (!isLoopbackName(host)) {
    const { message, hint } = messages.serveHostExposed(host);
    write(`warning: ${message}\nhint: ${hint}`);
  }
  let session: ServeSession;
  try {
    session = await startServe({
      build: {
        source: command.source,
        configFiles: command.configFiles,
        overrides: { destination: command.destination, show_drafts: command.drafts || undefined, future: command.future || undefined, unpublished: command.unpublished || undefined, baseurl: command.baseurl },
      },
      host,
      port: command.port ?? 4000,
      baseurl: command.baseurl,
      livereload: command.livereload,
      logger: { quiet: command.quiet, verbose: command.verbose },
      onRebuild: (outcome) => reportRebuild(outcome, command.quiet),
      onError: (error) => write(`error: ${formatError(error)}`),
    });
  } catch (error) {
    write(`error: ${formatError(error)}`);
    return 1;
  }
  if (session.initial.error !== undefined) reportRebuild(session.initial, command.quiet);
  else process.stdout.write(`${summary(session.initial)}\n`);
  process.stdout.write(`kiji: serving at ${session.server.url} (live reload ${command.livereload ? "on" : "off"}). Press Ctrl-C to stop.\n`);
  if (command.open) openBrowser(session.server.url);
  await waitForStop();
  await session.close();
  return 0;
}
