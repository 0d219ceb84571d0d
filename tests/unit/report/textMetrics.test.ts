/**
 * Text measurement from the font file (src/report/textMetrics.ts): the TrueType reader on a font
 * built here byte by byte (so its numbers are known), then with DejaVu Sans against the font's
 * own numbers and against resvg's layout, and end to end: a chart laid out with the installed
 * metrics is as wide as what resvg draws, where vega's estimate makes it ~40% wider.
 */
import { Resvg } from "@resvg/resvg-js";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as vega from "vega";
import { afterEach, describe, expect, it } from "vitest";
import { chartConfig } from "../../../src/report/charts/theme.js";
import { renderSvg } from "../../../src/report/render/render.js";
import { DEJAVU_SANS_PATHS, FontFormatError, findDejaVuSans, fontWidths, installTextMetrics, isBold, loadFont, makeTextWidth, parseTrueType } from "../../../src/report/render/textMetrics.js";

// ---------------------------------------------------------------------------------------------
// A synthetic font: 6 glyphs, unitsPerEm 1000, advances 500 (.notdef), 600 (A), 700 (B), 800 (C),
// and glyphs 4 (x) and 5 (y, and U+1F600 via format 12) past numberOfHMetrics = 4, so 800 too.
// Kerning A,B = -50.

interface SynthOptions {
  format4?: boolean;
  format12?: boolean;
  /** Only a Macintosh-roman subtable (not Unicode). */
  macOnly?: boolean;
  kern?: boolean;
  /** Format-12 group mapping U+2000 to this (out-of-range) glyph. */
  badGlyph?: number;
}

class Bytes {
  readonly b: number[] = [];
  u8(v: number): this {
    this.b.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v >>> 8).u8(v);
  }
  u32(v: number): this {
    return this.u16(Math.floor(v / 65536)).u16(v & 0xffff);
  }
  zeros(n: number): this {
    for (let i = 0; i < n; i++) this.u8(0);
    return this;
  }
  bytes(x: readonly number[]): this {
    for (const v of x) this.u8(v);
    return this;
  }
}

function cmapFormat4(): number[] {
  // segments: A..C by delta; x..z through glyphIdArray [4, 5, 0]; the 0xFFFF terminator
  const segs = [
    { start: 65, end: 67, delta: (1 - 65) & 0xffff, ro: 0 },
    { start: 120, end: 122, delta: 0, ro: 4 }, // (segCount - 1) * 2: from idRangeOffset[1] to glyphIdArray[0]
    { start: 0xffff, end: 0xffff, delta: 1, ro: 0 },
  ];
  const glyphIds = [4, 5, 0];
  const n = segs.length;
  const w = new Bytes().u16(4).u16(16 + 8 * n + 2 * glyphIds.length).u16(0).u16(2 * n).u16(4).u16(1).u16(2 * n - 4);
  segs.forEach((s) => w.u16(s.end));
  w.u16(0);
  segs.forEach((s) => w.u16(s.start));
  segs.forEach((s) => w.u16(s.delta));
  segs.forEach((s) => w.u16(s.ro));
  glyphIds.forEach((g) => w.u16(g));
  return w.b;
}

function cmapFormat12(badGlyph?: number): number[] {
  const groups = [
    [65, 67, 1],
    [120, 121, 4],
    ...(badGlyph !== undefined ? [[0x2000, 0x2000, badGlyph]] : []),
    [0x1f600, 0x1f600, 5],
  ];
  const w = new Bytes().u16(12).u16(0).u32(16 + 12 * groups.length).u32(0).u32(groups.length);
  for (const [s, e, g] of groups) w.u32(s).u32(e).u32(g);
  return w.b;
}

