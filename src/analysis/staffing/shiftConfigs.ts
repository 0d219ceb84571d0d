/**
 * A shift plan as the model's shifts (ShiftConfig), for a pool's `{ type: "shifts" }` schedule.
 */
import type { ShiftConfig } from "../../model/config.js";
import { clock } from "../../time/weekClock.js";
import { formatDays } from "./daySets.js";
import { duration } from "./planText.js";
import { byStart } from "./shiftDays.js";
import type { PlannedShift, ShiftPlan } from "./shiftPlan.js";

/** The breaks of a shift for a name suffix: "(breaks after 2:00, 4:00)". */
function breakSuffix(s: PlannedShift): string {
  const word = s.breaks.length === 1 ? "break" : "breaks";
  return `(${word} after ${s.breaks.map((b) => duration(b.after)).join(", ")})`;
}

/**
 * The plan's shifts as the model's ShiftConfig[] (src/model/config.ts), ready for a
 * pool's `{ type: "shifts", shifts }` schedule: same days, start, length and agents; breaks
 * at the chosen offsets with stagger 0 (the plan already spreads breaks by choosing offsets
 * per agent). Names are `${pattern} ${days} ${HH:MM}` (days as formatDays writes them, e.g.
 * "full-time Mon-Fri 08:00"); shifts that would share a name get their break offsets appended,
 * "… 08:00 (breaks after 2:00, 4:00)" (and "#2", "#3"… should that still not separate them).
 * A shift whose start moves from day to day becomes one ShiftConfig per start (shiftDays.ts).
 * Floor coverage in the simulation is then paid − on break; the pool's shrinkage plays the
 * part of 1 − availability.
 */
export function toShiftConfigs(plan: ShiftPlan): ShiftConfig[] {
  const shifts = plan.shifts.flatMap(byStart);
  const base = shifts.map((s) => `${s.pattern} ${formatDays(s.days)} ${clock(s.start)}`);
  const count = new Map<string, number>();
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  const used = new Map<string, number>();
  return shifts.map((s, k) => {
    let name = (count.get(base[k]) as number) > 1 && s.breaks.length > 0 ? `${base[k]} ${breakSuffix(s)}` : base[k];
    const seen = (used.get(name) ?? 0) + 1;
    used.set(name, seen);
    if (seen > 1) name = `${name} #${seen}`;
    return {
      name,
      days: [...s.days],
      start: s.start,
      length: s.length,
      agents: s.agents,
      breaks: s.breaks.map((b) => ({ after: b.after, length: b.length, stagger: 0 })),
    };
  });
}
