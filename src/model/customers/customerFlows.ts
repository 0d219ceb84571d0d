/**
 * Sales and churn of a customer base (customerBase.ts) as events an event loop schedules
 * (docs/model.md §2).
 *
 * - Sales: segment σ gains customers as a Poisson process of rate s_σ (`salesPerMinute`);
 *   their superposition is Poisson with rate S = Σ s_σ, and each sale belongs to σ with
 *   probability s_σ / S. `nextSale(now, rng)` draws the next one (time now + Exp(S), then
 *   the segment), writing `saleTime` and `saleSegment`.
 * - Hazard churn (segments with churnMode "hazard"): active customer i leaves at hazard
 *   h_σ(i) · M_i(t) (the base rate h_σ = `churnPerMinute` × the calibrated base factor, times
 *   its experience multiplier, `multiplierAt`). Every
 *   M_i(t) ≤ M̄ = max(1, maxMultiplier) — a recorded e ≤ ln maxMultiplier only fades toward
 *   0 — so with n active customers the total intensity is ≤ n · h_max · M̄, and churn is drawn
 *   by Lewis–Shedler thinning: candidates arrive at rate n · h_max · M̄
 *   (`churnCandidateRate`, next time from `nextChurn(now, rng)`); at a candidate pick a
 *   uniformly random active customer i (`churnCandidate(u)`) and accept with probability
 *   h_σ(i) · M_i(t) / (h_max · M̄) (`acceptChurn(i, u, t)`). Each customer is then churned at
 *   intensity n·h_max·M̄ · (1/n) · h_σ(i)·M_i(t)/(h_max·M̄) = h_σ(i)·M_i(t): exact, also with
 *   M_i varying in time (thinning only needs the bound). M_i is clamped to M̄ (it can exceed
 *   it only by the Float32 rounding of e, or if experience was recorded beyond the ladder
 *   the flows were given). Customers of renewal segments have hazard 0 (always rejected).
 *   The bound n · h_max · M̄ is only valid while n does not change, so the caller MUST redraw
 *   the next churn candidate (discarding the pending one) whenever the active count changes:
 *   after every sale and every churn, renewal churns included. By the memoryless property of
 *   the exponential, restarting the candidate clock at such a moment is exact. After a
 *   rejected candidate nothing changed; just draw the next one. Remove an accepted candidate
 *   with `churn(i, t)` (books it for the reports; `base.remove` alone does not).
 * - Renewal churn (churnMode "renewal"): renewals.ts, at each contract anniversary.
 * - Bookkeeping from `countFrom` (warm-up) on: churnBook.ts.
 *
 * Nothing here allocates per customer or per event (renewals.ts: a bucket doubling).
 */
import type { Rng } from "../../engine/random.js";
import { DAY_MINUTES } from "../../time/units.js";
import type { SegmentConfig } from "../config.js";
import { ChurnBook, type ChurnMonths } from "./churnBook.js";
import { BAND_CENTRAL, BANDS, type ChurnExposure } from "./churnExposure.js";
import { MAX_SEGMENTS, type CustomerBase } from "./customerBase.js";
import { RenewalBuckets } from "./renewals.js";
import { DEFAULT_HALF_LIFE_DAYS } from "./retention.js";

/** How the flows see experience: the ladder's bound and half-life (an ExperienceLadder fits). */
export interface FlowExperience {
  /** Largest churn multiplier a recorded experience can give (ExperienceLadder.maxMultiplier); default 1. */
  maxMultiplier?: number;
  /** Half-life of experience, minutes (ExperienceLadder.halfLife); default DEFAULT_HALF_LIFE_DAYS. */
  halfLife?: number;
  /** Churns at or after this time are booked (the warm-up's end); default 0. */
  countFrom?: number;
  /** Calendar months (costs.ts MonthClock) to book churns by month as well; none by default. */
  months?: ChurnMonths;
  /** Per segment and band (g · BANDS + band), the calibrated factor on the input churn hazard or lapse (churnExposure.ts); 1 by default. */
  baseFactors?: ArrayLike<number>;
  /** Where renewal anniversaries in the measured window are summed (churnExposure.ts); none by default. */
  exposure?: ChurnExposure;
}

/**
 * Sales and churn of a customer base as schedulable events (see the header: the caller must
 * redraw the next churn candidate whenever the active count changes).
 */
