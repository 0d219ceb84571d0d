/**
 * Text widths from the font the PNG is drawn with, for laying charts out without a canvas.
 *
 * Vega sizes a chart (axis label space, legend columns, title extent, label truncation) from
 * `textMetrics.width(item, text)`. In a browser that is canvas's `measureText`; headless in
 * Node there is no canvas and vega-scenegraph falls back to `~~(0.8 × characters × fontSize)`,
 * about 40% wider than DejaVu Sans, the font resvg draws with on Debian: the SVG and PNG get a
 * blank band on the right and labels are cut with "…" long before they would have to be.
 *
 * This module reads the advance widths straight out of the TrueType file (tables `head`,
 * `hhea`, `maxp`, `hmtx`, `cmap` formats 4 and 12, and pair kerning from the legacy `kern`
 * table, format 0) — no dependency, no canvas — and installs a `textMetrics.width` that
 * measures with DejaVu Sans (bold for bold items) the way resvg lays the text out.
 *
 * With resvg 2.6 and fonts-dejavu-core 2.37 the widths equal resvg's layout advances to 0.01 px,
 * kerning included (tests/textMetrics.test.ts checks it); resvg also draws weights up to 500,
 * and italics, with the regular advances, and 600 and up with the bold face's.
 *
 * Not modelled (each a small error at chart sizes): GPOS positioning other than what the `kern`
 * table repeats, ligatures and other GSUB substitutions, font families other than DejaVu Sans
 * (every item is measured with DejaVu Sans whatever its `font`), letter-spacing, and characters
 * the font lacks (measured with the `.notdef` advance; resvg may draw them from a fallback font).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";

/** A TrueType/OpenType font file, reduced to what horizontal text width needs. */
export interface TrueTypeFont {
  /** Font units per em (`head.unitsPerEm`): a width in font units × fontSize / unitsPerEm is pixels. */
  readonly unitsPerEm: number;
  /** Number of glyphs (`maxp.numGlyphs`, or what `hmtx` covers when there is no `maxp`). */
  readonly numGlyphs: number;
  /** Glyph index of a Unicode code point; 0 (`.notdef`) when the font has no glyph for it. */
  glyphIndex(codePoint: number): number;
  /** Advance width of a glyph, in font units (`hmtx`; glyphs past `numberOfHMetrics` share the last advance). */
  glyphAdvance(glyph: number): number;
  /** Advance width of a code point's glyph (the `.notdef` advance when missing), in font units. */
  advanceWidth(codePoint: number): number;
  /** Pair kerning between two glyphs from the `kern` table, in font units (0 when none). */
  kerning(left: number, right: number): number;
  /** Whether the font has a horizontal format-0 `kern` table. */
  readonly hasKerning: boolean;
}

/** Thrown for a file that is not a TrueType/OpenType font this reader understands, or is damaged. */
export class FontFormatError extends Error {
  override readonly name = "FontFormatError";
}

interface TableRecord {
  offset: number;
  length: number;
}

/**
 * Parse a TrueType (or CFF-flavoured OpenType) font from its bytes. `label` names the font in
 * error messages (the file path). Throws `FontFormatError` for a truncated or invalid file.
 */
