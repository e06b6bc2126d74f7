import { promises as fs } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import type { ResolvedConfig } from "../config/index.js";
import { createPage, createPost, redirectTarget, type DocumentBase, type Page, type Post, type SiteContent, type TimeZone } from "../content/index.js";
import { deriveFeatures, type DocumentText, type OgImagePlan, type SiteFeatures, type SourceTextLookup } from "../features/index.js";
import { documentPages } from "../outputs/index.js";
import { MAX_DOCUMENT_BYTES, parseFrontMatter, readSourceText, type SourceDocument } from "../source/index.js";
import { addFeatureViews, resetDocumentView, type SiteViews, type TemplateEngine } from "../templates/index.js";
import type { BuildCache } from "./build-cache.js";
import type { LazyRenderer } from "./lazy-renderer.js";
import type { Converter } from "./prepare-document.js";
import { convertDocuments } from "./render-documents.js";

/**
 * What a finished build can still do with the state it built: re-render the pages of documents
 * whose Markdown body alone changed (the dev server's fast path, Hugo's "fast render mode").
 */
export interface BuildSession {
  /** Source paths (relative to the source) of the documents this build rendered into pages of their own. */
  readonly documentPaths: ReadonlySet<string>;
  /**
   * The new pages of documents whose body alone changed, rendered by the build's own functions
   * with the state this build left; undefined when any of them changed more than its body (its
   * front matter, URL or date), uses template tags in its body, or is rendered by another output
   * kind — then only a full build() is right. Throws what the build would throw for a broken file.
   * The other pages showing these documents (home, feeds, related lists) wait for the next build().
   */
  renderBodies(relativePaths: readonly string[]): Promise<RenderedPage[] | undefined>;
}

/** A page rendered again: its output path and HTML. */
export interface RenderedPage {
  readonly path: string;
  readonly contents: string;
}

/** The state of one build that re-rendering a document needs. */
export interface BuildSessionInput {
  readonly config: ResolvedConfig;
  readonly zone: TimeZone;
  readonly content: SiteContent;
  readonly views: SiteViews;
  readonly engine: TemplateEngine;
  /** The build's Markdown renderer and text-feature tokenizer. */
  readonly converter: Converter & { readonly renderer: LazyRenderer };
  readonly cache: BuildCache;
  /** Source documents by path, as this build read them. */
  readonly docs: ReadonlyMap<string, SourceDocument>;
  /** Documents this build rendered into pages of their own (the paginated home page is not one). */
  readonly rendered: ReadonlyArray<Post | Page>;
  readonly features: SiteFeatures;
  readonly ogImages: OgImagePlan;
  readonly sourceText: SourceTextLookup;
}

/** A document as it is now on disk, when only its body changed. */
interface BodyEdit {
  /** The document as the build knew it (the key of its view and features). */
  readonly before: Post | Page;
  readonly after: Post | Page;
  readonly source: SourceDocument;
}

const hasTemplateTags = (text: string): boolean => text.includes("{{") || text.includes("{%");

const BODY_PARTS = new Set(["body", "digest", "excerptSource"]);

/**
 * Everything a content document is made of except what its body decides. Not a spread: that
 * would read the body, which for a document the build took from the cache means reading the
 * file again — now edited, so no longer the text the build saw.
 */
function frontParts(doc: Post | Page): Record<string, unknown> {
  const parts: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) if (!BODY_PARTS.has(key)) parts[key] = doc[key as keyof typeof doc];
  return parts;
}

