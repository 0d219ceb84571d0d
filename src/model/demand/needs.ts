/**
 * Latent demand: the point process of needs of every active customer.
 *
 * Customer i has needs of type k at rate
 *
 *   λ_ik(t) = r_k · D_k(i, t) · S(t)
 *
 * with r_k the type's base rate per customer, S(t) the seasonality (seasonality.ts) and the
 * driver D_k: the expertise multiplier E of i's tenure, its segment's start and its segment's
 * lasting level L_g(t) (expertise.ts; L_g(t) from customerTraining.ts) for expertise-driven types, Q(t) · F_k(t) for defect types — the product-quality index Q(t)
 * common to them all and the type's own problem-management factor F_k(t) ≤ 1 (quality.ts) —
 * and 1 otherwise. The superposition over customers and types is drawn exactly by thinning
 * (Lewis & Shedler): candidates arrive at rate
 *
 *   Λ̄(t) = N̄ · Σ_k r_k · D̄_k · S(t)
 *
 * where N̄ ≥ the active customer count and D̄_k ≥ D_k over the current window (a day): the
 * largest expertise multiplier of any segment (a brand-new customer; training only lowers
 * it), and for defect types
 * Q's upper bound over the window times F_k at the window start. F_k(t0) stays a bound over
 * the whole window even if fixes are recorded during it: a fix recorded at s ≥ t0 takes
 * effect at s + lag ≥ t0 and only lowers F_k (quality.ts, `typeBound`). A candidate picks a slot j uniformly in [0, N̄) (rejected if j is past
 * the active customers), a type k with probability ∝ r_k·D̄_k, and is accepted with
 * probability D_k(i, t) / D̄_k. Each accepted candidate is then a need of customer i, type k,
 * at rate exactly λ_ik(t). Whenever a bound changes (a new window, or the customer count
 * outgrowing N̄) the next candidate is redrawn from now, which is exact because the
 * candidate process is memoryless.
 *
 * S(t) is a step function (piecewise constant on 30-minute local slots), so the next
 * candidate time is found by inverting the integrated rate piece by piece, without
 * allocation.
 */
import type { Rng } from "../../engine/random.js";
import type { CustomerBase } from "../customers/customerBase.js";
import type { LearningCurve } from "../customers/expertise.js";
import type { ExpertiseLevels } from "../programs/customerTraining.js";
import type { Quality } from "./quality.js";
import type { NeedTypeConfig, SegmentConfig } from "../config.js";

export const DRIVER_NONE = 0, DRIVER_EXPERTISE = 1, DRIVER_QUALITY = 2;

export class NeedGenerator {
  /** Customer and need type of the last accepted candidate (see `draw`). */
  customer = -1;
  needType = -1;
  /** Candidates drawn and accepted so far (for diagnostics). */
  candidates = 0;
  accepted = 0;

  private readonly rate: Float64Array; // r_k per minute
  private readonly driver: Int32Array;
  private readonly weight: Float64Array; // r_k · D̄_k for the current window
  private readonly typeBound: Float64Array; // F_k(t0) of the current window (1 for types problem management does not fix)
  private readonly fixed: Uint8Array; // 1: problem management fixes type k (F_k multiplies its rate, whatever its driver)
  private readonly segStart: Float64Array;
  private readonly maxExpertise: number;
  private totalWeight = 0;
  private qualityBound = 1;
  private slotBound = 0; // N̄
  private piece = 0;

