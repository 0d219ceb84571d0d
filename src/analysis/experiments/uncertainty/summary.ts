/**
 * A Monte Carlo over the inputs, summarised (docs/model.md §24): per KPI, the 10th, 50th and 90th
 * percentiles over the input sets of each set's estimate (which carries the noise of its
 * replications on top of the inputs' effect: the band errs wide, never narrow; the inputs' share
 * of the variance says how much of it is noise), and the probability that each target holds — the
 * share of the input sets whose estimate meets it. A comparison's differences
 * against its first scenario are summarised the same way, set by set (each set's scenarios share
 * its seed: common random numbers), from the paired differences of every replication.
 */
import type { Values } from "../../../kpi/values.js";
import { halfWidth, type Estimate } from "../../confidence.js";
import { quantile, varianceSplit } from "./varianceSplit.js";

/** A KPI's spread over the input sets. */
export interface KpiBand {
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** The mean over the input sets. */
  mean: number | null;
  /** The 95% interval of that mean (Student-t over the set means: the inputs' spread and the noise together); null with fewer than two sets. */
  ci95: [number, number] | null;
  /** The share of a replication's variance due to the inputs (the rest: simulation noise); null when nothing varies. */
  inputShare: number | null;
}

/** A target and the probability it holds over the inputs' uncertainty. */
export interface TargetProbability {
  /** What is checked, in words ("phone service level >= 80%"). */
  label: string;
  key: string;
  /** The KPI must be at least, or at most, the threshold. */
  holds: "atLeast" | "atMost";
  threshold: number;
  /** The share of the input sets whose estimate meets it. */
  probability: number | null;
}

/** One input set's run: its estimates and its replications' values. */
export interface SetRun {
  estimates: Record<string, Estimate>;
  replications: readonly Values[];
}

/** The band of one KPI from each set's estimate and its replications' values. */
export function band(setMeans: readonly (number | null)[], groups: readonly (readonly (number | null)[])[]): { band: KpiBand; values: number[] } {
  const split = varianceSplit(groups);
  const present = setMeans.map((m, k) => ({ m, n: groups[k].filter((x) => x !== null && Number.isFinite(x)).length })).filter((x): x is { m: number; n: number } => x.m !== null && Number.isFinite(x.m));
  const center = present.length > 0 ? present.reduce((s, x) => s + x.m, 0) / present.length : 0;
  // the set estimates as they are: taking their noise out (varianceSplit.ts) collapses the band to a point whenever
  // the analysis of variance cannot tell a real but modest effect of the inputs from noise, a false certainty
  const values = present.map((x) => x.m);
  const sd = present.length > 1 ? Math.sqrt(present.reduce((s, x) => s + (x.m - center) ** 2, 0) / (present.length - 1)) : NaN;
  const h = halfWidth(present.length, sd);
  return {
    band: { p10: quantile(values, 0.1), p50: quantile(values, 0.5), p90: quantile(values, 0.9), mean: present.length > 0 ? center : null, ci95: Number.isFinite(h) ? [center - h, center + h] : null, inputShare: split?.inputShare ?? null },
    values,
  };
}

/** Every KPI's band over the sets (the keys of the first set's estimates). */
export function kpiBands(sets: readonly SetRun[], keys: readonly string[] = Object.keys(sets[0]?.estimates ?? {})): { bands: Record<string, KpiBand>; values: Record<string, number[]> } {
  const bands: Record<string, KpiBand> = {}, values: Record<string, number[]> = {};
  for (const key of keys) {
    const b = band(sets.map((s) => s.estimates[key]?.mean ?? null), sets.map((s) => s.replications.map((v) => v[key] ?? null)));
    bands[key] = b.band;
    values[key] = b.values;
  }
  return { bands, values };
}

/** The bands of the differences other − base, set by set and replication by replication. */
export function differenceBands(base: readonly SetRun[], other: readonly SetRun[], keys: readonly string[]): Record<string, KpiBand> {
  const out: Record<string, KpiBand> = {};
  const diff = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined || b === null || b === undefined ? null : b - a);
  for (const key of keys) {
    out[key] = band(
      base.map((s, k) => diff(s.estimates[key]?.mean, other[k].estimates[key]?.mean)),
      base.map((s, k) => s.replications.map((v, r) => diff(v[key], other[k].replications[r]?.[key]))),
    ).band;
  }
  return out;
}

/** The probability of each target from the KPIs' set estimates. */
export function targetProbabilities(values: Record<string, number[]>, targets: readonly Omit<TargetProbability, "probability">[]): TargetProbability[] {
  return targets.map((t) => {
    const v = values[t.key] ?? [];
    const met = v.filter((x) => (t.holds === "atLeast" ? x >= t.threshold : x <= t.threshold)).length;
    return { ...t, probability: v.length > 0 ? met / v.length : null };
  });
}
