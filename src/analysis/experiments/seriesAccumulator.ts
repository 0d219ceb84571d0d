/**
 * Per-interval estimates of a run: every (interval, series, metric) value over replications.
 */
import { clampEstimate, fromMoments, type Estimate } from "../confidence.js";

/**
 * Per-interval values across replications, per (interval, series, metric), kept as running
 * means/variances (Welford) in typed arrays: memory does not grow with the number of
 * replications. A null or non-finite value (a metric undefined in that interval) is skipped.
 */
export class SeriesAccumulator {
  private readonly n: Float64Array;
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;
  constructor(
    readonly intervals: number,
    readonly series: number,
    readonly metrics: readonly string[],
    /** Whether a metric is a share in [0, 1] (its interval is clipped to it). */
    private readonly isFraction: (metric: string) => boolean,
  ) {
    const size = intervals * series * metrics.length;
    this.n = new Float64Array(size);
    this.mean = new Float64Array(size);
    this.m2 = new Float64Array(size);
  }
  add(interval: number, series: number, metric: number, v: number | null): void {
    if (v === null || !Number.isFinite(v)) return;
    const i = (interval * this.series + series) * this.metrics.length + metric;
    const n = ++this.n[i];
    const d = v - this.mean[i];
    this.mean[i] += d / n;
    this.m2[i] += d * (v - this.mean[i]);
  }
  get(interval: number, series: number, metric: number): Estimate {
    const i = (interval * this.series + series) * this.metrics.length + metric;
    const n = this.n[i];
    const sd = n > 1 ? Math.sqrt(this.m2[i] / (n - 1)) : NaN;
    return clampEstimate(fromMoments(n, this.mean[i], sd), this.isFraction(this.metrics[metric]));
  }
}
