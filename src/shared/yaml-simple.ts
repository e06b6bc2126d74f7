import { isScalar, type Document } from "yaml";

/** Parses the plain shapes of front matter, or gives undefined for anything it does not handle. */
export type SimpleYamlParser = (text: string) => Record<string, unknown> | undefined;

interface ScalarTagLike {
  readonly tag: string;
  readonly default?: boolean | "key";
  readonly test?: RegExp;
  readonly resolve: (value: string, onError: (message: string) => void, options: unknown) => unknown;
}

const STRING_TAG = "tag:yaml.org,2002:str";
// `key: value` at the start of a line; the key a plain word, the colon followed by a space or the line's end.
const ENTRY = /^([A-Za-z_][\w-]*):(?: +(.*))?$/;
const SEQUENCE_ITEM = /^( *)- +(.*)$/;
// A plain scalar this parser takes: no indicator first, no `: `, ` #`, tab or trailing colon inside.
const PLAIN = /^(?![-?:,[\]{}#&*!|>'"%@`\s])(?!.*(?:: | #|\t|:$))./;
// Inside `[…]` also no `:` (it would make a pair), no brackets and nothing empty (a trailing comma).
const FLOW_PLAIN = /^(?![-?[\]{}#&*!|>'"%@`\s])[^,:[\]{}#\t]+$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'([^']*)'$/;

/**
 * Creates a parser for the front matter nearly every post has — top-level `key: value` lines,
 * quoted strings without escapes, flow lists `[a, "b"]` and `- item` lists of such scalars,
 * comment lines — which resolves plain scalars with the very tags of `doc`'s schema, so it
 * yields what the full parser would. Anything else (nesting, escapes, anchors, block scalars,
 * multi-line values) gives undefined and goes to the full parser, which also reports errors.
 * The full YAML parser costs about half a millisecond per post; this a few microseconds.
 */
export function createSimpleYamlParser(doc: Document): SimpleYamlParser {
  const tags = (doc.schema.tags as unknown as ScalarTagLike[]).filter((tag) => tag.default === true && tag.test !== undefined);
  const keyTags = (doc.schema.tags as unknown as ScalarTagLike[]).filter((tag) => tag.default !== undefined && tag.test !== undefined);
  const unresolved = Symbol("unresolved");

  // The value of a plain scalar as the schema's first matching tag resolves it (strings by default).
  const resolvePlain = (source: string, candidates: readonly ScalarTagLike[]): unknown => {
    const tag = candidates.find((candidate) => candidate.test!.test(source));
    if (!tag || tag.tag === STRING_TAG) return source;
    let failed = false;
    const resolved = tag.resolve(source, () => (failed = true), doc.options);
    if (failed) return unresolved;
    return isScalar(resolved) ? resolved.value : resolved;
  };

  const scalar = (source: string, plain: RegExp): unknown => {
    const quoted = DOUBLE_QUOTED.exec(source) ?? SINGLE_QUOTED.exec(source);
    if (quoted) return quoted[1];
    return plain.test(source) ? resolvePlain(source, tags) : unresolved;
  };

  const flowList = (source: string): unknown[] | typeof unresolved => {
    const inner = source.slice(1, -1).trim();
    if (inner === "") return [];
    const items = inner.split(",").map((item) => scalar(item.trim(), FLOW_PLAIN));
    return items.includes(unresolved) ? unresolved : items;
  };

  const value = (source: string): unknown => {
    if (source.startsWith("[") && source.endsWith("]")) return flowList(source);
    return scalar(source, PLAIN);
  };

  return (text) => {
    const lines = text.split("\n");
    const data: Record<string, unknown> = {};
    let entries = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === "" || line.startsWith("#")) continue;
      const entry = ENTRY.exec(line);
      if (!entry || entry[1] === "__proto__") return undefined;
      const key = resolvePlain(entry[1]!, keyTags);
      if (typeof key !== "string") return undefined;
      const source = entry[2]?.trimEnd() ?? "";
      let result: unknown;
      if (source !== "") {
        result = value(source);
      } else {
        // An empty value is null, or the list of the `- item` lines that follow.
        const items: unknown[] = [];
        let indent: string | undefined;
        for (let item; i + 1 < lines.length && (item = SEQUENCE_ITEM.exec(lines[i + 1]!)); i++) {
          // Items indented unlike the first would continue it or nest: the full parser decides those.
          if ((indent ??= item[1]!) !== item[1]) return undefined;
          items.push(scalar(item[2]!.trimEnd(), PLAIN));
        }
        result = items.length > 0 ? items : null;
        if (items.includes(unresolved)) return undefined;
      }
      if (result === unresolved) return undefined;
      data[key] = result;
      entries++;
    }
    return entries > 0 ? data : undefined;
  };
}
