/**
 * Confidence intervals from independent replications: the sample mean of the
 * replication values ± t(0.975, n−1) · s/√n (Student-t, two-sided 95%).
 */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
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
 * Restrict an interval to the values the metric can take ([0, ∞), or [0, 1] for a
 * share; unbounded below for a `signed` metric such as a net effect): a t-interval around a
 * small count can reach below zero, which no count can.
 */
export function clampEstimate(e: Estimate, fraction: boolean, signed = false): Estimate {
  if (e.ci95 === null) return e;
  const hi = fraction ? 1 : Infinity, lo = signed ? -Infinity : 0;
  return { mean: e.mean, ci95: [Math.min(Math.max(e.ci95[0], lo), hi), Math.min(Math.max(e.ci95[1], lo), hi)] };
}
