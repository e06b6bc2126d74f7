import type { OgpColors, OgpField } from "../../config/index.js";
import type { CardContent } from "../../features/index.js";
import { measureText, type FontMetrics } from "./font-metrics.js";
import { balanceLines, breakUnits, ellipsize, fillLines, titlePhrases, truncateToWidth, type Segmenter } from "./line-break.js";

/** Which of the two card fonts a text uses. */
export type CardWeight = "bold" | "regular";

/** A one-line text on the card, optionally on a rounded label ("pill"). */
export interface CardText {
  readonly kind: "text";
  readonly field: OgpField;
  readonly text: string;
  readonly weight: CardWeight;
  /** Font size in pixels. */
  readonly size: number;
  readonly color: string;
  readonly pill?: { readonly fill: string; readonly paddingX: number; readonly height: number };
}

/** The site logo, scaled to `height`. */
export interface CardLogo {
  readonly kind: "logo";
  readonly height: number;
}

/** Items laid side by side from `x` (left-aligned) or back from `x` (right-aligned), centred on `centerY`. */
export interface CardRow {
  readonly x: number;
  readonly centerY: number;
  readonly align: "left" | "right";
  readonly gap: number;
  readonly items: ReadonlyArray<CardText | CardLogo>;
}

/** The title block: its lines, drawn left-aligned at `x` and centred between `top` and `bottom`. */
export interface CardTitle {
  readonly lines: readonly string[];
  readonly size: number;
  /** Distance between baselines, in pixels. */
  readonly lineHeight: number;
  readonly color: string;
  readonly x: number;
  readonly top: number;
  readonly bottom: number;
  readonly maxWidth: number;
}

/** Everything the renderer draws, decided without drawing anything. */
export interface CardLayout {
  readonly width: number;
  readonly height: number;
  readonly colors: Required<OgpColors>;
  /** Width of the coloured frame around the white card, and the card's corner radius. */
  readonly frame: { readonly inset: number; readonly radius: number };
  readonly title: CardTitle;
  readonly rows: readonly CardRow[];
  /** A thin line between the title and the bottom row, when there is one: its y and horizontal extent. */
  readonly rule: { readonly y: number; readonly x: number; readonly width: number } | undefined;
}

/** What layout needs besides the card's texts. */
export interface CardLayoutInput {
  readonly colors: Required<OgpColors>;
  readonly hasLogo: boolean;
  readonly fonts: { readonly bold: FontMetrics; readonly regular: FontMetrics };
  readonly segment: Segmenter;
}

// The design, in pixels of the 1200×630 card (the size Facebook, X and LINE recommend): a white
// card inset in a coloured frame; category and date on top, the title, a rule, site and author.
const WIDTH = 1200;
const HEIGHT = 630;
const INSET = 36;
const PADDING_X = 64;
const PADDING_Y = 52;
const LEFT = INSET + PADDING_X;
const CONTENT_WIDTH = WIDTH - 2 * LEFT;
const ROW_HALF_HEIGHT = 22;
const TOP_ROW_Y = INSET + PADDING_Y + ROW_HALF_HEIGHT;
const BOTTOM_ROW_Y = HEIGHT - INSET - PADDING_Y - ROW_HALF_HEIGHT;
const RULE_Y = BOTTOM_ROW_Y - 42;
/** Title sizes tried in turn, largest first, until the title fits in three lines and in its area. */
export const TITLE_SIZES = [76, 68, 62, 56, 50, 44] as const;
/** Lines a title may take. */
export const TITLE_MAX_LINES = 3;
const LINE_HEIGHT = 1.42;
/** Height of the logo before the site name, in pixels. */
export const LOGO_HEIGHT = 48;

/** The title's area: below the top row (if any), above the rule (if any). */
function titleArea(hasTop: boolean, hasBottom: boolean): { top: number; bottom: number } {
  return {
    top: hasTop ? TOP_ROW_Y + ROW_HALF_HEIGHT + 30 : INSET + PADDING_Y,
    bottom: hasBottom ? RULE_Y - 26 : HEIGHT - INSET - PADDING_Y,
  };
}

/** Height the title's ink takes: every line but the last at full line height, the last about one em. */
function inkHeight(lines: number, size: number): number {
  return (lines - 1) * Math.round(size * LINE_HEIGHT) + size * 1.1;
}

