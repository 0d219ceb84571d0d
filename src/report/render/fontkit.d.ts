/**
 * The part of fontkit's API (npm `fontkit`, which ships no typings) that ./textMetrics.ts uses.
 */
declare module "fontkit" {
  /** One font: its units per em and its text layout (shaping with the font's GSUB and GPOS). */
  export interface Font {
    readonly unitsPerEm: number;
    readonly familyName: string;
    readonly subfamilyName: string;
    layout(text: string): GlyphRun;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  /** A laid-out line: its advance width in font units. */
  export interface GlyphRun {
    readonly advanceWidth: number;
    readonly glyphs: readonly Glyph[];
  }
  export interface Glyph {
    readonly id: number;
    readonly advanceWidth: number;
  }
  /** A font collection (.ttc, .dfont). */
  export interface FontCollection {
    readonly fonts: Font[];
  }
  export function openSync(path: string, postscriptName?: string): Font | FontCollection;
  export function create(data: Uint8Array, postscriptName?: string): Font | FontCollection;
}
