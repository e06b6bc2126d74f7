import type { OgpField, ResolvedConfig } from "../config/index.js";
import { strftime, type Post } from "../content/index.js";

/** The texts of one OGP card: the title, and each optional field the config shows. */
export interface CardContent {
  readonly title: string;
  /** The fields shown besides the title, in config order, each non-empty. */
  readonly fields: ReadonlyArray<{ readonly field: OgpField; readonly text: string }>;
}

/** One line of plain text: white space collapsed, control characters dropped. */
function clean(text: string): string {
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, " ").replace(/\s+/g, " ").trim();
}

/** A name given as a string or as jekyll-seo-tag's `{ name: … }` object. */
function nameOf(value: unknown): string | undefined {
  const name = typeof value === "object" && value !== null ? (value as Record<string, unknown>).name : value;
  return typeof name === "string" || typeof name === "number" ? String(name) : undefined;
}

function fieldText(field: OgpField, post: Post, config: ResolvedConfig): string | undefined {
  switch (field) {
    case "site":
      return nameOf(config.siteVariables.title);
    case "category":
      return post.categories[0];
    case "date":
      return strftime(post.date, config.ogp.dateFormat);
    case "author":
      return nameOf(post.data.author) ?? nameOf(config.siteVariables.author);
  }
}

/** What a post's card says: its title plus site name, first category, date and author (page, else site) as configured. */
export function cardContent(post: Post, config: ResolvedConfig): CardContent {
  const fields: Array<{ field: OgpField; text: string }> = [];
  for (const field of config.ogp.fields) {
    const text = clean(fieldText(field, post, config) ?? "");
    if (text !== "") fields.push({ field, text });
  }
  return { title: clean(post.title), fields };
}
