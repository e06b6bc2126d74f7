/** What rendering one page read (sorted RenderReads tokens), and the key those reads had then. */
export interface RenderRecord {
  readonly key: string;
  readonly reads: readonly string[];
}

/**
 * One file of the built site: rendered text or bytes (a page with what its rendering read), a
 * source file to copy, or a page kept as the last build wrote it (see PageReuse).
 */
export type OutputFile =
  | { readonly path: string; readonly contents: string | Uint8Array; readonly render?: RenderRecord }
  | { readonly path: string; readonly copyFrom: string }
  | { readonly path: string; readonly kept: RenderRecord };