export class CustomerFlows {
  /** Time of the sale last drawn by `nextSale` (Infinity if there are no sales). */
  saleTime = Infinity;
  /** Segment of the sale last drawn by `nextSale` (−1 if there are no sales). */
  saleSegment = -1;
  /** S = Σ_σ s_σ, sales per minute. */
  readonly totalSalesRate: number;
  /** h_max = max_σ h_σ over hazard segments, per minute. */
  readonly maxHazard: number;
  /** M̄ = max(1, maxMultiplier), the bound of every customer's churn multiplier. */
  readonly maxMultiplier: number;
  /** Half-life of experience, minutes. */
  readonly halfLife: number;
  /** Booked churns per segment, their revenuePerYear, Σ (1 − 1/M) and Σ (1 − 1/M) · revenuePerYear (churnBook.ts). */
  readonly churned: Float64Array;
  readonly churnedRevenue: Float64Array;
  readonly excessChurn: Float64Array;
  readonly excessRevenue: Float64Array;
  /** The same four sums (CHURN_MONTH_FIELDS) per calendar month: month · 4 + field (empty without `months`). */
  readonly byMonth: Float64Array;

  private readonly book: ChurnBook;
  private readonly renewals: RenewalBuckets;
  private readonly salesCumulative: Float64Array;
  private readonly hazard: Float64Array;
  /** h_max · M̄. */
  private readonly candidateBound: number;

  constructor(segments: readonly SegmentConfig[], readonly base: CustomerBase, experience: FlowExperience = {}) {
    if (segments.length > MAX_SEGMENTS) throw new RangeError(`at most ${MAX_SEGMENTS} segments, got ${segments.length}`);
    const G = segments.length;
    const maxM = experience.maxMultiplier ?? 1;
    if (!(maxM > 0) || !Number.isFinite(maxM)) throw new RangeError(`maxMultiplier must be a finite number > 0, got ${maxM}`);
    const H = experience.halfLife ?? DEFAULT_HALF_LIFE_DAYS * DAY_MINUTES;
    if (!(H > 0)) throw new RangeError(`halfLife must be > 0 minutes, got ${H}`);
    const from = experience.countFrom ?? 0;
    if (from !== from) throw new RangeError("countFrom is NaN");
    this.maxMultiplier = maxM > 1 ? maxM : 1;
    this.halfLife = H;
    this.salesCumulative = new Float64Array(G);
    this.hazard = new Float64Array(MAX_SEGMENTS);
    const factors = experience.baseFactors ?? new Float64Array(G * BANDS).fill(1);
    if (factors.length !== G * BANDS) throw new RangeError(`baseFactors needs ${G * BANDS} values (segments × ${BANDS} bands), got ${factors.length}`);
    for (let i = 0; i < factors.length; i++) if (!(factors[i] > 0) || !Number.isFinite(factors[i])) throw new RangeError(`baseFactors[${i}] must be a finite number > 0, got ${factors[i]}`);
    let sum = 0, hmax = 0;
    for (let k = 0; k < G; k++) {
      const s = segments[k];
      if (!(s.salesPerMinute >= 0) || !Number.isFinite(s.salesPerMinute)) {
        throw new RangeError(`segment ${s.name}: salesPerMinute must be a finite number >= 0, got ${s.salesPerMinute}`);
      }
      if (!(s.churnPerMinute >= 0) || !Number.isFinite(s.churnPerMinute)) {
        throw new RangeError(`segment ${s.name}: churnPerMinute must be a finite number >= 0, got ${s.churnPerMinute}`);
      }
      sum += s.salesPerMinute;
      this.salesCumulative[k] = sum;
      if (s.churnMode === "renewal") {
        if (!(s.term > 0) || !Number.isFinite(s.term)) throw new RangeError(`segment ${s.name}: term must be a finite number > 0 minutes, got ${s.term}`);
        if (!(s.renewalRate >= 0 && s.renewalRate <= 1)) throw new RangeError(`segment ${s.name}: renewalRate must be in [0, 1], got ${s.renewalRate}`);
      } else {
        const h = s.churnPerMinute * factors[k * BANDS + BAND_CENTRAL];
        this.hazard[k] = h;
        if (h > hmax) hmax = h;
      }
    }
    this.totalSalesRate = sum;
    this.maxHazard = hmax;
    this.candidateBound = hmax * this.maxMultiplier;
    this.book = new ChurnBook(segments, from, experience.months);
    this.churned = this.book.churned;
    this.churnedRevenue = this.book.churnedRevenue;
    this.excessChurn = this.book.excessChurn;
    this.excessRevenue = this.book.excessRevenue;
    this.byMonth = this.book.byMonth;
    this.renewals = new RenewalBuckets(segments, base, this.book, H, factors, experience.exposure ?? null);
  }

