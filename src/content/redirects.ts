import { KijiError } from "../shared/index.js";
import type { DocumentBase } from "./documents.js";
import { escapePath, outputPathFor, sanitizeUrl } from "./permalink.js";

/** An old URL that sends visitors on to a document (front-matter `redirect_from`, as jekyll-redirect-from). */
export interface Redirect {
  /** The old URL, %-encoded, e.g. `/old-url/`. */
  readonly from: string;
  /** The old URL as written in front matter, with a leading slash (redirects.json's key). */
  readonly written: string;
  /** Where the redirect page is written. */
  readonly outputPath: string;
  /** The document's URL (without baseurl). */
  readonly to: string;
  /** The document that asked for it, for errors. */
  readonly relativePath: string;
}

/** jekyll-redirect-from's reading: a string or a list; nulls dropped. */
function urlList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item) => item !== null && item !== undefined && item !== "").map(String);
}

/** The `redirect_to` target of a document, if it has one (the first of a list, as jekyll-redirect-from). */
export function redirectTarget(doc: DocumentBase): string | undefined {
  return urlList(doc.data.redirect_to)[0];
}

/** Every `redirect_from` URL of the documents, each becoming a small page that forwards to the document. */
export function collectRedirects(docs: readonly DocumentBase[]): Redirect[] {
  const redirects: Redirect[] = [];
  for (const doc of docs) {
    for (const from of urlList(doc.data.redirect_from)) {
      const written = from.startsWith("/") ? from : `/${from}`;
      let url: string;
      try {
        url = sanitizeUrl(escapePath(written));
      } catch (error) {
        throw error instanceof KijiError ? error.withLocation({ file: doc.relativePath }) : error;
      }
      redirects.push({ from: url, written, outputPath: outputPathFor(url, ".html", "page"), to: doc.url, relativePath: doc.relativePath });
    }
  }
  return redirects;
}
