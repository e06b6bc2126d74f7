import type { JekyllTime } from "../content/index.js";
import {
  normalizeWhitespace, siteTime, smartify, stripHtml, xmlEscape, xmlSchema,
  type DateContext, type DocumentView, type UrlHelpers,
} from "../templates/index.js";

type Data = Readonly<Record<string, unknown>>;

/** What one Atom feed is made from. */
export interface AtomFeedInput {
  /** The feed's own URL (without baseurl), e.g. `/feed.xml`. */
  readonly url: string;
  /** The category it is limited to, shown in its title. */
  readonly category?: string;
  /** Its entries, newest first, already limited. */
  readonly posts: readonly DocumentView[];
  readonly site: Data;
  readonly urls: UrlHelpers;
  readonly dates: DateContext;
  /** Leave post bodies out (jekyll-feed's `excerpt_only`). */
  readonly excerptOnly: boolean;
}

/** Liquid's `default`: nil, false, "" and [] give way to the fallback. */
function orElse<T>(value: unknown, fallback: T): unknown {
  const empty = value === undefined || value === null || value === false || value === "" || (Array.isArray(value) && value.length === 0);
  return empty ? fallback : value;
}

function record(value: unknown): Data | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Data) : undefined;
}

/** Text in CDATA: a `]]>` inside is split so it cannot end the section early. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

function authorXml(author: unknown, fallbackName: string): string {
  const hash = record(author);
  const name = String(orElse(hash ? hash.name : author, "") || fallbackName);
  let xml = `<author><name>${xmlEscape(name)}</name>`;
  if (hash?.email) xml += `<email>${xmlEscape(hash.email)}</email>`;
  if (hash?.uri) xml += `<uri>${xmlEscape(hash.uri)}</uri>`;
  return `${xml}</author>`;
}

/** The time an entry was last changed: `last_modified_at`, else its date. */
export function entryUpdated(post: DocumentView, dates: DateContext): JekyllTime | undefined {
  return siteTime(orElse(post.last_modified_at, post.date), dates);
}

function entryXml(post: DocumentView, input: AtomFeedInput, siteName: string): string {
  const { urls, site } = input;
  const title = xmlEscape(normalizeWhitespace(stripHtml(smartify(String(post.title ?? "")))));
  const link = urls.absoluteUrl(post.url)!;
  const date = siteTime(post.date, input.dates);
  const updated = entryUpdated(post, input.dates);
  let xml = `<entry${post.lang ? ` xml:lang="${xmlEscape(post.lang)}"` : ""}>`;
  xml += `<title type="html">${title}</title><link href="${xmlEscape(link)}" rel="alternate" type="text/html" title="${title}" />`;
  xml += `<published>${date ? xmlSchema(date) : ""}</published><updated>${updated ? xmlSchema(updated) : ""}</updated>`;
  xml += `<id>${xmlEscape(urls.absoluteUrl(post.id ?? post.url))}</id>`;
  const excerptOnly = orElse(record(post.feed)?.excerpt_only, input.excerptOnly);
  if (!excerptOnly) xml += `<content type="html" xml:base="${xmlEscape(link)}">${cdata(String(post.content ?? "").trim())}</content>`;
  const authors = Array.isArray(post.authors) ? post.authors[0] : undefined;
  const author = orElse(orElse(post.author, authors), site.author);
  const known = typeof author === "string" ? record(record(site.data)?.authors)?.[author] : undefined;
  xml += authorXml(orElse(known, author), siteName);
  const categories = post.category ? [post.category] : Array.isArray(post.categories) ? post.categories : [];
  for (const term of [...categories, ...(Array.isArray(post.tags) ? post.tags : [])]) xml += `<category term="${xmlEscape(term)}" />`;
  const summary = orElse(post.description, post.excerpt);
  if (summary) xml += `<summary type="html">${cdata(normalizeWhitespace(stripHtml(summary)))}</summary>`;
  const rawImage = orElse(record(post.image)?.path, post.image);
  if (typeof rawImage === "string" && rawImage !== "") {
    const image = xmlEscape(rawImage.includes("://") ? rawImage : urls.absoluteUrl(rawImage));
    xml += `<media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="${image}" />`;
    xml += `<media:content medium="image" url="${image}" xmlns:media="http://search.yahoo.com/mrss/" />`;
  }
  return `${xml}</entry>`;
}

/** A first letter in upper case, the rest as written (Liquid's `capitalize` would turn "AI" into "Ai"). */
function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * An Atom feed with jekyll-feed's markup, entry for entry. Unlike jekyll-feed, `<updated>` is the
 * newest entry's time (so an unchanged site gives an unchanged feed), and the required `<title>`
 * and author `<name>` fall back to the site's name instead of being left out or empty.
 */
export function renderAtomFeed(input: AtomFeedInput, buildTime: JekyllTime): string {
  const { site, urls } = input;
  const lang = site.lang ? String(site.lang) : undefined;
  const siteName = String(orElse(site.title, orElse(site.name, urls.absoluteUrl("/"))));
  const self = urls.absoluteUrl(input.url)!;
  const newest = input.posts.map((post) => entryUpdated(post, input.dates)).reduce<JekyllTime | undefined>((a, b) => (!a || (b && b.epochMs > a.epochMs) ? b : a), undefined);
  let title = siteName;
  if (input.category) title += ` | ${capitalizeFirst(input.category)}`;
  let xml = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"${lang ? ` xml:lang="${xmlEscape(lang)}"` : " "}>`;
  xml += `<generator>kiji</generator>`;
  xml += `<link href="${xmlEscape(self)}" rel="self" type="application/atom+xml" />`;
  xml += `<link href="${xmlEscape(urls.absoluteUrl("/"))}" rel="alternate" type="text/html" ${lang ? `hreflang="${xmlEscape(lang)}" ` : ""}/>`;
  xml += `<updated>${xmlSchema(newest ?? buildTime)}</updated><id>${xmlEscape(self)}</id>`;
  xml += `<title type="html">${xmlEscape(smartify(title))}</title>`;
  if (site.description) xml += `<subtitle>${xmlEscape(site.description)}</subtitle>`;
  if (site.author) xml += authorXml(site.author, siteName);
  for (const post of input.posts) xml += entryXml(post, input, siteName);
  return `${xml}</feed>`;
}
