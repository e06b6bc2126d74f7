import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { loadSharp } from "./ogp/load-sharp.js";
import type { ResolvedConfig } from "../config/index.js";
import type { Post } from "../content/index.js";
import { cardContent, type CardContent, type OgImagePlan } from "../features/index.js";
import { KijiError, digest, messages, resolveInsideReal, wrapError, type Logger } from "../shared/index.js";
import { CARD_FONT_FAMILY, loadCardFonts, type CardFonts } from "./ogp/card-fonts.js";
import { LOGO_HEIGHT, layoutCard, type CardLayout } from "./ogp/card-layout.js";
import type { Segmenter } from "./ogp/line-break.js";
import { mapOrdered } from "./ogp/map-ordered.js";
import { checkImage, lineOfKey, readLogo } from "./ogp/read-image.js";
import { createCardPainter, type CardPainter, type Ink } from "./ogp/render-card.js";
import type { OutputFile } from "./output-file.js";

/** A card kept by the image cache: its bytes, or a file holding them. */
export type CachedImage = { readonly contents: Uint8Array } | { readonly copyFrom: string };

/**
 * Where drawn cards are kept between builds, by a digest of everything that shapes them (the
 * layout, fonts, logo, libraries); the cache adds kiji's own code, which it knows.
 */
export interface ImageCache {
  get(key: string): Promise<CachedImage | undefined>;
  /** Keeps a freshly drawn card and says how to output it. */
  set(key: string, png: Uint8Array): Promise<CachedImage>;
}

/** What drawing the OGP cards needs. */
export interface OgpImagesInput {
  readonly posts: readonly Post[];
  readonly plan: OgImagePlan;
  readonly config: ResolvedConfig;
  readonly cache: ImageCache;
  readonly logger: Logger;
  /** Cards drawn at once. Default: one per core, at least two (sharp draws off the main thread). */
  readonly concurrency?: number;
}

/** Everything every card of this build shares: fonts, phrase segmenter, logo, and their part of the cache key. */
interface CardKit {
  readonly fonts: CardFonts;
  readonly segment: Segmenter;
  readonly hasLogo: boolean;
  readonly painter: CardPainter;
  readonly key: string;
}

/** The logo `ogp.logo` names, scaled to its row; errors name the config file. */
async function loadLogo(config: ResolvedConfig): Promise<Ink | undefined> {
  const logo = config.ogp.logo;
  if (logo === undefined) return undefined;
  const file = config.configFiles[config.configFiles.length - 1] ?? "config";
  try {
    const absolute = await resolveInsideReal(config.source, logo, "ogp.logo");
    if (!existsSync(absolute)) throw new KijiError(messages.ogpLogoMissing(logo).message, { hint: messages.ogpLogoMissing(logo).hint });
    return await readLogo(absolute, LOGO_HEIGHT, { file, value: logo });
  } catch (error) {
    throw wrapError(error, { file });
  }
}

/** The fontconfig setup decides hinting and anti-aliasing, so its file's contents are part of the key. */
function fontconfigKey(): string {
  const file = process.env.FONTCONFIG_FILE;
  if (!file) return "system fontconfig";
  try {
    return digest(readFileSync(file));
  } catch {
    return file;
  }
}

async function createCardKit(config: ResolvedConfig): Promise<CardKit> {
  const { Parser, jaModel } = await import("budoux");
  const parser = new Parser(jaModel);
  const fonts = await loadCardFonts();
  const logo = await loadLogo(config);
  const sharp = await loadSharp();
  const versions = [sharp.versions.sharp ?? "", sharp.versions.vips, fontconfigKey()];
  const key = digest(...versions, fonts.bold.digest, fonts.regular.digest, logo ? digest(logo.data) : "no logo");
  return { fonts, segment: (text) => parser.parse(text), hasLogo: logo !== undefined, painter: createCardPainter(fonts, logo), key };
}

/** Warns once per character of the card's texts that the font cannot draw, naming the post and the character. */
function warnMissingGlyphs(post: Post, content: CardContent, fonts: CardFonts, logger: Logger): void {
  const texts = [{ field: "title", text: content.title }, ...content.fields.map(({ field, text }) => ({ field, text }))];
  for (const { field, text } of texts) {
    const missing = new Set([...text].filter((c) => !/[\s\p{Default_Ignorable_Code_Point}]/u.test(c) && !fonts.bold.metrics.hasGlyph(c.codePointAt(0)!)));
    for (const character of missing) logger.warn(`${post.relativePath}: ${messages.ogpMissingGlyph(character, field, CARD_FONT_FAMILY).message}`);
  }
}

/** The card of one post, from the cache or freshly drawn. */
async function cardFile(post: Post, outputPath: string, kit: CardKit, input: OgpImagesInput): Promise<OutputFile> {
  try {
    const content = cardContent(post, input.config);
    warnMissingGlyphs(post, content, kit.fonts, input.logger);
    const layout: CardLayout = layoutCard(content, {
      colors: input.config.ogp.colors,
      hasLogo: kit.hasLogo,
      fonts: { bold: kit.fonts.bold.metrics, regular: kit.fonts.regular.metrics },
      segment: kit.segment,
    });
    const key = digest(kit.key, JSON.stringify(layout));
    const image = (await input.cache.get(key)) ?? (await input.cache.set(key, await kit.painter.paint(layout)));
    return { path: outputPath, ...image };
  } catch (error) {
    throw wrapError(error, { file: post.relativePath }, "cannot draw the OGP image");
  }
}

/** Checks the images posts name that exist in the source: real images, not decompression bombs. */
async function checkSourceImages(input: OgpImagesInput): Promise<void> {
  for (const post of input.posts) {
    const image = input.plan.get(post);
    if (!image?.sourceFile) continue;
    const where = { file: post.relativePath, value: image.path };
    await checkImage(image.sourceFile.absolutePath, where).catch((error: unknown) => {
      throw wrapError(error, { line: lineOfKey(input.config.source, post.relativePath, "image") });
    });
  }
}

/**
 * OGP cards: a 1200×630 PNG for every post the plan gives a card, drawn several at once and
 * reused from the cache when nothing that shapes it changed. Yields nothing when `ogp` is off.
 */
export async function* ogpImages(input: OgpImagesInput): AsyncGenerator<OutputFile> {
  if (!input.config.ogp.enabled) return;
  await checkSourceImages(input);
  const cards = input.posts.flatMap((post) => {
    const outputPath = input.plan.get(post)?.outputPath;
    return outputPath === undefined ? [] : [{ post, outputPath }];
  });
  if (cards.length === 0) return;
  const kit = await createCardKit(input.config);
  const limit = input.concurrency ?? Math.max(2, availableParallelism());
  yield* mapOrdered(cards, limit, ({ post, outputPath }) => cardFile(post, outputPath, kit, input));
}
