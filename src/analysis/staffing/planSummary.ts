/**
 * The requirement, the shift plan and the scenario's current schedule side by side, per sized
 * pool and in total: paid hours, FTE and cost per week, and each schedule's coverage against the
 * requirement (floor hours above it, and below it, per week).
 *
 * Coverage of a schedule in interval i is availability × (its agents on the floor, averaged
 * over the interval), as the plan's (shiftPlan.ts); the current schedule is the pool's
 * `schedule` in the scenario (its own weekly shifts or table, local time). Cost is paid hours ×
 * the pool's cost per hour, as the requirement's.
 */
import { WeeklyPattern } from "../../model/staffing/weeklyPattern.js";
import type { SupportConfig } from "../../model/config.js";
import { HOUR_MINUTES } from "../../time/units.js";
import type { ShiftPlan } from "./shiftPlan.js";
import type { PoolRequirement, StaffingSolution } from "./solution.js";

/** One column: paid hours, FTE and cost per week, and coverage against the requirement (floor hours per week). */
export interface SummaryColumn {
  paidHoursPerWeek: number;
  fte: number;
  costPerWeek: number;
  /** Floor hours above the requirement, and below it (null for the requirement itself). */
  surplusHours: number | null;
  shortfallHours: number | null;
}

export interface SummaryRow {
  /** The pool's name, or "total". */
  pool: string;
  requirement: SummaryColumn;
  /** Null without shifts. */
  plan: SummaryColumn | null;
  current: SummaryColumn;
}

/** Floor agents per interval of the week of a schedule, × availability. */
function scheduleCoverage(schedule: SupportConfig["pools"][number]["schedule"], availability: number, I: number, L: number): number[] {
  const out = new Array<number>(I).fill(0);
  for (const s of new WeeklyPattern(schedule).segments()) {
    for (let i = Math.floor(s.start / L); i < I && i * L < s.end; i++) {
      const overlap = Math.min(s.end, (i + 1) * L) - Math.max(s.start, i * L);
      if (overlap > 0) out[i] += (availability * s.floor * overlap) / L;
    }
  }
  return out;
}

function column(p: PoolRequirement, paidHours: number, coverage: readonly number[] | null, fteHours: number, L: number): SummaryColumn {
  let surplus = 0, shortfall = 0;
  if (coverage !== null) {
    p.intervals.forEach((iv, i) => {
      const d = coverage[i] - iv.required;
      if (d > 0) surplus += (d * L) / HOUR_MINUTES;
      else shortfall += (-d * L) / HOUR_MINUTES;
    });
  }
  return {
    paidHoursPerWeek: paidHours, fte: paidHours / fteHours, costPerWeek: paidHours * p.costPerHour,
    surplusHours: coverage === null ? null : surplus, shortfallHours: coverage === null ? null : shortfall,
  };
}

function add(a: SummaryColumn, b: SummaryColumn): SummaryColumn {
  const sum = (x: number | null, y: number | null) => (x === null || y === null ? null : x + y);
  return {
    paidHoursPerWeek: a.paidHoursPerWeek + b.paidHoursPerWeek, fte: a.fte + b.fte, costPerWeek: a.costPerWeek + b.costPerWeek,
    surplusHours: sum(a.surplusHours, b.surplusHours), shortfallHours: sum(a.shortfallHours, b.shortfallHours),
  };
}

/** The rows per sized pool, then the total. */
export function planSummary(cfg: SupportConfig, sol: StaffingSolution, plans: readonly (ShiftPlan | null)[], fteHours: number): SummaryRow[] {
  const L = sol.intervalMinutes, I = sol.intervalsPerWeek;
  const rows: SummaryRow[] = sol.pools.map((p, k) => {
    const pool = cfg.pools.find((q) => q.name === p.pool);
    const week = pool === undefined ? undefined : new WeeklyPattern(pool.schedule);
    const currentPaid = week === undefined ? 0 : week.paidMinutesPerWeek / HOUR_MINUTES;
    const currentCoverage = pool === undefined ? new Array<number>(I).fill(0) : scheduleCoverage(pool.schedule, p.availability, I, L);
    const plan = plans[k];
    return {
      pool: p.pool,
      requirement: column(p, p.paidHoursPerWeek, null, fteHours, L),
      plan: plan ? column(p, plan.paidHoursPerWeek, plan.coverage, fteHours, L) : null,
      current: column(p, currentPaid, currentCoverage, fteHours, L),
    };
  });
  if (rows.length > 0) {
    const total = rows.slice(1).reduce<SummaryRow>((t, r) => ({
      pool: "total",
      requirement: add(t.requirement, r.requirement),
      plan: t.plan === null || r.plan === null ? null : add(t.plan, r.plan),
      current: add(t.current, r.current),
    }), { ...rows[0], pool: "total" });
    rows.push(total);
  }
  return rows;
}
