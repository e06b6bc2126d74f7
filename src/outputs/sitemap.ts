import type { ResolvedConfig } from "../config/index.js";
import { defaultsFor, redirectTarget, type SiteContent } from "../content/index.js";
import { siteTime, xmlEscape, xmlSchema, type DateContext, type SiteViews, type UrlHelpers } from "../templates/index.js";
import type { OutputFile } from "./output-file.js";

/** A page of the site the sitemap lists. */
export interface SitemapEntry {
  /** URL without baseurl. */
  readonly url: string;
  /** `<lastmod>` value: a date, or text a date can be read from. */
  readonly lastmod?: unknown;
}

/** What the sitemap is made from. */
export interface SitemapInput {
  readonly config: ResolvedConfig;
  readonly content: SiteContent;
  readonly views: SiteViews;
  /** Generated HTML pages (archives, pages 2, 3 … of the home page), in order. */
  readonly generated: readonly SitemapEntry[];
  readonly urls: UrlHelpers;
  readonly dates: DateContext;
  /** The source has a `sitemap.xsl` to style the sitemap with. */
  readonly hasStylesheet: boolean;
}

const SITEMAP_EXTENSIONS = /\.(html?|xhtml|pdf)$/;

/** jekyll-sitemap's choice: posts, then HTML pages, then generated pages, then static HTML and PDF files; 404 and `sitemap: false` left out. */
export function sitemapEntries(input: SitemapInput): SitemapEntry[] {
  const { content, views } = input;
  const listed = (data: Readonly<Record<string, unknown>>): boolean => data.sitemap !== false;
  const entries: SitemapEntry[] = [];
  for (const post of content.posts) {
    const view = views.posts.get(post)!;
    if (listed(view) && !redirectTarget(post)) entries.push({ url: post.url, lastmod: view.last_modified_at || view.date });
  }
  for (const page of content.pages) {
    const view = views.pages.get(page)!;
    const isHtml = page.url.endsWith("/") || /^\.x?html?$/.test(page.outputExt);
    if (isHtml && listed(view) && page.url !== "/404.html" && !redirectTarget(page)) entries.push({ url: page.url, lastmod: view.last_modified_at || undefined });
  }
  for (const page of input.generated) entries.push(page);
  for (const file of content.staticFiles) {
    const name = file.relativePath.slice(file.relativePath.lastIndexOf("/") + 1);
    if (!SITEMAP_EXTENSIONS.test(name) || name === "404.html" || !listed(defaultsFor(input.config.defaults, file.relativePath, "static"))) continue;
    entries.push({ url: `/${file.relativePath}`, lastmod: input.dates.zone.localTime(file.mtimeMs) });
  }
  return entries;
}

/** sitemap.xml with jekyll-sitemap's markup, byte for byte. */
export function renderSitemap(input: SitemapInput): string {
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (input.hasStylesheet) xml += `<?xml-stylesheet type="text/xsl" href="${xmlEscape(input.urls.absoluteUrl("/sitemap.xsl"))}"?>\n`;
  xml += '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
  for (const entry of sitemapEntries(input)) {
    xml += `<url>\n<loc>${xmlEscape(input.urls.absoluteUrl(entry.url.replaceAll("/index.html", "/")))}</loc>\n`;
    const lastmod = entry.lastmod ? siteTime(entry.lastmod, input.dates) : undefined;
    if (lastmod) xml += `<lastmod>${xmlSchema(lastmod)}</lastmod>\n`;
    xml += "</url>\n";
  }
  return `${xml}</urlset>\n`;
}

/** sitemap.xml and robots.txt (each unless the source has its own). */
export function* sitemapOutputs(input: SitemapInput, write: { readonly sitemap: boolean; readonly robots: boolean }): Generator<OutputFile> {
  if (write.sitemap) yield { path: "sitemap.xml", contents: renderSitemap(input) };
  if (write.robots) yield { path: "robots.txt", contents: `Sitemap: ${input.urls.absoluteUrl("sitemap.xml")}\n` };
}
