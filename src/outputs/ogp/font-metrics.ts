import { KijiError } from "../../shared/index.js";

/** What layout needs from a TrueType/OpenType font: which characters it has and how wide they are. */
export interface FontMetrics {
  readonly unitsPerEm: number;
  /** True when the font has a glyph for this code point. */
  hasGlyph(codePoint: number): boolean;
  /** Advance width in font units (the missing-glyph box's width when the font lacks it). */
  advance(codePoint: number): number;
}

type Tables = ReadonlyMap<string, DataView>;

// The table directory (OpenType spec, "Organization of an OpenType font"): tag, checksum, offset, length.
function readTables(bytes: Uint8Array): Tables {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, DataView>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (offset + length > bytes.byteLength) throw new Error(`table '${tag}' lies outside the file`);
    tables.set(tag, new DataView(bytes.buffer, bytes.byteOffset + offset, length));
  }
  return tables;
}

function table(tables: Tables, tag: string): DataView {
  const found = tables.get(tag);
  if (!found) throw new Error(`the font has no '${tag}' table`);
  return found;
}

// cmap format 12 (segmented coverage): groups of (startCharCode, endCharCode, startGlyphID).
function readFormat12(cmap: DataView, offset: number, into: Map<number, number>): void {
  const groups = cmap.getUint32(offset + 12);
  for (let g = 0; g < groups; g++) {
    const at = offset + 16 + g * 12;
    const start = cmap.getUint32(at);
    const end = cmap.getUint32(at + 4);
    const glyph = cmap.getUint32(at + 8);
    for (let c = start; c <= end; c++) into.set(c, glyph + c - start);
  }
}

// cmap format 4 (BMP segments): endCode[], startCode[], idDelta[], idRangeOffset[], glyphIdArray[].
function readFormat4(cmap: DataView, offset: number, into: Map<number, number>): void {
  const segments = cmap.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const start = cmap.getUint16(starts + s * 2);
    const end = cmap.getUint16(ends + s * 2);
    const delta = cmap.getInt16(deltas + s * 2);
    const rangeOffset = cmap.getUint16(ranges + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph = c;
      if (rangeOffset !== 0) glyph = cmap.getUint16(ranges + s * 2 + rangeOffset + (c - start) * 2);
      if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      if (glyph !== 0) into.set(c, glyph);
    }
  }
}

/** Code point → glyph id from the best Unicode subtable: format 12 (full Unicode), else format 4 (BMP). */
function readCmap(cmap: DataView): Map<number, number> {
  const subtables: Array<{ format: number; offset: number }> = [];
  for (let i = 0; i < cmap.getUint16(2); i++) {
    const platform = cmap.getUint16(4 + i * 8);
    const encoding = cmap.getUint16(6 + i * 8);
    const offset = cmap.getUint32(8 + i * 8);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) {
      subtables.push({ format: cmap.getUint16(offset), offset });
    }
  }
  const map = new Map<number, number>();
  const full = subtables.find((s) => s.format === 12);
  const bmp = subtables.find((s) => s.format === 4);
  if (full) readFormat12(cmap, full.offset, map);
  else if (bmp) readFormat4(cmap, bmp.offset, map);
  else throw new Error("the font has no Unicode cmap subtable of format 4 or 12");
  return map;
}

/**
 * Reads the tables layout needs (head, hhea, hmtx, cmap) from a TrueType/OpenType font file.
 * Small on purpose: it measures advance widths and checks coverage, it does not shape text.
 */
export function parseFont(bytes: Uint8Array, name: string): FontMetrics {
  try {
    const tables = readTables(bytes);
    const unitsPerEm = table(tables, "head").getUint16(18);
    const metricCount = table(tables, "hhea").getUint16(34);
    const hmtx = table(tables, "hmtx");
    const glyphs = readCmap(table(tables, "cmap"));
    const advanceOf = (glyph: number): number => hmtx.getUint16(Math.min(glyph, metricCount - 1) * 4);
    return {
      unitsPerEm,
      hasGlyph: (codePoint) => glyphs.has(codePoint),
      advance: (codePoint) => advanceOf(glyphs.get(codePoint) ?? 0),
    };
  } catch (error) {
    throw new KijiError(`cannot read the font ${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Width of `text` in pixels at `size` px, from advance widths (kerning ignored). */
export function measureText(font: FontMetrics, text: string, size: number): number {
  let units = 0;
  for (const character of text) units += font.advance(character.codePointAt(0)!);
  return (units * size) / font.unitsPerEm;
}
