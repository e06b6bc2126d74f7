import type { JekyllTime } from "../../content/index.js";
import { siteTime, type DateContext } from "../filters/date-filters.js";
import { cutCharacters, normalizeWhitespace, stripHtml } from "../filters/text-filters.js";
import { uriEscape, type UrlHelpers } from "../filters/url-filters.js";

type Data = Readonly<Record<string, unknown>>;

/** Everything the SEO head says about one page, as plain text (escaping happens when it is written). */
export interface SeoData {
  /** The `<title>`: "Page | Site", or "Site | tagline" on the home page. */
  readonly title: string;
  /** The page's own title (og:title, JSON-LD headline). */
  readonly pageTitle: string;
  readonly siteTitle: string | undefined;
  readonly description: string | undefined;
  readonly canonicalUrl: string;
  readonly locale: string;
  readonly lang: string;
  /** schema.org type: BlogPosting for posts, WebSite for the home page, else WebPage. */
  readonly type: string;
  readonly image: { readonly url: string; readonly width?: unknown; readonly height?: unknown; readonly alt?: string } | undefined;
  readonly published: JekyllTime | undefined;
  readonly modified: JekyllTime | undefined;
  readonly author: { readonly name: string; readonly type: string; readonly url?: string; readonly twitter?: string } | undefined;
  readonly tags: readonly string[];
  readonly section: string | undefined;
  readonly logo: string | undefined;
  readonly twitterSite: string | undefined;
  readonly prevUrl: string | undefined;
  readonly nextUrl: string | undefined;
}

/** What computing the SEO data needs. */
export interface SeoInput {
  readonly page: Data;
  readonly site: Data;
  readonly paginator: Data | undefined;
  readonly urls: UrlHelpers;
  readonly dates: DateContext;
}

// Open Graph wants language_TERRITORY; a bare language gets its usual territory (ja → ja_JP).
const TERRITORIES: Readonly<Record<string, string>> = {
  ja: "JP", en: "US", zh: "CN", ko: "KR", de: "DE", fr: "FR", es: "ES", it: "IT", pt: "BR", ru: "RU",
  nl: "NL", sv: "SE", pl: "PL", tr: "TR", vi: "VN", th: "TH", id: "ID", da: "DK", fi: "FI", nb: "NO",
};

// Search results show about 120 full-width characters of a Japanese (Chinese, Korean)
// description and about 160 Latin ones; longer ones are cut there by characters, not words.
const DESCRIPTION_LENGTH: Readonly<Record<string, number>> = { ja: 120, zh: 120, ko: 120 };
const HOME_OR_ABOUT = /^\/(about\/)?(index\.html?)?$/;

function text(value: unknown): string | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  const result = normalizeWhitespace(String(value));
  return result === "" ? undefined : result;
}

function record(value: unknown): Data {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Data) : {};
}

/** Cuts to `limit` characters (never inside one), ending with "…" when something was cut. */
export function cutDescription(description: string, lang: string): string {
  const limit = DESCRIPTION_LENGTH[lang.slice(0, 2).toLowerCase()] ?? 160;
  const cut = cutCharacters(description, limit);
  if (cut === undefined) return description;
  return `${(cutCharacters(cut, limit - 1) ?? cut).trimEnd()}…`;
}

/** `ja` → `ja_JP`, `en-GB` → `en_GB`. */
export function ogLocale(lang: string): string {
  const locale = lang.replace("-", "_");
  return locale.includes("_") ? locale : TERRITORIES[locale.toLowerCase()] ? `${locale}_${TERRITORIES[locale.toLowerCase()]}` : locale;
}

