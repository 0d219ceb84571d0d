/**
 * Per-interval estimates of a run: every (interval, series, metric) value over replications.
 */
import { clampEstimate, RatioSumsTable, type Estimate } from "../confidence.js";

/**
 * Per-interval values across replications, per (interval, series, metric), kept as running sums
 * (confidence.ts RatioSumsTable): memory does not grow with the number of replications. A count
 * or level is a plain mean (`add`; a null or non-finite value — undefined in that interval — is
 * skipped); a rate is a ratio of sums (`addRatio`: the replication's numerator and denominator),
 * so that an interval with few contacts is not biased as a mean of its replications' ratios
 * would be. Only the (series, metric) cells `used` names are stored.
 */
export class SeriesAccumulator {
  private readonly table: RatioSumsTable;
  /** Cell of (series, metric) within an interval, −1 when not used. */
  private readonly cellOf: Int32Array;
  private readonly cells: number;

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
    this.table = new RatioSumsTable(intervals * n);
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
    this.table.add(interval * this.cells + c, y, x);
  }

  get(interval: number, series: number, metric: number): Estimate {
    const c = this.cellOf[series * this.metrics.length + metric];
    if (c < 0) return { mean: null, ci95: null };
    return clampEstimate(this.table.estimate(interval * this.cells + c), this.isFraction(this.metrics[metric]));
  }
}
