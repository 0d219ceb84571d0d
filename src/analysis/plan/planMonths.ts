/**
 * The months of a budget-year plan (docs/model.md §23): the first `count` local calendar months
 * of the scenario (time/months.ts MonthClock), the first from the scenario's start (t = 0, not
 * its calendar start) and the plan's horizon the end of the last. Month m is [from[m], to[m]).
 */
import { MonthClock } from "../../time/months.js";
import { parseStartEpochMs } from "../../time/iso.js";
import { DAY_MINUTES } from "../../time/units.js";

/** The most months a plan covers (five years). */
export const MAX_PLAN_MONTHS = 60;

export interface PlanMonths {
  count: number;
  /** "YYYY-MM" per month. */
  labels: string[];
  /** Start of month m on the simulation axis (t, minutes; the first is 0). */
  from: number[];
  /** End of month m (exclusive). */
  to: number[];
  /** The whole calendar month's length (the first month may start before t = 0), minutes. */
  calendarLength: number[];
  /** The plan's horizon: the end of the last month. */
  horizon: number;
}

/** The first `count` months from `start` (ISO local date-time) in `timeZone`. */
export function planMonths(start: string, timeZone: string, count: number): PlanMonths {
  const clock = new MonthClock(parseStartEpochMs(start, timeZone), timeZone, (count + 1) * 31 * DAY_MINUTES);
  const labels: string[] = [], from: number[] = [], to: number[] = [], calendarLength: number[] = [];
  for (let m = 0; m < count; m++) {
    labels.push(clock.label(m));
    from.push(Math.max(0, clock.start(m)));
    to.push(clock.end(m));
    calendarLength.push(clock.length(m));
  }
  return { count, labels, from, to, calendarLength, horizon: to[count - 1] };
}

/** The plan month containing t (from[m] <= t < to[m]), or −1. */
export function planMonthOf(months: PlanMonths, t: number): number {
  if (!(t >= months.from[0] && t < months.horizon)) return -1;
  let lo = 0, hi = months.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (months.from[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
