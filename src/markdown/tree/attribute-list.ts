import type { Properties } from "hast";

/** A parsed kramdown attribute list (the inside of `{: … }`). */
export interface AttributeList {
  readonly id?: string;
  readonly classes: readonly string[];
  readonly attributes: ReadonlyArray<readonly [string, string]>;
  /** Names of ALDs referenced (`{: name}`); `toc` is kramdown's table-of-contents marker. */
  readonly refs: readonly string[];
}

// kramdown's ALD_TYPE_ANY (parser/kramdown/extensions.rb): key="value" pairs, references and
// `.class#id` runs, each separated by white space; anything else is ignored (with a warning there).
const NAME = String.raw`\w[\w-]*`;
const ITEM = new RegExp(
  String.raw`(?:^|\s)(?:(${NAME})=("|')((?:\\\}|\\\2|(?!\2)[^}])*?)\2|(${NAME})|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?=\s|$)`,
  "g",
);
const ID_OR_CLASS = /#([A-Za-z][\w:-]*)|\.([^\s.#]+)/g;

/** Parses the text between `{:` and `}` as kramdown does (parse_attribute_list). */
export function parseAttributeList(text: string): AttributeList {
  let id: string | undefined;
  const classes: string[] = [];
  const attributes: Array<[string, string]> = [];
  const refs: string[] = [];
  for (const match of text.matchAll(ITEM)) {
    const [, key, quote, value, ref, idsAndClasses] = match;
    if (ref !== undefined) refs.push(ref);
    else if (idsAndClasses !== undefined) {
      for (const [, idName, className] of idsAndClasses.matchAll(ID_OR_CLASS)) {
        if (className !== undefined) classes.push(className);
        else id = idName;
      }
    } else if (key !== undefined && value !== undefined) {
      attributes.push([key, value.replace(new RegExp(String.raw`\\(\}|${quote})`, "g"), "$1")]);
    }
  }
  return { ...(id === undefined ? {} : { id }), classes, attributes, refs };
}

/**
 * Adds an attribute list to hast properties as kramdown's update_attr_with_ial does: referenced
 * ALDs first, classes appended, other attributes overwritten.
 */
export function mergeAttributes(properties: Properties, list: AttributeList, alds: ReadonlyMap<string, AttributeList>, depth = 0): void {
  for (const ref of list.refs) {
    const ald = alds.get(ref);
    if (ald && depth < 10) mergeAttributes(properties, ald, alds, depth + 1);
  }
  if (list.classes.length > 0) {
    const existing = Array.isArray(properties.className) ? properties.className.map(String) : [];
    properties.className = [...existing, ...list.classes];
  }
  if (list.id !== undefined) properties.id = list.id;
  for (const [key, value] of list.attributes) {
    if (key === "class") properties.className = [...(Array.isArray(properties.className) ? properties.className.map(String) : []), ...value.split(/\s+/).filter(Boolean)];
    else properties[key] = value;
  }
}
