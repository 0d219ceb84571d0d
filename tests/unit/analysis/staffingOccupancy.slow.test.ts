/**
 * The staffing search's occupancy target on deferred work (occupancyRule.ts, docs/model.md
 * §14.5): e-mail arrives day and night, the pool works 08:00–18:00, so every morning opens on
 * the night's backlog (14 h of e-mail: about 28 agent-hours of work). Judged per interval, the
 * occupancy cap demanded that backlog be cleared within the first hour (over 30 agents at
 * 08:00 against about 8 the rest of the day); judged as a planner means it — live work per
 * interval, all work over the day — the opening needs no more than the rest of the day, the
 * day stays within the cap and the e-mail within its response target.
 */
import { describe, expect, it } from "vitest";
import { solveStaffing } from "../../../src/analysis/staffing/solver.js";
import type { SupportConfig } from "../../../src/model/config.js";
import { buildSupport } from "../../../src/scenario/full/build.js";
import { validateAnyScenario } from "../../../src/scenario/load.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function build(s: any): SupportConfig {
  const any = validateAnyScenario(s);
  if (any.form !== "support") throw new Error("expected the full form");
  return buildSupport(any.scenario, { baseDir: "." });
}

const backlog = {
  name: "overnight e-mail", seed: 5, replications: 4, start: "2027-01-04T00:00", timeZone: "UTC",
  horizon: { days: 15, warmupDays: 1, intervalMinutes: 60 },
  needTypes: [{ name: "any", perCustomerPerMonth: 0, channels: { email: 1 } }],
  channels: [{ name: "email", kind: "deferred", entryTier: "L1", responseTargetHours: 24 }],
  tiers: [{ name: "L1", handleTime: { dist: "exponential", meanMinutes: 10 }, resolve: 1 }],
  pools: [{ name: "e-mail desk", tier: "L1", agents: 10, hours: [{ days: "Mon-Sun", open: "08:00", close: "18:00" }], costPerHour: 30 }],
  arrivals: [{ channel: "email", pattern: { stepMinutes: 60, ratesPerHour: [12], repeat: true } }],
};

describe("occupancy of deferred work", () => {
  it("judged over the day: the morning backlog needs no spike at the opening, the day stays within the cap", async () => {
    const cap = 0.85;
    const sol = await solveStaffing(build(backlog), { targets: { serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: cap, response: 0.9 }, seed: 5, replications: 4, maxEvaluations: 120 });
    expect(sol.met).toBe(true);
    const pool = sol.pools[0];
    for (let d = 0; d < 7; d++) {
      const day = pool.intervals.filter((iv) => iv.day === d && iv.open);
      expect(day).toHaveLength(10);
      const req = day.map((iv) => iv.required);
      const sorted = [...req].sort((a, b) => a - b);
      const median = (sorted[4] + sorted[5]) / 2;
      // the opening (08:00) no more than the day's median and a half: per-interval occupancy asked for 30+
      expect(req[0]).toBeLessThanOrEqual(1.5 * median + 1);
      // the whole day's work at most the cap: floor agent-hours ≥ busy hours / cap
      const busy = day.reduce((s, iv) => s + (iv.occupancy ?? 0) * iv.required, 0);
      expect(busy / req.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(cap + 1e-9);
    }
    // 12 an hour × 10 minutes = 2 busy agents around the clock: 48 agent-hours a day over 10 open hours at 0.85 ≈ 5.6
    const perDay = pool.floorHoursPerWeek / 7;
    expect(perDay).toBeGreaterThanOrEqual(48 / cap - 1e-9);
    expect(perDay).toBeLessThan(48 / cap * 1.35);
    expect(pool.deferredWithin).toBeGreaterThanOrEqual(0.9);
  });
});
