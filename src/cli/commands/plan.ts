/** `supportsim plan`: its flags; the work (../plan.ts) is loaded when the command runs. */
import { availableParallelism } from "node:os";
import type { Argv } from "yargs";
import { PLAN_DEFAULTS } from "../../analysis/plan/planDefaults.js";
import type { PlanArgs } from "../plan.js";
import { tableWidth, wideOption } from "../flags.js";

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
      const { runPlan } = await import("../plan.js");
      await runPlan(args.file, {
        months: args.months, target: args.target, maxAbandon: args["max-abandon"], maxOccupancy: args["max-occupancy"], response: args.response,
        replications: args.replications, seed: args.seed, threads: args.threads ?? availableParallelism(), maxRuns: args["max-runs"], maxRounds: args["max-rounds"],
        maxHiresPerMonth: args["max-hires-per-month"], maxHeadcount: args["max-headcount"], budgetPerMonth: args["budget-per-month"], json: args.json, out: args.out, charts: args.charts, width: tableWidth(args.wide),
      });
      process.exitCode = 0;
    },
  );
}