function synthFont(o: SynthOptions = {}): { bytes: Uint8Array; offsets: Record<string, number> } {
  const f4 = o.format4 ?? true;
  const f12 = o.format12 ?? false;
  const advances = [500, 600, 700, 800];
  const numGlyphs = 6;
  const head = new Bytes().u32(0x00010000).u32(0x00010000).u32(0).u32(0x5f0f3cf5).u16(0).u16(1000).zeros(54 - 20);
  const hhea = new Bytes().u32(0x00010000).zeros(30).u16(advances.length);
  const maxp = new Bytes().u32(0x00005000).u16(numGlyphs);
  const hmtx = new Bytes();
  advances.forEach((a) => hmtx.u16(a).u16(0));
  for (let g = advances.length; g < numGlyphs; g++) hmtx.u16(0);
  const subs: { platform: number; encoding: number; data: number[] }[] = [];
  if (o.macOnly) subs.push({ platform: 1, encoding: 0, data: new Bytes().u16(0).u16(262).u16(0).zeros(256).b });
  else {
    if (f4) subs.push({ platform: 3, encoding: 1, data: cmapFormat4() });
    if (f12) subs.push({ platform: 3, encoding: 10, data: cmapFormat12(o.badGlyph) });
  }
  const cmap = new Bytes().u16(0).u16(subs.length);
  let at = 4 + 8 * subs.length;
  for (const s of subs) {
    cmap.u16(s.platform).u16(s.encoding).u32(at);
    at += s.data.length;
  }
  subs.forEach((s) => cmap.bytes(s.data));
  const tables: [string, number[]][] = [
    ["cmap", cmap.b],
    ["head", head.b],
    ["hhea", hhea.b],
    ["hmtx", hmtx.b],
    ...(o.kern ? ([["kern", new Bytes().u16(0).u16(1).u16(0).u16(14 + 6).u16(0x0001).u16(1).u16(6).u16(0).u16(0).u16(1).u16(2).u16(-50 & 0xffff).b]] as [string, number[]][]) : []),
    ["maxp", maxp.b],
  ];
  const out = new Bytes().u32(0x00010000).u16(tables.length).u16(0).u16(0).u16(0);
  let offset = 12 + 16 * tables.length;
  const offsets: Record<string, number> = {};
  const placed = tables.map(([tag, data], i) => {
    const pad = i === tables.length - 1 ? 0 : (4 - (data.length % 4)) % 4; // no padding after the last table
    const r = { tag, data, offset, pad };
    offsets[tag] = offset;
    offset += data.length + pad;
    return r;
  });
  for (const r of placed) out.bytes([...r.tag].map((c) => c.charCodeAt(0))).u32(0).u32(r.offset).u32(r.data.length);
  for (const r of placed) out.bytes(r.data).zeros(r.pad);
  return { bytes: Uint8Array.from(out.b), offsets };
}

function patched(bytes: Uint8Array, at: number, values: number[]): Uint8Array {
  const c = bytes.slice();
  values.forEach((v, i) => (c[at + i] = v));
  return c;
}

