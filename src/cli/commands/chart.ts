/** `supportsim chart`: its flags; the work (../chart.ts) is loaded when the command runs. */
import type { Argv } from "yargs";
import type { ChartArgs } from "../chart.js";
import { AXIS_HELP } from "./sweep.js";

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
      const { execChart } = await import("../chart.js");
      process.stdout.write(await execChart(args));
      process.exitCode = 0;
    },
  );
}