export function parseTrueType(data: Uint8Array, label = "font"): TrueTypeFont {
  const fail = (why: string): never => {
    throw new FontFormatError(`${label}: not a usable TrueType font: ${why}`);
  };
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const size = data.byteLength;
  const need = (offset: number, bytes: number, what: string): void => {
    if (offset < 0 || offset + bytes > size) fail(`truncated ${what} (needs bytes ${offset}..${offset + bytes}, file has ${size})`);
  };

  need(0, 12, "header");
  const version = dv.getUint32(0);
  if (version === 0x74746366) fail("a font collection (.ttc) is not supported; give one .ttf");
  if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */ && version !== 0x4f54544f /* 'OTTO' */) {
    fail(`unknown sfnt version 0x${version.toString(16).padStart(8, "0")}`);
  }
  const numTables = dv.getUint16(4);
  need(12, numTables * 16, "table directory");
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const p = 12 + i * 16;
    const tag = String.fromCharCode(data[p], data[p + 1], data[p + 2], data[p + 3]);
    const offset = dv.getUint32(p + 8);
    const length = dv.getUint32(p + 12);
    // every table must lie inside the file: a cut-off download or copy fails here, by name
    if (offset + length > size) fail(`table '${tag}' (bytes ${offset}..${offset + length}) runs past the end of the file (${size} bytes): truncated?`);
    tables.set(tag, { offset, length });
  }
  const table = (tag: string, minLength: number): TableRecord => {
    const t = tables.get(tag) ?? fail(`no '${tag}' table`);
    if (t.length < minLength) fail(`'${tag}' table too short (${t.length} bytes)`);
    need(t.offset, t.length, `'${tag}' table`);
    return t;
  };

  // head: unitsPerEm at 18, magic number at 12.
  const head = table("head", 54);
  if (dv.getUint32(head.offset + 12) !== 0x5f0f3cf5) fail("bad 'head' magic number");
  const unitsPerEm = dv.getUint16(head.offset + 18);
  if (unitsPerEm < 16 || unitsPerEm > 16384) fail(`unitsPerEm ${unitsPerEm} out of range`);

  // hhea: numberOfHMetrics at 34.
  const hhea = table("hhea", 36);
  const numberOfHMetrics = dv.getUint16(hhea.offset + 34);
  if (numberOfHMetrics < 1) fail("'hhea' numberOfHMetrics is 0");

  // hmtx: numberOfHMetrics × (advanceWidth u16, lsb i16), then lsb only for the rest.
  const hmtx = table("hmtx", numberOfHMetrics * 4);
  const maxpRec = tables.get("maxp");
  let numGlyphs = numberOfHMetrics;
  if (maxpRec) {
    const maxp = table("maxp", 6);
    numGlyphs = Math.max(dv.getUint16(maxp.offset + 4), numberOfHMetrics);
  }
  const advances = new Uint16Array(numberOfHMetrics);
  for (let g = 0; g < numberOfHMetrics; g++) advances[g] = dv.getUint16(hmtx.offset + g * 4);
  const glyphAdvance = (glyph: number): number => {
    if (!(glyph >= 0 && glyph < numGlyphs)) glyph = 0;
    return advances[Math.min(glyph, numberOfHMetrics - 1)];
  };

  const glyphIndex = readCmap(dv, table("cmap", 4), numGlyphs, fail);
  const kern = readKern(dv, tables.get("kern"), size);

  const advanceCache = new Map<number, number>();
  return {
    unitsPerEm,
    numGlyphs,
    glyphIndex,
    glyphAdvance,
    advanceWidth(codePoint: number): number {
      let a = advanceCache.get(codePoint);
      if (a === undefined) {
        a = glyphAdvance(glyphIndex(codePoint));
        advanceCache.set(codePoint, a);
      }
      return a;
    },
    kerning(left: number, right: number): number {
      return kern?.get(left * 65536 + right) ?? 0;
    },
    hasKerning: kern !== undefined,
  };
}

/**
 * The `cmap` lookup: a format-12 subtable (full Unicode) when there is one, else format 4
 * (the Basic Multilingual Plane). Unicode subtables only (platform 0, or Windows 3/1 and 3/10).
 */
