/**
 * Confidence intervals from independent replications: the sample mean of the
 * replication values ± t(0.975, n−1) · s/√n (Student-t, two-sided 95%).
 */
import { tQuantile } from "./tQuantile.js";
import { Tally } from "../engine/statistics.js";

/** A metric estimated over replications, as reported: `ci95` is null with fewer than two values. */
export interface Estimate {
  mean: number | null;
  ci95: [number, number] | null;
}

/** Two-sided Student-t critical value for a (1 − alpha) interval with n − 1 degrees of freedom. */
export function tCritical(n: number, alpha = 0.05): number {
  return tQuantile(1 - alpha / 2, n - 1);
}

/** Half-width of the 95% interval of a mean from `n` values with sample sd `sd`. */
export function halfWidth(n: number, sd: number): number {
  if (n < 2) return NaN;
  return sd === 0 ? 0 : (tCritical(n) * sd) / Math.sqrt(n);
}

/**
 * Estimate from replication values; nulls (a metric undefined in a replication, e.g.
 * ASA when nothing was answered) are left out.
 */
export function estimate(values: readonly (number | null)[]): Estimate {
  const t = new Tally();
  for (const v of values) if (v !== null && Number.isFinite(v)) t.add(v);
  return fromTally(t);
}

export function fromTally(t: Tally): Estimate {
  return fromMoments(t.count, t.mean, t.sd);
}

/** Estimate from the count, mean and sample sd of replication values. */
export function fromMoments(n: number, mean: number, sd: number): Estimate {
  if (n === 0) return { mean: null, ci95: null };
  if (n === 1) return { mean, ci95: null };
  const h = halfWidth(n, sd);
  return { mean, ci95: [mean - h, mean + h] };
}

/**
 * Restrict an estimate to the values the metric can take ([0, ∞), or [0, 1] for a
 * share; unbounded below for a `signed` metric such as a net effect): a t-interval around a
 * small count can reach below zero, which no count can. The mean is restricted too, so that it
 * always lies in its own interval: a ratio of sums whose numerator is a difference of two
 * float sums that are equal in exact arithmetic (a pool's scheduled floor time less its time on
 * shift, with shrinkage 0) comes out at −1e−16, not 0.
 */
export function clampEstimate(e: Estimate, fraction: boolean, signed = false): Estimate {
  const hi = fraction ? 1 : Infinity, lo = signed ? -Infinity : 0;
  const clip = (x: number): number => Math.min(Math.max(x, lo), hi);
  const mean = e.mean === null ? null : clip(e.mean);
  return { mean, ci95: e.ci95 === null ? null : [clip(e.ci95[0]), clip(e.ci95[1])] };
}

/**
 * A rate over replications as a ratio of sums, R = Σy / Σx (service level = Σ answered within
 * the threshold / Σ offered, occupancy = Σ busy / Σ on the floor, …), with the ratio
 * estimator's 95% interval (delta method): with the residuals d_k = y_k − R·x_k,
 *
 *   se(R) = s_d / (√n · x̄),    R ± t(0.975, n−1) · se(R)
 *
 * The mean of the replications' own ratios is biased when a replication (or an interval) holds
 * few contacts — E[y/x] ≠ E[y]/E[x] — by several points of service level at ~30 contacts; the
 * ratio of sums is consistent, its bias O(1/n) in the replications, not in the contacts. A
 * plain mean is the case x_k = 1. Sums of squares kept as running totals: memory does not grow
 * with the replications.
 */
export class RatioSums {
  n = 0;
  sx = 0;
  sy = 0;
  sxx = 0;
  syy = 0;
  sxy = 0;

  /** One replication's numerator y and denominator x (x ≥ 0; x = 0 adds a replication with nothing in it). */
  add(y: number, x: number): void {
    this.n++;
    this.sx += x;
    this.sy += y;
    this.sxx += x * x;
    this.syy += y * y;
    this.sxy += x * y;
  }

  /** R and its 95% interval; mean null when Σx = 0, interval null with fewer than two replications. */
  estimate(): Estimate {
    if (this.n === 0 || !(this.sx > 0)) return { mean: null, ci95: null };
    const R = this.sy / this.sx;
    if (this.n < 2) return { mean: R, ci95: null };
    const h = tCritical(this.n) * ratioStandardError(this);
    return { mean: R, ci95: [R - h, R + h] };
  }
}

/**
 * Many RatioSums in one typed array, six numbers a cell (n, Σx, Σy, Σx², Σy², Σxy): per-interval
 * and per-week accumulators whose memory does not grow with the replications and that allocate
 * nothing per value. A plain mean is a cell whose denominators are all 1.
 */
export class RatioSumsTable {
  private readonly sums: Float64Array;
  private readonly scratch = new RatioSums();

  constructor(readonly cells: number) {
    this.sums = new Float64Array(cells * 6);
  }

  /** One replication's numerator y and denominator x in `cell` (x = 1: a plain value). */
  add(cell: number, y: number, x = 1): void {
    const i = cell * 6, a = this.sums;
    a[i] += 1;
    a[i + 1] += x;
    a[i + 2] += y;
    a[i + 3] += x * x;
    a[i + 4] += y * y;
    a[i + 5] += x * y;
  }

  /** The cell's ratio of sums and its 95% interval (RatioSums.estimate). */
  estimate(cell: number): Estimate {
    const i = cell * 6, a = this.sums, s = this.scratch;
    s.n = a[i]; s.sx = a[i + 1]; s.sy = a[i + 2]; s.sxx = a[i + 3]; s.syy = a[i + 4]; s.sxy = a[i + 5];
    return s.estimate();
  }
}

/**
 * Many Tallies in one typed array, three numbers a cell (n, mean, M2): per-week means over
 * replications whose memory does not grow with the replications. The arithmetic is Tally.add's
 * (Welford), value by value, so a cell gives exactly what `estimate` gives on the same values in
 * the same order.
 */
export class TallyTable {
  private readonly moments: Float64Array;

  constructor(readonly cells: number) {
    this.moments = new Float64Array(cells * 3);
  }

  /** One replication's value in `cell`; a null or non-finite value (undefined there) is left out, as `estimate` does. */
  add(cell: number, x: number | null): void {
    if (x === null || !Number.isFinite(x)) return;
    const i = cell * 3, a = this.moments;
    a[i] += 1;
    const d = x - a[i + 1];
    a[i + 1] += d / a[i];
    a[i + 2] += d * (x - a[i + 1]);
  }

  /** The cell's mean and Student-t 95% interval (fromMoments). */
  estimate(cell: number): Estimate {
    const i = cell * 3, a = this.moments, n = a[i];
    return fromMoments(n, a[i + 1], Math.sqrt(n > 1 ? a[i + 2] / (n - 1) : NaN));
  }
}

/** se(R) of a ratio of sums (see RatioSums): s_d / (√n · x̄), s_d² = (Σy² − 2RΣxy + R²Σx²)/(n − 1). */
export function ratioStandardError(s: RatioSums): number {
  const R = s.sy / s.sx, xbar = s.sx / s.n;
  const ss = Math.max(0, s.syy - 2 * R * s.sxy + R * R * s.sxx);
  return Math.sqrt(ss / (s.n - 1)) / (Math.sqrt(s.n) * xbar);
}

/** A ratio of sums over replications' [numerator, denominator] pairs (null: the replication does not define it, left out). */
export function ratioEstimate(parts: readonly (readonly [number, number] | null)[]): Estimate {
  const s = new RatioSums();
  for (const p of parts) if (p !== null && Number.isFinite(p[0]) && Number.isFinite(p[1])) s.add(p[0], p[1]);
  return s.estimate();
}
