/** `supportsim sweep`: its flags; the work (../sweep.ts) is loaded when the command runs. */
import type { Argv } from "yargs";
import type { SweepArgs } from "../sweep.js";
import { tableWidth, wideOption } from "../flags.js";

/** The help of --x and --y (sweep, merge and chart). */
export const AXIS_HELP = {
  x: "the frontier's x axis: one of the sweep's metrics (e.g. cost.total, cost.paidFte, channel.phone.asaSeconds; default cost.perMonth); kept in sweep.json so chart redraws it",
  y: "the frontier's y axis: one of the sweep's metrics (e.g. channel.chat.serviceLevel, retention.csat; default the first channel's service level)",
} as const;

export function sweepCommand(y: Argv): Argv {
  return y.command<SweepArgs>(
    "sweep <file>",
    "Run a full-form scenario over a grid of parameter values (common random numbers), whole or one shard at a time",
    (a) =>
      wideOption(a)
        .positional("file", { type: "string", describe: "full-form scenario file (its extends chain is merged)" })
        .option("vary", {
          type: "string",
          describe:
            'PATH=VALUES, repeatable; PATH is dotted, naming list elements by name (pools.L2.agents, tiers.L1.resolve.how-to; quote a name with a dot: pools.\"L1.5\".agents), VALUES a..b:step or a,b,c; the first --vary varies slowest',
        })
        .option("replications", { type: "number", describe: "replications per point (default: the scenario's)" })
        .option("seed", { type: "number", describe: "random seed for every point (default: the scenario's)" })
        .option("threads", { type: "number", describe: "worker threads (default: the machine's cores); results are identical whatever the count" })
        .option("shard", { type: "string", describe: "i/N: run only the points whose index mod N is i−1 and write shard-i-of-N.json to --out (join with merge)" })
        .option("out", { type: "string", describe: "write sweep.csv and sweep.json (or the shard file) to this folder, with the frontier chart (charts/*) and report.html" })
        .option("x", { type: "string", describe: AXIS_HELP.x })
        .option("y", { type: "string", describe: AXIS_HELP.y })
        .option("charts", { type: "boolean", default: true, describe: "with --out: render the chart and report.html (--no-charts to skip)" })
        .option("json", { type: "boolean", default: false, describe: "print the sweep as JSON instead of the table" })
        .example("$0 sweep scenarios/baseline.json --vary pools.L2.agents=6..12:2", "four points: 6, 8, 10 and 12 L2 agents")
        .example('$0 sweep s.json --vary pools.L2.agents=6,8 --vary "pools.L1 phone and e-mail.agents=10..14:2" --out sw', "a 2 × 3 grid, files in sw/")
        .example("$0 sweep s.json --vary pools.L2.agents=6..20:1 --shard 3/4 --out results", "the third of four shards (then: $0 merge results --out final)")
        .example("$0 sweep s.json --vary pools.L2.agents=6..12:2 --x cost.paidFte --y channel.phone.asaSeconds --out sw", "the frontier of paid staff against phone ASA"),
    async (args) => {
      const { execSweep } = await import("../sweep.js");
      const vary = args.vary === undefined ? [] : Array.isArray(args.vary) ? args.vary.map(String) : [String(args.vary)];
      await execSweep(args.file, { vary, replications: args.replications, seed: args.seed, threads: args.threads, shard: args.shard, out: args.out, x: args.x, y: args.y, json: args.json, charts: args.charts, width: tableWidth(args.wide) });
      process.exitCode = 0;
    },
  );
}