  constructor(
    needTypes: readonly NeedTypeConfig[],
    segments: readonly SegmentConfig[],
    private readonly customers: CustomerBase,
    private readonly learning: LearningCurve,
    private readonly levels: ExpertiseLevels,
    private readonly quality: Quality,
    /** Seasonality pieces: piece i covers [starts[i], starts[i+1]) (the last to `end`). */
    private readonly starts: Float64Array,
    private readonly factors: Float64Array,
    private readonly end: number,
  ) {
    const K = needTypes.length;
    this.rate = Float64Array.from(needTypes.map((n) => n.ratePerMinute));
    this.driver = Int32Array.from(needTypes.map((n) => (n.driver === "expertise" ? DRIVER_EXPERTISE : n.driver === "quality" ? DRIVER_QUALITY : DRIVER_NONE)));
    this.weight = new Float64Array(K);
    this.typeBound = new Float64Array(K).fill(1);
    this.fixed = Uint8Array.from({ length: K }, (_, k) => (quality.fixes(k) ? 1 : 0));
    this.segStart = Float64Array.from(segments.map((s) => s.startExpertise));
    this.maxExpertise = Math.max(1, ...segments.map((s, g) => learning.maxMultiplier(s.startExpertise, levels.level(g, 0))));
  }

  /** Reset the bounds for a window [t0, t1) and the active count now. */
  setWindow(t0: number, t1: number): void {
    this.qualityBound = this.quality.upperBound(t0, t1);
    let sum = 0;
    for (let k = 0; k < this.weight.length; k++) {
      if (this.fixed[k] === 1) this.typeBound[k] = this.quality.typeBound(k, t0);
      const d = (this.driver[k] === DRIVER_EXPERTISE ? this.maxExpertise : this.driver[k] === DRIVER_QUALITY ? this.qualityBound : 1) * this.typeBound[k];
      this.weight[k] = this.rate[k] * d;
      sum += this.weight[k];
    }
    this.totalWeight = sum;
    this.resizeSlots();
  }

  /** N̄ must cover the active customers; true if it had to grow (the caller redraws). */
  resizeSlots(): boolean {
    const n = this.customers.activeCount;
    if (n <= this.slotBound && this.slotBound > 0) return false;
    this.slotBound = Math.ceil(n * 1.01) + 8;
    return true;
  }

  /** Time of the next candidate after `now` (Infinity past the end). One draw from `rng`. */
  nextCandidate(now: number, rng: Rng): number {
    const c = this.slotBound * this.totalWeight;
    if (!(c > 0)) return Infinity;
    let e = -Math.log(1 - rng()) / c; // unit-rate exponential / c, in S-integrated minutes
    const starts = this.starts, factors = this.factors, n = starts.length;
    let i = this.piece;
    while (i > 0 && starts[i] > now) i--;
    while (i + 1 < n && starts[i + 1] <= now) i++;
    let t = now;
    for (;;) {
      const pieceEnd = i + 1 < n ? starts[i + 1] : this.end;
      const f = factors[i];
      const avail = f * (pieceEnd - t);
      if (e <= avail && f > 0) {
        this.piece = i;
        return t + e / f;
      }
      e -= avail;
      t = pieceEnd;
      i++;
      if (i >= n) { this.piece = n - 1; return Infinity; }
    }
  }

  /**
   * Decide a candidate at time t with three uniforms: slot, type, acceptance. True if it is a
   * need (then `customer` and `needType` are set).
   */
  draw(t: number, uSlot: number, uType: number, uAccept: number): boolean {
    this.candidates++;
    const cb = this.customers;
    const j = Math.floor(uSlot * this.slotBound);
    if (j >= cb.activeCount) return false;
    const id = cb.active[j];
    let x = uType * this.totalWeight, k = 0;
    const K = this.weight.length;
    while (k < K - 1 && x >= this.weight[k]) { x -= this.weight[k]; k++; }
    const drv = this.driver[k];
    let ratio = 1;
    if (drv === DRIVER_EXPERTISE) {
      const g = cb.segment[id];
      ratio = this.learning.multiplier(this.segStart[g], this.levels.level(g, t), t - cb.joined[id]) / this.maxExpertise;
    }
    else if (drv === DRIVER_QUALITY) ratio = this.quality.defectFactor(t) / this.qualityBound;
    if (this.fixed[k] === 1) ratio *= this.quality.typeFactor(k, t) / this.typeBound[k];
    if (!(uAccept < ratio)) return false;
    this.customer = id;
    this.needType = k;
    this.accepted++;
    return true;
  }
}
