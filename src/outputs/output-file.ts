/** One file of the built site: rendered text or bytes, or a source file to copy. */
export type OutputFile =
  | { readonly path: string; readonly contents: string | Uint8Array }
  | { readonly path: string; readonly copyFrom: string };
