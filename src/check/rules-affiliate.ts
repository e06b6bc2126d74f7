import { messages } from "../shared/index.js";
import type { CheckContext, CheckedDocument } from "./check-context.js";
import { hasDisclosure } from "./disclosure.js";
import type { FoundLink } from "./find-links.js";
import { createFinding, type Finding } from "./finding.js";

// Amazon stores (amazon.co.jp, amazon.com …) and its short-link hosts, which carry the tag themselves.
const AMAZON_HOST = /(?:^|\.)amazon\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})$/;
const SHORT_HOST = /^(?:amzn\.to|amzn\.asia|a\.co)$/;

function hostOf(href: string): string | undefined {
  if (!/^https?:\/\//i.test(href)) return undefined;
  try {
    return new URL(href).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** True for links to an Amazon store or Amazon's short links. */
export function isAffiliateLink(link: FoundLink, configuredHost?: string): boolean {
  const host = hostOf(link.href);
  return host !== undefined && (AMAZON_HOST.test(host) || SHORT_HOST.test(host) || host === configuredHost);
}

/**
 * Affiliate links without the configured associate tag or without `rel="sponsored"`, and pages
 * with affiliate links whose body and layouts show no disclosure.
 */
export function checkAffiliate(document: CheckedDocument, context: CheckContext): Finding[] {
  const { amazonTag, amazonHost, disclosure } = context.config.affiliate;
  const links = document.scan.links.filter((link) => !link.isImage && isAffiliateLink(link, amazonHost));
  if (links.length === 0) return [];
  const findings: Finding[] = [];
  for (const link of links) {
    if (amazonTag && !SHORT_HOST.test(hostOf(link.href)!)) {
      const tag = new URL(link.href).searchParams.get("tag") ?? undefined;
      if (tag !== amazonTag) findings.push(createFinding("affiliate-tag", document.file, link.line, messages.affiliateTag(link.href, amazonTag, tag)));
    }
    if (!/\bsponsored\b/i.test(link.rel ?? "")) findings.push(createFinding("affiliate-rel", document.file, link.line, messages.affiliateRel(link.href)));
  }
  if (!hasDisclosure(document.source.body, disclosure) && !context.layoutShowsDisclosure(document)) {
    findings.push(createFinding("affiliate-disclosure", document.file, links[0]!.line, messages.affiliateDisclosure()));
  }
  return findings;
}