/**
 * Lays the title out in the largest size at which it fits in three lines and in `maxHeight`;
 * at the smallest size a longer title is cut after three lines with "…".
 */
export function layoutTitle(title: string, input: CardLayoutInput, maxWidth = CONTENT_WIDTH, maxHeight = Infinity): Pick<CardTitle, "lines" | "size"> {
  const phrases = titlePhrases(title, input.segment);
  const measureAt = (size: number) => (text: string): number => measureText(input.fonts.bold, text, size);
  for (const size of TITLE_SIZES) {
    const measure = measureAt(size);
    const lines = balanceLines(breakUnits(phrases, maxWidth, measure), maxWidth, measure);
    if (lines.length <= TITLE_MAX_LINES && inkHeight(lines.length, size) <= maxHeight) return { lines, size };
  }
  const size = TITLE_SIZES[TITLE_SIZES.length - 1]!;
  const measure = measureAt(size);
  const lines = fillLines(breakUnits(phrases, maxWidth, measure), maxWidth, measure).slice(0, TITLE_MAX_LINES);
  lines[TITLE_MAX_LINES - 1] = ellipsize(lines[TITLE_MAX_LINES - 1]!, maxWidth, measure);
  return { lines, size };
}

function text(field: OgpField, value: string, weight: CardWeight, size: number, color: string, input: CardLayoutInput, maxWidth: number): CardText {
  const fitted = truncateToWidth(value, maxWidth, (t) => measureText(input.fonts[weight], t, size));
  return { kind: "text", field, text: fitted, weight, size, color };
}

/** The rows of small texts: category and date above the title, logo and site name below it, author at the bottom right. */
function metaRows(content: CardContent, input: CardLayoutInput): CardRow[] {
  const { colors } = input;
  const value = (field: OgpField): string | undefined => content.fields.find((f) => f.field === field)?.text;
  const top: CardText[] = [];
  const category = value("category");
  if (category !== undefined) {
    const label = text("category", category, "bold", 24, colors.accent_text, input, 460);
    top.push({ ...label, pill: { fill: colors.accent, paddingX: 18, height: 44 } });
  }
  const date = value("date");
  if (date !== undefined) top.push(text("date", date, "regular", 26, colors.text, input, 400));
  const bottomLeft: Array<CardText | CardLogo> = input.hasLogo ? [{ kind: "logo", height: LOGO_HEIGHT }] : [];
  const site = value("site");
  if (site !== undefined) bottomLeft.push(text("site", site, "bold", 30, colors.title, input, 560));
  const author = value("author");
  const rows: CardRow[] = [];
  if (top.length > 0) rows.push({ x: LEFT, centerY: TOP_ROW_Y, align: "left", gap: 20, items: top });
  if (bottomLeft.length > 0) rows.push({ x: LEFT, centerY: BOTTOM_ROW_Y, align: "left", gap: 16, items: bottomLeft });
  if (author !== undefined) {
    const authorText = text("author", author, "regular", 26, colors.text, input, site === undefined ? CONTENT_WIDTH : 360);
    rows.push({ x: LEFT + CONTENT_WIDTH, centerY: BOTTOM_ROW_Y, align: "right", gap: 0, items: [authorText] });
  }
  return rows;
}

/** Lays out one card: pure, so where lines break and what appears is testable without drawing. */
export function layoutCard(content: CardContent, input: CardLayoutInput): CardLayout {
  const rows = metaRows(content, input);
  const hasTop = rows.some((row) => row.centerY === TOP_ROW_Y);
  const hasBottom = rows.some((row) => row.centerY === BOTTOM_ROW_Y);
  const area = titleArea(hasTop, hasBottom);
  const { lines, size } = layoutTitle(content.title, input, CONTENT_WIDTH, area.bottom - area.top);
  return {
    width: WIDTH,
    height: HEIGHT,
    colors: input.colors,
    frame: { inset: INSET, radius: 24 },
    title: {
      lines,
      size,
      lineHeight: Math.round(size * LINE_HEIGHT),
      color: input.colors.title,
      x: LEFT,
      ...area,
      maxWidth: CONTENT_WIDTH,
    },
    rows,
    rule: hasBottom ? { y: RULE_Y, x: LEFT, width: CONTENT_WIDTH } : undefined,
  };
}
