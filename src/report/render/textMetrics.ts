/**
 * Text widths from the font the PNG is drawn with, for laying charts out without a canvas.
 *
 * Vega sizes a chart (axis label space, legend columns, title extent, label truncation) from
 * `textMetrics.width(item, text)`. In a browser that is canvas's `measureText`; headless in
 * Node there is no canvas and vega-scenegraph falls back to `~~(0.8 × characters × fontSize)`,
 * about 40% wider than DejaVu Sans, the font resvg draws with (./fonts.ts): the SVG and PNG get a
 * blank band on the right and labels are cut with "…" long before they would have to be.
 *
 * This module measures with fontkit (npm; it reads TrueType/OpenType files and shapes text as
 * HarfBuzz does: cmap, hmtx advances, GSUB ligatures and GPOS kerning) and installs a
 * `textMetrics.width` that measures with DejaVu Sans (bold for bold items) the way resvg lays the
 * text out: with resvg 2.6 and the same files the widths agree to 0.01 px, ligatures and kerning
 * included (tests/unit/report/textMetrics.test.ts checks it).
 *
 * Not modelled (each a small error at chart sizes): font families other than DejaVu Sans (every
 * item is measured with it whatever its `font`; resvg draws them with it too), letter-spacing,
 * and characters the font lacks (measured with the `.notdef` advance; resvg draws .notdef too).
 */
import * as fontkit from "fontkit";
import { DEJAVU_SANS, type FontFiles } from "./fonts.js";

/** A measurer: the width in pixels of one line of text at a font size. */
export type Measure = (text: string, fontSize: number) => number;

/** Widths already measured, in font units, per text; cleared when it grows past this many. */
const CACHE_LIMIT = 50_000;

/**
 * A measurer for the font file at `path`: the advance of the text as fontkit lays it out (glyph
 * advances, ligatures, kerning), scaled by fontSize / unitsPerEm. Throws, naming the file, when
 * it cannot be read or is not a single font.
 */
export function fontWidths(path: string): Measure {
  let font: fontkit.Font | fontkit.FontCollection;
  try {
    font = fontkit.openSync(path);
  } catch (e) {
    throw new Error(`${path}: not a usable font: ${(e as Error).message}`);
  }
  if (!("layout" in font)) throw new Error(`${path}: a font collection; give one font file`);
  const f = font;
  const units = new Map<string, number>();
  return (text, fontSize) => {
    let w = units.get(text);
    if (w === undefined) {
      if (units.size >= CACHE_LIMIT) units.clear();
      w = text === "" ? 0 : f.layout(text).advanceWidth;
      units.set(text, w);
    }
    return (w * fontSize) / f.unitsPerEm;
  };
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
export function makeTextWidth(regular: Measure, bold: Measure): (item: TextItemLike, text?: unknown) => number {
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
 * Make vega measure text with the font resvg draws with (default: DejaVu Sans, ./fonts.ts). Call
 * with the `vega` module namespace, `installTextMetrics(vega)`: it replaces `vega.textMetrics.width`
 * (vega-scenegraph's one shared object, used by layout, bounds, truncation and vega-label). Typed
 * `object` because vega's typings do not declare `textMetrics`; anything without a
 * `textMetrics.width` function is a TypeError. Throws, naming the file, when a font cannot be read.
 */
export function installTextMetrics(vega: object, files: FontFiles = DEJAVU_SANS): void {
  const tm = (vega as { textMetrics?: unknown }).textMetrics;
  if (typeof tm !== "object" || tm === null || typeof (tm as { width?: unknown }).width !== "function") {
    throw new TypeError("installTextMetrics: expected the vega module (with textMetrics.width)");
  }
  (tm as { width: unknown }).width = makeTextWidth(fontWidths(files.regular), fontWidths(files.bold));
}
