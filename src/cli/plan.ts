/**
 * `supportsim plan FILE --months 12 --target "sl=0.8@20s"`: the budget year — per pool and month
 * the required FTE against the capacity the workforce gives, the hiring calendar that meets it at
 * the least cost, and the end-to-end check (src/api/plan.ts). Here: flags → options (and their
 * problems back to flags), the progress line, the table and the files.
 *
 * Everything is checked before the runs; outputs are written only at the end, atomically.
 */
import { availableParallelism } from "node:os";
import type { Argv } from "yargs";
import { checkPlanOptions, PLAN_DEFAULTS, type PlanOptions } from "../analysis/plan/planOptions.js";
import { parseTarget } from "../analysis/staffing/targets.js";
import { loadScenario } from "../api/scenario.js";
import { plan, type PlanDocument } from "../api/plan.js";
import { reportFiles } from "../api/report.js";
import { planCsv, planText } from "../report/tables/planTable.js";
import { asFlags, asFlagsAsync, tableWidth, wideOption } from "./flags.js";
import { announceOut, checkOutDir, writeOutputs, type RunReportFlags } from "./outputs.js";
import { progressBar } from "./progress.js";

export interface PlanCliOptions {
  months: number;
  target: string;
  maxAbandon?: number;
  maxOccupancy?: number;
  response?: number;
  replications?: number;
  seed?: number;
  threads?: number;
  maxRuns?: number;
  maxRounds?: number;
  maxHiresPerMonth?: number;
  maxHeadcount?: number;
  budgetPerMonth?: number;
  json?: boolean;
  out?: string;
  charts?: boolean;
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  progress?: boolean;
  /** The text's width in characters (default: the terminal's, else 100; Infinity: --wide). */
  width?: number;
}

interface PlanArgs extends RunReportFlags {
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

export function planCommand(y: Argv): Argv {
  return y.command<PlanArgs>(
    "plan <file>",
    "The budget year: per pool and month the required FTE (measured in simulation) against the capacity the workforce gives (attrition, lead time, training, ramp-up), the hiring calendar that meets it at the least cost, and the scenario with those hires simulated to check it",
    (a) =>
      wideOption(a)
        .positional("file", { type: "string", describe: "a scenario file (pools without a workforce are planned with the default one)" })
        .option("months", { type: "number", default: 12, describe: "months to plan from the scenario's start (1 to 60)" })
        .option("target", { type: "string", default: "sl=0.8@20s", describe: 'service level of real-time work in every month, e.g. "sl=0.8@20s" or "80%@30s"' })
        .option("max-abandon", { type: "number", describe: "also at most this share abandoned in every month (e.g. 0.05)" })
        .option("max-occupancy", { type: "number", describe: "also at most this occupancy in every month (e.g. 0.85)" })
        .option("response", { type: "number", default: PLAN_DEFAULTS.response, describe: "share of deferred work answered within its channel's response target, per pool and month" })
        .option("replications", { type: "number", describe: "replications per simulation run (default: the scenario's)" })
        .option("seed", { type: "number", describe: "random seed (default: the scenario's)" })
        .option("threads", { type: "number", describe: "worker threads for each run's replications (default: the machine's cores); the answer does not depend on it" })
        .option("max-runs", { type: "number", default: PLAN_DEFAULTS.maxRuns, describe: "simulation runs of the requirement search after which it stops (the output says when it did)" })
        .option("max-rounds", { type: "number", default: PLAN_DEFAULTS.maxRounds, describe: "re-plans after a month fails the end-to-end check (its requirement raised by its gap)" })
        .option("max-hires-per-month", { type: "number", describe: "at most this many hires per pool and month" })
        .option("max-headcount", { type: "number", describe: "at most this many employees per pool (expected)" })
        .option("budget-per-month", { type: "number", describe: "at most this much per calendar month on the planned pools' salaries and hires; months where it falls short are reported with the service it buys" })
        .option("json", { type: "boolean", default: false, describe: "print the answer as JSON instead of the tables" })
        .option("out", { type: "string", describe: "also write results.json, plan.csv, scenario.planned.json (runnable with run), the charts (charts/*.vl.json, .svg, .png) and report.html here" })
        .option("charts", { type: "boolean", default: true, describe: "with --out: render the charts and report.html (--no-charts to skip)" })
        .example('$0 plan scenarios/hiring-freeze.json --months 12 --target "sl=0.8@20s" --out plan', "the hiring calendar for a year of 40 % attrition")
        .example('$0 plan scenarios/baseline-year.json --max-hires-per-month 2 --budget-per-month 250000', "with a cap on hires and a monthly budget"),
    async (args) => {
      await runPlan(args.file, {
        months: args.months, target: args.target, maxAbandon: args["max-abandon"], maxOccupancy: args["max-occupancy"], response: args.response,
        replications: args.replications, seed: args.seed, threads: args.threads ?? availableParallelism(), maxRuns: args["max-runs"], maxRounds: args["max-rounds"],
        maxHiresPerMonth: args["max-hires-per-month"], maxHeadcount: args["max-headcount"], budgetPerMonth: args["budget-per-month"], json: args.json, out: args.out, charts: args.charts, width: tableWidth(args.wide),
      });
      process.exitCode = 0;
    },
  );
}

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
