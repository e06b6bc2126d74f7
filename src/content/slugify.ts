/** Jekyll's slugify modes. */
export type SlugifyMode = "none" | "raw" | "default" | "pretty" | "ascii" | "latin";

const PATTERNS: Readonly<Record<Exclude<SlugifyMode, "none" | "latin">, RegExp>> = {
  raw: /\s+/gu,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/g,
};

/**
 * Jekyll's `Utils.slugify`: runs of characters outside the mode's set become one hyphen, one
 * leading and one trailing hyphen are dropped, and the result is lower-cased unless `cased`.
 * The default mode keeps Unicode letters, so Japanese stays Japanese.
 */
export function slugify(input: string, mode: string = "default", cased = false): string {
  if (!["raw", "default", "pretty", "ascii", "latin"].includes(mode)) return cased ? input : input.toLowerCase();
  let text = input;
  let pattern: RegExp;
  if (mode === "latin") {
    // I18n.transliterate: accents dropped, other non-ASCII characters become "?".
    text = text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[^\x00-\x7F]/g, "?");
    pattern = PATTERNS.ascii;
  } else {
    pattern = PATTERNS[mode as keyof typeof PATTERNS];
  }
  const slug = text.replace(pattern, "-").replace(/^-/, "").replace(/-$/, "");
  return cased ? slug : slug.toLowerCase();
}

/** Jekyll's `Utils.titleize_slug`: "my-first-post" → "My First Post". */
export function titleizeSlug(slug: string): string {
  return slug
    .split("-")
    .map((word) => (word ? word[0]!.toUpperCase() + word.slice(1).toLowerCase() : word))
    .join(" ");
}
