/**
 * A pool's schedule in model units (minutes): shifts (with staggered breaks), a weekly staffing
 * table, or agents with optional opening hours; read by the cross-field checks (the staffing
 * model's `scheduleProblems`) and by the builder.
 */
import type { PoolSchedule, ShiftConfig } from "../../model/config.js";
import { parseClock, parseDays } from "../../time/weekClock.js";
import { HOUR_MINUTES } from "../../time/units.js";
import { SUPPORT_DEFAULTS } from "./defaults.js";
import { weeklyHours } from "./hours.js";
import type { PoolShape } from "./schema/scenario.js";

/**
 * A pool's schedule in model units (minutes): shifts, a staffing table, or agents with
 * optional opening hours (undefined: around the clock). Expects the fields to be valid.
 * @throws RangeError for a pool with no schedule.
 */
export function poolSchedule(p: Pick<PoolShape, "name" | "agents" | "hours" | "shifts" | "staffingTable">): PoolSchedule {
  if (p.shifts !== undefined) {
    return {
      type: "shifts",
      shifts: p.shifts.map(
        (sh): ShiftConfig => ({
          name: sh.name,
          days: parseDays(sh.days),
          start: parseClock(sh.start),
          length: sh.lengthHours * HOUR_MINUTES,
          agents: sh.agents,
          breaks: (sh.breaks ?? []).map((b) => ({ after: b.afterHours * HOUR_MINUTES, length: b.minutes, stagger: b.staggerMinutes ?? SUPPORT_DEFAULTS.shift.staggerMinutes })),
        }),
      ),
    };
  }
  if (p.staffingTable !== undefined) {
    return { type: "table", rows: p.staffingTable.map((r) => ({ days: parseDays(r.days), open: parseClock(r.open), close: parseClock(r.close), agents: r.agents })) };
  }
  if (p.agents === undefined) throw new RangeError(`pool "${p.name}": expected a schedule (agents, shifts or staffingTable), got none`);
  const out: PoolSchedule = { type: "hours", agents: p.agents };
  const hours = weeklyHours(p.hours);
  if (hours !== undefined) out.hours = hours;
  return out;
}
