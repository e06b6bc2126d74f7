import { parseArgs, type ParseArgsConfig } from "node:util";
import { formatError } from "../shared/index.js";
import { UsageError } from "./parse-args.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** A content-tool subcommand (`new`, `check`, `migrate`): its flags, usage and what it does. */
export interface ToolCommand {
  readonly usage: string;
  readonly options: Options;
  /** Runs with parsed flags and positionals; returns the exit code. */
  run(values: Record<string, string | boolean | undefined>, positionals: readonly string[]): Promise<number>;
}

/** Flags every content tool shares with `kiji build`. */
export const COMMON_OPTIONS = {
  source: { type: "string", short: "s" },
  config: { type: "string" },
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/** `--config a,b` as a list. */
export function configFiles(value: unknown): string[] | undefined {
  return typeof value === "string" ? value.split(",").map((file) => file.trim()).filter(Boolean) : undefined;
}

/** `--format text|json`; anything else is a usage error. */
export function outputFormat(value: unknown): "text" | "json" {
  if (value === undefined || value === "text") return "text";
  if (value === "json") return "json";
  throw new UsageError(`--format must be text or json, not '${String(value)}'`);
}

/**
 * Parses a tool's argv and runs it: usage errors exit 2 with the tool's usage, kiji errors print
 * `file:line: message` and exit 1 (as JSON with --format json).
 */
export async function runToolCommand(tool: ToolCommand, argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: tool.options, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      process.stdout.write(`${tool.usage}\n`);
      return 0;
    }
    outputFormat(parsed.values.format);
  } catch (error) {
    process.stderr.write(`kiji: ${error instanceof Error ? error.message : String(error)}\n\n${tool.usage}\n`);
    return 2;
  }
  try {
    return await tool.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`kiji: ${error.message}\n\n${tool.usage}\n`);
      return 2;
    }
    if (parsed.values.format === "json") process.stdout.write(`${JSON.stringify({ error: errorData(error) }, null, 2)}\n`);
    process.stderr.write(`error: ${formatError(error)}\n`);
    return 1;
  }
}

function errorData(error: unknown): Record<string, unknown> {
  const { message, file, line, hint } = error as { message?: string; file?: string; line?: number; hint?: string };
  return { message: message ?? String(error), file, line, hint };
}
