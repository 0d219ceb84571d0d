/**
 * Local calendar months on the simulation axis (`MonthClock`): the months of money (costs,
 * revenue, fees per month) and of the monthly report.
 *
 * A month is a LOCAL calendar month in the scenario's IANA time zone, from local midnight of
 * its first day to local midnight of the next month's first day, as instants; so a month with
 * a daylight-saving change is an hour shorter or longer (March 2027 in Chicago:
 * 31 · 1440 − 60 = 44,580 minutes). `MonthClock` lists every month whose span meets
 * [0, horizon) (at least the month containing t = 0, also for horizon 0). The FIRST MONTH
 * KEEPS ITS TRUE START, which is before t = 0 unless the scenario starts at local midnight of a
 * 1st: `start(0)` may be negative and `length(0)` is always the whole calendar month. Likewise
 * the last month keeps its true end (after the horizon). What that means for amounts booked
 * per month is the ledger's concern (model/costs.ts).
 *
 * Queries (`monthOf`) move a cursor from the last answer, falling back to a binary search:
 * they do not allocate.
 */
import { MINUTE_MS } from "./units.js";
import { TimeZoneClock, utcMs } from "./zone.js";
import { parseStartEpochMs } from "./iso.js";

/** A limit on the number of months (about 1,000 years), against a runaway horizon. */
const MAX_MONTHS = 12_000;
/** Months the cursor walks before falling back to a binary search. */
const LINEAR_STEPS = 4;

function describe(v: unknown): string {
  return typeof v === "number" ? String(v) : typeof v === "string" ? JSON.stringify(v) : typeof v;
}

/** Local calendar months on the simulation axis (t in minutes since the scenario start). */
export class MonthClock {
  /** Number of months. */
  readonly count: number;
  /** Labels "YYYY-MM" of the local months, in order. */
  readonly labels: readonly string[];
  /** Month starts (t, minutes), then the end of the last month: count + 1 values. */
  private readonly bounds: Float64Array;
  private cursor = 0;

  /**
   * @param startEpochMs the scenario start (t = 0) as epoch milliseconds (`parseStartEpochMs`).
   * @param timeZone the scenario's IANA time zone.
   * @param horizonMinutes the simulated span (>= 0).
   * @throws RangeError for a bad start, horizon or time zone.
   */
  constructor(startEpochMs: number, timeZone: string, horizonMinutes: number) {
    if (typeof startEpochMs !== "number" || !Number.isFinite(startEpochMs)) {
      throw new RangeError(`months: start: expected finite epoch milliseconds, got ${describe(startEpochMs)}`);
    }
    if (typeof horizonMinutes !== "number" || !Number.isFinite(horizonMinutes) || horizonMinutes < 0) {
      throw new RangeError(`months: horizon: expected a finite number of minutes >= 0, got ${describe(horizonMinutes)}`);
    }
    const clock = new TimeZoneClock(timeZone);
    const local = new Date(clock.local(startEpochMs).localMs);
    let year = local.getUTCFullYear();
    let month = local.getUTCMonth(); // 0-based
    // local midnight of the 1st of month m (0-based; utcMs handles years < 100) on the t axis
    const toT = (y: number, m: number): number => (clock.instantOf(utcMs(y, m + 1, 1)) - startEpochMs) / MINUTE_MS;
    const bounds: number[] = [toT(year, month)];
    const labels: string[] = [];
    for (;;) {
      labels.push(`${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}`);
      month++;
      if (month === 12) {
        month = 0;
        year++;
      }
      const end = toT(year, month);
      bounds.push(end);
      if (end >= horizonMinutes) break;
      if (labels.length >= MAX_MONTHS) throw new RangeError(`months: horizon: expected at most ${MAX_MONTHS} months, got ${horizonMinutes} minutes`);
    }
    this.bounds = Float64Array.from(bounds);
    this.labels = Object.freeze(labels);
    this.count = labels.length;
  }

  /** Start of month m (t, minutes; the first may be negative). */
  start(m: number): number {
    return this.bounds[m];
  }

  /** End of month m (exclusive) = start of month m + 1. */
  end(m: number): number {
    return this.bounds[m + 1];
  }

  /** Length of month m in minutes (the whole calendar month, DST included). */
  length(m: number): number {
    return this.bounds[m + 1] - this.bounds[m];
  }

  /** Label "YYYY-MM" of month m. */
  label(m: number): string {
    return this.labels[m];
  }

  /** The month containing t (start <= t < end), or −1 if t lies outside every month. */
  monthOf(t: number): number {
    const b = this.bounds, n = this.count;
    if (!(t >= b[0] && t < b[n])) return -1;
    let c = this.cursor;
    for (let s = 0; s < LINEAR_STEPS; s++) {
      if (t < b[c]) c--;
      else if (t >= b[c + 1]) c++;
      else {
        this.cursor = c;
        return c;
      }
    }
    // binary search: the last start <= t
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (b[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    this.cursor = lo;
    return lo;
  }
}

/** Month names, January first, as the charts write them. */
export const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** A local date "2027-01-11" (or a timestamp starting so) as "11 Jan". */
export function dayMonthText(isoDate: string): string {
  return `${Number(isoDate.slice(8, 10))} ${MONTH_NAMES[Number(isoDate.slice(5, 7)) - 1]}`;
}

/** Days in the calendar month "2027-02" (28). */
export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

/**
 * Per local month ("2027-03") of a run starting at `start` in `timeZone`, the share of it inside
 * the measured window (from the warm-up's end to the horizon, both in minutes): 1 for a whole
 * month, less for the first and last when the window cuts them. What says a month's cost is a
 * part-month's (the run table, the fan chart).
 */
export function measuredMonthShares(start: string, timeZone: string, horizonMinutes: number, warmupMinutes: number): Record<string, number> {
  const clock = new MonthClock(parseStartEpochMs(start, timeZone), timeZone, horizonMinutes);
  const out: Record<string, number> = {};
  for (let m = 0; m < clock.count; m++) {
    const from = Math.max(warmupMinutes, clock.start(m)), to = Math.min(horizonMinutes, clock.end(m));
    out[clock.label(m)] = Math.max(0, to - from) / clock.length(m);
  }
  return out;
}
