/**
 * How much of a KPI's spread comes from the uncertain inputs and how much from simulation noise
 * (docs/model.md §24.2): a one-way random-effects analysis of variance over the input sets. With
 * y_kr the KPI in replication r of input set k (n_k replications, N values in all, K sets),
 *
 *   MSB = Σ_k n_k (ȳ_k − ȳ)² / (K − 1),      MSW = Σ_k Σ_r (y_kr − ȳ_k)² / (N − K)
 *   n₀ = (N − Σ_k n_k² / N) / (K − 1)        (= n with n replications in every set)
 *   σ²_noise = MSW,   σ²_inputs = max(0, (MSB − MSW) / n₀)
 *
 * (the ANOVA estimators; E[MSB] = σ²_noise + n₀ σ²_inputs). The inputs' share of the variance is
 * σ²_inputs / (σ²_inputs + σ²_noise): the variance of one replication's KPI due to the inputs.
 *
 * Each set's mean carries noise of variance σ²_noise / n_k on top of the inputs' effect, so the
 * spread of the set means (summary.ts) is σ²_inputs + σ²_noise / n: a little wider than the inputs'
 * own. It is not shrunk away: with few sets the estimate of σ²_inputs is often 0 for a real but
 * modest effect, and shrinking by it would draw that effect as a certainty.
 */

export interface VarianceSplit {
  /** The grand mean of the replications' values. */
  mean: number;
  /** σ²_inputs: the variance of the set means the inputs cause. */
  inputs: number;
  /** σ²_noise: the variance of one replication within a set (simulation noise). */
  noise: number;
  /** σ²_inputs / (σ²_inputs + σ²_noise); null when both are 0. */
  inputShare: number | null;
}

/** The split for values grouped by input set (nulls and non-finite values left out); null with fewer than two sets holding values. */
export function varianceSplit(groups: readonly (readonly (number | null)[])[]): VarianceSplit | null {
  const gs = groups.map((g) => g.filter((x): x is number => x !== null && Number.isFinite(x))).filter((g) => g.length > 0);
  const K = gs.length, N = gs.reduce((s, g) => s + g.length, 0);
  if (K < 2) return null;
  const means = gs.map((g) => g.reduce((s, x) => s + x, 0) / g.length);
  const grand = gs.reduce((s, g, k) => s + g.length * means[k], 0) / N;
  let ssb = 0, ssw = 0;
  gs.forEach((g, k) => {
    ssb += g.length * (means[k] - grand) ** 2;
    for (const x of g) ssw += (x - means[k]) ** 2;
  });
  const msb = ssb / (K - 1), msw = N > K ? ssw / (N - K) : 0;
  const n0 = (N - gs.reduce((s, g) => s + g.length * g.length, 0) / N) / (K - 1);
  const inputs = Math.max(0, (msb - msw) / n0), noise = msw;
  return { mean: grand, inputs, noise, inputShare: inputs + noise > 0 ? inputs / (inputs + noise) : null };
}

/**
 * The q-quantile of values, linear between order statistics at Hazen's plotting positions (the
 * i-th smallest of n at (i − ½)/n; Hyndman & Fan type 5): with one value per stratum of a Latin
 * hypercube, the i-th smallest lies in stratum i on average, so the q-quantile is read where the
 * input's own q-quantile lies (type 7, (i − 1)/(n − 1), would read the P10 of 20 sets at the 12th
 * percentile). Null when there are none.
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const h = Math.min(s.length - 1, Math.max(0, s.length * q - 0.5)), lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
}
