import { redirectTarget, type DocumentBase, type SiteContent } from "../content/index.js";
import { escapeHtml, jsonForScript, type SiteViews, type TemplateEngine, type UrlHelpers } from "../templates/index.js";
import type { OutputFile } from "./output-file.js";

/** What writing redirect pages needs. */
export interface RedirectOutputsInput {
  readonly content: SiteContent;
  readonly views: SiteViews;
  readonly engine: TemplateEngine;
  readonly urls: UrlHelpers;
  /** Write redirects.json (jekyll-redirect-from's list of every redirect). */
  readonly writeJson: boolean;
}

/** Where a redirect sends visitors: http(s) URLs as they are, anything else as an absolute URL of the site. */
export function redirectUrl(to: string, urls: UrlHelpers): string {
  return /^https?:\/\//.test(to) ? to : urls.absoluteUrl(to)!;
}

/**
 * jekyll-redirect-from's page: canonical link, script, meta refresh and a plain link. The URL is
 * escaped for each place it appears in, so no front-matter value can break out of it.
 */
export function redirectHtml(to: string): string {
  const attribute = escapeHtml(to);
  return `<!DOCTYPE html>
<html lang="en-US">
  <meta charset="utf-8">
  <title>Redirecting&hellip;</title>
  <link rel="canonical" href="${attribute}">
  <script>location=${jsonForScript(to)}</script>
  <meta http-equiv="refresh" content="0; url=${attribute}">
  <meta name="robots" content="noindex">
  <h1>Redirecting&hellip;</h1>
  <a href="${attribute}">Click here if you are not redirected.</a>
</html>
`;
}

/** A redirect page: the site's `redirect` layout when it has one, else jekyll-redirect-from's page. */
export async function renderRedirect(from: string, to: string, input: RedirectOutputsInput, file: string): Promise<string> {
  if (!input.engine.hasLayout("redirect")) return redirectHtml(to);
  const page = { url: from, permalink: from, layout: "redirect", sitemap: false, redirect: { from, to }, content: "" };
  return input.engine.renderLayouts("redirect", "", { site: input.views.site, page, paginator: undefined }, file);
}

/** The documents that are only a redirect (`redirect_to`), with their target. */
export function redirectingDocuments(content: SiteContent): Array<{ doc: DocumentBase; to: string }> {
  return [...content.posts, ...content.pages].flatMap((doc) => {
    const to = redirectTarget(doc);
    return to === undefined ? [] : [{ doc, to }];
  });
}

/** A page at every `redirect_from` URL, and redirects.json listing every redirect as jekyll-redirect-from does. */
export async function* redirectOutputs(input: RedirectOutputsInput): AsyncGenerator<OutputFile> {
  const json: Record<string, string> = {};
  for (const redirect of input.content.redirects) {
    const to = redirectUrl(redirect.to, input.urls);
    json[redirect.written] = to;
    yield { path: redirect.outputPath, contents: await renderRedirect(redirect.from, to, input, redirect.relativePath) };
  }
  for (const { doc, to } of redirectingDocuments(input.content)) json[doc.url] = redirectUrl(to, input.urls);
  if (input.writeJson && Object.keys(json).length > 0) yield { path: "redirects.json", contents: JSON.stringify(json) };
}
