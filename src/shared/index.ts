/** Leaf helpers every stage may use: errors, messages, digests, paths, logging. */
export { KijiError, isKijiError, wrapError, codeFrame, formatError } from "./errors.js";
export type { SourceLocation, KijiErrorDetails } from "./errors.js";
export { messages } from "./messages.js";
export type { Message } from "./messages.js";
export { digest, digestAll } from "./digest.js";
export { toPosix, isInside, resolveInside, resolveInsideReal } from "./paths.js";
export { createLogger, createSilentLogger } from "./logger.js";
export type { Logger, LoggerOptions } from "./logger.js";
export { parseSimpleYaml, parseYaml, YamlTimestamp } from "./yaml.js";
export type { ParseYamlOptions } from "./yaml.js";
export { kijiVersion, engineDigest } from "./version.js";
export { createYielder, nextTurn, runPausing, runSteps } from "./yield-often.js";
