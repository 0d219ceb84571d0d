/**
 * `supportsim chart RESULTS [--out DIR]`: the charts and the budget report from results written
 * earlier (`run`, `compare` or `staff` with --out: results.json; `sweep`: sweep.json). Writes
 * charts/<name>.vl.json, .svg and .png and report.html into DIR (default: the results' folder).
 * The same files `--out` writes on those commands, so a folder can be re-charted after an upgrade.
 */
import { dirname, resolve } from "node:path";
import { statSync } from "node:fs";
import { InputError, problem } from "../errors.js";
import { readResults, reportFiles } from "../api/report.js";
import { withAxes } from "../api/sweep.js";
import { asFlags } from "./flags.js";
import { checkOutDir, outSummary, writeOutputs } from "./outputs.js";
import { AXIS_FLAGS, axesOption } from "./sweep.js";

export interface ChartArgs {
  results: string;
  out?: string;
  x?: string;
  y?: string;
}

/** The command: the charts written, and the line that says where. */
export async function execChart(args: ChartArgs): Promise<string> {
  const written = await writeCharts(args.results, args.out, axesOption(args.x, args.y));
  return outSummary(args.out ?? defaultOut(args.results), written);
}

function defaultOut(path: string): string {
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    return path;
  }
}

/**
 * Read results, render, write; a sweep's frontier on `axes` when given (--x, --y; checked against
 * its metrics). Bad input (not results, unreadable, --out a file, axes of results that are not a
 * sweep's or a metric it lacks): InputError, nothing written.
 */
export async function writeCharts(path: string, out?: string, axes?: { x?: string; y?: string }): Promise<string[]> {
  let res = readResults(path);
  if (axes !== undefined) {
    if (res.kind !== "sweep") throw new InputError(problem(axes.x !== undefined ? "--x" : "--y", `chooses a sweep's frontier axes; ${path} holds the results of ${res.kind}`));
    const sweep = res.sweep;
    res = { kind: "sweep", sweep: asFlags(AXIS_FLAGS, () => withAxes(sweep, axes)) };
  }
  const dir = out ?? defaultOut(path);
  checkOutDir(dir);
  const files = await reportFiles(res);
  // charts are added to the folder (often the run's own): its other files stay
  return writeOutputs(resolve(dir), files, "add");
}
