/**
 * Sets a top-level front-matter key to a flow list (`key: ["a", "b"]`), as text: the key's old
 * lines are replaced, or a new line goes right before the closing fence. Every other line of the
 * file stays byte for byte as it was.
 */
export function setFrontMatterList(text: string, bodyLine: number, key: string, values: readonly string[]): string {
  const lines = text.split("\n");
  // The closing fence: the last '---' or '...' above the body (blank lines after it belong to neither).
  let closing = bodyLine - 2;
  while (closing > 0 && !/^(?:---|\.\.\.)\s*$/.test(lines[closing]!)) closing--;
  const line = `${key}: [${values.map((value) => JSON.stringify(value)).join(", ")}]`;
  const start = lines.findIndex((text, i) => i > 0 && i < closing && text.startsWith(`${key}:`));
  if (start === -1) {
    lines.splice(closing, 0, line);
  } else {
    let end = start + 1;
    while (end < closing && /^(?:[ \t]|-)/.test(lines[end]!)) end++;
    lines.splice(start, end - start, line);
  }
  return lines.join("\n");
}

/** The strings of a front-matter list value (`related:`, `books:`); other values give none. */
export function listValues(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item) => typeof item === "string" || typeof item === "number").map(String);
}
