/** `supportsim compare`: its flags; the work (../compare.ts) is loaded when the command runs. */
import { availableParallelism } from "node:os";
import type { Argv } from "yargs";
import type { CompareArgs } from "../compare.js";
import { tableWidth, wideOption } from "../flags.js";
import { uncertaintyOptions } from "./uncertaintyFlags.js";

export function compareCommand(y: Argv): Argv {
  return y.command<CompareArgs>(
    "compare <files..>",
    "Compare full-form scenarios with common random numbers: KPIs, costs and retention side by side, differences against the first with paired 95% intervals",
    (a) =>
      wideOption(uncertaintyOptions(a))
        .positional("files", { type: "string", array: true, describe: "two or more full-form scenario files; the first is the reference" })
        .option("replications", { type: "number", describe: "replications per scenario (default: the first scenario's)" })
        .option("seed", { type: "number", describe: "random seed for every scenario (default: the first scenario's)" })
        .option("threads", { type: "number", describe: "worker threads for the runs (default: the machine's cores); the results do not depend on it" })
        .option("json", { type: "boolean", default: false, describe: "print the comparison as JSON instead of the table" })
        .option("out", { type: "string", describe: "also write results.json (with each scenario's full run), comparison.csv, the charts (charts/*.vl.json, .svg, .png) and report.html to this folder" })
        .option("charts", { type: "boolean", default: true, describe: "with --out: render the charts and report.html (--no-charts to skip)" })
        .option("equal-service", { type: "string", describe: 'compare at equal service: size every scenario to this target first, as staff --target does (e.g. "sl=0.8@20s"), so demand changes show as staff and money' })
        .option("max-abandon", { type: "number", describe: "with --equal-service: at most this share abandoned per interval" })
        .option("max-occupancy", { type: "number", describe: "with --equal-service: at most this occupancy per interval" })
        .option("response", { type: "number", describe: "with --equal-service: share of deferred work within its response target (default 0.9)" })
        .option("pools", { type: "string", array: true, describe: "with --equal-service: the pools to size (default: every pool)" })
        .option("max-runs", { type: "number", describe: "with --equal-service: simulation runs of each scenario's sizing (default: staff's)" })
        .option("metric", { type: "string", array: true, describe: 'a metric of your own, "name = formula" over KPI names (e.g. "costPerResolved = cost.total / funnel.resolved"), evaluated in every replication and compared pair by pair' })
        .example("$0 compare scenarios/baseline.json scenarios/outsource-l1-overflow.json", "what L1 overflow to a vendor changes, with paired intervals")
        .example("$0 compare a.json b.json c.json --replications 20 --out cmp", "three scenarios, 20 replications, files in cmp/")
        .example('$0 compare scenarios/baseline-year.json scenarios/prevention.json --equal-service "sl=0.8@20s"', "what prevention saves in staff and money at the same service"),
    async (args) => {
      const { runCompare } = await import("../compare.js");
      await runCompare(args.files, {
        replications: args.replications, seed: args.seed, threads: args.threads ?? availableParallelism(), json: args.json, out: args.out, charts: args.charts, width: tableWidth(args.wide),
        equalService: args["equal-service"], maxAbandon: args["max-abandon"], maxOccupancy: args["max-occupancy"], response: args.response, pools: args.pools, maxRuns: args["max-runs"], metrics: args.metric,
        ...(args.uncertainty === undefined ? {} : { uncertainty: { uncertainty: args.uncertainty, "target-sl": args["target-sl"], "target-abandon": args["target-abandon"], budget: args.budget } }),
      });
      process.exitCode = 0;
    },
  );
}
