/**
 * `run --uncertainty N` and `compare --uncertainty N`: a Monte Carlo over the scenarios' ranged
 * inputs (api/uncertainty.ts), printed as P10/P50/P90 per KPI with the probability of each target
 * (report/tables/uncertaintyTable.ts), or as JSON; `--out DIR` writes results.json and, unless
 * --no-charts, the fan chart of the monthly KPIs and the target-probability chart.
 */
import { simulateUncertainty, type UncertaintyResult } from "../api/uncertainty.js";
import type { Scenario } from "../api/scenario.js";
import { uncertaintyChartFiles } from "../api/report.js";
import { jsonText } from "../report/json.js";
import { uncertaintyTable } from "../report/tables/uncertaintyTable.js";
import { asFlagsAsync } from "./flags.js";
import { announceOut, writeOutputs } from "./outputs.js";
import { progressBar } from "./progress.js";
import type { UncertaintyArgs } from "./commands/uncertaintyFlags.js";

const FLAGS = { sets: "--uncertainty", "targets.serviceLevel": "--target-sl", "targets.maxAbandon": "--target-abandon", "targets.budget": "--budget", metrics: "--metric" };

/** Run the Monte Carlo and report it; returns the result. */
export async function execUncertainty(
  scenarios: readonly Scenario[],
  args: UncertaintyArgs & { replications?: number; seed?: number; threads: number; json?: boolean; out?: string; charts?: boolean; metric?: string[]; width?: number },
): Promise<UncertaintyResult> {
  const bar = progressBar(!args.json && process.stderr.isTTY === true);
  const result = await asFlagsAsync(FLAGS, () =>
    simulateUncertainty(scenarios, {
      sets: args.uncertainty!,
      replications: args.replications,
      seed: args.seed,
      threads: args.threads,
      metrics: args.metric,
      targets: { serviceLevel: args["target-sl"], maxAbandon: args["target-abandon"], budget: args.budget },
      onProgress: (done, total) => bar.update(done, total, "input sets × scenarios × replications"),
    }),
  );
  bar.end();
  const json = jsonText({ uncertainty: result });
  let written: string[] = [];
  if (args.out !== undefined) {
    const charts = args.charts === false ? {} : await uncertaintyChartFiles(result, scenarios[0].config.costs.currency);
    written = writeOutputs(args.out, { "results.json": json, ...charts });
  }
  process.stdout.write(args.json ? json : uncertaintyTable(result, scenarios[0].config.costs.currency, args.width ?? Infinity));
  if (args.out !== undefined) announceOut(args.out, written, { json: args.json });
  return result;
}
