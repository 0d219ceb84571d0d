/**
 * `supportsim sensitivity FILE --metric cost.total [--metric …]`: each ranged input of the
 * scenario at its low and at its high in turn (common random numbers), every KPI asked for ranked
 * by the inputs' swings with paired 95% intervals (api/sensitivity.ts); `--out DIR` writes
 * results.json, sensitivity.csv and a tornado chart per KPI.
 */
import { availableParallelism } from "node:os";
import { loadScenario } from "../api/scenario.js";
import { sensitivity } from "../api/sensitivity.js";
import { tornadoChartFiles } from "../api/report.js";
import { jsonText } from "../report/json.js";
import { sensitivityCsv, sensitivityTable } from "../report/tables/sensitivityTable.js";
import { asFlagsAsync, tableWidth } from "./flags.js";
import { announceOut, checkOutDir, writeOutputs, type RunReportFlags } from "./outputs.js";
import { progressBar } from "./progress.js";

export interface SensitivityArgs extends RunReportFlags {
  file: string;
  metric?: string[];
}

/** Run the sensitivity analysis the flags ask for and report it (table or JSON; --out files). */
export async function execSensitivity(args: SensitivityArgs): Promise<void> {
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
}
