import type { ElementContent, Properties, RootContent } from "hast";
import { common, createLowlight } from "lowlight";

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

// Renames highlight.js spans to Rouge classes; spans with no equivalent are unwrapped.
function toRouge(nodes: readonly RootContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === "text") out.push(node);
    else if (node.type === "element") {
      const children = toRouge(node.children);
      const className = rougeClass((node.properties.className as string[] | undefined) ?? []);
      if (className) out.push({ type: "element", tagName: "span", properties: { className: [className] } as Properties, children });
      else out.push(...children);
    }
  }
  return out;
}

/** A syntax highlighter: code → hast spans with Rouge's class names, or undefined for plain text. */
export type Highlighter = (code: string, language: string) => ElementContent[] | undefined;

/** Creates a build-time highlighter (highlight.js's common languages via lowlight). */
export function createHighlighter(): Highlighter {
  const lowlight = createLowlight(common);
  return (code, language) => {
    if (!lowlight.registered(language)) return undefined;
    return toRouge(lowlight.highlight(language, code).children);
  };
}
