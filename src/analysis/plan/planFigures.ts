/**
 * A hiring calendar's expected figures per pool and month (docs/model.md §23.2), from the
 * workforce curves (poolCurves.ts): effective productive FTE (the capacity), employed
 * (headcount, the month's mean), trainees, leavers, paid FTE and cost. Paid FTE is the
 * headcount (every employee is paid hoursPerWeek: on the schedule, in training or on the
 * bench; the model pays the schedule's own hours, within an FTE of this); salaries are
 * paid FTE × hoursPerWeek × the loaded cost per hour; hiring is hires × costPerHire.
 */
import type { PlanMonths } from "./planMonths.js";
import type { PoolCurves } from "./poolCurves.js";

export interface PoolMonth {
  month: string;
  /** Required productive FTE (fully proficient) and expected effective productive FTE. */
  requirement: number;
  capacity: number;
  /** Requirement − capacity where positive, after the hiring program (the shortfall it had to accept). */
  shortfall: number;
  hires: number;
  /** Expected leavers, mean employed (headcount), in training, productive, paid FTE, employed at the month's end. */
  leavers: number;
  headcount: number;
  trainees: number;
  productive: number;
  paidFte: number;
  headcountEnd: number;
  /** Expected cost: salaries, hiring. */
  salaries: number;
  hiring: number;
}

/** The expected figures of `hires` (per month) for one pool. */
export function poolMonths(p: PoolCurves, hires: readonly number[], requirement: readonly number[], months: PlanMonths): PoolMonth[] {
  return months.labels.map((month, m) => {
    const sum = (f: (c: PoolCurves["base"]) => number[]) => f(p.base)[m] + p.hire.reduce((s, c, j) => (c === null ? s : s + hires[j] * f(c)[m]), 0);
    const headcount = sum((c) => c.employed), trainees = sum((c) => c.trainees), capacity = sum((c) => c.effective);
    const len = months.to[m] - months.from[m];
    return {
      month, requirement: requirement[m], capacity, shortfall: Math.max(0, requirement[m] - capacity), hires: hires[m],
      leavers: sum((c) => c.leavers), headcount, trainees, productive: headcount - trainees, paidFte: headcount, headcountEnd: sum((c) => c.employedAtEnd),
      salaries: p.payPerMinute * headcount * len, hiring: hires[m] * p.wf.costPerHire,
    };
  });
}
