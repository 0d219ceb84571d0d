/**
 * The charts and the budget report through the library: Vega-Lite specs, SVG and PNG renderings
 * and a self-contained report.html for the results of `simulate`, `compare`, `sweep` or
 * `staff`. The renderer (vega, vega-lite, resvg, fonts) is loaded when first asked for, so
 * programs that never draw do not pay for it.
 */
import { readFileSync } from "node:fs";
import { readResults, type Results } from "../report/results.js";

export type { Results };
export { readResults };

/** The package's version (stamped on every report). */
export const VERSION: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** The files of the budget report: `charts/<name>.vl.json|.svg|.png` and `report.html`, by relative path. */
export async function reportFiles(results: Results): Promise<Record<string, string | Uint8Array>> {
  const report = await import("../report/html/budgetReport.js");
  return report.reportFiles(results, VERSION);
}
