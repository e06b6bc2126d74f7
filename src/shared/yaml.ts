import { Document, parseDocument, isMap, isSeq, type DocumentOptions, type ParseOptions, type SchemaOptions, type ScalarTag } from "yaml";
import { KijiError, codeFrame } from "./errors.js";
import { messages } from "./messages.js";
import { createSimpleYamlParser } from "./yaml-simple.js";

/**
 * An unquoted YAML timestamp (`2026-02-19 10:56:44 +09:00`, `2026-02-19`), kept as written.
 * Ruby's Psych turns these into Time/Date objects while quoted ones stay strings, and Jekyll's
 * dates depend on the difference, so the content stage decides what they mean.
 */
export class YamlTimestamp {
  constructor(readonly source: string) {}
  toString(): string {
    return this.source;
  }
  toJSON(): string {
    return this.source;
  }
}

// Psych's timestamp and date patterns (YAML 1.1), which decide what counts as a timestamp.
const TIMESTAMP_RE =
  /^\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?$/;
const DATE_RE = /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/;

const timestampTag: ScalarTag = {
  tag: "tag:yaml.org,2002:timestamp",
  default: true,
  identify: (value) => value instanceof YamlTimestamp,
  test: new RegExp(`${TIMESTAMP_RE.source}|${DATE_RE.source}`),
  resolve: (source: string) => new YamlTimestamp(source),
  stringify: (item) => String(item.value),
};

// Psych's reading of YAML: version 1.1 types, our timestamps, repeated keys allowed (the last wins).
const PSYCH_OPTIONS: DocumentOptions & ParseOptions & SchemaOptions = {
  version: "1.1",
  schema: "yaml-1.1",
  customTags: (tags) => [...tags.filter((t) => typeof t === "string" ? t !== "timestamp" : t.tag !== timestampTag.tag), timestampTag],
  uniqueKeys: false,
  prettyErrors: true,
};

/**
 * Plain front matter (`key: value` lines, simple lists) resolved with parseYaml's own schema
 * without building a syntax tree; undefined when the text needs the full parser.
 */
export const parseSimpleYaml = createSimpleYamlParser(new Document(null, PSYCH_OPTIONS));

/** Options for parseYaml. */
export interface ParseYamlOptions {
  /** File name for errors. */
  readonly file?: string;
  /** Line of the file on which `text` starts (front matter starts on line 2). */
  readonly firstLine?: number;
  /** The whole file, for the code frame. */
  readonly fileText?: string;
  /** False to skip the fast path for plain front matter (tests compare the two). Default: true. */
  readonly fastPath?: boolean;
}

/** Deepest nesting accepted: deeper documents are a mistake or an attack. */
const MAX_DEPTH = 64;

/**
 * Parses YAML as Ruby's Psych reads Jekyll files (YAML 1.1: `yes`/`no` booleans, timestamps),
 * with alias expansion limited (no "billion laughs") and errors carrying file, line and column.
 */
export function parseYaml(text: string, options: ParseYamlOptions = {}): unknown {
  const simple = options.fastPath === false ? undefined : parseSimpleYaml(text);
  if (simple !== undefined) return simple;
  const firstLine = options.firstLine ?? 1;
  const doc = parseDocument(text, PSYCH_OPTIONS);
  const problem = doc.errors[0];
  if (problem) {
    const pos = problem.linePos?.[0];
    const line = pos ? pos.line + firstLine - 1 : firstLine;
    const detail = problem.message.split("\n")[0] ?? problem.message;
    const { message, hint } = messages.yamlSyntax(detail.replace(/ at line \d+, column \d+:?$/, ""));
    throw new KijiError(message, {
      file: options.file,
      line,
      column: pos?.col,
      hint,
      frame: options.fileText !== undefined ? codeFrame(options.fileText, line, pos?.col) : undefined,
    });
  }
  checkDepth(doc.contents, 0, options, firstLine);
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new KijiError(messages.yamlSyntax(detail).message, { file: options.file, line: firstLine, cause: error });
  }
}

function checkDepth(node: unknown, depth: number, options: ParseYamlOptions, firstLine: number): void {
  if (depth > MAX_DEPTH) {
    throw new KijiError(messages.yamlSyntax(`nested more than ${MAX_DEPTH} levels deep`).message, {
      file: options.file,
      line: firstLine,
    });
  }
  if (isMap(node)) {
    for (const pair of node.items) checkDepth(pair.value, depth + 1, options, firstLine);
  } else if (isSeq(node)) {
    for (const item of node.items) checkDepth(item, depth + 1, options, firstLine);
  }
}