/** jekyll-seo-tag's "Page 2 of 4 for " before the title of pages 2, 3 … (`seo_paginator_message`), in Japanese for Japanese sites. */
function pageNumberPrefix(input: SeoInput): string {
  const number = Number(input.paginator?.page ?? 1);
  if (!(number > 1)) return "";
  const template = typeof input.site.seo_paginator_message === "string" ? input.site.seo_paginator_message : undefined;
  const japanese = String(input.site.lang ?? "").startsWith("ja");
  const message = template ?? (japanese ? "%<current>s/%<total>sページ目 | " : "Page %<current>s of %<total>s for ");
  return message.replace("%<current>s", String(number)).replace("%<total>s", String(input.paginator?.total_pages ?? ""));
}

function authorOf(input: SeoInput): SeoData["author"] {
  const { page, site } = input;
  const candidates = [page.author, Array.isArray(page.authors) ? page.authors[0] : undefined, site.author];
  const found = candidates.find((value) => value !== undefined && value !== null && String(value) !== "");
  let hash: Data = {};
  if (typeof found === "string") hash = { name: found, ...record(record(record(site.data).authors)[found]) };
  else hash = record(found);
  const name = text(hash.name);
  if (!name) return undefined;
  const twitter = text(hash.twitter)?.replace(/^@/, "");
  return { name, type: hash.type === "Organization" ? "Organization" : "Person", url: text(hash.url ?? hash.uri), twitter };
}

function imageOf(input: SeoInput): SeoData["image"] {
  const raw = input.page.image;
  const hash = typeof raw === "string" ? { path: raw } : record(raw);
  const path = text(hash.path ?? hash.facebook ?? hash.twitter);
  if (!path) return undefined;
  return { url: uriEscape(input.urls.absoluteUrl(path)), width: hash.width, height: hash.height, alt: text(hash.alt) };
}

/** The SEO facts of one page, from its front matter and the site's settings (jekyll-seo-tag's rules, Japanese-aware). */
export function seoData(input: SeoInput): SeoData {
  const { page, site, urls } = input;
  const siteTitle = text(site.title ?? site.name);
  const pageTitle = text(page.title) ?? siteTitle ?? "";
  const tagline = text(site.tagline) ?? text(site.description);
  const title = pageNumberPrefix(input) + (siteTitle && pageTitle !== siteTitle ? `${pageTitle} | ${siteTitle}` : siteTitle && tagline ? `${siteTitle} | ${tagline}` : pageTitle);
  const lang = String(page.lang ?? site.lang ?? "en");
  const rawDescription = text(page.description) ?? text(stripHtml(page.excerpt ?? "")) ?? text(site.description);
  const url = String(page.url ?? "/");
  const isPost = page.collection === "posts";
  const seo = record(page.seo);
  const twitter = site.twitter;
  const paginator = input.paginator;
  return {
    title,
    pageTitle,
    siteTitle,
    description: rawDescription === undefined ? undefined : cutDescription(rawDescription, lang),
    canonicalUrl: text(page.canonical_url) ?? urls.absoluteUrl(url)!.replace(/\/index\.html$/, "/"),
    locale: ogLocale(String(page.locale ?? site.locale ?? lang)),
    lang,
    type: text(seo.type) ?? (HOME_OR_ABOUT.test(url) ? "WebSite" : isPost ? "BlogPosting" : "WebPage"),
    image: imageOf(input),
    published: isPost ? siteTime(page.date, input.dates) : undefined,
    modified: isPost ? (siteTime(page.last_modified_at, input.dates) ?? siteTime(page.date, input.dates)) : undefined,
    author: authorOf(input),
    tags: isPost && Array.isArray(page.tags) ? page.tags.map(String) : [],
    section: isPost && Array.isArray(page.categories) && page.categories.length > 0 ? String(page.categories[0]) : undefined,
    logo: text(site.logo) === undefined ? undefined : uriEscape(urls.absoluteUrl(site.logo)),
    twitterSite: text(typeof twitter === "string" ? twitter : record(twitter).username)?.replace(/^@/, ""),
    prevUrl: paginator?.previous_page ? urls.absoluteUrl(paginator.previous_page_path) : undefined,
    nextUrl: paginator?.next_page ? urls.absoluteUrl(paginator.next_page_path) : undefined,
  };
}
