import { KijiError, codeFrame, messages, parseYaml } from "../shared/index.js";

/** A source text split into front matter and body. */
export interface FrontMatterResult {
  /** The front-matter keys (an empty object when there is none). */
  readonly data: Record<string, unknown>;
  /** Everything after the closing fence. */
  readonly body: string;
  /** Line of the file on which `body` starts (1-based), so body errors point at the file's own lines. */
  readonly bodyLine: number;
  readonly hasFrontMatter: boolean;
}

const OPENING = /^---([ \t]*)\n/;
const LANGUAGE_FENCE = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*\n/;
// Jekyll's closing fence: `\s*$\n?` also swallows blank lines right after it, which changes excerpts.
const CLOSING = /^(?:---|\.\.\.)\s*$\n?/m;

/** True when the text starts with a front-matter fence (Jekyll's has_yaml_header? check). */
export function hasFrontMatter(head: string): boolean {
  return /^(?:\uFEFF)?---[ \t]*\r?\n/.test(head) || /^(?:\uFEFF)?---[ \t]*[A-Za-z][\w-]*[ \t]*\r?\n/.test(head);
}

/** A BOM dropped and CRLF/CR line endings made LF, so lines and fences read the same everywhere. */
export function normalizeText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes("\r") ? withoutBom.replace(/\r\n?/g, "\n") : withoutBom;
}

function lineCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/**
 * Splits YAML front matter off a normalized text with Jekyll's fence rules (opening `---`,
 * closing `---` or `...`). Refuses front matter in other languages (`---js`) without running
 * it, an unclosed fence, and YAML that is not a mapping; errors carry file, line and column.
 */
export function parseFrontMatter(text: string, file: string): FrontMatterResult {
  if (!OPENING.test(text)) {
    const language = LANGUAGE_FENCE.exec(text)?.[1];
    if (language) {
      const { message, hint } = messages.frontMatterLanguage(language);
      throw new KijiError(message, { file, line: 1, column: 4, hint, frame: codeFrame(text, 1, 4) });
    }
    return { data: {}, body: text, bodyLine: 1, hasFrontMatter: false };
  }
  const start = text.indexOf("\n") + 1;
  const rest = text.slice(start);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    const { message, hint } = messages.frontMatterUnclosed();
    throw new KijiError(message, { file, line: 1, hint, frame: codeFrame(text, 1) });
  }
  const yamlText = rest.slice(0, closing.index);
  const bodyStart = start + closing.index + closing[0].length;
  const parsed = parseYaml(yamlText, { file, firstLine: 2, fileText: text });
  let data: Record<string, unknown> = {};
  if (parsed !== null && parsed !== undefined) {
    if (typeof parsed !== "object" || Array.isArray(parsed)) {
      const kind = Array.isArray(parsed) ? "list" : `single ${typeof parsed} value`;
      throw new KijiError(messages.frontMatterNotMapping(kind).message, { file, line: 2 });
    }
    data = parsed as Record<string, unknown>;
  }
  return { data, body: text.slice(bodyStart), bodyLine: lineCount(text.slice(0, bodyStart)) + 1, hasFrontMatter: true };
}
