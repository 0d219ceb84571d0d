/**
 * Tests of the expertise learning curve (src/model/customers/expertise.ts) and the segments'
 * lasting levels under customer training (src/model/programs/customerTraining.ts): endpoints
 * (start s, lasting level L), monotonicity, the half-life T·ln 2 of the gap to the level, the
 * closed-form mean under exponential tenure against a numeric average, and the training ramp.
 */
import { describe, expect, it } from "vitest";
import { LearningCurve } from "../../../src/model/customers/expertise.js";
import { ExpertiseLevels } from "../../../src/model/programs/customerTraining.js";
import type { SegmentConfig } from "../../../src/model/config.js";

const DAY = 1440;

describe("LearningCurve", () => {
  const m = 2.5, T = 75 * DAY;
  const curve = new LearningCurve(m, T);

  it("starts at s / maxMultiplier and settles at the segment's level L / 1 + (m − 1)(1 − L), not at 1", () => {
    for (const [s, L] of [[0, 0.3], [0, 1], [0.3, 0.6], [0.5, 0.5], [1, 1]] as const) {
      expect(curve.expertise(s, L, 0)).toBeCloseTo(s, 14);
      expect(curve.multiplier(s, L, 0)).toBeCloseTo(1 + (m - 1) * (1 - s), 14);
      expect(curve.maxMultiplier(s, L)).toBeCloseTo(curve.multiplier(s, L, 0), 14);
      expect(curve.expertise(s, L, 1e6 * T)).toBeCloseTo(L, 14);
      expect(curve.multiplier(s, L, Infinity)).toBeCloseTo(1 + (m - 1) * (1 - L), 14);
      expect(curve.settledMultiplier(L)).toBeCloseTo(curve.multiplier(s, L, Infinity), 14);
    }
    expect(curve.multiplier(0, 1, 0)).toBe(m); // a complete novice needs m times an expert's help
    expect(curve.multiplier(1, 1, 0)).toBe(1); // an expert segment never needs extra help
    expect(curve.multiplier(0, 0.3, 1e6 * T)).toBeCloseTo(2.05, 12); // a segment at 0.3 keeps needing 2.05 times an expert's help
    // E = 1 + (m − 1)(1 − e(τ)) at every tenure
    for (const tau of [0, 10, DAY, 30 * DAY, 400 * DAY]) {
      expect(curve.multiplier(0.2, 0.7, tau)).toBeCloseTo(1 + (m - 1) * (1 - curve.expertise(0.2, 0.7, tau)), 14);
    }
  });

  it("treats negative tenure as 0", () => {
    expect(curve.multiplier(0.1, 0.5, -500)).toBe(curve.multiplier(0.1, 0.5, 0));
    expect(curve.expertise(0.1, 0.5, -500)).toBeCloseTo(0.1, 14);
  });

  it("is monotone in tenure (multiplier decreasing, expertise increasing, within [settled, max]) and in the level", () => {
    let prevE = Infinity, prevX = -Infinity;
    for (let tau = 0; tau <= 1000 * DAY; tau += DAY) {
      const E = curve.multiplier(0.25, 0.6, tau), x = curve.expertise(0.25, 0.6, tau);
      expect(E).toBeLessThan(prevE);
      expect(x).toBeGreaterThan(prevX);
      expect(E).toBeLessThanOrEqual(curve.maxMultiplier(0.25, 0.6));
      expect(E).toBeGreaterThanOrEqual(curve.settledMultiplier(0.6) - 1e-12);
      prevE = E;
      prevX = x;
      // a higher level never needs more help, at any tenure; maxMultiplier(s, L) bounds every higher level too
      expect(curve.multiplier(0.25, 0.9, tau)).toBeLessThanOrEqual(E);
      expect(curve.multiplier(0.25, 0.9, tau)).toBeLessThanOrEqual(curve.maxMultiplier(0.25, 0.6));
    }
    // a start above the level (which validation refuses) is still bounded
    expect(curve.maxMultiplier(0.8, 0.4)).toBe(curve.settledMultiplier(0.4));
  });

  it("halves the gap to the level (and the excess over the settled multiplier) every T·ln 2", () => {
    const h = T * Math.LN2;
    expect(curve.halfLife()).toBeCloseTo(h, 9);
    for (const tau of [0, 3 * DAY, 100 * DAY]) {
      const settled = curve.settledMultiplier(0.7);
      const a = curve.multiplier(0.1, 0.7, tau) - settled, b = curve.multiplier(0.1, 0.7, tau + h) - settled;
      expect(b / a).toBeCloseTo(0.5, 12);
      const ga = 0.7 - curve.expertise(0.1, 0.7, tau), gb = 0.7 - curve.expertise(0.1, 0.7, tau + h);
      expect(gb / ga).toBeCloseTo(0.5, 12);
    }
  });

  it("mean under Exponential tenure matches the closed form (numeric integral)", () => {
    for (const [s, L, mu] of [[0, 1, 30 * DAY], [0, 0.3, 75 * DAY], [0.2, 0.7, 700 * DAY]] as const) {
      // ∫ E(τ) (1/μ) e^(−τ/μ) dτ by the midpoint rule out to 60 means
      const n = 200_000, upper = 60 * mu, d = upper / n;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const tau = (i + 0.5) * d;
        sum += curve.multiplier(s, L, tau) * Math.exp(-tau / mu) * (d / mu);
      }
      const exact = curve.meanMultiplierExponentialTenure(s, L, mu);
      expect(exact).toBeCloseTo(1 + (m - 1) * ((1 - L) + (L - s) * (T / (T + mu))), 14);
      expect(Math.abs(sum - exact)).toBeLessThan(1e-6);
    }
    expect(curve.meanMultiplierExponentialTenure(0.2, 0.6, 0)).toBeCloseTo(curve.maxMultiplier(0.2, 0.6), 14);
    expect(curve.meanMultiplierExponentialTenure(0.2, 0.6, Infinity)).toBeCloseTo(curve.settledMultiplier(0.6), 14);
  });

  it("rejects bad parameters", () => {
    expect(() => new LearningCurve(0.5, T)).toThrow(RangeError);
    expect(() => new LearningCurve(2, 0)).toThrow(RangeError);
    expect(() => new LearningCurve(2, Infinity)).toThrow(RangeError);
    expect(() => new LearningCurve(NaN, T)).toThrow(RangeError);
  });
});

