import type { Properties } from "hast";
import type { Nodes } from "mdast";

/** The hast properties an mdast node will carry into HTML (`data.hProperties`), created on first use. */
export function hastPropertiesOf(node: Nodes): Properties {
  node.data ??= {};
  node.data.hProperties ??= {};
  return node.data.hProperties;
}
