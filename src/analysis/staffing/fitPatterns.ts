/**
 * Shift patterns fitted to a pool's working day.
 */
import { DAY_MINUTES } from "../../time/units.js";
import type { ShiftPattern } from "./shiftPattern.js";

/**
 * The patterns narrowed to a pool's working day: when a pool is closed at the same time every
 * day (`open` per interval of the week, Monday 00:00 first), a shift may start no earlier than
 * the earliest opening and must end by the latest closing, so the plan does not pay for hours
 * the pool cannot work (and does not widen its hours). Starts stay on each pattern's grid; a
 * pattern that no longer fits is dropped. Returns the patterns unchanged when the pool is open
 * around the clock on some day, or when nothing would fit.
 */
export function fitPatterns(patterns: readonly ShiftPattern[], open: ArrayLike<number>, intervalMinutes: number): ShiftPattern[] {
  const perDay = DAY_MINUTES / intervalMinutes;
  let first = perDay, last = -1;
  for (let d = 0; d < 7; d++) {
    for (let k = 0; k < perDay; k++) {
      if (!open[d * perDay + k]) continue;
      if (k < first) first = k;
      if (k > last) last = k;
    }
  }
  if (last < 0 || (first === 0 && last === perDay - 1)) return [...patterns];
  const from = first * intervalMinutes, to = (last + 1) * intervalMinutes;
  const out: ShiftPattern[] = [];
  for (const p of patterns) {
    const lo = Math.max(p.earliestStart, from), hi = Math.min(p.latestStart, to - p.length);
    // first and last starts on the pattern's own grid within [lo, hi]
    const e = p.earliestStart + Math.ceil((lo - p.earliestStart) / p.step) * p.step;
    const l = p.earliestStart + Math.floor((hi - p.earliestStart) / p.step) * p.step;
    if (l >= e) out.push({ ...p, earliestStart: e, latestStart: l });
  }
  return out.length > 0 ? out : [...patterns];
}
