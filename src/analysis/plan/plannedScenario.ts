/**
 * The planned scenario (docs/model.md §23.4): the scenario as written (its `extends` merged)
 * with each planned pool on its hiring calendar, ready for `supportsim run`:
 *   - workforce.hiring = { mode: "plan", plan: [{ date, hires }] } at the hires' arrival dates
 *     (a freeze date is dropped: the calendar replaces the hiring policy), the lead time kept;
 *   - workforce.headcount = the starting employees the plan counted on;
 *   - where the requirement exceeds the schedule at full fill in some month, the schedule grows
 *     by g = peak requirement / target: every `agents` of the pool (its agents, shifts or
 *     staffing-table rows) × g rounded up, and targetHeadcount = target · g, so that the
 *     workforce fills the grown schedule in proportion productive / (target · g);
 *   - the horizon ends with the plan's last month.
 * A pool without a workforce in the scenario gets one here (the defaults, §15) with the plan.
 */
import { DAY_MINUTES } from "../../time/units.js";

export interface PlannedPool {
  pool: string;
  /** Employees at the start (the plan's). */
  headcount: number;
  /** Hires: local arrival date-times ("2027-02-07T00:00") and counts (> 0). */
  plan: { date: string; hires: number }[];
  /** Schedule growth (1: none) and the target then. */
  growth: number;
  target: number;
}

type Json = Record<string, unknown>;

const ceilAgents = (v: unknown, g: number) => (typeof v === "number" ? Math.ceil(v * g - 1e-9) : v);

/** The pool named `name` in a resolved scenario's `pools` (a list, or an object keyed by name). */
function poolOf(pools: unknown, name: string): Json | undefined {
  if (Array.isArray(pools)) return pools.find((p: Json) => p?.name === name) as Json | undefined;
  if (pools !== null && typeof pools === "object") return (pools as Record<string, Json>)[name];
  return undefined;
}

/** The scenario as written with the plan applied (see the module comment); `horizon` in minutes. */
export function plannedScenario(resolved: Json, pools: readonly PlannedPool[], horizon: number): Json {
  const out = structuredClone(resolved);
  for (const p of pools) {
    const pool = poolOf(out.pools, p.pool);
    if (pool === undefined) continue;
    if (p.growth > 1) {
      if (pool.agents !== undefined) pool.agents = ceilAgents(pool.agents, p.growth);
      for (const key of ["shifts", "staffingTable"]) {
        const rows = pool[key];
        if (Array.isArray(rows)) for (const r of rows as Json[]) r.agents = ceilAgents(r.agents, p.growth);
      }
    }
    const wf = (pool.workforce ?? {}) as Json;
    const hiring: Json = { ...((wf.hiring ?? {}) as Json), mode: "plan", plan: p.plan };
    delete hiring.freezeFrom;
    pool.workforce = { ...wf, headcount: p.headcount, ...(p.growth > 1 ? { targetHeadcount: Number(p.target.toFixed(4)) } : {}), hiring };
  }
  const h = { ...((out.horizon ?? {}) as Json) };
  delete h.hours;
  h.days = Number((horizon / DAY_MINUTES).toFixed(6));
  out.horizon = h;
  if (typeof out.name === "string") out.name = `${out.name} (hiring planned by supportsim plan)`;
  return out;
}