describe("TrueType reader (a font built here)", () => {
  it("reads unitsPerEm, numGlyphs and the hmtx advances, sharing the last advance past numberOfHMetrics", () => {
    const f = parseTrueType(synthFont().bytes);
    expect(f.unitsPerEm).toBe(1000);
    expect(f.numGlyphs).toBe(6);
    expect([0, 1, 2, 3, 4, 5].map((g) => f.glyphAdvance(g))).toEqual([500, 600, 700, 800, 800, 800]);
    expect(f.glyphAdvance(99)).toBe(500); // out of range: .notdef
  });

  it("maps code points through cmap format 4 (idDelta segments, glyphIdArray segments, misses)", () => {
    const f = parseTrueType(synthFont().bytes);
    expect([65, 66, 67, 68, 64, 120, 121, 122, 0xffff, 0x1f600].map((c) => f.glyphIndex(c))).toEqual([1, 2, 3, 0, 0, 4, 5, 0, 0, 0]);
    expect(f.advanceWidth(66)).toBe(700);
    expect(f.advanceWidth(121)).toBe(800);
    expect(f.advanceWidth(68)).toBe(500); // missing: the .notdef advance
    expect(f.hasKerning).toBe(false);
    expect(f.kerning(1, 2)).toBe(0);
  });

  it("prefers cmap format 12 when present (code points past the BMP), and refuses glyph ids past numGlyphs", () => {
    const f = parseTrueType(synthFont({ format12: true, badGlyph: 999 }).bytes);
    expect(f.glyphIndex(0x1f600)).toBe(5);
    expect(f.glyphIndex(66)).toBe(2);
    expect(f.glyphIndex(122)).toBe(0);
    expect(f.glyphIndex(0x2000)).toBe(0);
    expect(f.advanceWidth(0x2000)).toBe(500);
    // format 12 alone works too
    expect(parseTrueType(synthFont({ format4: false, format12: true }).bytes).glyphIndex(0x1f600)).toBe(5);
  });

  it("reads kern format 0 pairs, and fontWidths adds them: width = (Σ advances + kerning) × size / unitsPerEm", () => {
    const { bytes } = synthFont({ kern: true });
    const f = parseTrueType(bytes);
    expect(f.hasKerning).toBe(true);
    expect(f.kerning(1, 2)).toBe(-50);
    expect(f.kerning(2, 1)).toBe(0);
    const path = join(mkdtempSync(join(tmpdir(), "textmetrics-")), "synth.ttf");
    writeFileSync(path, bytes);
    const w = fontWidths(path);
    expect(w("ABC", 10)).toBeCloseTo(((600 + 700 - 50 + 800) * 10) / 1000, 10);
    expect(w("BA", 10)).toBeCloseTo(13, 10);
    expect(w("A\u{1F600}x", 20)).toBeCloseTo(((600 + 500 + 800) * 20) / 1000, 10); // U+1F600 is not in format 4: .notdef
    expect(w("", 12)).toBe(0);
  });

  it("throws a FontFormatError for every truncation of the file", () => {
    const { bytes } = synthFont({ format12: true, kern: true });
    expect(() => parseTrueType(bytes)).not.toThrow();
    for (let n = 0; n < bytes.length; n++) {
      expect(() => parseTrueType(bytes.subarray(0, n), "cut.ttf"), `cut at ${n}`).toThrow(FontFormatError);
    }
    expect(() => parseTrueType(bytes.subarray(0, bytes.length - 1), "cut.ttf")).toThrow(/cut\.ttf: not a usable TrueType font: table 'maxp' .* runs past the end of the file/);
    expect(() => parseTrueType(bytes.subarray(0, 7), "cut.ttf")).toThrow(/truncated header/);
  });

  it("throws a clear error for files that are not (usable) fonts", () => {
    const { bytes, offsets } = synthFont();
    expect(() => parseTrueType(new TextEncoder().encode("<html>404 not found</html>"), "page.ttf")).toThrow(/page\.ttf: .*unknown sfnt version/);
    expect(() => parseTrueType(patched(bytes, 0, [0x74, 0x74, 0x63, 0x66]))).toThrow(/font collection/);
    expect(() => parseTrueType(patched(bytes, offsets.head + 12, [0, 0, 0, 0]))).toThrow(/'head' magic/);
    expect(() => parseTrueType(patched(bytes, offsets.head + 18, [0, 0]))).toThrow(/unitsPerEm 0/);
    expect(() => parseTrueType(patched(bytes, offsets.hhea + 34, [0, 0]))).toThrow(/numberOfHMetrics is 0/);
    expect(() => parseTrueType(patched(bytes, offsets.hhea + 34, [0, 200]))).toThrow(/'hmtx' table too short/);
    expect(() => parseTrueType(patched(bytes, 12, [0x63, 0x6d, 0x61, 0x71]))).toThrow(/no 'cmap' table/); // 'cmap' renamed 'cmaq'
    expect(() => parseTrueType(synthFont({ macOnly: true }).bytes)).toThrow(/no Unicode 'cmap' subtable/);
    expect(() => loadFont("/nonexistent/font.ttf")).toThrow(/ENOENT/);
  });
});

describe("vega's textMetrics.width contract (makeTextWidth, with fake measurers)", () => {
  // 1 px per character per 10 px of font size; bold 2 px
  const regular = (t: string, s: number): number => (t.length * s) / 10;
  const bold = (t: string, s: number): number => (2 * t.length * s) / 10;
  const width = makeTextWidth(regular, bold);

  it("measures the trimmed text at item.fontSize (11 when unset, 0 when not positive)", () => {
    expect(width({ fontSize: 20 }, "  abcd ")).toBe(8);
    expect(width({}, "abcdefghij")).toBe(11);
    expect(width({ fontSize: 0 }, "abc")).toBe(0);
    expect(width({ fontSize: "x" }, "abc")).toBe(0);
    expect(width({ fontSize: 10 }, null)).toBe(0);
    expect(width({ fontSize: 10 }, 12345)).toBe(5);
  });

  it("takes item.text when no text is given", () => {
    expect(width({ fontSize: 10, text: "abc" })).toBe(3);
    expect(width({ fontSize: 10, text: "abc" }, "abcdef")).toBe(6);
  });

  it("measures the longest line of an array, or of a string split on item.lineBreak", () => {
    expect(width({ fontSize: 10 }, ["ab", "abcdef", "abc"])).toBe(6);
    expect(width({ fontSize: 10, text: ["abcd", "a"] })).toBe(4);
    expect(width({ fontSize: 10, lineBreak: "\n" }, "ab\nabcde\nx")).toBe(5);
    expect(width({ fontSize: 10 }, "ab\nabcde")).toBe(8); // no lineBreak: one line, as vega measures it
    expect(width({ fontSize: 10 }, [])).toBe(0);
  });

  it("picks the bold measurer for bold, bolder and weights of 600 and more", () => {
    expect(["bold", "bolder", 600, "700", 900].map(isBold)).toEqual([true, true, true, true, true]);
    expect(["normal", 500, "500", "lighter", undefined, null, ""].map(isBold)).toEqual([false, false, false, false, false, false, false]);
    expect(width({ fontSize: 10, fontWeight: 600 }, "abc")).toBe(6);
    expect(width({ fontSize: 10, fontWeight: "normal" }, "abc")).toBe(3);
  });

  it("a text at least item.limit wide measures exactly limit, so vega's truncate still cuts it and bounds stay at the limit", () => {
    expect(width({ fontSize: 10, limit: 5 }, "abc")).toBe(3);
    expect(width({ fontSize: 10, limit: 5 }, "abcde")).toBe(5);
    expect(width({ fontSize: 10, limit: 5 }, "abcdefghij")).toBe(5);
    expect(width({ fontSize: 10, limit: 0 }, "abcdefghij")).toBe(10);
    expect(width({ fontSize: 10, limit: 5 }, ["abc", "abcdefghij"])).toBe(5);
  });
});

