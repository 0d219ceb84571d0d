/**
 * Tests of the expertise learning curve (src/model/expertise.ts): endpoints, monotonicity, the
 * half-life T·ln 2 of the excess multiplier, and the closed-form mean under exponential tenure
 * against a numeric average.
 */
import { describe, expect, it } from "vitest";
import { LearningCurve } from "../../../src/model/customers/expertise.js";

const DAY = 1440;

describe("LearningCurve", () => {
  const m = 2.5, T = 75 * DAY;
  const curve = new LearningCurve(m, T);

  it("starts at e0 / maxMultiplier and tends to expertise 1 / multiplier 1", () => {
    for (const e0 of [0, 0.3, 1]) {
      expect(curve.expertise(e0, 0)).toBeCloseTo(e0, 14);
      expect(curve.multiplier(e0, 0)).toBeCloseTo(1 + (m - 1) * (1 - e0), 14);
      expect(curve.maxMultiplier(e0)).toBe(curve.multiplier(e0, 0));
      expect(curve.expertise(e0, 1e6 * T)).toBeCloseTo(1, 14);
      expect(curve.multiplier(e0, 1e6 * T)).toBeCloseTo(1, 14);
      expect(curve.multiplier(e0, Infinity)).toBe(1);
    }
    expect(curve.multiplier(0, 0)).toBe(m); // a complete novice needs m times an expert's help
    expect(curve.multiplier(1, 0)).toBe(1); // an expert segment never needs extra help
    // E = 1 + (m − 1)(1 − e(τ)) at every tenure
    for (const tau of [0, 10, DAY, 30 * DAY, 400 * DAY]) {
      expect(curve.multiplier(0.2, tau)).toBeCloseTo(1 + (m - 1) * (1 - curve.expertise(0.2, tau)), 14);
    }
  });

  it("treats negative tenure as 0", () => {
    expect(curve.multiplier(0.1, -500)).toBe(curve.maxMultiplier(0.1));
    expect(curve.expertise(0.1, -500)).toBeCloseTo(0.1, 14);
  });

  it("is monotone: multiplier decreasing, expertise increasing, bounded by maxMultiplier", () => {
    let prevE = Infinity, prevX = -Infinity;
    for (let tau = 0; tau <= 1000 * DAY; tau += DAY) {
      const E = curve.multiplier(0.25, tau), x = curve.expertise(0.25, tau);
      expect(E).toBeLessThan(prevE);
      expect(x).toBeGreaterThan(prevX);
      expect(E).toBeLessThanOrEqual(curve.maxMultiplier(0.25));
      expect(E).toBeGreaterThanOrEqual(1);
      prevE = E;
      prevX = x;
    }
  });

  it("halves the excess (and the expertise gap) every T·ln 2", () => {
    const h = T * Math.LN2;
    expect(curve.halfLife()).toBeCloseTo(h, 9);
    for (const tau of [0, 3 * DAY, 100 * DAY]) {
      const a = curve.multiplier(0.4, tau) - 1, b = curve.multiplier(0.4, tau + h) - 1;
      expect(b / a).toBeCloseTo(0.5, 12);
      const ga = 1 - curve.expertise(0.4, tau), gb = 1 - curve.expertise(0.4, tau + h);
      expect(gb / ga).toBeCloseTo(0.5, 12);
    }
  });

  it("mean under Exponential tenure matches the closed form (numeric integral)", () => {
    for (const [e0, mu] of [[0, 30 * DAY], [0.3, 75 * DAY], [0.7, 700 * DAY]] as const) {
      // ∫ E(τ) (1/μ) e^(−τ/μ) dτ by the midpoint rule out to 60 means
      const n = 200_000, upper = 60 * mu, d = upper / n;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const tau = (i + 0.5) * d;
        sum += curve.multiplier(e0, tau) * Math.exp(-tau / mu) * (d / mu);
      }
      const exact = curve.meanMultiplierExponentialTenure(e0, mu);
      expect(exact).toBeCloseTo(1 + (m - 1) * (1 - e0) * (T / (T + mu)), 14);
      expect(Math.abs(sum - exact)).toBeLessThan(1e-6);
    }
    expect(curve.meanMultiplierExponentialTenure(0.2, 0)).toBeCloseTo(curve.maxMultiplier(0.2), 14);
    expect(curve.meanMultiplierExponentialTenure(0.2, Infinity)).toBe(1);
  });

  it("rejects bad parameters", () => {
    expect(() => new LearningCurve(0.5, T)).toThrow(RangeError);
    expect(() => new LearningCurve(2, 0)).toThrow(RangeError);
    expect(() => new LearningCurve(2, Infinity)).toThrow(RangeError);
    expect(() => new LearningCurve(NaN, T)).toThrow(RangeError);
  });
});