function readCmap(dv: DataView, cmap: TableRecord, numGlyphs: number, fail: (why: string) => never): (cp: number) => number {
  const end = cmap.offset + cmap.length;
  const n = dv.getUint16(cmap.offset + 2);
  if (4 + n * 8 > cmap.length) fail("truncated 'cmap' encoding records");
  let f4: number | undefined;
  let f12: number | undefined;
  for (let i = 0; i < n; i++) {
    const r = cmap.offset + 4 + i * 8;
    const platform = dv.getUint16(r);
    const encoding = dv.getUint16(r + 2);
    const sub = cmap.offset + dv.getUint32(r + 4);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (sub + 2 > end) fail("'cmap' subtable outside the table");
    const format = dv.getUint16(sub);
    if (format === 12 && f12 === undefined) f12 = sub;
    else if (format === 4 && f4 === undefined) f4 = sub;
  }
  const valid = (g: number): number => (g < numGlyphs ? g : 0);

  if (f12 !== undefined) {
    const sub = f12;
    if (sub + 16 > end) fail("truncated 'cmap' format 12 header");
    const groups = dv.getUint32(sub + 12);
    if (sub + 16 + groups * 12 > end) fail("truncated 'cmap' format 12 groups");
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const g = sub + 16 + mid * 12;
        const start = dv.getUint32(g);
        if (cp < start) hi = mid - 1;
        else if (cp > dv.getUint32(g + 4)) lo = mid + 1;
        else return valid(dv.getUint32(g + 8) + (cp - start));
      }
      return 0;
    };
  }
  if (f4 !== undefined) {
    const sub = f4;
    if (sub + 14 > end) fail("truncated 'cmap' format 4 header");
    const segX2 = dv.getUint16(sub + 6);
    const segCount = segX2 >>> 1;
    const endCodes = sub + 14;
    const startCodes = endCodes + segX2 + 2;
    const idDeltas = startCodes + segX2;
    const idRangeOffsets = idDeltas + segX2;
    if (segCount === 0 || idRangeOffsets + segX2 > end) fail("truncated 'cmap' format 4 segments");
    return (cp) => {
      if (cp > 0xffff) return 0;
      let lo = 0;
      let hi = segCount - 1;
      while (lo < hi) {
        // first segment whose endCode >= cp
        const mid = (lo + hi) >>> 1;
        if (dv.getUint16(endCodes + mid * 2) < cp) lo = mid + 1;
        else hi = mid;
      }
      if (dv.getUint16(endCodes + lo * 2) < cp) return 0;
      const start = dv.getUint16(startCodes + lo * 2);
      if (cp < start) return 0;
      const delta = dv.getUint16(idDeltas + lo * 2);
      const rangeOffsetAt = idRangeOffsets + lo * 2;
      const rangeOffset = dv.getUint16(rangeOffsetAt);
      if (rangeOffset === 0) return valid((cp + delta) & 0xffff);
      const at = rangeOffsetAt + rangeOffset + (cp - start) * 2;
      if (at + 2 > end) return 0;
      const g = dv.getUint16(at);
      return g === 0 ? 0 : valid((g + delta) & 0xffff);
    };
  }
  return fail("no Unicode 'cmap' subtable of format 4 or 12");
}

/**
 * Pairs of the legacy `kern` table (version 0, horizontal format-0 subtables, summed), keyed
 * `left × 65536 + right`. `undefined` when there is none. A damaged `kern` table is ignored
 * (kerning is a refinement: widths stay right to within a few per cent without it).
 */
function readKern(dv: DataView, rec: TableRecord | undefined, size: number): Map<number, number> | undefined {
  if (!rec || rec.length < 4 || rec.offset + rec.length > size) return undefined;
  const end = rec.offset + rec.length;
  if (dv.getUint16(rec.offset) !== 0) return undefined; // Apple's version-1 'kern' is not read
  const nTables = dv.getUint16(rec.offset + 2);
  const pairs = new Map<number, number>();
  let p = rec.offset + 4;
  for (let t = 0; t < nTables && p + 6 <= end; t++) {
    const coverage = dv.getUint16(p + 4);
    const format = coverage >>> 8;
    // horizontal (bit 0), not minimum (bit 1), not cross-stream (bit 2)
    const usable = format === 0 && (coverage & 0x7) === 0x1;
    if (usable && p + 14 <= end) {
      const nPairs = dv.getUint16(p + 6);
      const first = p + 14;
      // The u16 subtable length overflows for big tables (DejaVu's does): trust nPairs, within the table.
      const count = Math.min(nPairs, Math.floor((end - first) / 6));
      const override = (coverage & 0x8) !== 0;
      for (let i = 0; i < count; i++) {
        const q = first + i * 6;
        const key = dv.getUint16(q) * 65536 + dv.getUint16(q + 2);
        const v = dv.getInt16(q + 4);
        pairs.set(key, override ? v : (pairs.get(key) ?? 0) + v);
      }
      p = first + nPairs * 6;
    } else {
      const length = dv.getUint16(p + 2);
      if (length < 6) break;
      p += length;
    }
  }
  return pairs.size > 0 ? pairs : undefined;
}

