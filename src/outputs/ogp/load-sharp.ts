import type Sharp from "sharp";

/**
 * sharp (libvips, a native module that takes about 0.1 s to load), imported when an image is
 * first read or drawn: a build that draws no card and reads no image never loads it.
 */
export async function loadSharp(): Promise<typeof Sharp> {
  return (await import("sharp")).default;
}
