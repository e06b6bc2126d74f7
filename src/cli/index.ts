/** argv → command; the one place that prints the final report and sets the exit code. */
export { main } from "./main.js";
export { parseCommandLine, UsageError, USAGE } from "./parse-args.js";
export type { CliCommand } from "./parse-args.js";
