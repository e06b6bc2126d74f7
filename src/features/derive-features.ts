import type { CtaBlock, ResolvedConfig } from "../config/index.js";
import type { DocumentBase, Post, SiteContent } from "../content/index.js";
import { atFrontMatterKey, type SourceTextLookup } from "./at-front-matter-key.js";
import { openBodyFacts, type BodyFact, type BodyFactsTable, type FactFinder } from "./body-facts.js";
import { chooseCta, ctaUrls, linksIn } from "./choose-cta.js";
import { createBookBlocks, type BookBlocks, type BookLink } from "./book-blocks.js";
import { postTerms as extractTerms, postTermsKey, termList, type PostTerms } from "./post-terms.js";
import { rankingSteps, type RankedFacts, type RelatedMatch } from "./rank-related.js";
import { readingMinutes } from "./reading-time.js";
import { updateTermTable } from "./term-table.js";
import { loadTermTable, saveTermTable, type TermTableStore } from "./term-table-store.js";
import { createPostLookup, readRelatedRequest, type PostLookup } from "./related-pins.js";
import type { TextFeatures } from "./text-features.js";
import { createTokenizer, type Tokenizer } from "./tokenize.js";
import { digest, runPausing, runSteps } from "../shared/index.js";

/** A cache kept from build to build: a Map, or a table of the cache folder. */
export interface FeatureCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): unknown;
}

/** The related lists of every post, and the digest of everything they were ranked from. */
export interface RelatedRanking {
  readonly key: string;
  readonly lists: readonly (readonly RelatedMatch[])[];
}

// The ranking and body facts caches hold one entry each: the last of the site.
const RANKING = "site";

/** What the Markdown stage (or an HTML body) yielded for one document. */
export interface DocumentText {
  /** Converted HTML. */
  readonly html: string;
  /** Reading units and terms of the body's text and headings (code blocks left out). */
  readonly body: TextFeatures;
  /** Digest of what `body` was rendered from (the Markdown cache key). */
  readonly key: string;
  /** A post's excerpt: front matter's text, or the features of its rendered first paragraph and their key. */
  readonly excerpt?: string | { readonly features: TextFeatures; readonly key: string };
}

/** What deriving features needs: the content model, each document's text, and the terms cache. */
export interface FeaturesInput {
  readonly config: ResolvedConfig;
  readonly content: SiteContent;
  readonly texts: ReadonlyMap<DocumentBase, DocumentText>;
  /** A source file's text by path relative to the source (documents, data files), for error lines. */
  readonly sourceText: SourceTextLookup;
  /** Each post's terms by postTermsKey, kept from build to build. */
  readonly termsCache: FeatureCache<PostTerms>;
  /** The last related-post ranking, reused while nothing it was ranked from changed. */
  readonly relatedCache?: FeatureCache<RelatedRanking>;
  /** Every post's terms as numbers, so a re-rank reads only the terms of posts edited since (see TermTable). */
  readonly termTableCache?: TermTableStore;
  /** What each rendered body showed (reading units, affiliate and CTA links), so unchanged bodies are not read again. */
  readonly bodyFactsCache?: FeatureCache<BodyFactsTable>;
  /** Keys this build used, so the rest can be swept. */
  readonly usedTerms: Set<string>;
  /**
   * False when no template can show `page.related`: the lists are then ranked only if something
   * asks for them after all (a template reaching them some other way). Default true: ranked now.
   */
  readonly relatedShown?: boolean;
  /** Awaited between posts when it returns a promise: lets the dev server's event loop run during a long stage. */
  readonly pause?: () => Promise<void> | undefined;
}

/** One entry of `page.related`. */
export interface RelatedEntry {
  readonly post: Post;
  readonly score: number;
  readonly isPinned: boolean;
}

/** Derived data of one document. Pages get books only when their front matter lists some. */
export interface DocumentFeatures {
  /** Its related list: every post's lists are ranked together, by the first call if not before. */
  readonly related: () => readonly RelatedEntry[];
  /** Minutes, for posts; undefined for pages. */
  readonly readingTime: number | undefined;
  readonly books: readonly BookLink[];
  /** Whether the page carries an affiliate link (its book block, or one written in its body). */
  readonly hasAffiliateLinks: boolean;
  /** The call-to-action block chosen by category, for posts; undefined for pages. */
  readonly cta: CtaBlock | undefined;
}

/** Derived data of the whole site. */
export interface SiteFeatures {
  readonly documents: ReadonlyMap<DocumentBase, DocumentFeatures>;
  /** The affiliate disclosure every page with an affiliate link shows. */
  readonly disclosure: string;
}

/** A post's terms key, and its terms: from the cache, or made from its text features on first use. */
interface LazyTerms {
  readonly key: string;
  readonly terms: () => PostTerms;
}

function postTerms(input: FeaturesInput, post: Post, tokenizer: Tokenizer): LazyTerms {
  const text = input.texts.get(post);
  // The body's features are read (from the Markdown cache) only if the terms must be made.
  const body = text && { key: text.key, get features() { return text.body; } };
  const rendered = { title: post.title, excerpt: text?.excerpt ?? "", body };
  const key = postTermsKey(rendered, input.config.related.fields);
  input.usedTerms.add(key);
  let terms: PostTerms | undefined;
  return {
    key,
    terms: () => {
      terms ??= input.termsCache.get(key);
      if (!terms) input.termsCache.set(key, (terms = extractTerms(rendered, input.config.related.fields, tokenizer)));
      return terms;
    },
  };
}

const NO_TERMS: LazyTerms = { key: "", terms: () => ({ terms: "", counts: new Float64Array(0) }) };

/**
 * The ranking of the last build when nothing it was ranked from changed (each post's terms key
 * stands for its terms), else a new one; it stops where a caller with an event loop may pause.
 */
