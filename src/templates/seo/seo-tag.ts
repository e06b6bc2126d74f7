import type { ResolvedConfig } from "../../config/index.js";
import type { TemplateTag } from "../create-template-engine.js";
import { xmlSchema, type DateContext } from "../filters/date-filters.js";
import { xmlEscape } from "../filters/text-filters.js";
import { createUrlHelpers } from "../filters/url-filters.js";
import { seoData, type SeoData } from "./seo-data.js";

type Data = Readonly<Record<string, unknown>>;

/** Text inside an HTML attribute or element: `& < > " '` escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

/**
 * JSON for a `<script>` element: `<`, `>` and `&` written as \u escapes so no value (a title
 * with `</script>` in it) can end the element, and U+2028/2029 escaped for old JavaScript parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function meta(attribute: "name" | "property", key: string, content: string | undefined): string[] {
  return content === undefined ? [] : [`<meta ${attribute}="${key}" content="${escapeHtml(content)}" />`];
}

function link(rel: string, href: string | undefined): string[] {
  return href === undefined ? [] : [`<link rel="${rel}" href="${escapeHtml(href)}" />`];
}

/** schema.org JSON-LD: BlogPosting for posts (author, publisher, dates), WebSite for the home page, else WebPage. */
function jsonLd(seo: SeoData): Record<string, unknown> {
  const publisher = seo.siteTitle || seo.logo
    ? { "@type": "Organization", name: seo.siteTitle, logo: seo.logo ? { "@type": "ImageObject", url: seo.logo } : undefined }
    : undefined;
  const author = seo.author ? { "@type": seo.author.type, name: seo.author.name, url: seo.author.url } : undefined;
  const common = { "@context": "https://schema.org", "@type": seo.type, url: seo.canonicalUrl, description: seo.description, inLanguage: seo.lang };
  if (seo.type === "WebSite") return { ...common, name: seo.siteTitle ?? seo.pageTitle, headline: seo.pageTitle, publisher };
  if (seo.type !== "BlogPosting") return { ...common, headline: seo.pageTitle, author, image: seo.image?.url };
  return {
    ...common,
    headline: seo.pageTitle,
    mainEntityOfPage: { "@type": "WebPage", "@id": seo.canonicalUrl },
    datePublished: seo.published && xmlSchema(seo.published),
    dateModified: seo.modified && xmlSchema(seo.modified),
    image: seo.image ? [seo.image.url] : undefined,
    author,
    publisher,
    keywords: seo.tags.length > 0 ? seo.tags.join(",") : undefined,
    articleSection: seo.section,
  };
}

/** The head tags for one page: title, description, canonical, Open Graph, Twitter card, JSON-LD. */
export function renderSeo(seo: SeoData, options: { readonly title?: unknown } = {}): string {
  const isArticle = seo.type === "BlogPosting";
  const lines = [
    ...(options.title === false ? [] : [`<title>${escapeHtml(seo.title)}</title>`]),
    ...meta("name", "description", seo.description),
    ...meta("name", "author", seo.author?.name),
    ...link("canonical", seo.canonicalUrl),
    ...link("prev", seo.prevUrl),
    ...link("next", seo.nextUrl),
    ...meta("property", "og:title", seo.pageTitle),
    ...meta("property", "og:description", seo.description),
    ...meta("property", "og:url", seo.canonicalUrl),
    ...meta("property", "og:site_name", seo.siteTitle),
    ...meta("property", "og:locale", seo.locale),
    ...meta("property", "og:type", isArticle ? "article" : "website"),
    ...meta("property", "og:image", seo.image?.url),
    ...meta("property", "og:image:width", seo.image?.width === undefined ? undefined : String(seo.image.width)),
    ...meta("property", "og:image:height", seo.image?.height === undefined ? undefined : String(seo.image.height)),
    ...meta("property", "og:image:alt", seo.image?.alt),
    ...meta("property", "article:published_time", seo.published && xmlSchema(seo.published)),
    ...meta("property", "article:modified_time", seo.modified && xmlSchema(seo.modified)),
    ...meta("property", "article:section", seo.section),
    ...seo.tags.flatMap((tag) => meta("property", "article:tag", tag)),
    ...meta("name", "twitter:card", seo.image ? "summary_large_image" : "summary"),
    ...meta("name", "twitter:title", seo.pageTitle),
    ...meta("name", "twitter:description", seo.description),
    ...meta("name", "twitter:image", seo.image?.url),
    ...meta("name", "twitter:site", seo.twitterSite && `@${seo.twitterSite}`),
    ...meta("name", "twitter:creator", seo.author?.twitter && `@${seo.author.twitter}`),
    `<script type="application/ld+json">${jsonForScript(jsonLd(seo))}</script>`,
  ];
  return `${lines.join("\n")}\n`;
}

/** What the template tags need from the build. */
export interface TemplateTagContext extends DateContext {
  readonly config: Pick<ResolvedConfig, "url" | "baseurl" | "feed">;
}

/**
 * kiji's versions of Jekyll's plugin tags: `{% seo %}` (jekyll-seo-tag, `title=false` leaves out
 * `<title>`) and `{% feed_meta %}` (jekyll-feed's `<link rel="alternate">`).
 */
export function createTemplateTags(context: TemplateTagContext): Record<string, TemplateTag> {
  const urls = createUrlHelpers(context.config);
  return {
    seo: (variables, options) => {
      const data = seoData({
        page: (variables.page ?? {}) as Data,
        site: (variables.site ?? {}) as Data,
        paginator: variables.paginator as Data | undefined,
        urls,
        dates: context,
      });
      return renderSeo(data, options);
    },
    feed_meta: (variables) => {
      const feed = context.config.feed;
      if (!feed) return "";
      const site = (variables.site ?? {}) as Data;
      const title = site.title ?? site.name;
      const href = urls.absoluteUrl(feed.path)!;
      return `<link type="application/atom+xml" rel="alternate" href="${xmlEscape(href)}"${title ? ` title="${xmlEscape(title)}"` : ""} />`;
    },
  };
}
