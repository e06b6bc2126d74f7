import { loadSharp } from "./load-sharp.js";
import { blendInto, type Canvas } from "./blend.js";
import type { CardFont, CardFonts } from "./card-fonts.js";
import type { CardLayout, CardLogo, CardRow, CardText } from "./card-layout.js";

/** A rendered text or logo: raw RGBA pixels cropped to their ink. */
export interface Ink {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/** What renderText draws. */
export interface TextToDraw {
  readonly text: string;
  readonly font: CardFont;
  /** Font size in pixels. */
  readonly size: number;
  readonly color: string;
  /** Distance between baselines in pixels, for several lines joined with "\n". */
  readonly lineHeight?: number;
}

/** Text as Pango markup shows it literally: `&`, `<`, `>` and quotes escaped. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/**
 * Draws text with sharp (libvips → Pango) in the given font file — passed by path, never looked up
 * among the system's fonts — and returns its pixels cropped to the ink (none for blank text).
 */
export async function renderText(draw: TextToDraw): Promise<Ink> {
  if (draw.text.trim() === "") return { data: Buffer.alloc(0), width: 0, height: 0 };
  const spacing = draw.lineHeight === undefined ? "" : ` line_height="${Math.round(draw.lineHeight * 1024)}"`;
  const markup = `<span foreground="${draw.color}"${spacing}>${escapeMarkup(draw.text)}</span>`;
  const sharp = await loadSharp();
  const { data, info } = await sharp({
    text: { text: markup, font: `${draw.font.name} ${draw.size}px`, fontfile: draw.font.file, rgba: true, dpi: 72 },
  })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Draws laid-out cards as PNGs; keeps the parts cards share (background, labels) for the build it was made for. */
export interface CardPainter {
  /** Draws one card: a 1200×630 PNG. */
  paint(layout: CardLayout): Promise<Uint8Array>;
}

type Rasterize = (svg: string) => Promise<Ink>;

/** An ink and where its top-left corner goes. */
interface Overlay {
  readonly ink: Ink;
  readonly left: number;
  readonly top: number;
}

function overlay(ink: Ink, left: number, top: number): Overlay {
  return { ink, left, top };
}

/** Places a row's drawn items side by side; a pill is a rounded rectangle behind its text. */
async function placeRow(row: CardRow, inks: readonly Ink[], rasterize: Rasterize): Promise<Overlay[]> {
  const widthOf = (i: number): number => {
    const item = row.items[i]!;
    return inks[i]!.width + (item.kind === "text" && item.pill ? 2 * item.pill.paddingX : 0);
  };
  const total = row.items.reduce((sum, _, i) => sum + widthOf(i), 0) + row.gap * (row.items.length - 1);
  let x = row.align === "left" ? row.x : row.x - total;
  const placed: Overlay[] = [];
  for (const [i, item] of row.items.entries()) {
    const ink = inks[i]!;
    const pill = item.kind === "text" ? item.pill : undefined;
    if (pill) {
      const [w, h] = [widthOf(i), pill.height];
      const shape = await rasterize(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" rx="${h / 2}" fill="${pill.fill}"/></svg>`);
      placed.push(overlay(shape, x, row.centerY - h / 2));
    }
    placed.push(overlay(ink, x + (pill?.paddingX ?? 0), row.centerY - ink.height / 2));
    x += widthOf(i) + row.gap;
  }
  return placed;
}

/** The frame (a diagonal gradient), the white card and the rule, as SVG (no text in it). */
function backgroundSvg(layout: CardLayout): string {
  const { width, height, colors, frame, rule } = layout;
  const inner = `x="${frame.inset}" y="${frame.inset}" width="${width - 2 * frame.inset}" height="${height - 2 * frame.inset}" rx="${frame.radius}"`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`,
    `<defs><linearGradient id="f" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colors.frame}"/><stop offset="1" stop-color="${colors.frame_end}"/></linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#f)"/>`,
    `<rect ${inner} fill="${colors.card}"/>`,
    rule ? `<rect x="${rule.x}" y="${rule.y}" width="${rule.width}" height="2" fill="${colors.text}" fill-opacity="0.18"/>` : "",
    "</svg>",
  ].join("");
}

/** `fn` with its results kept by `keyOf(argument)`, for the lifetime of one painter. */
function memoize<A, T>(keyOf: (argument: A) => string, fn: (argument: A) => Promise<T>): (argument: A) => Promise<T> {
  const results = new Map<string, Promise<T>>();
  return (argument) => {
    const key = keyOf(argument);
    let result = results.get(key);
    if (!result) {
      result = fn(argument);
      results.set(key, result);
    }
    return result;
  };
}

async function rasterizeSvg(svg: string, channels: 3 | 4): Promise<Ink> {
  const sharp = await loadSharp();
  const image = sharp(Buffer.from(svg));
  const { data, info } = await (channels === 4 ? image.ensureAlpha() : image.removeAlpha()).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Creates the painter of one build. What cards share is drawn once per painter: the background,
 * label shapes, and the texts of every field but the date (site name, author, category), so a card
 * costs its title, date, a few in-place blends and the PNG encoding. `logo` is already scaled.
 */
export function createCardPainter(fonts: CardFonts, logo?: Ink): CardPainter {
  const background = memoize((svg: string) => svg, (svg) => rasterizeSvg(svg, 3));
  const rasterize = memoize((svg: string) => svg, (svg) => rasterizeSvg(svg, 4));
  const sharedText = memoize((draw: TextToDraw) => JSON.stringify([draw.text, draw.font.name, draw.size, draw.color]), renderText);
  const drawItem = (item: CardText | CardLogo): Promise<Ink> => {
    if (item.kind === "logo") return Promise.resolve(logo!);
    const draw = { text: item.text, font: fonts[item.weight], size: item.size, color: item.color };
    return item.field === "date" ? renderText(draw) : sharedText(draw);
  };
  return {
    async paint(layout) {
      const { title } = layout;
      const [canvas, titleInk, rows] = await Promise.all([
        background(backgroundSvg(layout)).then((ink): Canvas => ({ ...ink, data: Buffer.from(ink.data) })),
        renderText({ text: title.lines.join("\n"), font: fonts.bold, size: title.size, color: title.color, lineHeight: title.lineHeight }),
        Promise.all(layout.rows.map(async (row) => placeRow(row, await Promise.all(row.items.map(drawItem)), rasterize))),
      ]);
      const titleTop = Math.max(0, title.top + (title.bottom - title.top - titleInk.height) / 2);
      for (const { ink, left, top } of [overlay(titleInk, title.x, titleTop), ...rows.flat()]) blendInto(canvas, ink, left, top);
      const png = await (await loadSharp())(canvas.data, { raw: { width: canvas.width, height: canvas.height, channels: 3 } }).png().toBuffer();
      return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    },
  };
}
