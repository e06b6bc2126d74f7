import type { ElementContent, Properties, RootContent } from "hast";
import { common, createLowlight } from "lowlight";
import { rougeSubtype, type Token, toRougeTokens } from "./rouge-tokens.js";

// highlight.js scopes → the short Pygments-style classes Rouge prints (so Rouge CSS themes apply).
// Scopes without an equivalent keep their text and lose the span.
const ROUGE_CLASS: Readonly<Record<string, string>> = {
  keyword: "k", built_in: "nb", type: "kt", literal: "kc", number: "m", string: "s", subst: "si",
  comment: "c", doctag: "sd", "title.function": "nf", "title.function.invoke": "nf", "title.class": "nc",
  title: "nf", variable: "nv", "variable.language": "bp", "template-variable": "nv", attr: "na", attribute: "na",
  symbol: "ss", regexp: "sr", meta: "cp", tag: "nt", name: "nt", operator: "o", punctuation: "p", property: "py",
  "selector-tag": "nt", "selector-class": "nc", "selector-id": "ni", "selector-attr": "na", "selector-pseudo": "nd",
  addition: "gi", deletion: "gd", section: "gh", emphasis: "ge", strong: "gs", "char.escape": "se", bullet: "k",
};

function rougeClass(hljsClasses: readonly string[]): string | undefined {
  const scope = hljsClasses.map((name) => name.replace(/^hljs-/, "").replace(/_+$/, "")).filter(Boolean).join(".");
  return ROUGE_CLASS[scope] ?? ROUGE_CLASS[scope.split(".")[0] ?? ""];
}

function textOf(node: RootContent): string {
  if (node.type === "text") return node.value;
  return node.type === "element" ? node.children.map(textOf).join("") : "";
}

// highlight.js's nested spans as a flat list of tokens, each with the Rouge class of its innermost
// span that has one (Rouge's tokens do not nest).
function flatten(nodes: readonly RootContent[], language: string, inherited: string | undefined, out: Token[]): Token[] {
  for (const node of nodes) {
    if (node.type === "text") out.push({ cls: inherited, text: node.value });
    else if (node.type === "element") {
      const cls = rougeClass((node.properties.className as string[] | undefined) ?? []);
      flatten(node.children, language, cls === undefined ? inherited : rougeSubtype(cls, textOf(node), language), out);
    }
  }
  return out;
}

function toHast(tokens: readonly Token[]): ElementContent[] {
  return tokens.map(({ cls, text }) =>
    cls === undefined ? { type: "text", value: text } : { type: "element", tagName: "span", properties: { className: [cls] } as Properties, children: [{ type: "text", value: text }] },
  );
}

// Rouge's names that highlight.js knows by another name (its `shell` is a terminal session).
const HLJS_LANGUAGE: Readonly<Record<string, string>> = { shell: "bash", zsh: "bash", ksh: "bash" };

/** A syntax highlighter: code → hast spans with Rouge's class names, or undefined for plain text. */
export type Highlighter = (code: string, language: string) => ElementContent[] | undefined;

/**
 * Creates a build-time highlighter: highlight.js's common languages (via lowlight), its tokens
 * renamed to Rouge's classes and refined as Rouge's lexers split them (see rouge-tokens.ts).
 */
export function createHighlighter(): Highlighter {
  const lowlight = createLowlight(common);
  return (code, language) => {
    const name = HLJS_LANGUAGE[language] ?? language;
    if (!lowlight.registered(name)) return undefined;
    const tokens = flatten(lowlight.highlight(name, code).children, language, undefined, []);
    return toHast(toRougeTokens(tokens, language));
  };
}
