/**
 * `supportsim erlang b|c|a|x|staff`: analytic answers (no simulation). `erlang staff --forecast
 * FILE.csv` sizes every interval of a forecast file (src/cli/erlangForecast.ts).
 */
import type { Argv } from "yargs";
import { erlang, type StaffingTarget } from "../api/erlang.js";
import { erlangXTable, metricsTable } from "../report/tables/erlangTable.js";
import { execErlangForecast, FORECAST_OPTIONS, type ForecastArgs } from "./erlangForecast.js";
import { asFlags, tableWidth, wideOption, type FlagNames } from "./flags.js";
import { fitLines } from "../report/tables/layout.js";

interface ErlangArgs extends ForecastArgs {
  wide?: boolean;
  model: "b" | "c" | "a" | "x" | "staff";
  ratePerHour?: number;
  ahtMinutes?: number;
  agents?: number;
  patienceMinutes?: number;
  lines?: number;
  redialBlocked?: number;
  redialAbandoned?: number;
  thresholdSeconds: number;
  targetSl?: number;
  maxAbandon?: number;
  maxAsaSeconds?: number;
  maxOccupancy?: number;
  json: boolean;
}

export function erlangCommand(y: Argv) {
  return y.command<ErlangArgs>(
    "erlang <model>",
    "Analytic queueing answers: Erlang B, C, A, and the staffing that meets a target",
    (a) =>
      wideOption(a)
        .positional("model", { choices: ["b", "c", "a", "x", "staff"] as const, describe: "b: loss system; c: wait forever; a: with abandonment; x: lines, abandonment and redials; staff: fewest agents meeting the targets" })
        .option("rate-per-hour", { type: "number", describe: "arrivals per hour (Poisson)" })
        .option("aht-minutes", { type: "number", describe: "mean handle time, minutes (exponential)" })
        .option("agents", { type: "number", describe: "number of agents (b, c, a)" })
        .option("patience-minutes", { type: "number", describe: "mean patience, minutes (exponential; a, and staff with abandonment)" })
        .option("lines", { type: "number", describe: "x: number of lines (trunks) >= agents; default unlimited" })
        .option("redial-blocked", { type: "number", describe: "x: share of blocked callers who redial, 0..1 (default 0)" })
        .option("redial-abandoned", { type: "number", describe: "x: share of abandoned callers who redial, 0..1 (default 0)" })
        .option("threshold-seconds", { type: "number", default: 20, describe: "service-level threshold, seconds" })
        .option("target-sl", { type: "number", describe: "staff: service level to reach, e.g. 0.8" })
        .option("max-abandon", { type: "number", describe: "staff: highest abandon rate allowed, e.g. 0.05 (needs --patience-minutes)" })
        .option("max-asa-seconds", { type: "number", describe: "staff: highest ASA allowed, seconds" })
        .option("max-occupancy", { type: "number", describe: "staff: highest occupancy allowed, e.g. 0.9" })
        .options(FORECAST_OPTIONS)
        .option("json", { type: "boolean", default: false, describe: "print JSON" })
        .example("$0 erlang c --rate-per-hour 540 --aht-minutes 5 --agents 48", "Erlang C")
        .example("$0 erlang a --rate-per-hour 540 --aht-minutes 5 --agents 50 --patience-minutes 2", "Erlang A")
        .example("$0 erlang x --rate-per-hour 540 --aht-minutes 5 --agents 50 --lines 60 --patience-minutes 2 --redial-blocked 0.8 --redial-abandoned 0.3", "Erlang X")
        .example("$0 erlang staff --target-sl 0.8 --threshold-seconds 20 --rate-per-hour 540 --aht-minutes 5", "agents needed for 80% in 20 s")
        .example("$0 erlang staff --forecast scenarios/data/sample-forecast.csv --target-sl 0.8 --shrinkage 0.3 --csv plan.csv", "every interval of a forecast, hours and FTE; the table also as CSV"),
    async (args) => {
      if (args.forecast !== undefined || args.csv !== undefined || args.shrinkage !== undefined || args.fteHours !== undefined || args.intervalMinutes !== undefined) {
        process.stdout.write(execErlangForecast(args, FLAGS, tableWidth(args.wide)));
      } else process.stdout.write(args.json ? execErlang(args) : fitLines(execErlang(args), tableWidth(args.wide)));
    },
  );
}

