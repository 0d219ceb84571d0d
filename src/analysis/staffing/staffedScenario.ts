/**
 * The staffed scenario: the scenario file with each sized pool's schedule replaced by the
 * shifts planned for it, ready to run.
 */
import { HOUR_MINUTES } from "../../time/units.js";
import { formatDays } from "./daySets.js";
import { hhmm } from "./planText.js";
import { byStart } from "./shiftDays.js";
import type { PoolPlans } from "./shiftPlan.js";
import type { StaffingSolution } from "./solution.js";

/**
 * The scenario (resolved, in file form) with each sized pool's schedule replaced by its shifts
 * (a shift whose start moves from day to day: one per start):
 * run it with `supportsim run` to see the plan with shrinkage, breaks and the rest of the model.
 */
export function staffedScenario(resolved: Record<string, unknown>, sol: StaffingSolution, plans: PoolPlans): Record<string, unknown> {
  const out = structuredClone(resolved);
  const pools = out.pools as Record<string, unknown>[];
  sol.pools.forEach((p, k) => {
    const plan = plans[k];
    if (!plan) return;
    const pool = pools.find((x) => x.name === p.pool);
    if (!pool) return;
    delete pool.agents;
    delete pool.hours;
    delete pool.staffingTable;
    // the plan is the staffing a planner keeps filled, as the search sized it (no workforce
    // dynamics: solver.ts); the pool's attrition and hiring would thin it (hiring-freeze's 40 %
    // a year left L2 answering 62 % of its tickets within 24 h) — `plan` sizes the hiring
    delete pool.workforce;
    if (p.reserveForLive > 0) pool.reserveForLive = p.reserveForLive; // the routing it was sized with
    const names = new Map<string, number>();
    pool.shifts = plan.shifts.flatMap(byStart).map((s) => {
      let name = `${s.pattern} ${formatDays(s.days)} ${hhmm(s.start)}`;
      const seen = names.get(name) ?? 0;
      names.set(name, seen + 1);
      if (seen > 0) name += ` #${seen + 1}`;
      const shift: Record<string, unknown> = { name, days: formatDays(s.days), start: hhmm(s.start), lengthHours: s.length / HOUR_MINUTES, agents: s.agents };
      if (s.breaks.length > 0) shift.breaks = s.breaks.map((b) => ({ afterHours: b.after / HOUR_MINUTES, minutes: b.length, staggerMinutes: 0 }));
      return shift;
    });
  });
  if (typeof out.name === "string") out.name = `${out.name} (staffed by supportsim staff)`;
  return out;
}