describe("installTextMetrics without a font", () => {
  it("returns false and leaves vega's estimate when no file is found", () => {
    const fake = { textMetrics: { width: (): number => 42 } };
    const before = fake.textMetrics.width;
    expect(installTextMetrics(fake, { regular: ["/nonexistent/DejaVuSans.ttf"], bold: [], fcMatch: false })).toBe(false);
    expect(fake.textMetrics.width).toBe(before);
    expect(findDejaVuSans({ regular: ["/nonexistent/a.ttf"], fcMatch: false })).toBeUndefined();
  });

  it("returns false for a file that is not a font, and refuses an object that is not vega", () => {
    const dir = mkdtempSync(join(tmpdir(), "textmetrics-"));
    const bad = join(dir, "DejaVuSans.ttf");
    writeFileSync(bad, "not a font");
    const fake = { textMetrics: { width: (): number => 42 } };
    const before = fake.textMetrics.width;
    expect(installTextMetrics(fake, { regular: [bad], bold: [], fcMatch: false })).toBe(false);
    expect(fake.textMetrics.width).toBe(before);
    expect(() => installTextMetrics({}, { fcMatch: false })).toThrow(TypeError);
  });

  it("falls back to the regular face for bold when there is no bold file", () => {
    const dir = mkdtempSync(join(tmpdir(), "textmetrics-"));
    const reg = join(dir, "synth.ttf");
    writeFileSync(reg, synthFont().bytes);
    expect(findDejaVuSans({ regular: [reg], bold: ["/nonexistent/b.ttf"], fcMatch: false })).toEqual({ regular: reg, bold: reg });
    const fake: { textMetrics: { width: unknown } } = { textMetrics: { width: (): number => 0 } };
    expect(installTextMetrics(fake, { regular: [reg], bold: [], fcMatch: false })).toBe(true);
    const w = fake.textMetrics.width as (item: object, text: unknown) => number;
    expect(w({ fontSize: 10 }, "AB")).toBeCloseTo(13, 10);
    expect(w({ fontSize: 10, fontWeight: "bold" }, "AB")).toBeCloseTo(13, 10);
  });
});

// ---------------------------------------------------------------------------------------------
// With DejaVu Sans, the font resvg draws the PNGs with.

const REGULAR = DEJAVU_SANS_PATHS.regular[0];
const BOLD = DEJAVU_SANS_PATHS.bold[0];
const haveDejaVu = existsSync(REGULAR) && existsSync(BOLD);
const skipFont = !haveDejaVu && !process.env.CI;
if (skipFont) console.warn(`textMetrics tests: ${REGULAR} / ${BOLD} not found (apt-get install fonts-dejavu-core): DejaVu Sans tests skipped`);

