/**
 * The parts of a Monte Carlo over the inputs: the Latin hypercube (one draw per stratum for every
 * input, the same draws for an input whatever else is drawn), the one-way random-effects split of
 * the variance (by hand, and unbiased on generated data with known variances), and Hazen's quantiles.
 */
import { describe, expect, it } from "vitest";
import { latinHypercube } from "../../../src/analysis/experiments/uncertainty/latinHypercube.js";
import { quantile, varianceSplit } from "../../../src/analysis/experiments/uncertainty/varianceSplit.js";
import { band } from "../../../src/analysis/experiments/uncertainty/summary.js";
import { aleaDouble } from "../../../src/engine/alea.js";
import { normalQuantile } from "../../../src/engine/normalQuantile.js";
import type { Range } from "../../../src/scenario/inputs/range.js";

const uniform = (low: number, high: number): Range => ({ low, high, expected: (low + high) / 2, dist: "uniform" });

describe("the Latin hypercube", () => {
  it("puts one draw of every input in each of the n strata, reproducibly, the same for a key whatever else is drawn", () => {
    const a = { key: "variables.growth", range: uniform(0, 1) }, b = { key: "pools.L2.agents", range: uniform(10, 20) };
    const sets = latinHypercube([a, b], 25, 7);
    for (const [key, lo, hi] of [[a.key, 0, 1], [b.key, 10, 20]] as const) {
      const strata = sets.map((s) => Math.floor(((s.get(key)! - lo) / (hi - lo)) * 25)).sort((x, y) => x - y);
      expect(strata).toEqual(Array.from({ length: 25 }, (_, k) => k));
    }
    expect(latinHypercube([b], 25, 7).map((s) => s.get(b.key))).toEqual(sets.map((s) => s.get(b.key)));
    expect(latinHypercube([a, b], 25, 8).map((s) => s.get(a.key))).not.toEqual(sets.map((s) => s.get(a.key)));
  });
});

describe("the variance split", () => {
  it("by hand: groups {1, 3} and {5, 7}", () => {
    const s = varianceSplit([[1, 3], [5, 7]])!;
    // MSB = 16, MSW = 2, n0 = 2: inputs (16 − 2) / 2 = 7, noise 2
    expect(s.inputs).toBeCloseTo(7, 12);
    expect(s.noise).toBeCloseTo(2, 12);
    expect(s.inputShare).toBeCloseTo(7 / 9, 12);
  });

  it("recovers known variances from generated data", () => {
    const rng = aleaDouble("variance split test");
    const normal = () => normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, rng())));
    const K = 2000, n = 4, sb = 2, sw = 3;
    const groups = Array.from({ length: K }, () => {
      const mu = 10 + sb * normal();
      return Array.from({ length: n }, () => mu + sw * normal());
    });
    const s = varianceSplit(groups)!;
    expect(s.inputs).toBeGreaterThan(4 * 0.85);
    expect(s.inputs).toBeLessThan(4 * 1.15);
    expect(s.noise).toBeGreaterThan(9 * 0.95);
    expect(s.noise).toBeLessThan(9 * 1.05);
  });

  it("nothing to split with fewer than two sets", () => {
    expect(varianceSplit([[1, 2, 3]])).toBeNull();
  });
});

describe("the band over the input sets", () => {
  it("never collapses to a point when the noise hides the inputs' effect (no false certainty)", () => {
    // set means 10, 12, 14, 16, each from two replications 40 apart: the analysis of variance puts the inputs' variance at 0
    const groups = [10, 12, 14, 16].map((m) => [m - 20, m + 20]);
    expect(varianceSplit(groups)!.inputs).toBe(0);
    const b = band([10, 12, 14, 16], groups).band;
    expect(b.p10!).toBeLessThan(b.p50!);
    expect(b.p90!).toBeGreaterThan(b.p50!);
    expect([b.p10, b.p50, b.p90]).toEqual([10, 13, 16]);
    expect(b.inputShare).toBe(0);
  });
});

describe("quantiles at Hazen's plotting positions", () => {
  it("read the i-th smallest of n at (i − ½) / n", () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1); // 1 … 20
    expect(quantile(xs, 0.1)).toBe(2.5); // between the 2nd and 3rd smallest
    expect(quantile(xs, 0.5)).toBe(10.5);
    expect(quantile(xs, 0.025)).toBe(1);
    expect(quantile(xs, 1)).toBe(20);
    expect(quantile([], 0.5)).toBeNull();
  });
});
