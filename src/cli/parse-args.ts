import { parseArgs } from "node:util";

/** A parsed command line. */
export interface CliCommand {
  readonly command: "build" | "help" | "version";
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
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

const COMMANDS: Readonly<Record<string, CliCommand["command"]>> = { build: "build", b: "build", help: "help" };

export const USAGE = `Usage: kiji <command> [options]

Commands:
  build, b              Build the site into the destination folder
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
  -h, --help            Show this help
  -v, --version         Print kiji's version

Exit codes: 0 success, 1 build error, 2 usage error.`;

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
  const name = positionals[0];
  let command: CliCommand["command"] = values.help ? "help" : values.version ? "version" : "build";
  if (name !== undefined && !values.help && !values.version) {
    const known = COMMANDS[name];
    if (!known) throw new UsageError(`unknown command '${name}'`);
    command = known;
  } else if (name === undefined && !values.help && !values.version) {
    command = "help";
  }
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
  };
}
