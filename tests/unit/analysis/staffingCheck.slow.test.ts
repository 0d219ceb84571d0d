/**
 * The staffing answer checked on fresh seeds (issue 16, part 5; docs/model.md §14.5).
 *
 * A stationary M/M/c queue (600 calls an hour, 5-minute exponential handle times, no patience)
 * at 30-minute intervals, two weeks × 4 replications: Erlang C asks for 57 agents for 80% within
 * 20 s (SL 0.845; 56 give 0.793). An interval's service level is known to about ±6 points here,
 * so a search that keeps every removal its own sample still measures at target picks the lucky
 * intervals: it averaged 56.2 agents and, re-run on fresh seeds, 44% of its intervals missed the
 * target against 24% for a flat 57. With the removal margin, the answer must
 *   - average within one agent of 57, and
 *   - re-run on fresh seeds (an independent seed, the same replications), miss the target in no
 *     larger a share of intervals than a flat 57 on those seeds, plus 0.05: each share is of 336
 *     intervals (binomial sd ≈ 0.023 at 0.2), the difference of two such shares about 0.03, so
 *     0.05 is noise and the old search's +0.20 is not.
 */
import { describe, expect, it } from "vitest";
import { staffErlangC } from "../../../src/analytic/staffingInverses.js";
import { loadScenario } from "../../../src/api/scenario.js";
import { probeReplications, ProbeLayout } from "../../../src/analysis/staffing/probe.js";
import { solveStaffing } from "../../../src/analysis/staffing/solver.js";
import { configWith } from "../../../src/analysis/staffing/staffedConfig.js";

const RATE = 600, AHT = 5, WEEKS = 2, R = 4, SEED = 1, FRESH = 99_001;
const targets = { serviceLevel: 0.8, thresholdSeconds: 20, response: 0.9 };

describe("a stationary queue at 30-minute intervals: the answer checked on fresh seeds", () => {
  it("averages within one agent of Erlang C's 57 and misses no more intervals out of sample than a flat 57", async () => {
    const exact = staffErlangC({ ratePerHour: RATE, ahtMinutes: AHT }, { serviceLevel: 0.8, thresholdSeconds: 20 }).agents;
    expect(exact).toBe(57);
    const cfg = loadScenario({
      name: "stationary", seed: SEED, replications: R,
      horizon: { hours: 24 + WEEKS * 168, warmupHours: 24, intervalMinutes: 30 },
      serviceLevel: { thresholdSeconds: 20 }, arrivals: { ratePerHour: RATE },
      tiers: [{ name: "L1", agents: exact, handleTime: { dist: "exponential", meanMinutes: AHT } }],
    }).config;
    const sol = await solveStaffing(cfg, { targets, seed: SEED, replications: R, threads: 2 });
    expect(sol.met).toBe(true);
    const x = Int32Array.from(sol.pools[0].intervals.map((iv) => iv.required));
    expect(x.length).toBe(336);
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    expect(Math.abs(mean - exact), `mean ${mean}`).toBeLessThanOrEqual(1);

    // the share of intervals below the target, re-run on fresh seeds
    const layout = new ProbeLayout(cfg, 20 / 60);
    const missShare = (xs: Int32Array): number => {
      const counts = probeReplications(configWith(cfg, [0], [xs], 30), layout, FRESH, R);
      let miss = 0;
      for (let i = 0; i < 336; i++) {
        const w = counts.reduce((a, c) => a + c.within[i], 0), o = counts.reduce((a, c) => a + c.offered[i], 0);
        if (w / o < 0.8) miss++;
      }
      return miss / 336;
    };
    const answer = missShare(x), flat = missShare(new Int32Array(336).fill(exact));
    expect(answer, `answer misses ${answer}, a flat ${exact} ${flat}`).toBeLessThanOrEqual(flat + 0.05);

    // the answer reports its own check beside the search's figures
    const p = sol.pools[0];
    expect(sol.check).toEqual({ seed: `${SEED}|check`, runs: 1, replications: R });
    expect(p.inSample.intervalsAtServiceLevel).toBe(1);
    expect(p.freshSeeds.intervalsAtServiceLevel).toBeGreaterThan(0.6);
    expect(p.freshSeeds.intervalsAtServiceLevel).toBeLessThan(1);
    expect(p.freshSeeds.serviceLevel).toBeGreaterThan(0.8);
    expect(p.freshSeeds.serviceLevel).toBeLessThan(p.inSample.serviceLevel!);
    expect(p.intervals.every((iv) => iv.serviceLevelFreshSeeds !== null)).toBe(true);
  }, 300_000);
});
