import type { Ink } from "./render-card.js";

/** An opaque RGB image being drawn on: 3 bytes a pixel, row by row. */
export interface Canvas {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/**
 * Draws `ink` (RGBA, not premultiplied) over the canvas with its top-left corner at (left, top),
 * clipped to the canvas: "source over" blending with alpha, done here because a card has only a
 * few small overlays and blending them in place is cheaper than an image-wide libvips composite.
 */
export function blendInto(canvas: Canvas, ink: Ink, left: number, top: number): void {
  const x0 = Math.max(0, Math.round(left));
  const y0 = Math.max(0, Math.round(top));
  const x1 = Math.min(canvas.width, Math.round(left) + ink.width);
  const y1 = Math.min(canvas.height, Math.round(top) + ink.height);
  const { data } = canvas;
  for (let y = y0; y < y1; y++) {
    let source = ((y - Math.round(top)) * ink.width + (x0 - Math.round(left))) * 4;
    let target = (y * canvas.width + x0) * 3;
    for (let x = x0; x < x1; x++, source += 4, target += 3) {
      const alpha = ink.data[source + 3]!;
      if (alpha === 0) continue;
      for (let c = 0; c < 3; c++) {
        data[target + c] = Math.round((ink.data[source + c]! * alpha + data[target + c]! * (255 - alpha)) / 255);
      }
    }
  }
}