describe("ExpertiseLevels (customer training)", () => {
  const seg = (expertise: number) => ({ expertise, startExpertise: 0 }) as SegmentConfig;
  const segments = [seg(0.3), seg(0.6)];

  it("without training, each segment keeps its expertise at every time", () => {
    const levels = new ExpertiseLevels(segments);
    for (const t of [0, DAY, 1e7]) expect([levels.level(0, t), levels.level(1, t)]).toEqual([0.3, 0.6]);
  });

  it("closes the share gapClosed of the gap to full expertise, ramping in linearly from the start; unnamed segments (0) keep theirs", () => {
    const start = 10 * DAY, ramp = 90 * DAY;
    const levels = new ExpertiseLevels(segments, { start, ramp, gapClosed: [0.5, 0], costPerMinute: 0 });
    expect(levels.level(0, 0)).toBeCloseTo(0.3, 14);
    expect(levels.level(0, start)).toBeCloseTo(0.3, 14);
    expect(levels.level(0, start + ramp / 2)).toBeCloseTo(1 - 0.7 * (1 - 0.25), 14);
    expect(levels.level(0, start + ramp)).toBeCloseTo(0.65, 14);
    expect(levels.level(0, start + 10 * ramp)).toBeCloseTo(0.65, 14);
    expect(levels.level(1, start + ramp)).toBe(0.6);
    // never falls
    let prev = 0;
    for (let t = 0; t < start + 2 * ramp; t += DAY) {
      expect(levels.level(0, t)).toBeGreaterThanOrEqual(prev);
      prev = levels.level(0, t);
    }
    // a step without a ramp
    const step = new ExpertiseLevels(segments, { start, ramp: 0, gapClosed: [1, 1], costPerMinute: 0 });
    expect([step.level(0, start - 1), step.level(0, start), step.level(1, start)]).toEqual([0.3, 1, 1]);
  });
});
