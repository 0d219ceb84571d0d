/**
 * Choosing the warm-up (analysis/experiments/warmup.ts): MSER's truncation point on series with
 * a known answer, and `warmup: "auto"` through the library on a queue that starts empty and takes
 * days to fill (M/M/1 at ρ = 0.97 relaxes over about 1/(μ(1 − √ρ)²) ≈ 3 days).
 */
import { describe, expect, it } from "vitest";
import { mserTruncation } from "../../../src/analysis/experiments/warmup.js";
import { loadScenario } from "../../../src/api/scenario.js";
import { simulate } from "../../../src/api/simulate.js";
import { InputError } from "../../../src/errors.js";

describe("MSER truncation", () => {
  // 40 daily means around 3 with noise of sd ≈ 0.3 (a fixed pseudo-random sequence)
  const noise = Array.from({ length: 40 }, (_, i) => 0.3 * Math.sin(i * 12.9898) * 1.4);
  it("cuts an initial transient (and little more), keeps a flat series (nearly) whole, never more than half", () => {
    const transient = noise.map((e, i) => 3 + e + (i < 3 ? [7, 4, 2][i] : 0));
    const d = mserTruncation(transient);
    expect(d).toBeGreaterThanOrEqual(3);
    expect(d).toBeLessThanOrEqual(6);
    expect(mserTruncation(noise.map((e) => 3 + e))).toBeLessThanOrEqual(4);
    expect(mserTruncation([100, 90, 80, 70, 60, 50, 40, 30, 20, 10])).toBeLessThanOrEqual(5);
    expect(mserTruncation([5, 1, 1])).toBe(0); // too short to judge
    // and on a transient, the truncation cuts it: the mean after it is close to the tail's
    const after = transient.slice(d);
    expect(after.reduce((a, b) => a + b, 0) / after.length).toBeCloseTo(3, 0);
  });
});

describe("warmup: \"auto\" through the library", () => {
  const queue = {
    name: "M/M/1 at 0.97 from empty",
    seed: 3,
    replications: 4,
    horizon: { hours: 20 * 24, intervalMinutes: 60 },
    arrivals: { ratePerHour: 0.97 * 60 },
    tiers: [{ name: "L1", agents: 1, handleTime: { dist: "exponential", meanMinutes: 1 } }],
  };

  it("the chosen warm-up, in whole days, is the run's and is said in the result", async () => {
    const r = await simulate(loadScenario(queue), { warmup: "auto" });
    expect(r.warmupHours % 24).toBe(0);
    const days = Number(/^(\d+) days?/.exec(r.warmupChoice ?? "")?.[1]);
    expect(r.warmupHours).toBe(days * 24);
    expect(r.warmupChoice).toMatch(/^\d+ days?, by MSER on daily batch means of 4 pilot replications \((set by contacts: (waiting|service level)|every series flat)\)$/);
  }, 120_000);

  it("a number of days replaces the file's warm-up; a bad value is an InputError naming warmup", async () => {
    const r = await simulate(loadScenario(queue), { warmup: 2, replications: 2 });
    expect(r.warmupHours).toBe(48);
    expect(r.warmupChoice).toBeUndefined();
    await expect(simulate(loadScenario(queue), { warmup: 25 })).rejects.toThrow(/options: warmup: expected fewer days than the horizon \(20 days\), got 25/);
    await expect(simulate(loadScenario(queue), { warmup: 1.5 })).rejects.toThrow(InputError);
  });
});