const fontCache = new Map<string, TrueTypeFont>();

/** Read and parse a font file (cached by path). Throws `FontFormatError` for a bad file, the fs error for a missing one. */
export function loadFont(path: string): TrueTypeFont {
  let f = fontCache.get(path);
  if (!f) {
    f = parseTrueType(readFileSync(path), path);
    fontCache.set(path, f);
  }
  return f;
}

/** Width of one line of text in font units: advances of its code points' glyphs, plus pair kerning. */
function unitsWidth(font: TrueTypeFont, text: string): number {
  let w = 0;
  let prev = -1;
  for (const ch of text) {
    const g = font.glyphIndex(ch.codePointAt(0) ?? 0);
    w += font.glyphAdvance(g);
    if (prev >= 0) w += font.kerning(prev, g);
    prev = g;
  }
  return w;
}

/**
 * A measurer for the font at `path`: `(text, fontSize) => width in pixels` of one line, from the
 * font's advance widths (plus its `kern` pairs: what resvg's shaper applies), scaled by
 * fontSize / unitsPerEm. Throws when the file cannot be read or parsed.
 */
export function fontWidths(path: string): (text: string, fontSize: number) => number {
  const font = loadFont(path);
  return (text, fontSize) => (unitsWidth(font, text) * fontSize) / font.unitsPerEm;
}

/** Where DejaVu Sans is on Debian (fonts-dejavu-core), and on a few other systems. */
export const DEJAVU_SANS_PATHS = {
  regular: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf"],
  bold: ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"],
} as const;

