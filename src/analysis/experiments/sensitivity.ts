/**
 * One-at-a-time sensitivity of a scenario's KPIs to its ranged inputs (docs/model.md §24.4): the
 * scenario at every input's expected value (the base), then each input moved to its `low` and to
 * its `high` in turn, the others at their expected values, every run with the same seed and
 * replication indices (common random numbers). An input's swing on a KPI is the paired
 * difference high − low, replication by replication (compare.ts: a rate as a ratio of sums, its
 * interval from the linearised residuals), with its 95% interval; the inputs are ranked by the
 * size of their swing. The tornado chart draws each input's bar from its value at low to its
 * value at high around the base.
 */
import type { Estimate } from "../confidence.js";
import { pairedDifference, pairedRatioDifference } from "./compare.js";
import type { RunStatistics } from "./replications.js";

/** An input's effect on one KPI. */
export interface InputEffect {
  key: string;
  low: number;
  high: number;
  /** The KPI with the input at low, and at high (the others at expected). */
  atLow: Estimate;
  atHigh: Estimate;
  /** high − low, paired replication by replication, with its 95% interval. */
  swing: Estimate;
  /** Its rank by |swing| (1: the largest). */
  rank: number;
}

/** One KPI's sensitivity: its base value and every input's effect, largest swing first. */
export interface KpiSensitivity {
  key: string;
  base: Estimate;
  inputs: InputEffect[];
}

type Run = Pick<RunStatistics, "replications" | "estimates"> & Partial<Pick<RunStatistics, "ratioParts">>;

/** The paired difference b − a of a KPI (as a ratio of sums where both runs have its parts). */
function swingOf(a: Run, b: Run, key: string): Estimate {
  const parts = (r: Run) => (r.ratioParts !== undefined && r.ratioParts.length > 0 && key in r.ratioParts[0] ? r.ratioParts.map((p) => p[key] ?? null) : null);
  const pa = parts(a), pb = parts(b);
  if (pa !== null && pb !== null) return pairedRatioDifference(pa, pb);
  return pairedDifference(a.replications.map((v) => v[key] ?? null), b.replications.map((v) => v[key] ?? null));
}

/**
 * The sensitivity of each KPI from the runs: `base`, then per input its run at low and at high.
 * A KPI a run lacks gives empty estimates.
 */
export function sensitivityOf(keys: readonly string[], inputs: readonly { key: string; low: number; high: number }[], base: Run, atLow: readonly Run[], atHigh: readonly Run[]): KpiSensitivity[] {
  const none: Estimate = { mean: null, ci95: null };
  return keys.map((key) => {
    const effects = inputs.map((input, i) => ({
      key: input.key, low: input.low, high: input.high,
      atLow: atLow[i].estimates[key] ?? none, atHigh: atHigh[i].estimates[key] ?? none,
      swing: swingOf(atLow[i], atHigh[i], key), rank: 0,
    }));
    const size = (e: InputEffect) => Math.abs(e.swing.mean ?? 0);
    effects.sort((a, b) => size(b) - size(a) || a.key.localeCompare(b.key));
    effects.forEach((e, i) => (e.rank = i + 1));
    return { key, base: base.estimates[key] ?? none, inputs: effects };
  });
}
