/**
 * A pool's scheduled agent-minutes on the floor in each plan month, counted from the warm-up
 * (as the month probe counts work), walked on its roster in its own time zone (model/staffing/
 * roster.ts): the denominator of a month's occupancy before shrinkage and fill.
 */
import type { SupportConfig } from "../../model/config.js";
import { Roster } from "../../model/staffing/roster.js";
import { WeeklyPattern } from "../../model/staffing/weeklyPattern.js";
import { parseStartEpochMs } from "../../time/iso.js";
import type { PlanMonths } from "./planMonths.js";

/** Pool q's scheduled floor agent-minutes per month over [max(warm-up, month start), month end). */
export function scheduledFloorByMonth(cfg: SupportConfig, q: number, months: PlanMonths): number[] {
  const p = cfg.pools[q];
  const roster = new Roster(new WeeklyPattern(p.schedule), parseStartEpochMs(cfg.start, cfg.timeZone), p.timeZone);
  return months.labels.map((_, m) => {
    const a = Math.max(cfg.warmup, months.from[m]), b = months.to[m];
    let sum = 0, t = a;
    while (t < b) {
      roster.advance(t);
      const end = Math.min(b, roster.next);
      sum += roster.floor * (end - t);
      t = end;
    }
    return sum;
  });
}
