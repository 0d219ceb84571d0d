/**
 * Sensitivity on a constructed case with a known ranking (issue 17): an M/M/50+M queue with three
 * ranged inputs — the arrival rate (480 … 600 an hour), the mean handle time (4.7 … 5.2 min) and
 * the mean patience (1.5 … 3 min). Erlang A gives each input's exact swing of the service level
 * (the others at their expected values): rate 19.4 points, handle time 8.5, patience 3.0, so the
 * ranking is rate, handle time, patience; the simulated swings (common random numbers, paired
 * intervals) reproduce the ranking and the sizes.
 */
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/api/scenario.js";
import { sensitivity } from "../../src/api/sensitivity.js";
import { erlangA } from "../../src/analytic/index.js";

const sl = (rate: number, aht: number, patience: number) => erlangA({ ratePerHour: rate, ahtMinutes: aht, agents: 50, patienceMinutes: patience, thresholdSeconds: 20 }).serviceLevel;

describe("sensitivity of a constructed single queue", () => {
  it("ranks the inputs as Erlang A does, with swings of the exact size", async () => {
    const s = loadScenario(
      {
        name: "sensitivity case", seed: 5, replications: 3,
        horizon: { hours: 300, warmupHours: 4 }, serviceLevel: { thresholdSeconds: 20 },
        arrivals: { ratePerHour: { low: 480, expected: 540, high: 600 } },
        tiers: [{
          name: "L1", agents: 50,
          handleTime: { dist: "exponential", meanMinutes: { low: 4.7, expected: 5, high: 5.2 } },
          patience: { dist: "exponential", meanMinutes: { low: 1.5, expected: 2, high: 3 } },
        }],
      },
      { file: "case.json" },
    );
    const r = await sensitivity(s, { metrics: ["channel.contacts.serviceLevel"], threads: 2 });
    const exact: Record<string, number> = {
      "arrivals.ratePerHour": sl(600, 5, 2) - sl(480, 5, 2),
      "tiers.L1.handleTime.meanMinutes": sl(540, 5.2, 2) - sl(540, 4.7, 2),
      "tiers.L1.patience.meanMinutes": sl(540, 5, 3) - sl(540, 5, 1.5),
    };
    const k = r.kpis[0];
    expect(k.inputs.map((e) => e.key)).toEqual(["arrivals.ratePerHour", "tiers.L1.handleTime.meanMinutes", "tiers.L1.patience.meanMinutes"]);
    expect(k.inputs.map((e) => e.rank)).toEqual([1, 2, 3]);
    for (const e of k.inputs) {
      // within a point of the exact swing, and the paired interval excludes 0
      expect(Math.abs(e.swing.mean! - exact[e.key]), e.key).toBeLessThan(0.01);
      expect(e.swing.ci95![1]).toBeLessThan(0);
    }
    expect(k.base.mean!).toBeCloseTo(sl(540, 5, 2), 1);
  }, 600_000);
});
