/**
 * Money over time: a ledger of amounts per (category, month) (`CostLedger`) on the local
 * calendar months of `MonthClock` (src/time/months.ts).
 *
 * Months. A month is a LOCAL calendar month in the scenario's IANA time zone (a month with a
 * daylight-saving change is an hour shorter or longer), and the first and last months keep
 * their true start and end, before t = 0 and after the horizon (see months.ts). Consequences:
 * amounts are only recorded from t = 0 (or the ledger's `from`) on, so the first and last
 * months are partial in the ledger; a monthly fee for a partial month is pro rata of the whole
 * month (`accrueMonthly`).
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
import type { MonthClock } from "../time/months.js";

function describe(v: unknown): string {
  return typeof v === "number" ? String(v) : typeof v === "string" ? JSON.stringify(v) : typeof v;
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
