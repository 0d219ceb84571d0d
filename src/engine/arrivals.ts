/**
 * Non-homogeneous Poisson arrivals from a piecewise-constant rate.
 *
 * The rate is `rates[i]` on [starts[i], starts[i+1]) (the last piece runs to the end,
 * or to `cycle` when the pattern repeats with that period). Arrival times are drawn
 * exactly by inverting the cumulative intensity Λ(t) = ∫ rate: from time t, draw
 * E ~ Exp(1) and walk forward piece by piece until the accumulated intensity reaches
 * E. One uniform per arrival, no rejection, no allocation.
 */
import type { Rng } from "./random.js";

/** A piecewise-constant arrival rate, as the arrivals are made from it. */
export interface ArrivalConfig {
  /** Start (minutes) of each piece of the piecewise-constant rate; starts[0] = 0. */
  starts: number[];
  /** Arrival rate per minute on each piece. */
  ratesPerMinute: number[];
  /** Period (minutes) after which the rate pattern repeats, if it does. */
  cycle?: number;
}

export class PiecewisePoissonArrivals {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly rates: Float64Array;
  private readonly cycleIntensity: number;
  private piece = 0;
  private cycleBase = 0; // start time of the current cycle
  private lastT = 0;
  /** The rate when it is one constant piece without a cycle and positive, else 0 (`next`'s fast path). */
  private readonly constantRate: number;

  /**
   * @param starts start time of each piece, increasing, starts[0] = 0
   * @param rates arrival rate (per time unit) on each piece, >= 0
   * @param rng uniform stream
   * @param cycle if given, the pattern repeats with this period (> last start)
   */
  constructor(starts: readonly number[], rates: readonly number[], private readonly rng: Rng, private readonly cycle?: number) {
    if (starts.length === 0 || starts.length !== rates.length) throw new RangeError("arrivals: starts and rates must be non-empty and of equal length");
    if (starts[0] !== 0) throw new RangeError("arrivals: the first piece must start at 0");
    for (let i = 1; i < starts.length; i++) {
      if (!(starts[i] > starts[i - 1])) throw new RangeError("arrivals: piece starts must increase");
    }
    for (const r of rates) if (!(r >= 0) || !Number.isFinite(r)) throw new RangeError(`arrivals: rates must be finite and >= 0, got ${r}`);
    const n = starts.length;
    if (cycle !== undefined && !(cycle > starts[n - 1])) throw new RangeError("arrivals: cycle must exceed the last piece start");
    this.starts = Float64Array.from(starts);
    this.rates = Float64Array.from(rates);
    this.ends = new Float64Array(n);
    for (let i = 0; i < n; i++) this.ends[i] = i + 1 < n ? starts[i + 1] : (cycle ?? Infinity);
    let total = 0;
    for (let i = 0; i < n; i++) total += this.rates[i] * (this.ends[i] - this.starts[i]);
    this.cycleIntensity = total;
    this.constantRate = n === 1 && cycle === undefined && rates[0] > 0 ? rates[0] : 0;
  }

  /** A homogeneous Poisson process with the given rate. */
  static constant(rate: number, rng: Rng): PiecewisePoissonArrivals {
    return new PiecewisePoissonArrivals([0], [rate], rng);
  }

  /** The rate at time t. */
  rateAt(t: number): number {
    const local = this.cycle === undefined ? t : t - Math.floor(t / this.cycle) * this.cycle;
    let i = this.starts.length - 1;
    while (i > 0 && this.starts[i] > local) i--;
    return this.rates[i];
  }

  /** Expected number of arrivals in [a, b): Λ(b) − Λ(a). */
  expectedCount(a: number, b: number): number {
    return this.cumulative(b) - this.cumulative(a);
  }

  private cumulative(t: number): number {
    let base = 0;
    let local = t;
    if (this.cycle !== undefined) {
      const k = Math.floor(t / this.cycle);
      base = k * this.cycleIntensity;
      local = t - k * this.cycle;
    }
    let sum = 0;
    for (let i = 0; i < this.starts.length; i++) {
      if (this.starts[i] >= local) break;
      sum += this.rates[i] * (Math.min(local, this.ends[i]) - this.starts[i]);
    }
    return base + sum;
  }

  /** The first arrival after time t (Infinity if the rate is zero from t on). */
  next(t: number): number {
    // one constant piece, no cycle (a constant rate): t + E / rate, the walk in one step; the walk is
    // a method of its own, so that callers inlining `next` do not compile it for a constant rate
    return this.constantRate > 0 ? t + -Math.log(1 - this.rng()) / this.constantRate : this.walk(t);
  }

  /** `next` over the pieces: E ~ Exp(1) spent against the rate, piece by piece (cycles skipped whole). */
  private walk(t: number): number {
    if (t < this.lastT || t < this.cycleBase + this.starts[this.piece]) this.seek(t);
    this.lastT = t;
    let e = -Math.log(1 - this.rng());
    const starts = this.starts, ends = this.ends, rates = this.rates, n = starts.length;
    // bring the piece pointer up to t
    for (;;) {
      if (t < this.cycleBase + ends[this.piece]) break;
      if (!this.advance()) return Infinity;
    }
    let cur = t;
    for (;;) {
      const end = this.cycleBase + ends[this.piece];
      const r = rates[this.piece];
      if (r > 0) {
        const cap = r * (end - cur);
        if (e < cap) return cur + e / r;
        e -= cap;
      }
      if (end === Infinity) return Infinity;
      // a whole cycle with nothing left to use: skip full cycles in one step
      if (this.cycle !== undefined && this.piece === n - 1 && this.cycleIntensity > 0 && e > this.cycleIntensity) {
        const k = Math.floor(e / this.cycleIntensity);
        e -= k * this.cycleIntensity;
        const base = this.cycleBase + k * this.cycle;
        // a rate so small that the next arrival lies beyond any representable horizon
        if (!(base + this.cycle > base)) return Infinity;
        this.cycleBase = base;
      }
      if (!this.advance()) return Infinity;
      cur = this.cycleBase + starts[this.piece];
    }
  }

  // move to the next piece; false if there is none with any rate left
  private advance(): boolean {
    if (this.piece + 1 < this.starts.length) {
      this.piece++;
      return true;
    }
    if (this.cycle === undefined || this.cycleIntensity === 0) return false;
    if (!(this.cycleBase + this.cycle > this.cycleBase)) return false; // beyond representable time
    this.piece = 0;
    this.cycleBase += this.cycle;
    return true;
  }

  private seek(t: number): void {
    this.cycleBase = this.cycle === undefined ? 0 : Math.floor(t / this.cycle) * this.cycle;
    this.piece = 0;
  }
}
