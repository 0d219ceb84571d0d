/**
 * `supportsim sensitivity FILE --metric cost.total [--metric …]`: each ranged input of the
 * scenario at its low and at its high in turn (common random numbers), every KPI asked for ranked
 * by the inputs' swings with paired 95% intervals (api/sensitivity.ts); `--out DIR` writes
 * results.json, sensitivity.csv and a tornado chart per KPI.
 */
import { availableParallelism } from "node:os";
import type { Argv } from "yargs";
import { loadScenario } from "../api/scenario.js";
import { sensitivity } from "../api/sensitivity.js";
import { tornadoChartFiles } from "../api/report.js";
import { jsonText } from "../report/json.js";
import { sensitivityCsv, sensitivityTable } from "../report/tables/sensitivityTable.js";
import { asFlagsAsync, tableWidth, wideOption } from "./flags.js";
import { announceOut, checkOutDir, writeOutputs, type RunReportFlags } from "./outputs.js";
import { progressBar } from "./progress.js";

interface SensitivityArgs extends RunReportFlags {
  file: string;
  metric?: string[];
}

export function sensitivityCommand(y: Argv): Argv {
  return y.command<SensitivityArgs>(
    "sensitivity <file>",
    "Move each ranged input of a scenario to its low and its high in turn and rank the inputs by their effect on KPIs (tornado)",
    (a) =>
      wideOption(a)
        .positional("file", { type: "string", demandOption: true, describe: "a scenario file with ranged inputs" })
        .option("metric", { type: "string", array: true, demandOption: true, describe: 'a KPI to rank the inputs by (e.g. cost.total, channel.phone.serviceLevel), or "name = formula"; repeat for more' })
        .option("replications", { type: "number", describe: "replications per run (default: the scenario's)" })
        .option("seed", { type: "number", describe: "random seed of every run (default: the scenario's)" })
        .option("threads", { type: "number", describe: "worker threads (default: the machine's cores); the results do not depend on it" })
        .option("json", { type: "boolean", default: false, describe: "print the result as JSON instead of the table" })
        .option("out", { type: "string", describe: "write results.json, sensitivity.csv and the tornado charts (charts/tornado-<kpi>.vl.json, .svg, .png) to this folder" })
        .option("charts", { type: "boolean", default: true, describe: "with --out: render the tornado charts (--no-charts to skip)" })
        .example("$0 sensitivity scenarios/budget-2027.json --metric cost.total --metric retention.churned", "which uncertain input moves the cost and the churn most"),
    async (args) => {
      const s = loadScenario(args.file);
      if (args.out !== undefined) checkOutDir(args.out);
      const bar = progressBar(!args.json && process.stderr.isTTY === true);
      const r = await asFlagsAsync({ metrics: "--metric" }, () =>
        sensitivity(s, { metrics: args.metric ?? [], replications: args.replications, seed: args.seed, threads: args.threads ?? availableParallelism(), onProgress: (d, t) => bar.update(d, t, "runs × replications") }),
      );
      bar.end();
      const json = jsonText({ sensitivity: r });
      const written = args.out !== undefined ? writeOutputs(args.out, { "results.json": json, "sensitivity.csv": sensitivityCsv(r), ...(args.charts ? await tornadoChartFiles(r) : {}) }) : [];
      process.stdout.write(args.json ? json : sensitivityTable(r, tableWidth(args.wide)));
      if (args.out !== undefined) announceOut(args.out, written, { json: args.json });
      process.exitCode = 0;
    },
  );
}
