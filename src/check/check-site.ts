import { loadSite, type LoadSiteOptions } from "../build/index.js";
import { isKijiError } from "../shared/index.js";
import { createCheckContext } from "./check-context.js";
import { createFinding, sortFindings, type Finding } from "./finding.js";
import { checkAffiliate } from "./rules-affiliate.js";
import { checkFrontMatter } from "./rules-front-matter.js";
import { checkLinks } from "./rules-links.js";
import { checkDuplicateTitles, checkNearDuplicates, checkTagVariants } from "./rules-site.js";
import { checkStructure } from "./rules-structure.js";

/** What `kiji check` found. */
export interface CheckReport {
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  /** Posts (drafts included when shown) and pages checked. */
  readonly posts: number;
  readonly pages: number;
  readonly ms: number;
}

/** Collects a report from findings. */
function report(findings: readonly Finding[], posts: number, pages: number, started: number): CheckReport {
  const sorted = sortFindings(findings);
  const errors = sorted.filter((finding) => finding.severity === "error").length;
  return { findings: sorted, errors, warnings: sorted.length - errors, posts, pages, ms: performance.now() - started };
}

/**
 * Checks a site: reads it as the build does (same config, flags and content model), then applies
 * every rule to every post and page, and the site-wide rules (tags, titles, near-duplicates). A
 * site that does not even load (bad YAML, an impossible date) is one `build-error` finding.
 */
export async function checkSite(options: LoadSiteOptions): Promise<CheckReport> {
  const started = performance.now();
  let site;
  try {
    site = await loadSite(options);
  } catch (error) {
    if (!isKijiError(error)) throw error;
    const finding = createFinding("build-error", error.file ?? ".", error.line ?? 1, { message: error.message, hint: error.hint });
    return report([finding], 0, 0, started);
  }
  const context = createCheckContext(site);
  const findings: Finding[] = [];
  for (const document of context.documents) {
    findings.push(...checkLinks(document, context), ...checkStructure(document), ...checkFrontMatter(document, context), ...checkAffiliate(document, context));
  }
  findings.push(...checkTagVariants(context), ...checkDuplicateTitles(context), ...checkNearDuplicates(context));
  const posts = context.documents.filter((document) => document.isPost).length;
  return report(findings, posts, context.documents.length - posts, started);
}
