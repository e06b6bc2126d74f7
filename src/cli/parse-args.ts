import { parseArgs } from "node:util";

/** A parsed command line. */
export interface CliCommand {
  readonly command: "build" | "serve" | "help" | "version";
  readonly source: string;
  readonly destination?: string;
  readonly configFiles?: readonly string[];
  readonly drafts: boolean;
  readonly future: boolean;
  readonly unpublished: boolean;
  readonly baseurl?: string;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly profile: boolean;
  readonly strict: boolean;
  readonly disableDiskCache: boolean;
  /** `serve` only: address to bind (default 127.0.0.1). */
  readonly host?: string;
  /** `serve` only: port (default 4000). */
  readonly port?: number;
  /** `serve` only: inject the live-reload script (default true). */
  readonly livereload: boolean;
  /** `serve` only: open the site in a browser. */
  readonly open: boolean;
}

/** A command line kiji cannot understand; exit code 2. */
export class UsageError extends Error {}

const OPTIONS = {
  source: { type: "string", short: "s" },
  destination: { type: "string", short: "d" },
  config: { type: "string" },
  drafts: { type: "boolean", short: "D" },
  future: { type: "boolean" },
  unpublished: { type: "boolean" },
  baseurl: { type: "string", short: "b" },
  quiet: { type: "boolean", short: "q" },
  verbose: { type: "boolean", short: "V" },
  profile: { type: "boolean" },
  strict: { type: "boolean" },
  "disable-disk-cache": { type: "boolean" },
  host: { type: "string", short: "H" },
  port: { type: "string", short: "P" },
  livereload: { type: "boolean", short: "l" },
  "no-livereload": { type: "boolean" },
  open: { type: "boolean", short: "o" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

const COMMANDS: Readonly<Record<string, CliCommand["command"]>> = { build: "build", b: "build", serve: "serve", s: "serve", server: "serve", help: "help" };

const SERVE_ONLY = ["host", "port", "livereload", "no-livereload", "open"] as const;

export const USAGE = `Usage: kiji <command> [options]

Commands:
  build, b              Build the site into the destination folder
  serve, s              Build the site into memory, serve it and rebuild it on change
  new "タイトル"         Write a new post with the blog's front matter (kiji new --help)
  check                 Report dead links, repeated text, front-matter and affiliate problems
  migrate blocks        Move pasted related/book/CTA blocks into front matter

Options:
  -s, --source DIR      Site source folder (default: current folder)
  -d, --destination DIR Output folder (default: <source>/_site)
      --config FILE[,FILE]
                        Config files to read instead of _config.yml and site.config.ts
  -D, --drafts          Publish posts in _drafts/
      --future          Publish posts dated in the future
      --unpublished     Publish posts with "published: false"
  -b, --baseurl URL     Serve the site under this path (e.g. /blog)
  -q, --quiet           Print errors and the summary only
  -V, --verbose         Print what each stage does
      --profile         Print the time each stage took
      --strict          Treat warnings as errors (exit 1)
      --disable-disk-cache
                        Do not read or write the cache folder (.kiji-cache)

Serve options:
  -H, --host HOST       Address to listen on (default: 127.0.0.1, this machine only)
  -P, --port PORT       Port to listen on (default: 4000)
  -l, --livereload      Reload open pages when the site changes (the default)
      --no-livereload   Serve pages exactly as built, without the live-reload script
  -o, --open            Open the site in the default browser

  -h, --help            Show this help
  -v, --version         Print kiji's version

Exit codes: 0 success, 1 build error, 2 usage error.`;

function commandName(name: string | undefined, isHelp: boolean, isVersion: boolean): CliCommand["command"] {
  if (isHelp) return "help";
  if (isVersion) return "version";
  if (name === undefined) return "help";
  const known = COMMANDS[name];
  if (!known) throw new UsageError(`unknown command '${name}'`);
  return known;
}

/** Parses argv (without the node and script paths) into a command; throws UsageError. */
export function parseCommandLine(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  const command = commandName(positionals[0], values.help === true, values.version === true);
  if (command !== "serve") {
    const misplaced = SERVE_ONLY.find((name) => values[name] !== undefined);
    if (misplaced) throw new UsageError(`option '--${misplaced}' is only for 'kiji serve'`);
  }
  if (values.livereload && values["no-livereload"]) throw new UsageError("choose one of '--livereload' and '--no-livereload'");
  return {
    command,
    source: values.source ?? ".",
    destination: values.destination,
    configFiles: values.config?.split(",").map((file) => file.trim()).filter(Boolean),
    drafts: values.drafts ?? false,
    future: values.future ?? false,
    unpublished: values.unpublished ?? false,
    baseurl: values.baseurl,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    profile: values.profile ?? false,
    strict: values.strict ?? false,
    disableDiskCache: values["disable-disk-cache"] ?? false,
    host: values.host,
    port: values.port === undefined ? undefined : parsePort(values.port),
    livereload: !values["no-livereload"],
    open: values.open ?? false,
  };
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`invalid port '${text}': give a number from 0 to 65535`);
  return port;
}
