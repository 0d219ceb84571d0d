/**
 * Text measurement (src/report/render/textMetrics.ts, fontkit) with the font the charts ship
 * (src/report/render/fonts.ts: DejaVu Sans from the npm package): its own numbers, the advance
 * resvg lays each text out with (ligatures and kerning included), resvg seeing no system font,
 * vega's textMetrics.width contract, and end to end: a chart laid out with the installed metrics
 * is as wide as what resvg draws with no system font, where vega's estimate makes it ~40% wider.
 */
import { Resvg } from "@resvg/resvg-js";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as vega from "vega";
import { afterEach, describe, expect, it } from "vitest";
import { chartConfig } from "../../../src/report/charts/theme.js";
import { DEJAVU_SANS, resvgFontOptions } from "../../../src/report/render/fonts.js";
import { renderSvg } from "../../../src/report/render/render.js";
import { fontWidths, installTextMetrics, isBold, makeTextWidth } from "../../../src/report/render/textMetrics.js";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * The advance resvg lays a text out with: the same text anchored at its start and at its end at
 * the same x moves by exactly its advance width (the ink boxes differ by that shift only).
 * Fonts: the renderer's (no system font), or the system's with `system`.
 */
function resvgAdvance(text: string, size: number, weight = "normal", family = "DejaVu Sans", system = false): number {
  const svg = (anchor: string): string =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="2000" y="100" font-family="${family}" font-size="${size}" font-weight="${weight}" text-anchor="${anchor}">${esc(text)}</text></svg>`;
  const font = system ? { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } : resvgFontOptions();
  const a = new Resvg(svg("start"), { font }).getBBox();
  const b = new Resvg(svg("end"), { font }).getBBox();
  if (!a || !b) throw new Error(`resvg drew nothing for ${JSON.stringify(text)}`);
  return a.x - b.x;
}

const SAMPLES = ["Hello", "Cost per resolved need ($), baseline vs outsource-l1", "AVAVAV To Ty Wa", "Yo, LT P. Fe", "1,234,567.89 €", "Täglich Übersicht ÀÉÎ", "−12.5% ≥ 80% … ½", "office fluff ffi"];

describe("DejaVu Sans from the npm package, measured with fontkit", () => {
  const regular = fontWidths(DEJAVU_SANS.regular);
  const bold = fontWidths(DEJAVU_SANS.bold);

  it("ships both faces in node_modules", () => {
    expect(DEJAVU_SANS.regular).toMatch(/node_modules\/dejavu-fonts-ttf\/ttf\/DejaVuSans\.ttf$/);
    expect(DEJAVU_SANS.bold).toMatch(/DejaVuSans-Bold\.ttf$/);
    expect(existsSync(DEJAVU_SANS.regular) && existsSync(DEJAVU_SANS.bold)).toBe(true);
  });

  it("gives DejaVu Sans's own numbers: advances (unitsPerEm 2048), the A-V kerning pair, bold wider", () => {
    // H e l l o: 1540 + 1260 + 2 × 569 + 1253 font units, no kerning pair
    expect(regular("Hello", 2048)).toBe(1540 + 1260 + 2 * 569 + 1253);
    expect(regular("Hello", 20)).toBeCloseTo(50.693, 3);
    expect(regular("AV", 2048)).toBe(1401 + 1401 - 131);
    expect(regular("", 12)).toBe(0);
    expect(bold("H", 2048)).toBe(1714);
    for (const s of SAMPLES) expect(bold(s, 14)).toBeGreaterThan(regular(s, 14));
  });

  it("applies the font's ligatures: 'ffi' is narrower than its letters one by one", () => {
    const apart = regular("f", 20) * 2 + regular("i", 20);
    expect(regular("ffi", 20)).toBeLessThan(apart - 0.1);
  });

  it("matches the advance resvg lays each text out with, regular and bold, ligatures and kerning included (to 0.01 px)", () => {
    for (const s of SAMPLES) {
      expect(regular(s, 20), s).toBeCloseTo(resvgAdvance(s, 20), 2);
      expect(bold(s, 20), s).toBeCloseTo(resvgAdvance(s, 20, "bold"), 2);
    }
    // resvg draws weight 600 with the bold face, 500 with the regular: as isBold decides
    expect(resvgAdvance(SAMPLES[1], 20, "600")).toBeCloseTo(bold(SAMPLES[1], 20), 2);
    expect(resvgAdvance(SAMPLES[1], 20, "500")).toBeCloseTo(regular(SAMPLES[1], 20), 2);
  });

  it("resvg sees no system font: another family falls back to DejaVu Sans", () => {
    const text = "iiiiiiii"; // narrow in DejaVu Sans, not in a monospaced font
    expect(resvgAdvance(text, 20, "normal", "DejaVu Sans Mono")).toBeCloseTo(regular(text, 20), 2);
    expect(resvgAdvance(text, 20, "normal", "Some Font Nobody Has")).toBeCloseTo(regular(text, 20), 2);
    // with the system's fonts (where DejaVu Sans Mono is installed) the same text is monospaced: the check above can fail
    if (existsSync("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")) {
      expect(Math.abs(resvgAdvance(text, 20, "normal", "DejaVu Sans Mono", true) - regular(text, 20))).toBeGreaterThan(5);
    }
  });

  it("names the file that is not a font", () => {
    const bad = join(mkdtempSync(join(tmpdir(), "textmetrics-")), "DejaVuSans.ttf");
    writeFileSync(bad, "<html>404 not found</html>");
    expect(() => fontWidths(bad)).toThrow(/DejaVuSans\.ttf: not a usable font/);
    expect(() => fontWidths("/nonexistent/font.ttf")).toThrow(/\/nonexistent\/font\.ttf: not a usable font: .*ENOENT/);
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

describe("installTextMetrics", () => {
  it("installs the package's DejaVu Sans into vega's textMetrics: bold items in bold, arrays by their longest line", () => {
    const fake: { textMetrics: { width: unknown } } = { textMetrics: { width: (): number => 42 } };
    installTextMetrics(fake);
    const w = fake.textMetrics.width as (item: object, text?: unknown) => number;
    const r = fontWidths(DEJAVU_SANS.regular);
    const b = fontWidths(DEJAVU_SANS.bold);
    expect(w({ fontSize: 20 }, "Hello")).toBeCloseTo(50.693, 3);
    expect(w({}, "Hello")).toBeCloseTo(r("Hello", 11), 10);
    expect(w({ fontSize: 20, fontWeight: "bold" }, "Hello")).toBeCloseTo(b("Hello", 20), 10);
    expect(w({ fontSize: 20, fontWeight: 600 }, "Hello")).toBeGreaterThan(w({ fontSize: 20, fontWeight: 500 }, "Hello"));
    expect(w({ fontSize: 14 }, ["Baseline", "Outsource L1 and KCS", "Shift left"])).toBeCloseTo(r("Outsource L1 and KCS", 14), 10);
  });

  it("refuses an object that is not vega, and a font it cannot read", () => {
    expect(() => installTextMetrics({})).toThrow(TypeError);
    const fake = { textMetrics: { width: (): number => 42 } };
    const before = fake.textMetrics.width;
    expect(() => installTextMetrics(fake, { regular: "/nonexistent/a.ttf", bold: DEJAVU_SANS.bold })).toThrow(/\/nonexistent\/a\.ttf/);
    expect(fake.textMetrics.width).toBe(before);
  });
});

describe("end to end: vega lays charts out with the widths resvg draws (no system font)", () => {
  const tm = (vega as unknown as { textMetrics: { width: unknown } }).textMetrics;
  const installed = tm.width;
  afterEach(() => {
    tm.width = installed; // each test starts from the widths render.ts installed
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
    const ink = new Resvg(r.svg, { font: resvgFontOptions() }).getBBox();
    if (!ink) throw new Error("resvg drew nothing");
    return { ratio: (r.width - 2 * 12) / ink.width, width: r.width };
  }

  it("end to end: a long title's chart is as wide as resvg draws it (was ~40% wider with vega's estimate)", async () => {
    resetEstimate();
    const before = await widthRatio(titled(LONG));
    expect(before.ratio).toBeGreaterThan(1.3); // vega's 0.8 × characters × size: 1456 px laid out for 1029 px of ink
    installTextMetrics(vega);
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
    const r = fontWidths(DEJAVU_SANS.regular);
    const mid = "Tier 2 specialists (vendor)"; // fits in 220 px in DejaVu Sans, not by the estimate
    const tooLong = "Tier 2 specialists (vendor, nearshore, weekend cover)"; // wider than 220 px either way
    expect(r(mid, 13)).toBeLessThan(220);
    expect(0.8 * mid.length * 13).toBeGreaterThan(220);
    expect(r(tooLong, 13)).toBeGreaterThan(220);

    resetEstimate();
    const before = await axisLabels([mid, tooLong]);
    expect(before[0]).toMatch(/…$/); // cut early by the estimate
    installTextMetrics(vega);
    const after = await axisLabels([mid, tooLong]);
    expect(after[0]).toBe(mid); // now whole
    expect(after[1]).toMatch(/…$/); // still cut: it does not fit
    expect(r(after[1], 13)).toBeLessThan(220);
    expect(r(after[1], 13)).toBeGreaterThan(220 - 2 * 13); // cut at the limit, not a word early
    expect(after[1].length).toBeGreaterThan(before[1].length);
  });
});
