import sharp, { type OverlayOptions } from "sharp";
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
 * among the system's fonts — and returns its pixels cropped to the ink.
 */
export async function renderText(draw: TextToDraw): Promise<Ink> {
  const spacing = draw.lineHeight === undefined ? "" : ` line_height="${Math.round(draw.lineHeight * 1024)}"`;
  const markup = `<span foreground="${draw.color}"${spacing}>${escapeMarkup(draw.text)}</span>`;
  const { data, info } = await sharp({
    text: { text: markup, font: `${draw.font.name} ${draw.size}px`, fontfile: draw.font.file, rgba: true, dpi: 72 },
  })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function drawItem(item: CardText | CardLogo, fonts: CardFonts, logo: Ink | undefined): Promise<Ink> {
  if (item.kind === "logo") return Promise.resolve(logo!);
  return renderText({ text: item.text, font: fonts[item.weight], size: item.size, color: item.color });
}

interface Placed {
  readonly overlays: OverlayOptions[];
  readonly shapes: string[];
}

/** Places a row's drawn items side by side; pills become rounded rectangles behind their text. */
function placeRow(row: CardRow, inks: readonly Ink[]): Placed {
  const widthOf = (i: number): number => {
    const item = row.items[i]!;
    return inks[i]!.width + (item.kind === "text" && item.pill ? 2 * item.pill.paddingX : 0);
  };
  const total = row.items.reduce((sum, _, i) => sum + widthOf(i), 0) + row.gap * (row.items.length - 1);
  let x = row.align === "left" ? row.x : row.x - total;
  const placed: Placed = { overlays: [], shapes: [] };
  row.items.forEach((item, i) => {
    const ink = inks[i]!;
    const pill = item.kind === "text" ? item.pill : undefined;
    if (pill) {
      const y = row.centerY - pill.height / 2;
      placed.shapes.push(`<rect x="${x}" y="${y}" width="${widthOf(i)}" height="${pill.height}" rx="${pill.height / 2}" fill="${pill.fill}"/>`);
    }
    const left = Math.round(x + (pill?.paddingX ?? 0));
    const top = Math.round(row.centerY - ink.height / 2);
    placed.overlays.push({ input: ink.data, raw: { width: ink.width, height: ink.height, channels: 4 }, left, top });
    x += widthOf(i) + row.gap;
  });
  return placed;
}

/** The frame (a diagonal gradient), the white card and the shapes behind labels, as SVG (no text in it). */
function backgroundSvg(layout: CardLayout, shapes: readonly string[]): string {
  const { width, height, colors, frame } = layout;
  const inner = `x="${frame.inset}" y="${frame.inset}" width="${width - 2 * frame.inset}" height="${height - 2 * frame.inset}" rx="${frame.radius}"`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`,
    `<defs><linearGradient id="f" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colors.frame}"/><stop offset="1" stop-color="${colors.frame_end}"/></linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#f)"/>`,
    `<rect ${inner} fill="${colors.card}"/>`,
    layout.rule ? `<rect x="${layout.rule.x}" y="${layout.rule.y}" width="${layout.rule.width}" height="2" fill="${colors.text}" fill-opacity="0.18"/>` : "",
    ...shapes,
    "</svg>",
  ].join("");
}

/** Draws a laid-out card as a 1200×630 PNG. `logo` is the logo already scaled to its row height. */
export async function renderCard(layout: CardLayout, fonts: CardFonts, logo?: Ink): Promise<Uint8Array> {
  const { title } = layout;
  const titleInk = await renderText({ text: title.lines.join("\n"), font: fonts.bold, size: title.size, color: title.color, lineHeight: title.lineHeight });
  const rows = await Promise.all(layout.rows.map(async (row) => placeRow(row, await Promise.all(row.items.map((item) => drawItem(item, fonts, logo))))));
  const titleTop = Math.round(title.top + (title.bottom - title.top - titleInk.height) / 2);
  const overlays: OverlayOptions[] = [
    { input: titleInk.data, raw: { width: titleInk.width, height: titleInk.height, channels: 4 }, left: title.x, top: Math.max(0, titleTop) },
    ...rows.flatMap((row) => row.overlays),
  ];
  const background = backgroundSvg(layout, rows.flatMap((row) => row.shapes));
  const png = await sharp(Buffer.from(background)).composite(overlays).png().toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
