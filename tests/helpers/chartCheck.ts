/**
 * Shared checks for chart specs (used by the chart tests): the spec validates against the
 * Vega-Lite JSON schema shipped with vega-lite, and renders to SVG (and PNG) without a warning.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { expect } from "vitest";
import { pngSize, renderSvg, svgToPng, type ChartSpec } from "../../src/report/render/render.js";

type Validate = ((x: unknown) => boolean) & { errors?: unknown };
let validate: Validate | null = null;

/** Schema errors of a spec (empty: valid). The schema is compiled once per test file. */
export function schemaErrors(spec: ChartSpec): string[] {
  if (!validate) {
    const schema = JSON.parse(readFileSync(new URL("../../node_modules/vega-lite/build/vega-lite-schema.json", import.meta.url), "utf8"));
    const ajv = new Ajv({ allErrors: false, strict: false, validateFormats: false });
    validate = ajv.compile(schema) as unknown as Validate;
  }
  if (validate!(spec)) return [];
  return ((validate!.errors ?? []) as { instancePath: string; message?: string }[]).map((e) => `${e.instancePath} ${e.message}`);
}

/** Valid against the schema, renders to a non-empty SVG with no warning, and to a PNG of the declared size. */
export async function expectCleanChart(spec: ChartSpec): Promise<{ svg: string; width: number; height: number }> {
  expect(schemaErrors(spec)).toEqual([]);
  const r = await renderSvg(spec);
  expect(r.warnings).toEqual([]);
  expect(r.svg.length).toBeGreaterThan(1000);
  expect(r.width).toBeGreaterThan(100);
  expect(r.height).toBeGreaterThan(100);
  const png = svgToPng(r.svg, 2);
  expect(pngSize(png)).toEqual({ width: Math.round(r.width * 2), height: Math.round(r.height * 2) });
  return r;
}

/** expectCleanChart on a spec that must exist; with CHART_PNG_DIR set, also write its spec and PNG there to look at. */
export async function cleanChart(spec: ChartSpec | null, name: string): Promise<{ svg: string; width: number; height: number }> {
  expect(spec).not.toBeNull();
  const r = await expectCleanChart(spec!);
  const dir = process.env.CHART_PNG_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.vl.json`), JSON.stringify(spec, null, 1));
    writeFileSync(join(dir, `${name}.png`), svgToPng(r.svg));
  }
  return r;
}
