/**
 * Shift patterns fitted to a pool's working week.
 */
import { DAY_MINUTES } from "../../time/units.js";
import { daySetsOf, type ShiftPattern } from "./shiftPattern.js";

/**
 * The patterns narrowed to a pool's working week (`open` per interval of the week, Monday
 * 00:00 first):
 * - hours: when the pool is closed at the same time every day, a shift may start no earlier
 *   than the earliest opening and must end by the latest closing, so the plan does not pay for
 *   hours the pool cannot work (and does not widen its hours); starts stay on each pattern's
 *   grid. Skipped when the pool is open around the clock on some day.
 * - days [A]: when the pool is closed whole days of the week (the baseline's weekend), a shift
 *   works only days the pool opens: nobody is rostered on a day the team is closed. The days
 *   off of a pattern with consecutive days off may then fall on any open days: the closed days
 *   are a rest every agent has (the rule of consecutive days off gives agents a weekend, which
 *   the pool's closing already does), so a 4x10 in a Monday–Friday team has any one weekday
 *   off, as compressed-week rosters do, instead of working Friday to Monday to even out
 *   Monday's and Friday's cover while paid for Saturday and Sunday.
 * A pattern that no longer fits is dropped. Returns the patterns unchanged when the pool is
 * closed all week, or when nothing would fit.
 */
export function fitPatterns(patterns: readonly ShiftPattern[], open: ArrayLike<number>, intervalMinutes: number): ShiftPattern[] {
  const perDay = DAY_MINUTES / intervalMinutes;
  let first = perDay, last = -1;
  const openDays: number[] = [];
  for (let d = 0; d < 7; d++) {
    let any = false;
    for (let k = 0; k < perDay; k++) {
      if (!open[d * perDay + k]) continue;
      any = true;
      if (k < first) first = k;
      if (k > last) last = k;
    }
    if (any) openDays.push(d);
  }
  if (last < 0) return [...patterns];
  const aroundTheClock = first === 0 && last === perDay - 1;
  const from = first * intervalMinutes, to = (last + 1) * intervalMinutes;
  const out: ShiftPattern[] = [];
  for (const p of patterns) {
    let q: ShiftPattern = { ...p };
    if (!aroundTheClock) {
      const lo = Math.max(p.earliestStart, from), hi = Math.min(p.latestStart, to - p.length);
      // first and last starts on the pattern's own grid within [lo, hi]
      const e = p.earliestStart + Math.ceil((lo - p.earliestStart) / p.step) * p.step;
      const l = p.earliestStart + Math.floor((hi - p.earliestStart) / p.step) * p.step;
      if (l < e) continue;
      q = { ...q, earliestStart: e, latestStart: l };
    }
    if (openDays.length < 7) {
      const fitted = onOpenDays(q, openDays);
      if (fitted === undefined) continue;
      q = fitted;
    }
    out.push(q);
  }
  return out.length > 0 ? out : [...patterns];
}

/** Pattern q working only `openDays` (see fitPatterns): its day sets kept to those days; undefined when none is left. */
function onOpenDays(q: ShiftPattern, openDays: readonly number[]): ShiftPattern | undefined {
  const isOpen = (d: number): boolean => openDays.includes(d);
  if (q.daysOn !== undefined && q.daysOn > openDays.length) return undefined;
  // with daysOn: any daysOn of the open days (the closed days are the shared rest)
  const sets = daySetsOf(q.daysOn !== undefined ? { ...q, anyDaysOff: true } : q).filter((s) => s.every(isOpen));
  if (sets.length === 0) return undefined;
  if (q.daysOn === undefined) return { ...q, daySets: sets };
  const { daysOn: _on, anyDaysOff: _any, ...rest } = q;
  return { ...rest, daySets: sets };
}
