/** The staffing search's defaults (a module of its own: the command line shows them in its help without loading the search). */
import { FTE_HOURS_PER_WEEK } from "../../kpi/fteHours.js";

/**
 * Defaults of the options the staffing search takes (staffOptions.ts). `backOfficePartTimeShare`:
 * without --max-part-time-share, a pool with no live work (tickets, escalations, e-mail only: the
 * search measured no real-time contact offered to it) plans at most this share of its agents on
 * part-time patterns [A]. Part-time shifts exist to follow live demand's intraday peaks; a ticket
 * queue waits for the next agent, and second- and third-line specialists (engineers) are hired
 * full-time: a plan of 21 four-hour engineers is not one a support leader would staff. Half, not
 * less: a tighter cap cost the baseline's L2 far more paid hours (docs/shift-patterns.md). A pool with
 * live work (phone, chat) has no default limit. `reserveForLive`: the agents a blended pool is sized
 * with kept idle for live work while deferred work waits, unless its scenario sets its own
 * (liveReserve.ts; docs/model.md §14.5 for the measurement behind 2).
 */
export const STAFF_DEFAULTS = { response: 0.9, maxRuns: 150, fteHours: FTE_HOURS_PER_WEEK, backOfficePartTimeShare: 0.5, reserveForLive: 2 } as const;

/** The part-time share limit of one pool's plan: the option when given, else the back-office default for a pool with no live work (`serviceLevel` null), else none. */
export function partTimeShareOf(option: number | undefined, pool: { serviceLevel: number | null }): number | undefined {
  return option ?? (pool.serviceLevel === null ? STAFF_DEFAULTS.backOfficePartTimeShare : undefined);
}

/**
 * How a pool's requirement is covered by its shift plan (ShiftPlanInput.cover) [A]: a pool with
 * no live work (`serviceLevel` null: tickets, escalations, e-mail) per quarter day, its floor
 * hours over each 2–2.5 hours: its targets are judged over the day (the occupancy cap on all
 * work) and the week (the response target, hours), so the search's split of a quarter's agents
 * between its intervals is one of many that meet them, and covering it interval by interval pays
 * for its noise. Not per day or half day: a day's agents lumped at its middle leave the
 * evening's tickets to the next day, whose occupancy then breaks the cap, and a plan short by 4
 * agents at 17:30 is not one a planner would believe (docs/shift-patterns.md). Pools with live
 * work: interval by interval.
 */
export function coverOf(pool: { serviceLevel: number | null }): "interval" | "quarterDay" {
  return pool.serviceLevel === null ? "quarterDay" : "interval";
}
