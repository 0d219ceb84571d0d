/**
 * The end-to-end check of a hiring calendar (docs/model.md §23.4): the planned scenario (its
 * real workforce model: random leavers, the hires arriving on their dates, training, the ramp)
 * simulated on fresh seeds (staffing/checkSeed.ts), and per planned pool and month each
 * target's figure with its 95% interval and whether the month passes (monthFigures.ts
 * passesCheck: the interval reaches the target). Also the measured cost per category and
 * month, and the hires and leavers, averaged over the replications.
 */
import type { SupportConfig } from "../../model/config.js";
import type { StaffingTargets } from "../staffing/targets.js";
import type { MonthCounts } from "./monthProbe.js";
import { meansMeetTargets, monthFigures, passesCheck, type MonthFigures } from "./monthFigures.js";
import type { PlanMonths } from "./planMonths.js";

export interface CheckedMonth extends MonthFigures {
  month: string;
  /** The 95% interval reaches every target (the check's rule). */
  passed: boolean;
  /** Every figure's mean meets its target (a month that passes only by its interval's width is not this). */
  meanMet: boolean;
}

export interface PlanCheck {
  seed: string;
  replications: number;
  /** Per planned pool, per month. */
  pools: { pool: string; months: CheckedMonth[]; hires: number; leavers: number }[];
  /** Mean cost per category (the ledger's: each pool's labour, then contacts, hiring, …) and month. */
  costs: { category: string; byMonth: number[] }[];
  passed: boolean;
}

/**
 * Judge the planned configuration's replications `counts`; `floorMinutes(k, m)`: planned pool
 * k's expected agent-minutes on the floor in month m (for occupancy).
 */
export function judgeCheck(cfg: SupportConfig, counts: readonly MonthCounts[], planned: readonly number[], months: PlanMonths, targets: StaffingTargets, seed: string, floorMinutes: (k: number, m: number) => number): PlanCheck {
  const M = months.count, R = counts.length;
  const pools = planned.map((q, k) => {
    const rows = months.labels.map((month, m) => {
      const f = monthFigures(counts, q, m, M, () => floorMinutes(k, m));
      return { month, ...f, passed: passesCheck(f, targets), meanMet: meansMeetTargets(f, targets) };
    });
    const mean = (a: (c: MonthCounts) => number) => counts.reduce((s, c) => s + a(c), 0) / R;
    return { pool: cfg.pools[q].name, months: rows, hires: mean((c) => c.hires[q]), leavers: mean((c) => c.leavers[q]) };
  });
  const categories = counts[0].categories;
  const costs = categories.map((category, i) => ({ category, byMonth: months.labels.map((_, m) => counts.reduce((s, c) => s + c.costs[i * M + m], 0) / R) }));
  return { seed, replications: R, pools, costs, passed: pools.every((p) => p.months.every((x) => x.passed)) };
}
