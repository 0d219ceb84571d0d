/**
 * The charts and the budget report through the library: Vega-Lite specs, SVG and PNG renderings
 * and a self-contained report.html for the results of `simulate`, `compare`, `sweep` or
 * `staff`. The renderer (vega, vega-lite, resvg, fonts) is loaded when first asked for, so
 * programs that never draw do not pay for it.
 */
import { readFileSync } from "node:fs";
import { readResults, type Results } from "../report/results.js";
import type { UncertaintyReport } from "../report/tables/uncertaintyTable.js";

export type { Results };
export { readResults };

/** The package's version (stamped on every report). */
export const VERSION: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** The files of the budget report: `charts/<name>.vl.json|.svg|.png` and `report.html`, by relative path. */
export async function reportFiles(results: Results): Promise<Record<string, string | Uint8Array>> {
  const report = await import("../report/html/budgetReport.js");
  return report.reportFiles(results, VERSION);
}

/** The charts of a Monte Carlo over the inputs (report/charts/uncertainty.ts): `charts/uncertainty-months` and `charts/uncertainty-targets` (.vl.json, .svg, .png). */
export async function uncertaintyChartFiles(r: UncertaintyReport, currency: string): Promise<Record<string, string | Uint8Array>> {
  const [{ fanChart, targetChart }, { renderChart }] = await Promise.all([import("../report/charts/uncertainty.js"), import("../report/render/render.js")]);
  const out: Record<string, string | Uint8Array> = {};
  for (const [name, spec] of [["uncertainty-months", fanChart(r, currency)], ["uncertainty-targets", targetChart(r, currency)]] as const) {
    if (spec === null) continue;
    const f = await renderChart(name, spec);
    if (f.warnings.length > 0) throw new Error(`chart ${name}: ${f.warnings[0]}`);
    out[`charts/${name}.vl.json`] = JSON.stringify(spec, null, 2) + "\n";
    out[`charts/${name}.svg`] = f.svg;
    out[`charts/${name}.png`] = f.png;
  }
  return out;
}