  /** Churns at or after this time are booked. */
  get countFrom(): number {
    return this.book.countFrom;
  }

  /** Bucket entries examined by `renewalsBetween` so far (a diagnostic of its cost). */
  get renewalChecks(): number {
    return this.renewals.renewalChecks;
  }

  /**
   * Draw the next sale after `now`: time now + Exp(S) and the segment (probability s_σ / S),
   * two draws from `rng`. Writes `saleTime`, `saleSegment`; returns the time (Infinity if S = 0).
   */
  nextSale(now: number, rng: Rng): number {
    const S = this.totalSalesRate;
    if (!(S > 0)) {
      this.saleSegment = -1;
      return (this.saleTime = Infinity);
    }
    const t = now - Math.log(1 - rng()) / S;
    const x = rng() * S;
    const cum = this.salesCumulative;
    let k = 0;
    // first segment whose cumulative rate exceeds x, skipping zero-rate segments
    while (k < cum.length - 1 && !(x < cum[k])) k++;
    this.saleSegment = k;
    return (this.saleTime = t);
  }

  /** Rate of churn candidates now: activeCount · h_max · M̄ (valid until the active count changes). */
  churnCandidateRate(): number {
    return this.base.activeCount * this.candidateBound;
  }

  /** Time of the next churn candidate after `now` (Infinity if the candidate rate is 0); one draw. */
  nextChurn(now: number, rng: Rng): number {
    const r = this.churnCandidateRate();
    if (!(r > 0)) return Infinity;
    return now - Math.log(1 - rng()) / r;
  }

  /** The candidate of a churn-candidate event: a uniformly random active customer (−1 if none). */
  churnCandidate(u: number): number {
    return this.base.randomActive(u);
  }

  /** min(M̄, M_i(now)): the multiplier of customer `id`'s churn hazard at `now`. */
  churnMultiplier(id: number, now: number): number {
    const m = this.base.multiplierAt(id, now, this.halfLife);
    return m < this.maxMultiplier ? m : this.maxMultiplier;
  }

  /** Accept candidate `id` at time `now` with probability h_σ(id) · M_id(now) / (h_max · M̄), given u ∈ [0, 1). */
  acceptChurn(id: number, u: number, now: number): boolean {
    const h = this.hazard[this.base.segment[id]];
    if (h === 0) return false;
    return u * this.candidateBound < h * this.churnMultiplier(id, now);
  }

  /** Remove hazard-churned customer `id` at `at` and book it (M = churnMultiplier(id, at)). */
  churn(id: number, at: number): void {
    const m = this.churnMultiplier(id, at);
    this.base.remove(id, at);
    this.book.book(this.base.segment[id], at, m);
  }

  /** The hazard churn rate of a segment, per minute (0 for renewal segments). */
  hazardOf(segment: number): number {
    return this.hazard[segment];
  }

  /** Whether a segment churns at renewals. */
  isRenewal(segment: number): boolean {
    return this.renewals.isRenewal(segment);
  }

  /**
   * Process every renewal anniversary in [t0, t1) (renewals.ts): each customer of a renewal
   * segment with an anniversary a there churns with probability min(1, (1 − R)·M_i(a)) (one
   * draw from `rng` per anniversary), is removed with left = a, booked, and reported to
   * `onChurn(id, a)`. Windows must be contiguous (t0 = the previous call's t1) and no longer
   * than the shortest term. Returns the number of churns (redraw the churn candidate if > 0).
   */
  renewalsBetween(t0: number, t1: number, rng: Rng, onChurn?: (id: number, at: number) => void): number {
    return this.renewals.between(t0, t1, rng, onChurn);
  }

  /** Zero the bookkeeping and count from `from` on. */
  resetCounts(from = this.countFrom): void {
    this.book.reset(from);
  }

  /** Totals of the bookkeeping over segments. */
  churnTotals(): { churned: number; churnedRevenue: number; excessChurn: number; excessRevenue: number } {
    return this.book.totals();
  }

  /** Bytes held by the renewal buckets' typed arrays (ids with their growth slack, fills, stamps). */
  memoryBytes(): number {
    return this.renewals.memoryBytes();
  }
}
