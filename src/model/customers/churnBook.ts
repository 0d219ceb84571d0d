/**
 * The bookkeeping of churn (customerFlows.ts), from `countFrom` (the warm-up) on, per segment:
 * churns, their annual revenue, and the excess churn Σ (1 − 1/M) with M the effective
 * multiplier of the churn (hazard: M_i(t); renewal: p/(1 − R) with p = min(1, (1 − R)·M_i(a)),
 * so a capped probability counts only what was possible) — the expected churns caused by
 * experience beyond neutral (negative when good service kept customers) — also weighted by
 * revenue; and the same four sums per calendar month when given months.
 */
import type { SegmentConfig } from "../config.js";

/** Fields of `CustomerFlows.byMonth`, per month: churns, their annual revenue, Σ(1 − 1/M), Σ(1 − 1/M)·revenue. */
export const CHURN_MONTH_FIELDS = ["churned", "churnedRevenue", "serviceChurn", "serviceChurnRevenue"] as const;

/** Calendar months (costs.ts MonthClock) to book churns by month. */
export interface ChurnMonths {
  readonly count: number;
  monthOf(t: number): number;
}

export class ChurnBook {
  /** Churns at or after this time are booked. */
  countFrom: number;
  /** Booked churns per segment. */
  readonly churned: Float64Array;
  /** Booked churns' revenuePerYear per segment. */
  readonly churnedRevenue: Float64Array;
  /** Σ (1 − 1/M) over booked churns, per segment. */
  readonly excessChurn: Float64Array;
  /** Σ (1 − 1/M) · revenuePerYear over booked churns, per segment. */
  readonly excessRevenue: Float64Array;
  /** The same four sums (CHURN_MONTH_FIELDS) per calendar month: month · 4 + field (empty without `months`). */
  readonly byMonth: Float64Array;
  private readonly revenue: Float64Array;

  constructor(segments: readonly SegmentConfig[], countFrom: number, private readonly months: ChurnMonths | undefined) {
    const G = segments.length;
    this.countFrom = countFrom;
    this.churned = new Float64Array(G);
    this.churnedRevenue = new Float64Array(G);
    this.excessChurn = new Float64Array(G);
    this.excessRevenue = new Float64Array(G);
    this.byMonth = new Float64Array((months?.count ?? 0) * CHURN_MONTH_FIELDS.length);
    this.revenue = Float64Array.from(segments, (s) => s.revenuePerYear);
  }

  /** A churn of segment g at `at` with effective multiplier m (booked if at >= countFrom). */
  book(g: number, at: number, m: number): void {
    if (!(at >= this.countFrom)) return;
    const x = 1 - 1 / m, r = this.revenue[g];
    this.churned[g]++;
    this.churnedRevenue[g] += r;
    this.excessChurn[g] += x;
    this.excessRevenue[g] += x * r;
    if (this.months) {
      const k = this.months.monthOf(at);
      if (k >= 0) {
        const b = k * CHURN_MONTH_FIELDS.length;
        this.byMonth[b]++;
        this.byMonth[b + 1] += r;
        this.byMonth[b + 2] += x;
        this.byMonth[b + 3] += x * r;
      }
    }
  }

  /** Zero the bookkeeping and count from `from` on. */
  reset(from: number): void {
    this.countFrom = from;
    this.churned.fill(0);
    this.churnedRevenue.fill(0);
    this.excessChurn.fill(0);
    this.excessRevenue.fill(0);
    this.byMonth.fill(0);
  }

  /** Totals of the bookkeeping over segments. */
  totals(): { churned: number; churnedRevenue: number; excessChurn: number; excessRevenue: number } {
    return { churned: sum(this.churned), churnedRevenue: sum(this.churnedRevenue), excessChurn: sum(this.excessChurn), excessRevenue: sum(this.excessRevenue) };
  }
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
