/**
 * The spreadsheet path (`erlang staff --forecast`, docs/model.md §22): a per-interval forecast
 * sized analytically, no simulation. In each interval of length T minutes with volume V and
 * handle time h:
 *
 *   λ = V · 60 / T per hour,  N = min { c ≥ 1 : every target met at c }
 *
 * by the staffing inverse (src/analytic/staffingInverses.ts: Erlang C, or Erlang A when the
 * interval has a patience), and the measures at N − 2 … N + 3 agents around it (the planner's
 * what-if columns; none below 1 agent). An interval with no volume needs nobody: N = 0.
 * Then, over the forecast:
 *
 *   floor hours = Σ N · T / 60,   paid hours = floor hours / (1 − shrinkage),   FTE = paid hours / fteHours.
 */
import { erlangA, erlangC, staffErlangA, staffErlangC, type QueueMetrics, type StaffingTarget } from "../analytic/index.js";
import { csvError } from "../forecast/csvTable.js";
import type { ForecastInterval, IntervalForecast } from "../forecast/intervalForecast.js";

/** The agents around N at which the measures are shown: N − 2 … N + 3. */
export const AROUND = [-2, -1, 0, 1, 2, 3] as const;

export interface ForecastStaffingOptions {
  /** Every target must hold in every interval (`thresholdSeconds` set). */
  readonly target: StaffingTarget & { thresholdSeconds: number };
  /** Mean patience, minutes, for the intervals whose row gives none (then every interval is Erlang A). */
  readonly patienceMinutes?: number;
  /** Share of paid time not on the floor, in [0, 1). */
  readonly shrinkage: number;
  /** Paid hours of one full-time employee over the forecast's period. */
  readonly fteHours: number;
}

/** One interval's answer. */
export interface IntervalStaffing {
  readonly start: string;
  readonly volume: number;
  readonly ahtSeconds?: number;
  readonly patienceSeconds?: number;
  /** Offered load a = λ · h, Erlangs. */
  readonly offeredLoadErlangs: number;
  /** The fewest agents meeting every target (0: no volume). */
  readonly agents: number;
  /** The measures at N + AROUND[i] agents (undefined: below 1 agent, or no volume). */
  readonly around: readonly (QueueMetrics | undefined)[];
  /** N · T / 60. */
  readonly floorHours: number;
  /** floorHours / (1 − shrinkage). */
  readonly paidHours: number;
}

export interface ForecastStaffing {
  readonly model: "erlang-c" | "erlang-a";
  readonly intervalMinutes: number;
  /** From the first start to the last interval's end, minutes. */
  readonly spanMinutes: number;
  readonly intervals: readonly IntervalStaffing[];
  readonly totals: {
    readonly volume: number;
    readonly peakAgents: number;
    readonly floorHours: number;
    readonly paidHours: number;
    readonly fte: number;
  };
}

/** Size every interval of `forecast`. @throws InputError naming the row of a target no staffing meets, or a row without the patience Erlang A needs */
export function staffForecast(forecast: IntervalForecast, options: ForecastStaffingOptions): ForecastStaffing {
  const erlangAModel = forecast.hasPatience || options.patienceMinutes !== undefined;
  const hours = forecast.intervalMinutes / 60;
  const intervals = forecast.intervals.map((row) => {
    const one = sizeInterval(row, forecast, options, erlangAModel);
    const floorHours = one.agents * hours;
    return { ...one, floorHours, paidHours: floorHours / (1 - options.shrinkage) };
  });
  const floorHours = intervals.reduce((s, r) => s + r.floorHours, 0);
  const paidHours = floorHours / (1 - options.shrinkage);
  const rows = forecast.intervals;
  return {
    model: erlangAModel ? "erlang-a" : "erlang-c",
    intervalMinutes: forecast.intervalMinutes,
    spanMinutes: rows[rows.length - 1].startMinutes + forecast.intervalMinutes - rows[0].startMinutes,
    intervals,
    totals: {
      volume: intervals.reduce((s, r) => s + r.volume, 0),
      peakAgents: intervals.reduce((m, r) => Math.max(m, r.agents), 0),
      floorHours,
      paidHours,
      fte: paidHours / options.fteHours,
    },
  };
}

function sizeInterval(row: ForecastInterval, forecast: IntervalForecast, options: ForecastStaffingOptions, erlangAModel: boolean): Omit<IntervalStaffing, "floorHours" | "paidHours"> {
  const base = { start: row.label, volume: row.volume, ahtSeconds: row.ahtSeconds };
  if (row.volume === 0 || row.ahtSeconds === undefined) return { ...base, offeredLoadErlangs: 0, agents: 0, around: AROUND.map(() => undefined) };
  const patienceMinutes = row.patienceSeconds !== undefined ? row.patienceSeconds / 60 : options.patienceMinutes;
  const where = { file: forecast.file, line: row.line };
  if (erlangAModel && patienceMinutes === undefined) {
    throw csvError({ ...where, column: "patience_seconds" }, "expected a number > 0 (seconds): with patience the intervals are sized with Erlang A, which needs one for every interval (in this column, or a default patience)");
  }
  const load = { ratePerHour: (row.volume * 60) / forecast.intervalMinutes, ahtMinutes: row.ahtSeconds / 60, patienceMinutes, thresholdSeconds: options.target.thresholdSeconds };
  let agents: number;
  try {
    agents = (erlangAModel ? staffErlangA(load, options.target) : staffErlangC(load, options.target)).agents;
  } catch (e) {
    if (e instanceof Error && !(e instanceof TypeError)) throw csvError(where, e.message.replace(/^staffErlang[AC]: /, ""));
    throw e;
  }
  const at = (c: number) => (c < 1 ? undefined : erlangAModel ? erlangA({ ...load, agents: c }) : erlangC({ ...load, agents: c }));
  return {
    ...base,
    ...(patienceMinutes !== undefined && erlangAModel ? { patienceSeconds: patienceMinutes * 60 } : {}),
    offeredLoadErlangs: (load.ratePerHour / 60) * load.ahtMinutes,
    agents,
    around: AROUND.map((k) => at(agents + k)),
  };
}
