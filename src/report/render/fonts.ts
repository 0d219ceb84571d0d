/**
 * The font the charts are drawn and measured with: DejaVu Sans, regular and bold, from the npm
 * package `dejavu-fonts-ttf` (the DejaVu project's 2.37 TrueType files), loaded by path. resvg
 * draws the PNGs with these files and no system font (`loadSystemFonts: false`: a chart renders
 * the same on every machine, with or without fonts installed), and vega lays the text out with
 * their advance widths (./textMetrics.ts), so what vega measures is what resvg draws.
 *
 * The chart theme names "DejaVu Sans" first (charts/theme.ts FONT); any other family, and generic
 * `sans-serif`, falls back to it. Italics are drawn with the upright faces (no oblique file is
 * loaded); weights from 600 up with the bold face, lower ones with the regular (CSS font matching).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The font files: what resvg draws with and what vega measures with. */
export interface FontFiles {
  regular: string;
  bold: string;
}

/** DejaVu Sans's files in the installed `dejavu-fonts-ttf` package. */
export const DEJAVU_SANS: Readonly<FontFiles> = Object.freeze({
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
});

/** The family name inside those files. */
export const FONT_FAMILY = "DejaVu Sans";

/** resvg's font options: the given files only, no system font, every family falling back to DejaVu Sans. */
export function resvgFontOptions(files: FontFiles = DEJAVU_SANS): {
  loadSystemFonts: false;
  fontFiles: string[];
  defaultFontFamily: string;
  sansSerifFamily: string;
} {
  return { loadSystemFonts: false, fontFiles: [files.regular, files.bold], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY };
}
