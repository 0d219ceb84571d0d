/**
 * The segments' lasting expertise over time, and the customer-training programme that raises it
 * (docs/model.md §3.2).
 *
 * Without training, segment g's lasting level is its `expertise` e_g. A training programme
 * (onboarding courses, certification, an academy: anything that makes the segment's customers
 * lastingly more expert) closes, from `start` and over `ramp` minutes, the share c_g
 * (`gapClosed[g]`) of the segment's gap to full expertise:
 *
 *   L_g(t) = 1 − (1 − e_g) · (1 − c_g · ρ(t)),     ρ(t) = min(1, max(0, (t − start) / ramp))
 *
 * (ρ a step at `start` when ramp is 0). The ramp stands for the roll-out and the customers'
 * taking part; every customer of the segment, whatever its tenure, moves with L_g(t) (the
 * learning curve, expertise.ts, then carries new customers from their start toward it) [A].
 * L_g never falls, so the level at t = 0 bounds the need multipliers (needs.ts's thinning).
 * The programme's cost per month is booked from `start` (costBook.ts).
 */
import type { CustomerTrainingConfig, SegmentConfig } from "../config.js";

export class ExpertiseLevels {
  private readonly base: Float64Array;
  private readonly gain: Float64Array;
  private readonly start: number;
  private readonly ramp: number;

  constructor(segments: readonly SegmentConfig[], training?: CustomerTrainingConfig) {
    this.base = Float64Array.from(segments.map((s) => s.expertise));
    this.gain = Float64Array.from(segments.map((_, g) => training?.gapClosed[g] ?? 0));
    this.start = training?.start ?? Infinity;
    this.ramp = training?.ramp ?? 0;
  }

  /** ρ(t): the programme's effect, 0 before its start, 1 once ramped in. */
  effect(t: number): number {
    if (t < this.start) return 0;
    return this.ramp > 0 ? Math.min(1, (t - this.start) / this.ramp) : 1;
  }

  /** L_g(t) = 1 − (1 − e_g)(1 − c_g·ρ(t)), segment g's lasting expertise at time t. */
  level(g: number, t: number): number {
    const c = this.gain[g] === 0 ? 0 : this.gain[g] * this.effect(t);
    return c === 0 ? this.base[g] : 1 - (1 - this.base[g]) * (1 - c);
  }
}
