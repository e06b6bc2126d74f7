import { messages } from "../shared/index.js";
import type { CheckContext, CheckedDocument } from "./check-context.js";
import { createFinding, type Finding } from "./finding.js";
import { findOutput, resolveLink } from "./resolve-link.js";

/**
 * Internal links and images that point at no file the build writes, and `#anchors` missing from
 * the page they point at (heading ids from the Markdown stage).
 */
export function checkLinks(document: CheckedDocument, context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const link of document.scan.links) {
    const target = resolveLink(link.href, document.doc.url, context.config);
    if (target.kind !== "internal") continue;
    const output = findOutput(target.path, context.outputs);
    if (!output) {
      findings.push(createFinding("dead-link", document.file, link.line, messages.deadLink(link.href, link.isImage)));
      continue;
    }
    if (target.fragment === undefined) continue;
    const page = context.documentAt(output);
    if (!page) continue;
    const anchors = context.anchorsOf(page);
    if (!anchors.has(target.fragment)) {
      findings.push(createFinding("missing-anchor", document.file, link.line, messages.missingAnchor(link.href, [...anchors])));
    }
  }
  return findings;
}

/** A front-matter `image` (a path, or jekyll-seo-tag's `{ path }`) that neither exists nor is generated. */
export function checkImage(document: CheckedDocument, context: CheckContext, lineOf: (key: string) => number): Finding[] {
  const value = document.source.data.image;
  const image = typeof value === "string" ? value : typeof value === "object" && value !== null ? (value as { path?: unknown }).path : undefined;
  if (typeof image !== "string" || image.trim() === "") return [];
  const target = resolveLink(image, document.doc.url, context.config);
  if (target.kind !== "internal" || findOutput(target.path, context.outputs)) return [];
  return [createFinding("missing-image", document.file, lineOf("image"), messages.missingImage(image))];
}