const resvgFonts = { font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" } };
const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * The advance resvg lays a text out with: the same text anchored at its start and at its end at
 * the same x moves by exactly its advance width (the ink boxes differ by that shift only).
 */
function resvgAdvance(text: string, size: number, weight = "normal"): number {
  const svg = (anchor: string): string =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="2000" y="100" font-family="DejaVu Sans" font-size="${size}" font-weight="${weight}" text-anchor="${anchor}">${esc(text)}</text></svg>`;
  const a = new Resvg(svg("start"), resvgFonts).getBBox();
  const b = new Resvg(svg("end"), resvgFonts).getBBox();
  if (!a || !b) throw new Error(`resvg drew nothing for ${JSON.stringify(text)}`);
  return a.x - b.x;
}

const SAMPLES = ["Hello", "Cost per resolved need ($), baseline vs outsource-l1", "AVAVAV To Ty Wa", "Yo, LT P. Fe", "1,234,567.89 €", "Täglich Übersicht ÀÉÎ", "−12.5% ≥ 80% … ½"];

describe.skipIf(skipFont)("DejaVu Sans (skipped when the font is not installed, outside CI)", () => {
  const tm = (vega as unknown as { textMetrics: { width: unknown } }).textMetrics;
  const vegaEstimate = tm.width;
  afterEach(() => {
    tm.width = vegaEstimate; // each test starts from vega's own estimate
  });

  it("reads DejaVu Sans's own numbers: unitsPerEm 2048, H e l o advances, the A-V kerning pair", () => {
    const f = loadFont(REGULAR);
    expect(f.unitsPerEm).toBe(2048);
    const [H, e, l, o] = [..."Helo"].map((c) => f.advanceWidth(c.codePointAt(0)!));
    expect([H, e, l, o]).toEqual([1540, 1260, 569, 1253]);
    // "Hello" has no kerning pair: Σ advances × size / unitsPerEm
    expect(fontWidths(REGULAR)("Hello", 20)).toBeCloseTo(((H + e + 2 * l + o) * 20) / 2048, 10);
    expect(fontWidths(REGULAR)("Hello", 20)).toBeCloseTo(50.693, 3);
    const [A, V] = [f.glyphIndex(65), f.glyphIndex(86)];
    expect(f.kerning(A, V)).toBe(-131);
    expect(fontWidths(REGULAR)("AV", 2048)).toBe(1401 + 1401 - 131);
    expect(f.glyphIndex(0x10fffd)).toBe(0);
    expect(f.advanceWidth(0x10fffd)).toBe(f.glyphAdvance(0));
  });

  it.skipIf(!existsSync("/usr/bin/fc-match"))("asks fc-match when no fixed path exists (fontconfig installed)", () => {
    expect(findDejaVuSans({ regular: [], bold: [] })).toEqual({ regular: REGULAR, bold: BOLD });
    expect(findDejaVuSans({ regular: [], bold: [], fcMatch: false })).toBeUndefined();
  });

  it("bold is wider than regular", () => {
    const r = fontWidths(REGULAR);
    const b = fontWidths(BOLD);
    for (const s of SAMPLES) expect(b(s, 14)).toBeGreaterThan(r(s, 14));
    expect(loadFont(BOLD).advanceWidth(72)).toBe(1714); // H
  });

  it("matches the advance resvg lays each text out with, regular and bold, kerning included (to 0.01 px)", () => {
    const r = fontWidths(REGULAR);
    const b = fontWidths(BOLD);
    for (const s of SAMPLES) {
      expect(r(s, 20), s).toBeCloseTo(resvgAdvance(s, 20), 2);
      expect(b(s, 20), s).toBeCloseTo(resvgAdvance(s, 20, "bold"), 2);
    }
    // resvg draws weight 600 with the bold face, 500 with the regular: as isBold decides
    expect(resvgAdvance(SAMPLES[1], 20, "600")).toBeCloseTo(b(SAMPLES[1], 20), 2);
    expect(resvgAdvance(SAMPLES[1], 20, "500")).toBeCloseTo(r(SAMPLES[1], 20), 2);
  });

  it("installs into vega: DejaVu widths, bold items in bold, arrays by their longest line", () => {
    expect(findDejaVuSans()).toEqual({ regular: REGULAR, bold: BOLD });
    expect(installTextMetrics(vega)).toBe(true);
    expect(tm.width).not.toBe(vegaEstimate);
    const w = tm.width as (item: object, text?: unknown) => number;
    const r = fontWidths(REGULAR);
    const b = fontWidths(BOLD);
    expect(w({ fontSize: 20 }, "Hello")).toBeCloseTo(50.693, 3);
    expect(w({}, "Hello")).toBeCloseTo(r("Hello", 11), 10);
    expect(w({ fontSize: 20, fontWeight: "bold" }, "Hello")).toBeCloseTo(b("Hello", 20), 10);
    expect(w({ fontSize: 20, fontWeight: 600 }, "Hello")).toBeGreaterThan(w({ fontSize: 20, fontWeight: 500 }, "Hello"));
    expect(w({ fontSize: 14 }, ["Baseline", "Outsource L1 and KCS", "Shift left"])).toBeCloseTo(r("Outsource L1 and KCS", 14), 10);
  });

  /** Put vega's own width estimate back (render.ts installed the DejaVu widths when it loaded). */
  const resetEstimate = (): void => {
    const tm = (vega as unknown as { textMetrics: { width: unknown; estimateWidth: unknown } }).textMetrics;
    tm.width = tm.estimateWidth;
  };
  const LONG = "Service level per 30-minute interval, baseline vs outsource-l1 (share answered within 20 s)";
  /** A small chart whose widest element is its title (20 px, weight 600, as the theme draws titles). */
  const titled = (title: string | string[]): Record<string, unknown> => ({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title },
    width: 200,
    height: 100,
    config: { ...chartConfig(), background: null }, // no background rect: resvg's box is the ink
    data: { values: [{ x: "a", y: 1 }, { x: "b", y: 2 }] },
    mark: "bar",
    encoding: { x: { field: "x", type: "nominal" }, y: { field: "y", type: "quantitative" } },
  });
  /** The content width vega laid out (SVG width less the theme's padding of 12 each side) over the ink width resvg draws. */
  async function widthRatio(spec: Record<string, unknown>): Promise<{ ratio: number; width: number }> {
    const r = await renderSvg(spec);
    expect(r.warnings).toEqual([]);
    const ink = new Resvg(r.svg, resvgFonts).getBBox();
    if (!ink) throw new Error("resvg drew nothing");
    return { ratio: (r.width - 2 * 12) / ink.width, width: r.width };
  }

  it("end to end: a long title's chart is as wide as resvg draws it (was ~40% wider with vega's estimate)", async () => {
    resetEstimate();
    const before = await widthRatio(titled(LONG));
    expect(before.ratio).toBeGreaterThan(1.3); // vega's 0.8 × characters × size: 1456 px laid out for 1029 px of ink
    expect(installTextMetrics(vega)).toBe(true);
    const after = await widthRatio(titled(LONG));
    // the ink box is narrower than the advance by the first and last glyphs' side bearings only
    expect(after.ratio).toBeGreaterThan(1);
    expect(after.ratio).toBeLessThan(1.01);
    // a two-line title takes the width of its longest line
    const twoLines = await widthRatio(titled(["Short first line", LONG]));
    expect(twoLines.width).toBe(after.width);
  });

  /** The axis labels of a horizontal bar chart with these categories, as drawn in the SVG. */
  async function axisLabels(categories: string[]): Promise<string[]> {
    const spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: 300,
      height: 100,
      config: chartConfig(), // axis labelFontSize 13, labelLimit 220
      data: { values: categories.map((c, i) => ({ c, v: i + 1 })) },
      mark: "bar",
      encoding: { y: { field: "c", type: "nominal", title: null, sort: null }, x: { field: "v", type: "quantitative" } },
    };
    const r = await renderSvg(spec);
    expect(r.warnings).toEqual([]);
    const texts = [...r.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, "&"));
    return texts.filter((t) => categories.some((c) => c.startsWith(t.replace(/…$/, ""))) && t !== "");
  }

  it("end to end: labels are cut at the label limit by their real width, not early", async () => {
    const r = fontWidths(REGULAR);
    const mid = "Tier 2 specialists (vendor)"; // fits in 220 px in DejaVu Sans, not by the estimate
    const tooLong = "Tier 2 specialists (vendor, nearshore, weekend cover)"; // wider than 220 px either way
    expect(r(mid, 13)).toBeLessThan(220);
    expect(0.8 * mid.length * 13).toBeGreaterThan(220);
    expect(r(tooLong, 13)).toBeGreaterThan(220);

    resetEstimate();
    const before = await axisLabels([mid, tooLong]);
    expect(before[0]).toMatch(/…$/); // cut early by the estimate
    expect(installTextMetrics(vega)).toBe(true);
    const after = await axisLabels([mid, tooLong]);
    expect(after[0]).toBe(mid); // now whole
    expect(after[1]).toMatch(/…$/); // still cut: it does not fit
    expect(r(after[1], 13)).toBeLessThan(220);
    expect(r(after[1], 13)).toBeGreaterThan(220 - 2 * 13); // cut at the limit, not a word early
    expect(after[1].length).toBeGreaterThan(before[1].length);
  });
});
