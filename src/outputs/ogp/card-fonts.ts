import { promises as fs } from "node:fs";
import { createRequire } from "node:module";
import { digest } from "../../shared/index.js";
import { parseFont, type FontMetrics } from "./font-metrics.js";

/** One font file of the card, passed to the renderer by path (never looked up among the system's fonts). */
export interface CardFont {
  /** Family and style as Pango names them, e.g. "Noto Sans JP Bold". */
  readonly name: string;
  /** Absolute path of the TTF file. */
  readonly file: string;
  /** Digest of the file's bytes, part of every card's cache key. */
  readonly digest: string;
  readonly metrics: FontMetrics;
}

/** The two weights a card uses: bold for the title and labels, regular for the rest. */
export interface CardFonts {
  readonly bold: CardFont;
  readonly regular: CardFont;
}

/** The family every card is drawn in. */
export const CARD_FONT_FAMILY = "Noto Sans JP";

// Noto Sans JP (SIL Open Font License 1.1) as static TTFs from the @expo-google-fonts package.
const FONT_FILES = {
  bold: { name: `${CARD_FONT_FAMILY} Bold`, module: "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf" },
  regular: { name: `${CARD_FONT_FAMILY} Regular`, module: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf" },
} as const;

async function loadFont(name: string, module: string): Promise<CardFont> {
  const file = createRequire(import.meta.url).resolve(module);
  const bytes = await fs.readFile(file);
  return { name, file, digest: digest(bytes), metrics: parseFont(bytes, name) };
}

/** Reads and measures the card fonts from the npm package kiji depends on. */
export async function loadCardFonts(): Promise<CardFonts> {
  const [bold, regular] = await Promise.all([
    loadFont(FONT_FILES.bold.name, FONT_FILES.bold.module),
    loadFont(FONT_FILES.regular.name, FONT_FILES.regular.module),
  ]);
  return { bold, regular };
}
