/** Where kiji's messages go; stages receive one instead of printing. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  /** Warnings said so far, for the summary and for `--strict`. */
  readonly warnings: readonly string[];
}

/** Options for createLogger. */
export interface LoggerOptions {
  readonly quiet?: boolean;
  readonly verbose?: boolean;
  readonly write?: (line: string) => void;
}

/** A logger that writes lines to stderr (or `write`), honouring quiet and verbose. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const warnings: string[] = [];
  return {
    warnings,
    info(message) {
      if (!options.quiet) write(message);
    },
    warn(message) {
      warnings.push(message);
      write(`warning: ${message}`);
    },
    debug(message) {
      if (options.verbose) write(message);
    },
  };
}

/** A logger that only records warnings: for tests and library use. */
export function createSilentLogger(): Logger {
  return createLogger({ write: () => {} });
}
