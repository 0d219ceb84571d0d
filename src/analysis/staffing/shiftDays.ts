/**
 * The days of a planned shift grouped by start: a shift whose start moves from day to day (a
 * pattern with a start band) is, for the model and the scenario file, one shift per start with
 * the days that start then (same agents, length and breaks).
 */
import type { PlannedShift } from "./shiftPlan.js";

/** The shift's days grouped by start, in the order of each group's first day. */
export function startGroups(s: PlannedShift): { days: number[]; start: number }[] {
  const starts = s.starts ?? s.days.map(() => s.start);
  const groups = new Map<number, number[]>();
  s.days.forEach((d, k) => {
    const g = groups.get(starts[k]);
    if (g === undefined) groups.set(starts[k], [d]);
    else g.push(d);
  });
  return [...groups.entries()].map(([start, days]) => ({ days, start }));
}

/** The shift split into one shift per start (the shift itself when every day starts alike). */
export function byStart(s: PlannedShift): PlannedShift[] {
  if (s.starts === undefined) return [s];
  return startGroups(s).map((g) => {
    const { starts: _starts, ...rest } = s;
    return { ...rest, days: g.days, start: g.start };
  });
}
