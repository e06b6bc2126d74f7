import type { ResolvedConfig } from "../config/index.js";
import { strftime, type DocumentBase, type Page, type Post, type SiteContent, type TimeZone } from "../content/index.js";
import type { DocumentText, OgImagePlan } from "../features/index.js";
import type { PageReuse } from "../outputs/index.js";
import { digest, digestAll } from "../shared/index.js";
import type { RenderReads, SiteViews } from "../templates/index.js";
import type { OutputWriter } from "../write/index.js";
import type { LoadedDocument } from "./load-documents.js";
import type { SiteSource } from "./load-site-source.js";

/** What the site key is made of. */
export interface SiteKeyInput {
  readonly engineKey: string;
  readonly config: ResolvedConfig;
  readonly source: SiteSource;
  readonly content: SiteContent;
  /** Loaded documents by path relative to the source. */
  readonly docs: ReadonlyMap<string, LoadedDocument>;
  readonly ogImages: OgImagePlan;
  /** The page the paginated home renders once per page: its body is a template of every page of it. */
  readonly paginated: Page | undefined;
}

/**
 * Digest of everything a document's page can show apart from the values RenderReads hears:
 * kiji's code, the resolved config, layouts and includes, data files, static files, the OGP
 * plan, the paginated home page's whole file, and every document (in site order) by its path and
 * front matter. A document's body
 * enters only through its content, excerpt and derived data, which are heard when read.
 * Undefined when a document's front-matter digest is unknown: then every page is rendered.
 */
export function siteKeyOf(input: SiteKeyInput): string | undefined {
  const parts: string[] = [input.engineKey, input.config.digest];
  for (const template of [...input.source.layouts, ...input.source.includes]) parts.push(template.file, template.fileText);
  for (const file of input.source.dataFiles) parts.push(file.relativePath, file.text);
  for (const file of input.content.staticFiles) parts.push(file.relativePath, file.outputPath, String(file.mtimeMs));
  for (const doc of [...input.content.posts, ...input.content.pages]) {
    const frontKey = input.docs.get(doc.relativePath)?.frontKey;
    if (frontKey === undefined) return undefined;
    // A post's date, as a post without one in its name or front matter takes the file's mtime.
    parts.push(doc.relativePath, frontKey, doc.type === "pages" ? "" : String(doc.date.epochMs));
  }
  for (const image of input.ogImages.values()) parts.push(image.url, image.path, image.outputPath ?? "");
  if (input.paginated) parts.push(input.docs.get(input.paginated.relativePath)?.digest ?? "");
  return digestAll(parts);
}

/** What a read value is in this build, without noting a read. */
export interface StampInput {
  readonly zone: TimeZone;
  readonly now: number;
  readonly rendered: readonly (Post | Page)[];
  readonly texts: ReadonlyMap<DocumentBase, DocumentText>;
  readonly views: SiteViews;
}

/**
 * The stamp of each RenderReads token: the digest a body's content or excerpt was converted
 * under (its HTML is not read), the build time (or its text in a format), or a derived value as JSON.
 */
export function createStamp(input: StampInput): (token: string) => string {
  const byPath = new Map(input.rendered.map((doc) => [doc.relativePath, doc]));
  const stampOf = (token: string): string => {
    const [field, file] = token.split("\0") as [string, string];
    if (field === "now") return String(input.now);
    if (field === "time") return strftime(input.zone.localTime(input.now), file);
    const doc = byPath.get(file);
    if (doc === undefined) return "";
    const text = input.texts.get(doc);
    if (field === "content") return text?.key ?? "";
    if (field === "excerpt") return typeof text?.excerpt === "object" ? text.excerpt.key : String(text?.excerpt);
    const view = doc.type === "pages" ? input.views.pages.get(doc) : input.views.posts.get(doc);
    return String(JSON.stringify(view?.[field]));
  };
  // Many pages read the same values (a post's excerpt on the home page and on each of its archives): each is stamped once.
  const stamps = new Map<string, string>();
  return (token) => {
    let stamp = stamps.get(token);
    if (stamp === undefined) stamps.set(token, (stamp = stampOf(token)));
    return stamp;
  };
}

/** Page reuse over a disk writer: a page is kept when its reads, stamped now, give the key they gave when it was rendered. */
export function createPageReuse(writer: OutputWriter, siteKey: string, stamp: (token: string) => string, reads: RenderReads): PageReuse {
  return {
    previous: (path) => writer.kept(path)?.render,
    keyOf: (tokens) => digest(siteKey, String(tokens.length), ...tokens.flatMap((token) => [token, stamp(token)])),
    track: (render) => reads.track(render),
  };
}
