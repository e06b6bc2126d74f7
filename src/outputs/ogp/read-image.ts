import { readFileSync } from "node:fs";
import path from "node:path";
import { loadSharp } from "./load-sharp.js";
import { KijiError, messages, wrapError } from "../../shared/index.js";
import type { Ink } from "./render-card.js";

/**
 * The most pixels kiji decodes from an image of the source (25 million: 5000×5000). A real OGP
 * image needs 756,000; the limit stops a decompression bomb (a small file that decodes to gigabytes).
 */
export const IMAGE_PIXEL_LIMIT = 25_000_000;

/** Where an image is named, for errors: the file naming it and, if known, the line. */
export interface ImageReference {
  readonly file: string;
  readonly line?: number;
  /** The image as written there, e.g. "/assets/og.png". */
  readonly value: string;
}

/**
 * Checks that `absolutePath` is an image sharp can read and that it is not larger than
 * IMAGE_PIXEL_LIMIT, from its header alone (nothing is decoded); throws a KijiError naming `where`.
 */
export async function checkImage(absolutePath: string, where: ImageReference): Promise<void> {
  let pixels: number;
  try {
    const metadata = await (await loadSharp())(absolutePath, { limitInputPixels: false }).metadata();
    pixels = (metadata.width ?? 0) * (metadata.height ?? 0) * Math.max(1, metadata.pages ?? 1);
  } catch (error) {
    const detail = error instanceof Error ? error.message.toLowerCase() : String(error);
    const { message, hint } = messages.ogpNotAnImage(where.value, detail);
    throw new KijiError(message, { file: where.file, line: where.line, hint, cause: error });
  }
  if (pixels > IMAGE_PIXEL_LIMIT) {
    const { message, hint } = messages.ogpImageTooLarge(where.value, pixels, IMAGE_PIXEL_LIMIT);
    throw new KijiError(message, { file: where.file, line: where.line, hint });
  }
}

/** The logo, checked like any source image and scaled to `height` pixels, as raw RGBA. */
export async function readLogo(absolutePath: string, height: number, where: ImageReference): Promise<Ink> {
  await checkImage(absolutePath, where);
  try {
    const { data, info } = await (await loadSharp())(absolutePath, { limitInputPixels: IMAGE_PIXEL_LIMIT, density: 300 })
      .resize({ height, fit: "inside" })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (error) {
    throw wrapError(error, { file: where.file, line: where.line }, `cannot read the logo '${where.value}'`);
  }
}

/** The line of a source file on which front matter sets `key`, if any (read only when reporting an error). */
export function lineOfKey(source: string, relativePath: string, key: string): number | undefined {
  try {
    const lines = readFileSync(path.join(source, relativePath), "utf8").split("\n");
    const index = lines.findIndex((line, i) => i > 0 && line.startsWith(`${key}:`));
    return index === -1 ? undefined : index + 1;
  } catch {
    return undefined;
  }
}
