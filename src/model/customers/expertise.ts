/**
 * The expertise learning curve (docs/model.md §3): how a customer's expertise grows with
 * tenure, and how much more help a novice needs than an expert.
 *
 * A customer of a segment whose new customers start at expertise e0 ∈ [0, 1] (1 = expert)
 * has, at tenure τ (minutes since onboarding),
 *
 *   e(τ) = 1 − (1 − e0) · exp(−τ / T)
 *
 * i.e. the gap to full expertise closes exponentially with time constant T (it halves every
 * T·ln 2 minutes). The expertise-driven need rate is multiplied by
 *
 *   E(τ) = 1 + (m − 1) · (1 − e(τ)) = 1 + (m − 1) · (1 − e0) · exp(−τ / T)
 *
 * where m ≥ 1 (`noviceMultiplier`) is the multiplier of a complete novice (e0 = 0) at
 * tenure 0. E decreases monotonically from its maximum E(0) = 1 + (m − 1)(1 − e0) towards 1,
 * and its excess over 1 halves every T·ln 2 minutes. A segment of experts (e0 = 1) has E ≡ 1.
 *
 * Uses:
 * - per-customer need rates: a customer's expertise-driven needs arrive at base · E(τ(t));
 *   `maxMultiplier(e0)` = E(0) bounds E over all tenures, which makes it the rate bound when
 *   such needs are drawn by thinning (accept a candidate with probability E(τ) / E(0));
 * - segment means: if tenures are Exponential with mean μ (a stationary customer base whose
 *   customers churn at a constant hazard 1/μ), the mean multiplier is, exactly,
 *
 *     E[E(τ)] = 1 + (m − 1)(1 − e0) · E[exp(−τ/T)] = 1 + (m − 1)(1 − e0) · T / (T + μ)
 *
 *   (the Laplace transform of the exponential density at 1/T): `meanMultiplierExponentialTenure`.
 *
 * Negative tenures (which should not occur) are treated as 0. Nothing here allocates.
 */

export class LearningCurve {
  constructor(
    /** m: a complete novice's need-rate multiplier at tenure 0 (≥ 1). */
    readonly noviceMultiplier: number,
    /** T: time constant of learning, minutes (> 0). */
    readonly timeConstant: number,
  ) {
    if (!(noviceMultiplier >= 1) || !Number.isFinite(noviceMultiplier)) {
      throw new RangeError(`learning noviceMultiplier must be a finite number >= 1, got ${noviceMultiplier}`);
    }
    if (!(timeConstant > 0) || !Number.isFinite(timeConstant)) {
      throw new RangeError(`learning timeConstant must be a positive finite number of minutes, got ${timeConstant}`);
    }
  }

  /** exp(−τ/T), the remaining share of the initial expertise gap (τ < 0 treated as 0). */
  private remaining(tenure: number): number {
    return tenure > 0 ? Math.exp(-tenure / this.timeConstant) : 1;
  }

  /** e(τ) = 1 − (1 − e0)·exp(−τ/T). */
  expertise(e0: number, tenure: number): number {
    return 1 - (1 - e0) * this.remaining(tenure);
  }

  /** E(τ) = 1 + (m − 1)(1 − e0)·exp(−τ/T). */
  multiplier(e0: number, tenure: number): number {
    return 1 + (this.noviceMultiplier - 1) * (1 - e0) * this.remaining(tenure);
  }

  /** E(0) = 1 + (m − 1)(1 − e0): the multiplier at tenure 0, an upper bound of E over all tenures. */
  maxMultiplier(e0: number): number {
    return 1 + (this.noviceMultiplier - 1) * (1 - e0);
  }

  /** T·ln 2: the tenure over which the excess E − 1 (and the expertise gap 1 − e) halves. */
  halfLife(): number {
    return this.timeConstant * Math.LN2;
  }

  /**
   * Exact mean of E(τ) when τ ~ Exponential(mean `meanTenure`): 1 + (m − 1)(1 − e0)·T/(T + μ).
   * `meanTenure` 0 gives E(0); Infinity gives 1.
   */
  meanMultiplierExponentialTenure(e0: number, meanTenure: number): number {
    if (!(meanTenure >= 0)) throw new RangeError(`mean tenure must be >= 0, got ${meanTenure}`);
    const T = this.timeConstant;
    const laplace = meanTenure === Infinity ? 0 : T / (T + meanTenure);
    return 1 + (this.noviceMultiplier - 1) * (1 - e0) * laplace;
  }
}
