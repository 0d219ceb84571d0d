/**
 * Ranges (src/scenario/inputs/range.ts): each distribution's quantile function against its
 * distribution function written independently, its median and mean, and the one-line problems of
 * a malformed range.
 */
import { describe, expect, it } from "vitest";
import { parseRange, rangeMean, rangeQuantile, support, type Range } from "../../../../src/scenario/inputs/range.js";
import { normalCdf, normalQuantile } from "../../../../src/engine/normalQuantile.js";

const ok = (v: Record<string, unknown>): Range => {
  const r = parseRange(v, "x");
  if (Array.isArray(r)) throw new Error(r.map((p) => `${p.path}: ${p.message}`).join("; "));
  return r;
};
const problems = (v: Record<string, unknown>) => {
  const r = parseRange(v, "f");
  expect(Array.isArray(r)).toBe(true);
  return (r as { path: string; message: string }[]).map((p) => `${p.path}: ${p.message}`);
};

describe("the standard normal quantile", () => {
  it("inverts Φ to 1e-12 and gives the textbook 90th percentile", () => {
    for (const p of [1e-6, 0.001, 0.02, 0.1, 0.3, 0.5, 0.77, 0.975, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 12);
    expect(normalQuantile(0.5)).toBe(0);
  });
});

describe("range quantiles", () => {
  it("triangular: F(q(u)) = u with F written from the density, mode at `expected`", () => {
    const r = ok({ low: 2, expected: 3, high: 7 });
    const F = (x: number) => (x <= 3 ? ((x - 2) ** 2) / ((7 - 2) * (3 - 2)) : 1 - ((7 - x) ** 2) / ((7 - 2) * (7 - 3)));
    for (const u of [0, 0.05, 0.2, 0.5, 0.9, 1]) expect(F(rangeQuantile(r, u))).toBeCloseTo(u, 12);
    expect(rangeMean(r)).toBeCloseTo(4, 3); // (2 + 3 + 7) / 3
    expect(r.expected).toBe(3);
  });

  it("uniform: linear, expected defaults to the midpoint", () => {
    const r = ok({ low: 10, high: 20, dist: "uniform" });
    expect(rangeQuantile(r, 0.25)).toBe(12.5);
    expect(r.expected).toBe(15);
  });

  it("normal: low and high are the 10th and 90th percentiles; draws truncated to the 1st–99th", () => {
    const r = ok({ low: 80, high: 120, dist: "normal" });
    const sigma = 20 / normalQuantile(0.9);
    // the truncated quantile at u is the untruncated one at 0.01 + 0.98 u
    const u10 = (0.1 - 0.01) / 0.98, u90 = (0.9 - 0.01) / 0.98;
    expect(rangeQuantile(r, u10)).toBeCloseTo(80, 9);
    expect(rangeQuantile(r, u90)).toBeCloseTo(120, 9);
    expect(support(r)[0]).toBeCloseTo(100 + sigma * normalQuantile(0.01), 9);
    expect(rangeMean(r)).toBeCloseTo(100, 6);
  });

  it("lognormal: the same on the log scale, median √(low·high)", () => {
    const r = ok({ low: 4, high: 9, dist: "lognormal" });
    expect(r.expected).toBeCloseTo(6, 12);
    expect(rangeQuantile(r, 0.5)).toBeCloseTo(6, 9);
    expect(rangeQuantile(r, (0.9 - 0.01) / 0.98)).toBeCloseTo(9, 9);
  });

  it("beta-PERT: mean (a + 4c + b) / 6, median of a symmetric one at its mode, within [low, high]", () => {
    const r = ok({ low: 0.2, expected: 0.3, high: 0.6, dist: "beta" });
    expect(rangeMean(r)).toBeCloseTo((0.2 + 4 * 0.3 + 0.6) / 6, 3);
    const s = ok({ low: 0.2, expected: 0.4, high: 0.6, dist: "beta" });
    expect(rangeQuantile(s, 0.5)).toBeCloseTo(0.4, 4);
    expect(rangeQuantile(s, 0)).toBe(0.2);
    expect(rangeQuantile(s, 1)).toBeCloseTo(0.6, 12);
  });
});

describe("malformed ranges are one-line problems naming the field", () => {
  it.each([
    [{ low: 5, expected: 4, high: 3 }, "f.low: expected low <= high, got low 5 > high 3"],
    [{ low: 1, expected: 4, high: 3 }, "f.expected: expected a value between low 1 and high 3, got 4"],
    [{ low: 1, high: 3 }, "f.expected: missing: a range needs low and high, and expected (the most likely value) for a triangular range"],
    [{ low: 1, expected: 2 }, "f.high: missing: a range needs low and high"],
    [{ low: "1", expected: 2, high: 3 }, 'f.low: expected a number, got "1"'],
    [{ low: 1, expected: 2, high: 3, dist: "gamma" }, 'f.dist: unknown range distribution "gamma"; expected one of triangular, uniform, normal, lognormal, beta'],
    [{ low: 1, expected: 2, high: 3, dist: "unifrm" }, 'f.dist: unknown range distribution "unifrm" (did you mean "uniform"?)'],
    [{ low: 0, high: 3, dist: "lognormal" }, "f.low: expected a number > 0 for a lognormal range, got 0"],
    [{ low: 0.2, expected: 0.5, high: 1.5, dist: "beta" }, "f.high: expected a share in [0, 1] for a beta range, got 1.5"],
    [{ low: 1, expected: 2, high: 3, hgh: 4 }, 'f.hgh: unknown field in a range (did you mean "high"?)'],
  ])("%j", (v, line) => {
    expect(problems(v as Record<string, unknown>)[0]).toContain(line);
  });
});
