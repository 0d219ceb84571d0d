/**
 * `supportsim chart RESULTS [--out DIR]`: the charts and the budget report from results written
 * earlier (`run`, `compare` or `staff` with --out: results.json; `sweep`: sweep.json). Writes
 * charts/<name>.vl.json, .svg and .png and report.html into DIR (default: the results' folder).
 * The same files `--out` writes on those commands, so a folder can be re-charted after an upgrade.
 */
import { dirname, resolve } from "node:path";
import { statSync } from "node:fs";
import type { Argv } from "yargs";
import { InputError, problem } from "../errors.js";
import { readResults, reportFiles } from "../api/report.js";
import { withAxes } from "../api/sweep.js";
import { asFlags } from "./flags.js";
import { announceOut, checkOutDir, writeOutputs } from "./outputs.js";
import { AXIS_FLAGS, AXIS_HELP, axesOption } from "./sweep.js";

interface ChartArgs {
  results: string;
  out?: string;
  x?: string;
  y?: string;
}

export function chartCommand(y: Argv): Argv {
  return y.command<ChartArgs>(
    "chart <results>",
    "Render the charts (Vega-Lite spec, SVG, PNG) and the self-contained report.html from results written by run, compare, sweep or staff with --out",
    (a) =>
      a
        .positional("results", { type: "string", describe: "a results folder, or its results.json / sweep.json" })
        .option("out", { type: "string", describe: "write the charts and report.html here (default: the results' folder)" })
        .option("x", { type: "string", describe: `a sweep's results: ${AXIS_HELP.x.replace("; kept in sweep.json so chart redraws it", "")} (default: the axes the sweep chose)` })
        .option("y", { type: "string", describe: `a sweep's results: ${AXIS_HELP.y}` })
        .example("$0 chart out/", "charts and report.html for the results in out/")
        .example("$0 chart cmp/results.json --out slides", "the comparison's charts into slides/")
        .example("$0 chart sw --x cost.paidFte --y retention.csat --out csat", "a sweep's frontier on other axes"),
    async (args) => {
      const written = await writeCharts(args.results, args.out, axesOption(args.x, args.y));
      announceOut(args.out ?? defaultOut(args.results), written);
      process.exitCode = 0;
    },
  );
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
