/** `supportsim staff`: its flags; the work (../staff.ts) is loaded when the command runs. */
import { availableParallelism } from "node:os";
import type { Argv } from "yargs";
import { STAFF_DEFAULTS } from "../../analysis/staffing/staffDefaults.js";
import type { StaffArgs } from "../staff.js";
import { tableWidth, wideOption } from "../flags.js";

export function staffCommand(y: Argv): Argv {
  return y.command<StaffArgs>(
    "staff <file>",
    "Find the fewest agents per pool and interval that meet the targets in simulation (Erlang start beside them), then shifts that cover them at the fewest paid hours",
    (a) =>
      wideOption(a)
        .positional("file", { type: "string", describe: "a full-form scenario file" })
        .option("target", { type: "string", demandOption: true, describe: 'service level of real-time work in every interval, e.g. "sl=0.8@20s" or "80%@30s"' })
        .option("max-abandon", { type: "number", describe: "also at most this share abandoned in every interval (e.g. 0.05)" })
        .option("max-occupancy", { type: "number", describe: "also at most this occupancy in every interval (e.g. 0.9)" })
        .option("response", { type: "number", default: 0.9, describe: "share of deferred work (e-mail, tickets) answered within its channel's response target, per pool" })
        .option("pools", { type: "string", describe: "comma-separated pools to size (default: all; the others keep their schedules)" })
        .option("replications", { type: "number", describe: "replications per simulation run (default: the scenario's)" })
        .option("seed", { type: "number", describe: "random seed (default: the scenario's)" })
        .option("threads", { type: "number", describe: "worker threads for each run's replications (default: the machine's cores); the answer does not depend on it" })
        .option("shifts", { type: "boolean", default: true, describe: "plan shifts for the requirement (--no-shifts: requirement only)" })
        .option("shift-patterns", { type: "string", describe: "JSON file of allowed shift patterns (docs/shift-patterns.md; default: 8 h full-time 5 days on, 4 h and 6 h part-time on any 3 days, starts moving up to 2 h from day to day)" })
        .option("fte-hours", { type: "number", default: 40, describe: "paid hours of one full-time employee per week (for FTE)" })
        .option("max-runs", { type: "number", default: STAFF_DEFAULTS.maxRuns, describe: "simulation runs after which the search starts no new step (a step under way may add one); the report and a warning on stderr say when it stopped there" })
        .option("margin", { type: "number", describe: "standard errors of margin every per-interval target must hold by for the search to keep a removal (default 1.5; 0: judged on the sample alone, which keeps removals its luck allows; docs/model.md §14.5)" })
        .option("max-headcount", { type: "number", describe: "shift plans: at most this many agents per pool" })
        .option("reserve-for-live", { type: "number", describe: `agents a blended pool (live and deferred work at its tier, e.g. phone and e-mail) is sized with kept idle for live work while deferred work waits, where its scenario sets no reserveForLive; written into the staffed scenario (default ${STAFF_DEFAULTS.reserveForLive}; 0: as the scenario routes)` })
        .option("max-part-time-share", { type: "number", describe: `shift plans: at most this share of each pool's agents on part-time patterns (e.g. 0.3; default: none for pools with live work, ${STAFF_DEFAULTS.backOfficePartTimeShare} for pools with tickets or e-mail only)` })
        .option("json", { type: "boolean", default: false, describe: "print the answer as JSON instead of the tables" })
        .option("out", { type: "string", describe: "also write results.json, requirements.csv, shifts.csv, scenario.staffed.json (the scenario with the planned shifts), the charts (charts/*.vl.json, .svg, .png) and report.html here" })
        .option("charts", { type: "boolean", default: true, describe: "with --out: render the charts and report.html (--no-charts to skip)" })
        .example('$0 staff scenarios/baseline.json --target "sl=0.8@20s" --max-occupancy 0.9', "size every pool of the baseline and plan its shifts")
        .example('$0 staff my.json --target "90%@30s" --pools "L1 phone" --no-shifts', "size one pool, requirement only"),
    async (args) => {
      const { runStaff } = await import("../staff.js");
      await runStaff(args.file, {
        target: args.target, maxAbandon: args["max-abandon"], maxOccupancy: args["max-occupancy"], response: args.response,
        pools: args.pools === undefined ? undefined : args.pools.split(",").map((s) => s.trim()).filter((s) => s !== ""),
        replications: args.replications, seed: args.seed, threads: args.threads ?? availableParallelism(), shifts: args.shifts, shiftPatterns: args["shift-patterns"],
        fteHours: args["fte-hours"], maxRuns: args["max-runs"], margin: args.margin, maxHeadcount: args["max-headcount"], maxPartTimeShare: args["max-part-time-share"], reserveForLive: args["reserve-for-live"], json: args.json, out: args.out, charts: args.charts, width: tableWidth(args.wide),
      });
      process.exitCode = 0;
    },
  );
}
