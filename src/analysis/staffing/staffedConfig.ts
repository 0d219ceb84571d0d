/**
 * The scenario as the staffing search simulates it: the sized pools staffed by a weekly table
 * of whole agents on the floor per interval, and the intervals a pool's own schedule is open.
 */
import { WeeklyPattern } from "../../model/staffing/weeklyPattern.js";
import type { StaffingRow, SupportConfig, SupportPoolConfig } from "../../model/config.js";
import { DAY_MINUTES, WEEK_MINUTES } from "../../time/units.js";

/** The weekly table rows of whole agents per interval (one row per run of equal values within a day). */
export function tableRows(x: ArrayLike<number>, intervalMinutes: number): StaffingRow[] {
  const perDay = DAY_MINUTES / intervalMinutes, rows: StaffingRow[] = [];
  for (let d = 0; d < 7; d++) {
    let k = 0;
    while (k < perDay) {
      const v = x[d * perDay + k];
      let e = k + 1;
      while (e < perDay && x[d * perDay + e] === v) e++;
      if (v > 0) rows.push({ days: [d], open: k * intervalMinutes, close: e * intervalMinutes, agents: v });
      k = e;
    }
  }
  return rows;
}

/** Which intervals of the week a schedule has someone on the floor in (at any moment of the interval). */
export function openIntervals(pool: SupportPoolConfig, intervalMinutes: number): Uint8Array {
  const I = WEEK_MINUTES / intervalMinutes, open = new Uint8Array(I);
  for (const s of new WeeklyPattern(pool.schedule).segments()) {
    if (s.floor <= 0) continue;
    for (let i = Math.floor(s.start / intervalMinutes); i < Math.min(I, Math.ceil(s.end / intervalMinutes)); i++) open[i] = 1;
  }
  return open;
}

/** The scenario with the sized pools staffed by `x` (floor agents) and the simulation simplifications of the module comment. */
export function configWith(cfg: SupportConfig, sized: readonly number[], x: readonly Int32Array[], intervalMinutes: number): SupportConfig {
  const pools = cfg.pools.map((p, q) => {
    const k = sized.indexOf(q);
    return k < 0 ? p : { ...onTable(p, x[k], intervalMinutes), shrinkage: 0 };
  });
  const out: SupportConfig = { ...cfg, pools };
  if (cfg.kcs) out.kcs = { ...cfg.kcs, articleTime: cfg.kcs.articleTime.map(() => 0) };
  return out;
}

/**
 * The pool working a weekly table of `agents` scheduled per interval (whole for the search,
 * fractional paid agents for an equal-service comparison), without its workforce model: its
 * slots the table's most agents, its hours the table's spans.
 */
export function onTable(p: SupportPoolConfig, agents: ArrayLike<number>, intervalMinutes: number): SupportPoolConfig {
  const schedule = { type: "table" as const, rows: tableRows(agents, intervalMinutes) };
  const pattern = new WeeklyPattern(schedule);
  const out: SupportPoolConfig = { ...p, schedule, agents: Math.ceil(pattern.maxFloor) };
  delete out.workforce;
  const hours = pattern.staffedHours();
  if (hours === undefined) delete out.hours;
  else out.hours = hours;
  return out;
}
