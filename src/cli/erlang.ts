/**
 * `supportsim erlang b|c|a|x|staff`: analytic answers (no simulation). `erlang staff --forecast
 * FILE.csv` sizes every interval of a forecast file (src/cli/erlangForecast.ts).
 */
import { erlang, type StaffingTarget } from "../api/erlang.js";
import { erlangXTable, metricsTable } from "../report/tables/erlangTable.js";
import { execErlangForecast, type ForecastArgs } from "./erlangForecast.js";
import { asFlags, tableWidth, type FlagNames } from "./flags.js";
import { fitLines } from "../report/tables/layout.js";

export interface ErlangArgs extends ForecastArgs {
  /** Print tables in full (default: fitted to the terminal's width). */
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

/** The command's output: a forecast's staffing when a forecast flag is given, else one queue's answer. */
export function execErlangCommand(args: ErlangArgs): string {
  const forecast = args.forecast !== undefined || args.csv !== undefined || args.shrinkage !== undefined || args.fteHours !== undefined || args.intervalMinutes !== undefined;
  const width = tableWidth(args.wide);
  return forecast ? execErlangForecast(args, FLAGS, width) : args.json ? execErlang(args) : fitLines(execErlang(args), width);
}

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
