/**
 * One planned pool's workforce in expectation over the plan's months: its starting employees'
 * curve, the curve of a hire arriving in each month (workforceCurves.ts), and its pay.
 */
import type { WorkforceConfig } from "../../model/config.js";
import { WEEK_MINUTES } from "../../time/units.js";
import type { PlanMonths } from "./planMonths.js";
import { arrivalTime, monthCurve, type MonthCurve } from "./workforceCurves.js";

export interface PoolCurves {
  pool: string;
  wf: WorkforceConfig;
  /** Salary of one employee per minute (hoursPerWeek · costPerHour / week), trainees and bench included. */
  payPerMinute: number;
  /** The starting headcount's curve (all of them, not per person). */
  base: MonthCurve;
  /** Per month j: when its hires arrive (null: none can), and one hire's curve. */
  arrival: (number | null)[];
  hire: (MonthCurve | null)[];
}

/** The curves of a pool with workforce `wf` and loaded cost `costPerHour` per paid hour. */
export function poolCurves(pool: string, wf: WorkforceConfig, costPerHour: number, months: PlanMonths): PoolCurves {
  const one = monthCurve(wf, months, -Infinity);
  const H = wf.headcount;
  const scale = (c: MonthCurve): MonthCurve => ({
    employed: c.employed.map((v) => v * H), trainees: c.trainees.map((v) => v * H), effective: c.effective.map((v) => v * H),
    leavers: c.leavers.map((v) => v * H), employedAtEnd: c.employedAtEnd.map((v) => v * H),
  });
  const arrival = months.labels.map((_, j) => arrivalTime(wf, months, j));
  return {
    pool, wf, payPerMinute: (wf.hoursPerWeek * costPerHour) / WEEK_MINUTES,
    base: scale(one),
    arrival,
    hire: arrival.map((t) => (t === null ? null : monthCurve(wf, months, t))),
  };
}
