/**
 * `supportsim erlang staff --forecast FILE.csv [--shrinkage 0.3] [--fte-hours 40]
 * [--interval-minutes 30] [--csv OUT.csv] [--json]`: every interval of a forecast sized with the
 * staffing inverse (the targets are `erlang staff`'s own flags), the service level at N − 2 … N + 3,
 * floor and paid hours and FTE; the same table as CSV. Pure analytic: no simulation.
 *
 * Everything is checked before anything is written: the flags, the output path, the whole file.
 */
import { erlang, type StaffingTarget } from "../api/erlang.js";
import { InputError, problem } from "../errors.js";
import { forecastStaffingCsv, forecastStaffingJson, forecastStaffingText, spanWords } from "../report/tables/forecastStaffingTable.js";
import { asFlags, type FlagNames } from "./flags.js";
import { fitLines } from "../report/tables/layout.js";
import { checkOutputPath, writeOutputFile } from "./outputs.js";

export interface ForecastArgs {
  forecast?: string;
  shrinkage?: number;
  fteHours?: number;
  intervalMinutes?: number;
  csv?: string;
}

/** The single-queue flags that the forecast file replaces. */
const PER_QUEUE = { ratePerHour: "--rate-per-hour", ahtMinutes: "--aht-minutes", agents: "--agents", lines: "--lines", redialBlocked: "--redial-blocked", redialAbandoned: "--redial-abandoned" } as const;

type Args = ForecastArgs & {
  model: string;
  thresholdSeconds: number;
  patienceMinutes?: number;
  targetSl?: number;
  maxAbandon?: number;
  maxAsaSeconds?: number;
  maxOccupancy?: number;
  json: boolean;
} & { [K in keyof typeof PER_QUEUE]?: number };

/** The report (text or JSON) of `erlang staff --forecast`; writes --csv last. @throws InputError */
export function execErlangForecast(args: Args, flags: FlagNames, width = Infinity): string {
  if (args.forecast === undefined) {
    const given = (["shrinkage", "fteHours", "intervalMinutes", "csv"] as const).find((k) => args[k] !== undefined)!;
    throw new InputError(problem(flags[given] ?? "--csv", "goes with --forecast FILE (erlang staff --forecast)"));
  }
  if (args.model !== "staff") throw new InputError(problem("--forecast", `goes with erlang staff, not erlang ${args.model}`));
  const clash = (Object.keys(PER_QUEUE) as (keyof typeof PER_QUEUE)[]).find((k) => args[k] !== undefined);
  if (clash !== undefined) throw new InputError(problem(PER_QUEUE[clash], "not with --forecast: the file gives each interval's volume and handle time"));
  if (args.csv !== undefined) checkOutputPath("--csv", args.csv);

  const target: StaffingTarget = { thresholdSeconds: args.thresholdSeconds };
  if (args.targetSl !== undefined) target.serviceLevel = args.targetSl;
  if (args.maxAbandon !== undefined) target.maxAbandonRate = args.maxAbandon;
  if (args.maxAsaSeconds !== undefined) target.maxAsaSeconds = args.maxAsaSeconds;
  if (args.maxOccupancy !== undefined) target.maxOccupancy = args.maxOccupancy;
  const file = args.forecast;
  const result = asFlags(flags, () =>
    erlang.staffForecast(file, { target, patienceMinutes: args.patienceMinutes, intervalMinutes: args.intervalMinutes, shrinkage: args.shrinkage, fteHours: args.fteHours }),
  );
  const o = { file, shrinkage: args.shrinkage ?? 0, fteHours: args.fteHours ?? 40 };
  const t = { ...target, thresholdSeconds: args.thresholdSeconds };
  const out = args.json ? forecastStaffingJson(result, t, o) : forecastStaffingText(result, t, o, width) + fitLines(fteNote(args.fteHours, result.spanMinutes), width);
  if (args.csv !== undefined) writeOutputFile("--csv", args.csv, forecastStaffingCsv(result));
  return args.json || args.csv === undefined ? out : `${out}Wrote ${args.csv}\n`;
}

/** When the default FTE week meets a forecast that is not about a week long. */
function fteNote(fteHours: number | undefined, spanMinutes: number): string {
  const days = spanMinutes / 1440;
  if (fteHours !== undefined || (days > 4 && days <= 7)) return "";
  return `Note: the forecast covers ${spanWords(spanMinutes)} and FTE counts 40 paid hours, a full-timer's week; give --fte-hours for the hours one full-timer is paid over ${spanWords(spanMinutes)} (e.g. 8 for one day).\n`;
}
