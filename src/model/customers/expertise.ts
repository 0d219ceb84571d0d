/**
 * The expertise learning curve (docs/model.md §3): how a customer's expertise grows with
 * tenure toward the lasting level of its segment, and how much more help a novice needs than
 * an expert.
 *
 * A customer of a segment whose lasting expertise is L ∈ [0, 1] (1 = expert; the segment's
 * `expertise`, raised over time by a training programme, training.ts) and whose new customers
 * start at s ≤ L (`startExpertise`) has, at tenure τ (minutes since joining),
 *
 *   e(τ) = L − (L − s) · exp(−τ / T)
 *
 * i.e. the gap to the segment's level closes exponentially with time constant T (it halves
 * every T·ln 2 minutes); the gap to full expertise, 1 − L, lasts. The expertise-driven need
 * rate is multiplied by
 *
 *   E = 1 + (m − 1) · (1 − e(τ)) = 1 + (m − 1) · [(1 − L) + (L − s) · exp(−τ / T)]
 *
 * where m ≥ 1 (`noviceMultiplier`) is the multiplier of a complete novice (e = 0) against an
 * expert (e = 1, E = 1). E falls from E(0) = 1 + (m − 1)(1 − s) toward the segment's settled
 * multiplier 1 + (m − 1)(1 − L), which it keeps; a segment of experts (s = L = 1) has E ≡ 1.
 *
 * Uses:
 * - per-customer need rates: a customer's expertise-driven needs arrive at base · E;
 *   `maxMultiplier(s, L)` = 1 + (m − 1)(1 − min(s, L)) bounds E over all tenures (and over
 *   every later level, which training only raises), which makes it the rate bound when such
 *   needs are drawn by thinning;
 * - segment means: if tenures are Exponential with mean μ (a stationary customer base whose
 *   customers churn at a constant hazard 1/μ), the mean multiplier is, exactly,
 *
 *     E[E] = 1 + (m − 1) · [(1 − L) + (L − s) · T / (T + μ)]
 *
 *   (the Laplace transform of the exponential density at 1/T): `meanMultiplierExponentialTenure`.
 *
 * Negative tenures (which should not occur) are treated as 0. Nothing here allocates.
 */

export class LearningCurve {
  constructor(
    /** m: a complete novice's need-rate multiplier against an expert's (≥ 1). */
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

  /** exp(−τ/T), the remaining share of the starting gap (τ < 0 treated as 0). */
  private remaining(tenure: number): number {
    return tenure > 0 ? Math.exp(-tenure / this.timeConstant) : 1;
  }

  /** e(τ) = L − (L − s)·exp(−τ/T): start s, lasting level L. */
  expertise(start: number, level: number, tenure: number): number {
    return level - (level - start) * this.remaining(tenure);
  }

  /** E = 1 + (m − 1)(1 − e(τ)). */
  multiplier(start: number, level: number, tenure: number): number {
    return 1 + (this.noviceMultiplier - 1) * (1 - this.expertise(start, level, tenure));
  }

  /** 1 + (m − 1)(1 − e) at expertise e: the multiplier a customer settles at when e is its segment's level. */
  settledMultiplier(level: number): number {
    return 1 + (this.noviceMultiplier - 1) * (1 - level);
  }

  /** 1 + (m − 1)(1 − min(s, L)): an upper bound of E over all tenures, and over every level ≥ L. */
  maxMultiplier(start: number, level: number): number {
    return this.settledMultiplier(Math.min(start, level));
  }

  /** T·ln 2: the tenure over which the gap to the segment's level (and E's excess over its settled value) halves. */
  halfLife(): number {
    return this.timeConstant * Math.LN2;
  }

  /**
   * Exact mean of E when τ ~ Exponential(mean `meanTenure`): 1 + (m − 1)[(1 − L) + (L − s)·T/(T + μ)].
   * `meanTenure` 0 gives E(0); Infinity gives the settled multiplier.
   */
  meanMultiplierExponentialTenure(start: number, level: number, meanTenure: number): number {
    if (!(meanTenure >= 0)) throw new RangeError(`mean tenure must be >= 0, got ${meanTenure}`);
    const T = this.timeConstant;
    const laplace = meanTenure === Infinity ? 0 : T / (T + meanTenure);
    return 1 + (this.noviceMultiplier - 1) * ((1 - level) + (level - start) * laplace);
  }
}
