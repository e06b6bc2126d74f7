/** Markdown settings: plain data, so a worker thread can build the same renderer. */
export interface MarkdownOptions {
  /** Generate kramdown-style heading ids. Default: true (Jekyll's kramdown auto_ids). */
  readonly headingIds?: boolean;
  /** Prefix for generated heading ids. Default: "" (kramdown's auto_id_prefix). */
  readonly headingIdPrefix?: string;
  /** Highlight code blocks at build time. Default: true (Jekyll highlights with Rouge). */
  readonly highlight?: boolean;
}

/** MarkdownOptions with every default filled in. */
export type ResolvedMarkdownOptions = Required<MarkdownOptions>;

/** The defaults, in one place. */
export const MARKDOWN_DEFAULTS: ResolvedMarkdownOptions = { headingIds: true, headingIdPrefix: "", highlight: true };

/** Fills in the defaults. */
export function resolveMarkdownOptions(options: MarkdownOptions = {}): ResolvedMarkdownOptions {
  return { ...MARKDOWN_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) };
}
