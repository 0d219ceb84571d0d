/**
 * Money over time: local calendar months on the simulation axis (`MonthClock`) and a ledger of
 * amounts per (category, month) (`CostLedger`).
 *
 * Months. A month is a LOCAL calendar month in the scenario's IANA time zone, from local
 * midnight of its first day to local midnight of the next month's first day, as instants; so a
 * month with a daylight-saving change is an hour shorter or longer (March 2027 in Chicago:
 * 31 · 1440 − 60 = 44,580 minutes). `MonthClock` lists every month whose span meets [0, horizon)
 * (at least the month containing t = 0, also for horizon 0). The FIRST MONTH KEEPS ITS TRUE
 * START, which is before t = 0 unless the scenario starts at local midnight of a 1st: `start(0)`
 * may be negative and `length(0)` is always the whole calendar month. Consequences: amounts
 * are only recorded from t = 0 (or the ledger's `from`) on, so the first and last months are
 * partial in the ledger; a monthly fee for a partial month is pro rata of the whole month
 * (`accrueMonthly`). Likewise the last month keeps its true end (after the horizon).
 *
 * Ledger. Amounts are kept per (category, month) for what falls in the window [from, to)
 * (the caller passes the warm-up and the horizon), in one Float64Array:
 * - `add(c, t, amount)`: a lump at an instant (a contact, a hire), counted if from <= t < to;
 * - `accrue(c, t0, t1, rate)`: rate per minute over [t0, t1), clipped to [from, to) and split
 *   at month boundaries: month m gets rate · |[t0, t1) ∩ [from, to) ∩ month m|;
 * - `accrueMonthly(c, t0, t1, perMonth)`: a fee per calendar month over [t0, t1), clipped the
 *   same way: month m gets perMonth · overlap_m / length(m), so a whole month costs exactly
 *   perMonth (30- and 31-day months alike, DST months too) and a part pro rata.
 * Categories are named at construction and addressed by name or index. Nothing allocates per
 * call except the readers that return arrays.
 */
import { TimeZoneClock } from "../forecast/history.js";

const MINUTE_MS = 60_000;
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
    const toT = (y: number, m: number): number => {
      const d = new Date(0);
      d.setUTCFullYear(y, m, 1); // handles m = 12 and years < 100
      d.setUTCHours(0, 0, 0, 0);
      return (clock.instantOf(d.getTime()) - startEpochMs) / MINUTE_MS;
    };
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

/** Amounts per (category, month), counted over the window [from, to). */
export class CostLedger {
  /** Category names, in index order. */
  readonly categories: readonly string[];
  readonly months: MonthClock;
  readonly from: number;
  readonly to: number;
  /** Index category · months.count + month. */
  private readonly amounts: Float64Array;
  private readonly index: ReadonlyMap<string, number>;

  /**
   * @param categories distinct category names.
   * @param months the calendar; it must cover [from, to).
   * @param from start of the counting window (e.g. the warm-up), minutes.
   * @param to end of the window, exclusive (e.g. the horizon), minutes; >= from.
   * @throws RangeError for duplicate categories or a window the months do not cover.
   */
  constructor(categories: readonly string[], months: MonthClock, from: number, to: number) {
    const index = new Map<string, number>();
    categories.forEach((c, i) => {
      if (typeof c !== "string" || c === "") throw new RangeError(`cost ledger: categories[${i}]: expected a non-empty name, got ${describe(c)}`);
      if (index.has(c)) throw new RangeError(`cost ledger: categories[${i}]: duplicate category ${JSON.stringify(c)}`);
      index.set(c, i);
    });
    if (!Number.isFinite(from) || !Number.isFinite(to) || !(to >= from)) {
      throw new RangeError(`cost ledger: window: expected finite from <= to, got [${from}, ${to})`);
    }
    if (from < months.start(0) || to > months.end(months.count - 1)) {
      throw new RangeError(
        `cost ledger: window [${from}, ${to}) is not covered by the months [${months.start(0)}, ${months.end(months.count - 1)})`,
      );
    }
    this.categories = Object.freeze([...categories]);
    this.months = months;
    this.from = from;
    this.to = to;
    this.index = index;
    this.amounts = new Float64Array(categories.length * months.count);
  }

  /** Index of a category given by name or index. @throws RangeError if unknown. */
  categoryIndex(category: string | number): number {
    if (typeof category === "number") {
      if (Number.isInteger(category) && category >= 0 && category < this.categories.length) return category;
      throw new RangeError(`cost ledger: no category ${category} (there are ${this.categories.length})`);
    }
    const i = this.index.get(category);
    if (i === undefined) throw new RangeError(`cost ledger: unknown category ${JSON.stringify(category)}; expected one of ${this.categories.join(", ")}`);
    return i;
  }

  /** A lump `amount` at instant t (counted if from <= t < to). */
  add(category: string | number, t: number, amount: number): void {
    const c = this.categoryIndex(category);
    if (!(t >= this.from && t < this.to)) return;
    this.amounts[c * this.months.count + this.months.monthOf(t)] += amount;
  }

  /** `ratePerMinute` over [t0, t1), clipped to [from, to), split at month boundaries. */
  accrue(category: string | number, t0: number, t1: number, ratePerMinute: number): void {
    this.spread(this.categoryIndex(category), t0, t1, ratePerMinute, false);
  }

  /** A fee of `perMonth` per calendar month over [t0, t1), clipped to [from, to): month m gets perMonth · overlap / length(m). */
  accrueMonthly(category: string | number, t0: number, t1: number, perMonth: number): void {
    this.spread(this.categoryIndex(category), t0, t1, perMonth, true);
  }

  /** Sum over all months of one category, or of all categories. */
  total(category?: string | number): number {
    const M = this.months.count;
    let lo = 0, hi = this.amounts.length;
    if (category !== undefined) {
      lo = this.categoryIndex(category) * M;
      hi = lo + M;
    }
    let s = 0;
    for (let i = lo; i < hi; i++) s += this.amounts[i];
    return s;
  }

  /** Amount of one category in month m. */
  month(category: string | number, m: number): number {
    if (!(Number.isInteger(m) && m >= 0 && m < this.months.count)) throw new RangeError(`cost ledger: no month ${m} (there are ${this.months.count})`);
    return this.amounts[this.categoryIndex(category) * this.months.count + m];
  }

  /** Sum over categories per month (a new array, one value per month). */
  monthTotals(): Float64Array {
    const M = this.months.count;
    const out = new Float64Array(M);
    for (let c = 0; c < this.categories.length; c++) for (let m = 0; m < M; m++) out[m] += this.amounts[c * M + m];
    return out;
  }

  /** Set every amount to 0 (a new replication on the same calendar). */
  reset(): void {
    this.amounts.fill(0);
  }

  private spread(c: number, t0: number, t1: number, value: number, perMonth: boolean): void {
    const a = t0 > this.from ? t0 : this.from;
    const b = t1 < this.to ? t1 : this.to;
    if (!(b > a)) return;
    const months = this.months;
    const base = c * months.count;
    let m = months.monthOf(a);
    let s = a;
    while (s < b) {
      const end = months.end(m);
      const e = end < b ? end : b;
      const overlap = e - s;
      if (!perMonth) this.amounts[base + m] += value * overlap;
      else {
        const len = months.length(m);
        this.amounts[base + m] += overlap === len ? value : (value * overlap) / len; // a whole month: exactly the fee
      }
      s = e;
      m++;
    }
  }
}
