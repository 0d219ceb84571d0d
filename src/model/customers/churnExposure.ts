/**
 * Churn exposure: what the calibration of the base churn rate and the band around the central
 * churn figures need from a replication (docs/model.md §2, "Calibration"), summed per segment
 * over the measured window [from, to).
 *
 * Hazard segments. A customer i active over [a, b] with multiplier M_i(t) churns at hazard
 * h₀ · M_i(t). The replication sums, per segment g,
 *
 *   E_g     = Σ_i |[a_i, b_i] ∩ [from, to)|                    (customer-minutes of exposure)
 *   X_g(k)  = Σ_i ∫ (M_i(t)^k − 1) dt   over the same time      (excess exposure)
 *
 * for the band's log scales k (optimistic, central = 1, pessimistic; M^k is the multiplier of
 * the table whose log effects are scaled by k, since a remembered ln M fades as a whole). The
 * expected churns are h₀(k) · (E_g + X_g(k)); the base rate that reproduces the input hazard
 * h_in in a replication of the status quo is therefore h₀(k) = h_in · E_g / (E_g + X_g(k)).
 * X is exact: between two needs of a customer ln M fades as e·2^(−s/H), and
 * ∫ (exp(e·2^(−s/H)) − 1) ds is retention.ts `excessHazardFactor`.
 *
 * Renewal segments. At each anniversary in the window with multiplier M the replication counts
 * A_g += 1 (the churns the input lapse ℓ_in states: ℓ_in · A_g) and the expected churns under
 * band k with the base of the run, Σ min(1, ℓ₀(k) · M^k) (`renewalExpected`). Their base is
 * calibrated on the time average E/(E + X), like a hazard segment's (churnBand.ts).
 *
 * Nothing here allocates per customer or per event.
 */
import type { CustomerBase } from "./customerBase.js";
import { clipSpan } from "../../time/clipSpan.js";
import { excessHazardFactor } from "./retention.js";

/** Number of calibrations summed: optimistic, central, pessimistic. */
export const BANDS = 3;
export const BAND_OPTIMISTIC = 0;
export const BAND_CENTRAL = 1;
export const BAND_PESSIMISTIC = 2;

export class ChurnExposure {
  /** E_g, customer-minutes in the window per segment (hazard and renewal segments alike). */
  readonly exposure: Float64Array;
  /** X_g(k) at g · BANDS + band. */
  readonly excess: Float64Array;
  /** A_g: anniversaries in the window. */
  readonly anniversaries: Float64Array;
  /** Σ min(1, ℓ₀(k)·M^k) over those anniversaries (the expected renewal churns under band k), at g · BANDS + band. */
  readonly renewalExpected: Float64Array;

  /**
   * @param scales the log scale k of each band (optimistic, central = 1, pessimistic)
   * @param halfLife H of the experience memory, minutes
   * @param from start of the window (the warm-up's end), @param to its end (the horizon)
   */
  constructor(segments: number, private readonly scales: readonly number[], private readonly halfLife: number, private readonly from: number, private readonly to: number) {
    if (scales.length !== BANDS) throw new RangeError(`churn exposure needs ${BANDS} scales, got ${scales.length}`);
    this.exposure = new Float64Array(segments);
    this.excess = new Float64Array(segments * BANDS);
    this.anniversaries = new Float64Array(segments);
    this.renewalExpected = new Float64Array(segments * BANDS);
  }

  /**
   * Customer `id` is about to get a new experience at `now` (or the run ends): add the excess
   * exposure of the experience it had since it was recorded, up to min(now, its churn, the window's end).
   */
  closeExperience(base: CustomerBase, id: number, now: number): void {
    const e = base.experience[id];
    if (e === 0) return;
    const te = base.experienceAt[id];
    const a = te > this.from ? te : this.from;
    let b = now < this.to ? now : this.to;
    const left = base.left[id];
    if (left < b) b = left;
    if (!(b > a)) return;
    const H = this.halfLife;
    const eAtA = a > te ? e * Math.pow(2, -(a - te) / H) : e;
    const g = base.segment[id] * BANDS;
    for (let k = 0; k < BANDS; k++) this.excess[g + k] += excessHazardFactor(this.scales[k] * eAtA, b - a, H);
  }

  /** A renewal anniversary of a segment-g customer with multiplier m, in the window; `lapse` holds ℓ₀(k) per band. */
  anniversary(g: number, m: number, lapse: Float64Array, at: number): void {
    if (at < this.from || at >= this.to) return;
    this.anniversaries[g] += 1;
    const o = g * BANDS, lm = Math.log(m);
    for (let k = 0; k < BANDS; k++) {
      const mk = k === BAND_CENTRAL ? m : Math.exp(this.scales[k] * lm);
      const p = lapse[o + k] * mk;
      this.renewalExpected[o + k] += p < 1 ? p : 1;
    }
  }

  /** At the end of the run: every customer's exposure in the window and the excess of its last experience. */
  close(base: CustomerBase): void {
    for (let id = 0; id < base.total; id++) {
      this.exposure[base.segment[id]] += clipSpan(base.joined[id], base.left[id], this.from, this.to);
      this.closeExperience(base, id, this.to);
    }
  }
}
