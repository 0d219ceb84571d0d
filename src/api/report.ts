/**
 * The charts and the budget report through the library: Vega-Lite specs, SVG and PNG renderings
 * and a self-contained report.html for the results of `simulate`, `compare`, `sweep` or
 * `staff`. The renderer (vega, vega-lite, resvg, fonts) is loaded when first asked for, so
 * programs that never draw do not pay for it.
 */
import { readFileSync } from "node:fs";
import { readResults, type Results } from "../report/results.js";
import type { UncertaintyReport } from "../report/tables/uncertaintyTable.js";
import type { SensitivityReport } from "../report/tables/sensitivityTable.js";

export type { Results };
export { readResults };

/** The package's version (stamped on every report). */
export const VERSION: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** The files of the budget report: `charts/<name>.vl.json|.svg|.png` and `report.html`, by relative path. */
export async function reportFiles(results: Results): Promise<Record<string, string | Uint8Array>> {
  const report = await import("../report/html/budgetReport.js");
  return report.reportFiles(results, VERSION);
}

/** Named charts rendered to `charts/<name>.vl.json|.svg|.png` (null specs left out); throws on a chart that renders with a warning. */
async function chartFiles(charts: readonly (readonly [string, Record<string, unknown> | null])[]): Promise<Record<string, string | Uint8Array>> {
  const { renderChart } = await import("../report/render/render.js");
  const out: Record<string, string | Uint8Array> = {};
  for (const [name, spec] of charts) {
    if (spec === null) continue;
    const f = await renderChart(name, spec);
    if (f.warnings.length > 0) throw new Error(`chart ${name}: ${f.warnings[0]}`);
    out[`charts/${name}.vl.json`] = JSON.stringify(spec, null, 2) + "\n";
    out[`charts/${name}.svg`] = f.svg;
    out[`charts/${name}.png`] = f.png;
  }
  return out;
}

/** The charts of a Monte Carlo over the inputs (report/charts/uncertainty.ts): `charts/uncertainty-months` and `charts/uncertainty-targets`. */
export async function uncertaintyChartFiles(r: UncertaintyReport, currency: string): Promise<Record<string, string | Uint8Array>> {
  const { fanChart, targetChart } = await import("../report/charts/uncertainty.js");
  return chartFiles([["uncertainty-months", fanChart(r, currency)], ["uncertainty-targets", targetChart(r, currency)]]);
}

/** The tornado charts of a sensitivity run (report/charts/tornado.ts): `charts/tornado-<kpi>`, one per KPI. */
export async function tornadoChartFiles(r: SensitivityReport): Promise<Record<string, string | Uint8Array>> {
  const { tornadoChart } = await import("../report/charts/tornado.js");
  return chartFiles(r.kpis.map((k, i) => [`tornado-${k.key.replace(/[^A-Za-z0-9]+/g, "-")}`, tornadoChart(r, i)] as const));
}
