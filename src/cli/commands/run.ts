/** `supportsim run`: its flags; the work (../run.ts) is loaded when the command runs. */
import type { Argv } from "yargs";
import type { RunArgs } from "../run.js";
import { wideOption } from "../flags.js";
import { uncertaintyOptions } from "./uncertaintyFlags.js";

export function runCommand(y: Argv) {
  return y.command<RunArgs>(
    "run [file]",
    "Run a scenario (default: the shipped default scenario) and print its KPIs",
    (a) =>
      wideOption(uncertaintyOptions(a))
        .positional("file", { type: "string", describe: "scenario JSON file" })
        .option("json", { type: "boolean", default: false, describe: "print the result object as JSON instead of the table" })
        .option("replications", { type: "number", describe: "number of replications (overrides the file)" })
        .option("seed", { type: "number", describe: "random seed (overrides the file)" })
        .option("trace", { type: "string", describe: "write one CSV row per contact to this file" })
        .option("intervals", { type: "string", describe: "write per-interval KPIs (CSV) to this file" })
        .option("threads", { type: "number", describe: "worker threads for the replications (default: the machine's cores); results are identical whatever the count" })
        .option("out", { type: "string", describe: "write results.json, intervals.csv, scenario.resolved.json (the merged scenario), and for a full-form scenario the charts (charts/*.vl.json, .svg, .png) and report.html to this folder" })
        .option("charts", { type: "boolean", default: true, describe: "with --out: render the charts and report.html (--no-charts to skip)" })
        .option("metric", { type: "string", array: true, describe: 'a metric of your own, "name = formula" over KPI names (e.g. "costPerResolved = cost.total / funnel.resolved"), evaluated in every replication' })
        .option("warmup", { type: "string", describe: "warm-up in whole days instead of the file's, or \"auto\": the truncation point MSER picks on daily means of pilot replications" })
        .example("$0 run", "run the default scenario")
        .example("$0 run scenarios/budget-2027.json --uncertainty 20 --budget 4500000", "20 input sets from the file's ranges: P10/P50/P90 per KPI and how likely each target is")
        .example("$0 run scenarios/baseline.json --warmup auto", "let MSER choose the warm-up, and say what it chose")
        .example("$0 run scenarios/mmc-abandon.json --replications 5 --json", "five replications, JSON output")
        .example("$0 run my.json --trace trace.csv", "also write a per-contact trace")
        .example("$0 run scenarios/outsource-l1.json --out results/outsource", "write the results, intervals and the resolved scenario"),
    async (args) => {
      const { execRun } = await import("../run.js");
      process.exitCode = await execRun(args);
    },
  );
}