/** Reads a document again; returns its new state when its body alone changed, else undefined. */
async function readBodyEdit(input: BuildSessionInput, before: Post | Page): Promise<BodyEdit | undefined> {
  const old = input.docs.get(before.relativePath);
  if (!old || redirectTarget(before) !== undefined) return undefined;
  const stats = await fs.stat(old.entry.absolutePath).catch(() => undefined);
  if (!stats?.isFile()) return undefined;
  // A dateless draft takes its date from the file's mtime: createPost below sees the new one.
  const entry = { ...old.entry, mtimeMs: stats.mtimeMs };
  const { text, digest } = await readSourceText(entry, MAX_DOCUMENT_BYTES);
  const { data, body, bodyLine } = parseFrontMatter(text, before.relativePath);
  if (bodyLine !== old.bodyLine || !isDeepStrictEqual(data, old.data)) return undefined;
  if (before.renderWithLiquid && hasTemplateTags(body)) return undefined;
  const source: SourceDocument = { entry, data: old.data, body, bodyLine, text, digest };
  const after = before.type === "pages" ? createPage(source, input.config) : createPost(source, before.type, { config: input.config, zone: input.zone });
  return isDeepStrictEqual(frontParts(after), frontParts(before)) ? { before, after, source } : undefined;
}

/**
 * The derived data a document draws from itself (reading time, books, CTA, affiliate facts), by
 * the features stage's own function over this one document; its related list depends on every
 * post, so it stays the build's until the next build().
 */
async function ownFeatures(input: BuildSessionInput, edits: readonly BodyEdit[], texts: ReadonlyMap<DocumentBase, DocumentText>): Promise<SiteFeatures> {
  const posts = edits.flatMap(({ after }) => (after.type === "pages" ? [] : [after]));
  const pages = edits.flatMap(({ after }) => (after.type === "pages" ? [after] : []));
  const sources = new Map(edits.map(({ source }) => [source.entry.relativePath, source.text]));
  const derived = await deriveFeatures({
    config: { ...input.config, related: { ...input.config.related, count: 0 } },
    content: { ...input.content, posts, pages },
    texts,
    sourceText: (file) => sources.get(file) ?? input.sourceText(file),
    termsCache: input.cache.terms,
    usedTerms: new Set(),
  });
  const documents = new Map(
    edits.map(({ before, after }) => [before, { ...derived.documents.get(after)!, related: input.features.documents.get(before)?.related ?? (() => []) }]),
  );
  return { documents, disclosure: derived.disclosure };
}

/** Keeps what re-rendering needs from a finished build. */
export function createBuildSession(input: BuildSessionInput): BuildSession {
  const byPath = new Map(input.rendered.map((doc) => [doc.relativePath, doc]));
  return {
    documentPaths: new Set(byPath.keys()),
    async renderBodies(relativePaths) {
      const edits: BodyEdit[] = [];
      for (const file of new Set(relativePaths)) {
        const before = byPath.get(file);
        const edit = before && (await readBodyEdit(input, before));
        if (!edit) return undefined;
        edits.push(edit);
      }
      // The build's own steps for these documents: views as first made, template pass + Markdown, features, layouts.
      for (const { before, after } of edits) resetDocumentView(viewOf(input.views, before), after, input.ogImages.get(before as Post));
      const texts = await convertDocuments({
        documents: edits.map(({ before, after, source }) => ({ doc: after, view: viewOf(input.views, before), source })),
        views: input.views,
        engine: input.engine,
        converter: input.converter,
        cache: input.cache,
        usedMarkdown: new Set(),
      });
      addFeatureViews(input.views, await ownFeatures(input, edits, texts));
      const outputs: RenderedPage[] = [];
      const isPage = (doc: Post | Page): doc is Page => doc.type === "pages";
      const befores = edits.map(({ before }) => before);
      const pages = documentPages({ posts: befores.filter((doc): doc is Post => !isPage(doc)), pages: befores.filter(isPage), views: input.views, engine: input.engine });
      for await (const file of pages) {
        if (!("contents" in file) || typeof file.contents !== "string") return undefined;
        outputs.push({ path: file.path, contents: file.contents });
      }
      return outputs;
    },
  };
}

function viewOf(views: SiteViews, doc: Post | Page): Record<string, unknown> {
  return (doc.type === "pages" ? views.pages.get(doc) : views.posts.get(doc))!;
}
