import type { Element, ElementContent, Properties } from "hast";
import type { Code, InlineCode } from "mdast";
import type { State } from "mdast-util-to-hast";
import type { Highlighter } from "../tree/highlight.js";
import { ROUGE_LANGUAGES } from "../tree/rouge-languages.js";

function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

// IAL attributes of the node (data.hProperties), with its classes put between kramdown's own.
function withClasses(properties: Properties | undefined, before: string, after: string): Properties {
  const own = Array.isArray(properties?.className) ? properties.className.map(String) : [];
  return { ...properties, className: [before, ...own, after] };
}

/**
 * Code blocks as Jekyll's kramdown + Rouge print them: a language Rouge knows (or none, which
 * is `plaintext`) gets `<div class="language-x highlighter-rouge"><div class="highlight"><pre
 * class="highlight"><code>` with highlighted spans; any other name a bare
 * `<pre><code class="language-x">`.
 */
export function createCodeHandler(highlight: Highlighter) {
  return (state: State, node: Code): Element => {
    const properties = node.data?.hProperties;
    const code = `${node.value}\n`;
    const language = node.lang ?? "plaintext";
    if (!ROUGE_LANGUAGES.has(language)) {
      const result = element("pre", { ...properties }, [element("code", { className: [`language-${language}`] }, [{ type: "text", value: code }])]);
      state.patch(node, result);
      return result;
    }
    const spans = highlight(code, language) ?? [{ type: "text", value: code }];
    const pre = element("pre", { className: ["highlight"] }, [element("code", {}, spans)]);
    const result = element("div", withClasses(properties, `language-${language}`, "highlighter-rouge"), [element("div", { className: ["highlight"] }, [pre])]);
    state.patch(node, result);
    return result;
  };
}

/** Inline code as kramdown + Rouge print it: `<code class="language-plaintext highlighter-rouge">`. */
export function inlineCode(state: State, node: InlineCode): Element {
  const result = element("code", withClasses(node.data?.hProperties, "language-plaintext", "highlighter-rouge"), [{ type: "text", value: node.value }]);
  state.patch(node, result);
  return result;
}
