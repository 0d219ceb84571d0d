/**
 * `supportsim plan FILE --months 12 --target "sl=0.8@20s"`: the budget year — per pool and month
 * the required FTE against the capacity the workforce gives, the hiring calendar that meets it at
 * the least cost, and the end-to-end check (src/api/plan.ts). Here: flags → options (and their
 * problems back to flags), the progress line, the table and the files.
 *
 * Everything is checked before the runs; outputs are written only at the end, atomically.
 */
import { checkPlanOptions, type PlanOptions } from "../analysis/plan/planOptions.js";
import { PLAN_DEFAULTS } from "../analysis/plan/planDefaults.js";
import { parseTarget } from "../analysis/staffing/targets.js";
import { loadScenario } from "../api/scenario.js";
import { plan, type PlanDocument } from "../api/plan.js";
import { reportFiles } from "../api/report.js";
import { planCsv, planText } from "../report/tables/planTable.js";
import { asFlags, asFlagsAsync } from "./flags.js";
import { announceOut, checkOutDir, writeOutputs, type RunReportFlags, type RunReportOptions } from "./outputs.js";
import { progressBar } from "./progress.js";

export interface PlanCliOptions extends RunReportOptions {
  months: number;
  target: string;
  maxAbandon?: number;
  maxOccupancy?: number;
  response?: number;
  maxRuns?: number;
  maxRounds?: number;
  maxHiresPerMonth?: number;
  maxHeadcount?: number;
  budgetPerMonth?: number;
}

export interface PlanArgs extends RunReportFlags {
  file: string;
  months: number;
  target: string;
  "max-abandon"?: number;
  "max-occupancy"?: number;
  response?: number;
  "max-runs"?: number;
  "max-rounds"?: number;
  "max-hires-per-month"?: number;
  "max-headcount"?: number;
  "budget-per-month"?: number;
}

/** Option paths → flags (the rest are --kebab-case of their last name). */
const FLAGS = { targets: "--target", "targets.serviceLevel": "--target", "targets.thresholdSeconds": "--target", "targets.maxAbandon": "--max-abandon", "targets.maxOccupancy": "--max-occupancy", "targets.response": "--response", pools: "FILE" };

/** Load, plan, check and report. Throws InputError on bad input before anything runs. */
export async function runPlan(file: string, o: PlanCliOptions): Promise<PlanDocument> {
  const stdout = o.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = o.stderr ?? ((s: string) => void process.stderr.write(s));
  const options: PlanOptions & { plannedScenarioDir?: string } = asFlags(FLAGS, () => ({
    months: o.months,
    targets: { ...parseTarget(o.target), maxAbandon: o.maxAbandon, maxOccupancy: o.maxOccupancy, response: o.response },
    replications: o.replications, seed: o.seed, threads: o.threads, maxRuns: o.maxRuns, maxRounds: o.maxRounds,
    maxHiresPerMonth: o.maxHiresPerMonth, maxHeadcount: o.maxHeadcount, budgetPerMonth: o.budgetPerMonth, plannedScenarioDir: o.out,
  }));
  if (o.out !== undefined) checkOutDir(o.out);
  asFlags(FLAGS, () => checkPlanOptions(options));
  const scenario = loadScenario(file);
  const bar = progressBar(o.progress ?? (!o.json && process.stderr.isTTY === true), stderr);
  options.onWarning = (w) => stderr(`warning: ${w}\n`);
  // the total is the search's run cap (--max-runs); the checks after it run on
  const cap = options.maxRuns ?? PLAN_DEFAULTS.maxRuns;
  options.onRun = (n, phase) => bar.update(n, cap, `simulation runs (${phase})`, true);
  const doc = await asFlagsAsync(FLAGS, () => plan(scenario, options));
  bar.end();
  if (!doc.search.confirmed) stderr(`warning: the requirement search stopped at its run cap (${doc.search.runs} of --max-runs ${doc.search.maxRuns}) before a run confirmed every month; raise --max-runs\n`);
  const { plannedScenario, ...rest } = doc;
  const json = JSON.stringify(rest, null, 2) + "\n";
  let written: string[] = [];
  if (o.out !== undefined) {
    const charts = o.charts === false ? {} : await reportFiles({ kind: "plan", plan: doc });
    written = writeOutputs(o.out, { ...charts, "results.json": json, "plan.csv": planCsv(doc), "scenario.planned.json": JSON.stringify(plannedScenario, null, 2) + "\n" });
  }
  stdout(o.json ? json : planText(doc, o.width ?? Infinity));
  if (o.out !== undefined) announceOut(o.out, written, { json: o.json, stdout, stderr });
  return doc;
}
