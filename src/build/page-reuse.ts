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
  /** The page the paginated home renders once per page: its body is a template of every page of it. */
  readonly paginated: Page | undefined;
}

/**
 * Digest of what every page may show that no read is heard for: kiji's code, the resolved
 * config, layouts and includes, data files, static files and the paginated home page's whole
 * file. Documents enter through reads (their own front matter, neighbours, site's lists …, see
 * createStamp). Undefined when a document's front-matter digest is unknown: then every page is
 * rendered.
 */
export function siteKeyOf(input: SiteKeyInput): string | undefined {
  for (const doc of [...input.content.posts, ...input.content.pages]) if (input.docs.get(doc.relativePath)?.frontKey === undefined) return undefined;
  const parts: string[] = [input.engineKey, input.config.digest];
  for (const template of [...input.source.layouts, ...input.source.includes]) parts.push(template.file, template.fileText);
  for (const file of input.source.dataFiles) parts.push(file.relativePath, file.text);
  for (const file of input.content.staticFiles) parts.push(file.relativePath, file.outputPath, String(file.mtimeMs));
  if (input.paginated) parts.push(input.docs.get(input.paginated.relativePath)?.digest ?? "");
  return digestAll(parts);
}

/** What a read value is in this build, without noting a read. */
export interface StampInput {
  readonly zone: TimeZone;
  readonly now: number;
  readonly content: SiteContent;
  readonly texts: ReadonlyMap<DocumentBase, DocumentText>;
  readonly views: SiteViews;
  readonly docs: ReadonlyMap<string, LoadedDocument>;
  readonly ogImages: OgImagePlan;
}

/** Stamps of documents and archives: a document by its path, front-matter digest, date and OGP image; an archive by its type, title, URL and date. */
interface Identities {
  own(file: string): string;
  /** The post `step` places after the post at `file` (-1: its previous). */
  neighbour(file: string, step: number): string;
  /** The eleven newest posts (`site.related_posts` is ten of them). */
  newest(): string;
  allDocuments(): string;
  allArchives(): string;
  /** One archive, and its posts. */
  archive(url: string): string;
  readonly byPath: ReadonlyMap<string, Post | Page>;
}

function createIdentities(input: StampInput): Identities {
  const { posts, pages, archives } = input.content;
  const byPath = new Map<string, Post | Page>([...posts, ...pages].map((doc) => [doc.relativePath, doc]));
  const postIndex = new Map(posts.map((post, index) => [post.relativePath, index]));
  const archiveByUrl = new Map(archives.map((archive) => [archive.url, archive]));
  const makeIdentity = (doc: Post | Page): string => {
    const front = `${doc.relativePath}\0${input.docs.get(doc.relativePath)?.frontKey}`;
    if (doc.type === "pages") return front;
    const image = input.ogImages.get(doc);
    return `${front}\0${doc.date.epochMs}\0${image?.url}\0${image?.path}\0${image?.outputPath}`;
  };
  // Each made once: a post is in several archives, and in the site's lists.
  const identities = new Map<Post | Page, string>();
  const identity = (doc: Post | Page | undefined): string => {
    if (doc === undefined) return "";
    let made = identities.get(doc);
    if (made === undefined) identities.set(doc, (made = makeIdentity(doc)));
    return made;
  };
  const archiveIdentity = (archive: SiteContent["archives"][number]): string => `${archive.type}\0${archive.title}\0${archive.url}\0${archive.date?.epochMs}`;
  let documentsKey: string | undefined;
  let archivesKey: string | undefined;
  return {
    byPath,
    own: (file) => identity(byPath.get(file)),
    neighbour(file, step) {
      const index = postIndex.get(file);
      return index === undefined ? "" : identity(posts[index + step]);
    },
    newest: () => digestAll(posts.slice(-11).map(identity)),
    allDocuments: () => (documentsKey ??= digestAll((function* () { for (const doc of byPath.values()) yield identity(doc); })())),
    allArchives: () => (archivesKey ??= digestAll(archives.map(archiveIdentity))),
    archive(url) {
      const archive = archiveByUrl.get(url);
      return archive ? digestAll([archiveIdentity(archive), ...archive.posts.map(identity)]) : "";
    },
  };
}

const ARCHIVE_LISTS = new Set(["archives", "archives_by_type", "archive_urls"]);

/**
 * The stamp of each RenderReads token:
 * - a body's content or excerpt: the digest it was converted under (its HTML is not read);
 * - the build time, or its text in a format;
 * - a document itself (`own`), a post's neighbour, the newest posts, an archive: see Identities;
 * - site's lists of documents: every document; its lists of archives: every archive;
 * - derived data (related list, reading time, books …): the digest of the value as JSON; a related list's scores
 *   (`related-score`) apart from what its entries show.
 */
export function createStamp(input: StampInput): (token: string) => string {
  const ids = createIdentities(input);
  const stampOf = (token: string): string => {
    const [field, file] = token.split("\0") as [string, string];
    switch (field) {
      case "now":
        return String(input.now);
      case "time":
        return strftime(input.zone.localTime(input.now), file);
      case "own":
        return ids.own(file);
      case "previous":
        return ids.neighbour(file, -1);
      case "next":
        return ids.neighbour(file, 1);
      case "recent":
        return ids.newest();
      case "site":
        return ARCHIVE_LISTS.has(file) ? ids.allArchives() : ids.allDocuments();
      case "archive":
        return ids.archive(file);
    }
    const doc = ids.byPath.get(file);
    if (doc === undefined) return "";
    const text = input.texts.get(doc);
    if (field === "content") return text?.key ?? "";
    if (field === "excerpt") return typeof text?.excerpt === "object" ? text.excerpt.key : String(text?.excerpt);
    const view = doc.type === "pages" ? input.views.pages.get(doc) : input.views.posts.get(doc);
    // A related list is stamped by what its entries show, its scores apart (see addFeatureViews).
    if (field === "related" || field === "related-score") {
      const entries = (view?.related ?? []) as ReadonlyArray<Record<string, unknown>>;
      return digest(JSON.stringify(entries.map(({ score, ...shown }) => (field === "related" ? shown : score))));
    }
    // Digested: kept for the whole build, the JSON of 10,000 posts' books, lists and CTAs came to 28 MB.
    return digest(String(JSON.stringify(view?.[field])));
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
    // The stamps alone, joined and hashed at once: a key is only ever compared with one made from
    // the same record's tokens, and an update per token and stamp cost 0.25 s for 26,000 pages.
    keyOf: (tokens) => {
      let joined = `${siteKey}\0${tokens.length}`;
      for (const token of tokens) {
        // Each stamp with its length: stamps may hold "\0" themselves (identities do).
        const value = stamp(token);
        joined += `\0${value.length}:${value}`;
      }
      return digest(joined);
    },
    track: (render) => reads.track(render),
    note: (field, file) => reads.read(field, file),
  };
}
