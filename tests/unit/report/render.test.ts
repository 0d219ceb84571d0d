import { describe, expect, it } from "vitest";
import { baseSpec } from "../../../src/report/charts/theme.js";
import { compileChart, pngSize, renderSvg, svgToPng } from "../../../src/report/render/render.js";
import { expectCleanChart, schemaErrors } from "../../helpers/chartCheck.js";

const line = () => ({ ...baseSpec("Test", "sub"), data: { values: [{ x: 1, y: 2 }, { x: 2, y: 5 }] }, mark: "line", encoding: { x: { field: "x", type: "quantitative", title: "X (min)" }, y: { field: "y", type: "quantitative", title: "Y" } } });

describe("rendering", () => {
  it("renders a clean spec to SVG and PNG of the declared size", async () => {
    const r = await expectCleanChart(line());
    expect(r.svg).toContain("X (min)");
  });
  it("reports the compiler's warnings instead of printing them", async () => {
    const bad = { ...line(), encoding: { ...line().encoding, color: { field: "nope", type: "nominal", scale: { type: "log" } } } };
    const r = await renderSvg(bad);
    expect(r.warnings.length).toBeGreaterThan(0);
  });
  it("collects the view's own warnings too (raised while rendering, not compiling)", async () => {
    const empty = { ...line(), data: { values: [{ x: null, y: null }] } };
    const r = await renderSvg(empty);
    expect(r.warnings.some((w) => /Infinite extent/.test(w))).toBe(true);
  });
  it("finds a spec the schema refuses", () => {
    expect(schemaErrors({ ...line(), mark: "lien" })).not.toEqual([]);
    expect(schemaErrors(line())).toEqual([]);
  });
  it("reads a PNG's size and refuses what is not one", async () => {
    const png = svgToPng((await renderSvg(line())).svg, 1);
    const s = pngSize(png);
    expect(s.width).toBeGreaterThan(800);
    expect(() => pngSize(Buffer.from("hello, this is not an image file"))).toThrow(/not a PNG/);
  });
  it("draws the text in the PNG with the package's font file, no system font loaded (a PNG without its text differs)", async () => {
    // resvg is given DejaVu Sans by path and loads no system font (render/fonts.ts): without the
    // files the labels would not be drawn at all, and the PNG would equal the one with the text removed
    const svg = (await renderSvg(line())).svg;
    const noText = svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, "");
    expect(noText).not.toBe(svg);
    expect(svgToPng(svg, 1).equals(svgToPng(noText, 1))).toBe(false);
  });
  it("compiles to Vega", () => {
    expect(compileChart(line()).vega).toHaveProperty("marks");
  });
});