/** Ask fontconfig for a face; only a DejaVu Sans file counts (fc-match answers with any font it has). */
function fcMatch(pattern: string, expected: RegExp): string | undefined {
  try {
    const out = execFileSync("fc-match", ["-f", "%{file}", pattern], { encoding: "utf8", timeout: 5000, stdio: ["ignore", "pipe", "ignore"] }).trim();
    return out && expected.test(basename(out)) && existsSync(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

export interface FontSearch {
  /** Candidate files for the regular face, tried in order (default: `DEJAVU_SANS_PATHS.regular`). */
  regular?: readonly string[];
  /** Candidate files for the bold face (default: `DEJAVU_SANS_PATHS.bold`). */
  bold?: readonly string[];
  /** Ask `fc-match` when no candidate exists (default true). */
  fcMatch?: boolean;
}

/**
 * The DejaVu Sans files: the first existing candidate path, else what `fc-match` names (when it
 * is DejaVu Sans). The bold face falls back to the regular one (bold text is then measured
 * ~10% narrow). `undefined` when no regular face is found.
 */
export function findDejaVuSans(search: FontSearch = {}): { regular: string; bold: string } | undefined {
  const useFc = search.fcMatch ?? true;
  const regular =
    (search.regular ?? DEJAVU_SANS_PATHS.regular).find((p) => existsSync(p)) ?? (useFc ? fcMatch("DejaVu Sans", /^DejaVuSans\.ttf$/i) : undefined);
  if (!regular) return undefined;
  const bold =
    (search.bold ?? DEJAVU_SANS_PATHS.bold).find((p) => existsSync(p)) ?? (useFc ? fcMatch("DejaVu Sans:bold", /^DejaVuSans-Bold\.ttf$/i) : undefined) ?? regular;
  return { regular, bold };
}

/** The scenegraph text item fields a width depends on (vega-scenegraph's text mark). */
export interface TextItemLike {
  text?: unknown;
  fontSize?: unknown;
  fontWeight?: unknown;
  limit?: unknown;
  lineBreak?: unknown;
}

/** Bold when vega would ask for a bold face: "bold"/"bolder", or a numeric weight of 600 or more. */
export function isBold(weight: unknown): boolean {
  if (weight == null || weight === "") return false;
  if (weight === "bold" || weight === "bolder") return true;
  const n = Number(weight);
  return Number.isFinite(n) && n >= 600;
}

/** vega-scenegraph's `fontSize(item)`: 11 when unset, 0 for an unparseable value. */
function itemFontSize(item: TextItemLike): number {
  return item.fontSize != null ? Number(item.fontSize) || 0 : 11;
}

/**
 * A `textMetrics.width` replacement measuring with the given measurers. Mirrors
 * vega-scenegraph's `estimateWidth(item, text)`: the text is `text` (or `item.text` when `text`
 * is undefined), stringified and trimmed; an array (vega-label passes `item.text` as is) or a
 * string split on `item.lineBreak` measures its longest line.
 *
 * `item.limit`: vega measures the *truncated* text (`textValue` → `truncate`), but its
 * `truncate`, when a custom width is installed, calls this same function to find where to cut —
 * so this cannot cut itself (it would recurse, or tell `truncate` that a long text fits).
 * Instead a line at least `limit` wide measures exactly `limit`: `truncate` still sees it does
 * not fit (it tests `width < limit`) and bisects on the untouched widths below the limit, and
 * the bounds of a truncated label are `limit` wide, at most one character wider than the
 * "…"-ended text drawn.
 */
export function makeTextWidth(regular: (text: string, fontSize: number) => number, bold: (text: string, fontSize: number) => number): (item: TextItemLike, text?: unknown) => number {
  return (item, text) => {
    const size = itemFontSize(item);
    if (size <= 0) return 0;
    const value = text === undefined ? item.text : text;
    let lines: unknown[];
    if (Array.isArray(value)) lines = value;
    else if (typeof value === "string" && typeof item.lineBreak === "string" && item.lineBreak !== "" && value.includes(item.lineBreak)) lines = value.split(item.lineBreak);
    else lines = [value];
    const measure = isBold(item.fontWeight) ? bold : regular;
    const limit = Number(item.limit);
    let max = 0;
    for (const l of lines) {
      const s = l == null ? "" : String(l).trim();
      if (s === "") continue;
      let w = measure(s, size);
      if (limit > 0 && w >= limit) w = limit;
      if (w > max) max = w;
    }
    return max;
  };
}

/**
 * Make vega measure text with DejaVu Sans, the font resvg draws with. Call once (e.g. at module
 * load of the renderer) with the `vega` module namespace, `installTextMetrics(vega)`: it
 * replaces `vega.textMetrics.width` (vega-scenegraph's one shared object, used by layout,
 * bounds, truncation and vega-label). Typed `object` because vega's typings do not declare
 * `textMetrics`; anything without a `textMetrics.width` function is a TypeError. Returns false,
 * leaving vega's estimate in place, when no DejaVu Sans file is found or it cannot be read.
 */
export function installTextMetrics(vega: object, search: FontSearch = {}): boolean {
  const tm = (vega as { textMetrics?: unknown }).textMetrics;
  if (typeof tm !== "object" || tm === null || typeof (tm as { width?: unknown }).width !== "function") {
    throw new TypeError("installTextMetrics: expected the vega module (with textMetrics.width)");
  }
  const files = findDejaVuSans(search);
  if (!files) return false;
  let regular: (text: string, fontSize: number) => number;
  try {
    regular = fontWidths(files.regular);
  } catch {
    return false;
  }
  let bold = regular;
  try {
    bold = fontWidths(files.bold);
  } catch {
    // an unreadable bold face: bold text is measured with the regular one (~10% narrow)
  }
  (tm as { width: unknown }).width = makeTextWidth(regular, bold);
  return true;
}
