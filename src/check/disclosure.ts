import type { LoadedSite } from "../build/index.js";

/** The part of a disclosure sentence to look for: its first sentence, marks and white space dropped. */
export function disclosureKey(sentence: string): string {
  const first = sentence.normalize("NFKC").split(/(?<=[。.!?！？])/)[0] ?? sentence;
  return first.replace(/[\s*_※]/g, "");
}

/** True when `text` carries the disclosure sentence (any Markdown emphasis or spacing). */
export function hasDisclosure(text: string, sentence: string): boolean {
  return text.normalize("NFKC").replace(/[\s*_※]/g, "").includes(disclosureKey(sentence));
}

const INCLUDE = /\{%-?\s*include\s+["']?([^"'\s%]+)/g;

/**
 * True when a layout, its parent layouts or the includes they use show the disclosure: they
 * contain its sentence, or a name with "disclosure" in it (an include, a config value).
 */
export function layoutsShowDisclosure(layoutName: string, site: Pick<LoadedSite, "layouts" | "includes">, sentence: string): boolean {
  const texts: string[] = [];
  const seen = new Set<string>();
  let name: string | undefined = layoutName;
  while (name && !seen.has(name)) {
    seen.add(name);
    const layout = site.layouts.find((candidate) => candidate.layoutName === name);
    if (!layout) break;
    texts.push(layout.text);
    name = typeof layout.data.layout === "string" ? layout.data.layout : undefined;
  }
  for (let i = 0; i < texts.length; i++) {
    for (const match of texts[i]!.matchAll(INCLUDE)) {
      const include = site.includes.find((candidate) => candidate.name === match[1]);
      if (include && !seen.has(`include:${include.name}`)) {
        seen.add(`include:${include.name}`);
        texts.push(include.text);
      }
    }
  }
  return texts.some((text) => /disclosure/i.test(text) || hasDisclosure(text, sentence));
}
