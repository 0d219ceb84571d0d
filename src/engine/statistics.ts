/**
 * Streaming statistics: nothing here keeps one value per observation.
 *
 * - `Tally`: count, mean and variance of observations (Welford's update).
 * - `TimeWeighted`: the time integral of a piecewise-constant level (queue length,
 *   busy servers), clipped to an observation window and binned by fixed-length
 *   intervals, for time averages overall and per interval.
 */

export class Tally {
  count = 0;
  mean = 0;
  private m2 = 0;

  add(x: number): void {
    this.count++;
    const d = x - this.mean;
    this.mean += d / this.count;
    this.m2 += d * (x - this.mean);
  }

  /** Sample variance (n − 1 denominator); NaN with fewer than two observations. */
  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : NaN;
  }

  get sd(): number {
    return Math.sqrt(this.variance);
  }
}

/**
 * The integral of a level over time within [start, end), in total and per interval of
 * length `intervalLength` (interval i covers [i·len, (i+1)·len) on the absolute clock).
 * Call `set(now, level)` whenever the level changes and `close()` once the run is over.
 */
export class TimeWeighted {
  level = 0;
  total = 0;
  readonly bins: Float64Array;
  private lastT = 0;
  private readonly invLen: number;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly intervalLength: number,
  ) {
    if (!(end > start) || !(intervalLength > 0)) throw new RangeError("TimeWeighted: need end > start and intervalLength > 0");
    this.invLen = 1 / intervalLength;
    this.bins = new Float64Array(Math.ceil(end / intervalLength));
  }

  /** The level changes to `level` at time `now` (now >= the previous change). */
  set(now: number, level: number): void {
    if (this.level !== 0 && now > this.lastT) this.accumulate(this.lastT, now, this.level);
    this.lastT = now;
    this.level = level;
  }

  /** Add `delta` to the level at time `now`. */
  add(now: number, delta: number): void {
    // `set(now, level + delta)` written out: one call less per change
    const lv = this.level;
    if (lv !== 0 && now > this.lastT) this.accumulate(this.lastT, now, lv);
    this.lastT = now;
    this.level = lv + delta;
  }

  /** Account for the level up to the end of the window. */
  close(): void {
    if (this.lastT < this.end) this.set(this.end, this.level);
  }

  /** Time average over the window. */
  get average(): number {
    return this.total / (this.end - this.start);
  }

  private accumulate(a: number, b: number, level: number): void {
    if (a < this.start) a = this.start;
    if (b > this.end) b = this.end;
    if (!(b > a)) return;
    this.total += level * (b - a);
    const len = this.intervalLength;
    const bins = this.bins;
    let i = Math.floor(a * this.invLen);
    if (i >= bins.length) i = bins.length - 1;
    let binEnd = (i + 1) * len;
    while (b > binEnd && i + 1 < bins.length) {
      bins[i] += level * (binEnd - a);
      a = binEnd;
      i++;
      binEnd = (i + 1) * len;
    }
    bins[i] += level * (b - a);
  }
}
