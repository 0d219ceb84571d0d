/**
 * Per-interval estimates of a run: every (interval, series, metric) value over replications.
 */
import { clampEstimate, RatioSums, type Estimate } from "../confidence.js";

/** Running sums per cell (confidence.ts RatioSums): n, Σx, Σy, Σx², Σy², Σxy. */
const SUMS = 6;

/**
 * Per-interval values across replications, per (interval, series, metric), kept as running sums
 * in one typed array: memory does not grow with the number of replications. A count or level is
 * a plain mean (`add`; a null or non-finite value — undefined in that interval — is skipped); a
 * rate is a ratio of sums (`addRatio`: the replication's numerator and denominator), so that an
 * interval with few contacts is not biased as a mean of its replications' ratios would be.
 * Only the (series, metric) cells `used` names are stored.
 */
export class SeriesAccumulator {
  private readonly sums: Float64Array;
  /** Cell of (series, metric) within an interval, −1 when not used. */
  private readonly cellOf: Int32Array;
  private readonly cells: number;
  private readonly scratch = new RatioSums();

  constructor(
    readonly intervals: number,
    readonly series: number,
    readonly metrics: readonly string[],
    /** Whether a metric is a share in [0, 1] (its interval is clipped to it). */
    private readonly isFraction: (metric: string) => boolean,
    /** Whether series s has metric m (default: every pair). */
    used: (series: number, metric: number) => boolean = () => true,
  ) {
    this.cellOf = new Int32Array(series * metrics.length).fill(-1);
    let n = 0;
    for (let s = 0; s < series; s++) for (let m = 0; m < metrics.length; m++) if (used(s, m)) this.cellOf[s * metrics.length + m] = n++;
    this.cells = n;
    this.sums = new Float64Array(intervals * n * SUMS);
  }

  /** A plain value of one replication (a count, a level). */
  add(interval: number, series: number, metric: number, v: number | null): void {
    if (v === null || !Number.isFinite(v)) return;
    this.addRatio(interval, series, metric, v, 1);
  }

  /** A rate of one replication as its numerator y and denominator x (x = 0: nothing there in this replication). */
  addRatio(interval: number, series: number, metric: number, y: number, x: number): void {
    const c = this.cellOf[series * this.metrics.length + metric];
    if (c < 0) throw new RangeError(`series ${series} has no metric ${this.metrics[metric]}`);
    const i = (interval * this.cells + c) * SUMS, a = this.sums;
    a[i] += 1;
    a[i + 1] += x;
    a[i + 2] += y;
    a[i + 3] += x * x;
    a[i + 4] += y * y;
    a[i + 5] += x * y;
  }

  get(interval: number, series: number, metric: number): Estimate {
    const c = this.cellOf[series * this.metrics.length + metric];
    if (c < 0) return { mean: null, ci95: null };
    const i = (interval * this.cells + c) * SUMS, a = this.sums, s = this.scratch;
    s.n = a[i]; s.sx = a[i + 1]; s.sy = a[i + 2]; s.sxx = a[i + 3]; s.syy = a[i + 4]; s.sxy = a[i + 5];
    return clampEstimate(s.estimate(), this.isFraction(this.metrics[metric]));
  }
}