/** The API's option names as this command's flags. */
const FLAGS: FlagNames = {
  "target.serviceLevel": "--target-sl",
  "target.maxAbandonRate": "--max-abandon",
  "target.maxAsaSeconds": "--max-asa-seconds",
  "target.maxOccupancy": "--max-occupancy",
  target: "erlang staff",
  patienceMinutes: "--patience-minutes",
  ratePerHour: "--rate-per-hour",
  ahtMinutes: "--aht-minutes",
  thresholdSeconds: "--threshold-seconds",
  redialBlocked: "--redial-blocked",
  redialAbandoned: "--redial-abandoned",
  agents: "--agents",
  lines: "--lines",
  intervalMinutes: "--interval-minutes",
  fteHours: "--fte-hours",
  shrinkage: "--shrinkage",
};

export function execErlang(args: ErlangArgs): string {
  return asFlags(FLAGS, () => {
    const load = { ratePerHour: args.ratePerHour!, ahtMinutes: args.ahtMinutes!, thresholdSeconds: args.thresholdSeconds, patienceMinutes: args.patienceMinutes };
    if (args.model === "staff") {
      // the target as the JSON shows it: the threshold first, then the goals given
      const target: StaffingTarget = { thresholdSeconds: args.thresholdSeconds };
      if (args.targetSl !== undefined) target.serviceLevel = args.targetSl;
      if (args.maxAbandon !== undefined) target.maxAbandonRate = args.maxAbandon;
      if (args.maxAsaSeconds !== undefined) target.maxAsaSeconds = args.maxAsaSeconds;
      if (args.maxOccupancy !== undefined) target.maxOccupancy = args.maxOccupancy;
      const res = erlang.staff(load, target);
      if (args.json) return JSON.stringify({ agents: res.agents, target, metrics: res.metrics }, null, 2) + "\n";
      const goals = [
        target.serviceLevel !== undefined ? `service level ≥ ${(target.serviceLevel * 100).toFixed(1)}% within ${args.thresholdSeconds} s` : "",
        target.maxAbandonRate !== undefined ? `abandon rate ≤ ${(target.maxAbandonRate * 100).toFixed(1)}%` : "",
        target.maxAsaSeconds !== undefined ? `ASA ≤ ${target.maxAsaSeconds} s` : "",
        target.maxOccupancy !== undefined ? `occupancy ≤ ${(target.maxOccupancy * 100).toFixed(1)}%` : "",
      ].filter(Boolean);
      return `Agents needed: ${res.agents}  (${goals.join(", ")}; ${args.ratePerHour}/h, AHT ${args.ahtMinutes} min${args.patienceMinutes !== undefined ? `, patience ${args.patienceMinutes} min` : ""})\n\n${metricsTable(res.metrics, args.thresholdSeconds)}`;
    }
    const input = { ...load, agents: args.agents! };
    if (args.model === "x") {
      const mx = erlang.x({ ...input, lines: args.lines, redialBlocked: args.redialBlocked, redialAbandoned: args.redialAbandoned });
      return args.json ? JSON.stringify(mx, null, 2) + "\n" : erlangXTable(mx, args.thresholdSeconds);
    }
    const m = args.model === "a" ? erlang.a(input) : args.model === "b" ? erlang.b(input) : erlang.c(input);
    return args.json ? JSON.stringify(m, null, 2) + "\n" : metricsTable(m, args.thresholdSeconds);
  });
}
