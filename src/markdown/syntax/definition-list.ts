import type { Extension as FromMarkdownExtension } from "mdast-util-from-markdown";
import type { BlockContent, DefinitionContent, PhrasingContent } from "mdast";

declare module "micromark-util-types" {
  interface TokenTypeMap {
    defList: "defList";
    defListTerm: "defListTerm";
    defListDescription: "defListDescription";
  }
  interface Token {
    /** Set by micromark-extension-definition-list on a description after a blank line. */
    _loose?: boolean;
  }
}

declare module "mdast" {
  /** A kramdown definition list (`Term\n: definition`): terms and descriptions in source order. */
  interface DefinitionList extends Parent {
    type: "definitionList";
    children: Array<DefinitionTerm | DefinitionDescription>;
  }
  /** One term line of a definition list. */
  interface DefinitionTerm extends Parent {
    type: "definitionTerm";
    children: PhrasingContent[];
  }
  /** One `: definition`; `spread` when a blank line comes before it (its first paragraph keeps <p>). */
  interface DefinitionDescription extends Parent {
    type: "definitionDescription";
    spread: boolean;
    children: Array<BlockContent | DefinitionContent>;
  }
  interface RootContentMap {
    definitionList: DefinitionList;
    definitionTerm: DefinitionTerm;
    definitionDescription: DefinitionDescription;
  }
}

/**
 * mdast-util-from-markdown extension for micromark-extension-definition-list's tokens (the
 * syntax itself: a paragraph's lines become terms when a `: ` line follows, as in kramdown).
 */
export function definitionListFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      defList(token) {
        this.enter({ type: "definitionList", children: [] }, token);
      },
      defListTerm(token) {
        this.enter({ type: "definitionTerm", children: [] }, token);
      },
      defListDescription(token) {
        this.enter({ type: "definitionDescription", spread: token._loose === true, children: [] }, token);
      },
    },
    exit: {
      defList(token) {
        this.exit(token);
      },
      defListTerm(token) {
        this.exit(token);
      },
      defListDescription(token) {
        this.exit(token);
      },
    },
  };
}