function* rankCached(input: FeaturesInput, ranked: readonly RankedFacts[], terms: readonly LazyTerms[]): Generator<void, RelatedRanking["lists"]> {
  const key = digest(JSON.stringify(input.config.related), JSON.stringify(ranked.map((post, index) => [post, terms[index]!.key])));
  const cached = input.relatedCache?.get(RANKING);
  if (cached?.key === key) return cached.lists;
  yield;
  const stored = loadTermTable(input.termTableCache);
  const { keys, table } = updateTermTable(stored, terms);
  if (table !== stored && input.termTableCache) saveTermTable(input.termTableCache, table);
  yield;
  const lists = yield* rankingSteps(ranked, keys, input.config.related);
  input.relatedCache?.set(RANKING, { key, lists });
  return lists;
}

/** A document without rendered text: nothing to read, no links. */
const NO_FACTS: BodyFact = { units: { characters: 0, words: 0 }, hasAffiliateLink: false, ctaLinks: [] };

/** What deriving features looks for in a rendered body, under a key that changes with the affiliate host and the CTA URLs. */
function createFactFinder(config: ResolvedConfig, blocks: BookBlocks): FactFinder {
  const urls = ctaUrls(config.cta);
  return {
    key: digest(blocks.affiliatePattern, JSON.stringify(urls)),
    find(html, units) {
      const links = urls.length > 0 ? linksIn(html) : new Set<string>();
      return { units: { characters: units.characters, words: units.words }, hasAffiliateLink: blocks.hasAffiliateLink(html), ctaLinks: urls.filter((url) => links.has(url)) };
    },
  };
}

/**
 * Each post's related list by index: front-matter pins first, then the best-scored published
 * posts. Pins are read now (a bad one is an error whether or not a template shows the lists); the
 * ranking is done now too, unless no template shows the lists: then on the first call.
 */
async function relatedLists(input: FeaturesInput, terms: readonly LazyTerms[]): Promise<(index: number) => RelatedEntry[]> {
  const posts = input.content.posts;
  if (input.config.related.count === 0) return () => [];
  // Indexing every post's URL, file name and slug costs tens of ms at 10,000 posts: only done when a post pins another.
  let byName: PostLookup | undefined;
  const lookup: PostLookup = (pin, from) => (byName ??= createPostLookup(posts, input.config))(pin, from);
  const ranked = posts.map((post, index) => {
    const request = atFrontMatterKey(post, "related", input.sourceText, () => readRelatedRequest(post.data.related, index, posts, lookup));
    const isListed = post.type === "posts" && post.published;
    return { time: post.date.epochMs, tags: post.tags, categories: post.categories, isListed, ...request };
  });
  // Dropped once ranked: the ranking holds every post's terms and its index, about 80 MB at 10,000 posts, which rendering does not need.
  let steps: ReturnType<typeof rankCached> | undefined = rankCached(input, ranked, terms);
  let lists: RelatedRanking["lists"] | undefined;
  const rank = (ranking: RelatedRanking["lists"]): RelatedRanking["lists"] => {
    steps = undefined;
    return (lists = ranking);
  };
  if (input.relatedShown !== false) rank(input.pause ? await runPausing(steps, input.pause) : runSteps(steps));
  return (of) => (lists ?? rank(runSteps(steps!)))[of]!.map(({ index, score, isPinned }) => ({ post: posts[index]!, score, isPinned }));
}

/**
 * Derives reading time, related posts, CTA and book blocks for every post (and affiliate facts for
 * pages) from the content model and each document's rendered text. Pure apart from the terms
 * cache it fills.
 */
export async function deriveFeatures(input: FeaturesInput): Promise<SiteFeatures> {
  const { config, content } = input;
  const tokenizer = createTokenizer();
  const blocks = createBookBlocks({ config, data: content.data, sourceText: input.sourceText, tokenizer });
  const needsTerms = config.related.count > 0 || blocks.hasCatalogue;
  const terms = content.posts.map((post) => (needsTerms ? postTerms(input, post, tokenizer) : NO_TERMS));
  await input.pause?.();
  const related = await relatedLists(input, terms);
  const documents = new Map<DocumentBase, DocumentFeatures>();
  const facts = openBodyFacts(input.bodyFactsCache?.get(RANKING), createFactFinder(config, blocks));
  const factOf = (doc: DocumentBase): BodyFact => {
    const text = input.texts.get(doc);
    return text ? facts.of({ key: text.key, get html() { return text.html; }, get units() { return text.body.units; } }) : NO_FACTS;
  };
  const affiliate = (books: readonly BookLink[], fact: BodyFact): boolean => books.some((book) => book.isAffiliate) || fact.hasAffiliateLink;
  const postCta = (post: Post, fact: BodyFact): CtaBlock | undefined =>
    chooseCta({ categories: post.categories, frontMatter: post.data.cta, linksTo: (url) => fact.ctaLinks.includes(url) }, config.cta);
  for (const [index, post] of content.posts.entries()) {
    const books = blocks.forPost(post, blocks.hasCatalogue ? termList(terms[index]!.terms()) : []);
    const fact = factOf(post);
    documents.set(post, { related: () => related(index), readingTime: readingMinutes(fact.units, config.readingTime), books, hasAffiliateLinks: affiliate(books, fact), cta: postCta(post, fact) });
    await input.pause?.();
  }
  for (const page of content.pages) {
    const books = blocks.forPage(page);
    documents.set(page, { related: () => [], readingTime: undefined, books, hasAffiliateLinks: affiliate(books, factOf(page)), cta: undefined });
  }
  const kept = facts.table();
  if (kept) input.bodyFactsCache?.set(RANKING, kept);
  return { documents, disclosure: config.affiliate.disclosure };
}
