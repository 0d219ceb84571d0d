/**
 * The part of fontkit's API (npm `fontkit`, which ships no typings) that ./textMetrics.ts uses.
 */
declare module "fontkit" {
  /** One font: its units per em and its text layout (shaping with the font's GSUB and GPOS). */
  export interface Font {
    readonly unitsPerEm: number;
    layout(text: string): GlyphRun;
  }
  /** A laid-out line of text. */
  export interface GlyphRun {
    /** Its advance width, in font units. */
    readonly advanceWidth: number;
  }
  /** A font collection (.ttc, .dfont). */
  export interface FontCollection {
    readonly fonts: Font[];
  }
  /** Read a font file (synchronously). */
  export function openSync(path: string, postscriptName?: string): Font | FontCollection;
}
