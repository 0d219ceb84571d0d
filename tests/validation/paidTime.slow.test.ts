/**
 * Conservation of paid time (docs/model.md §14.2, §15): per pool and replication, the time on
 * shift (floor time less overtime after a shift's end) is the schedule's floor time × (1 −
 * shrinkage) × the fill, time-shared into whole agents, while paid time is the schedule's paid
 * time (breaks included) × the fill plus trainees and bench. So
 *
 *   paid ≥ on shift                                   (= with shrinkage 0, no breaks, no trainees)
 *   on shift ≤ (1 − shrinkage) · scheduled floor      (the fill is at most 1)
 *
 * exactly, but for one documented approximation: a workforce event inside an interval changes x
 * there, and the rest of that interval keeps the interval's share point (timeShare.ts), so that
 * interval's agent-minutes are within L/2 of ∫x (≤ L/4 for each of its two parts). The slack is
 * that, per event: a leaver, a hire, a hire's end of training.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RandomStreams } from "../../src/engine/random.js";
import { simulateSupport } from "../../src/model/simulation.js";
import type { SupportConfig } from "../../src/model/config.js";
import type { SupportResult } from "../../src/model/simulation/supportResult.js";
import { supportValues } from "../../src/kpi/values.js";
import { loadScenario } from "../../src/api/scenario.js";
import { smallBaseline } from "../helpers/smallBaseline.js";

const SCENARIOS = join(import.meta.dirname, "..", "..", "scenarios");

interface PoolTime { name: string; paid: number; onShift: number; scheduled: number; shrinkage: number; slack: number; paidShrinkage: number | null }

/** Each pool's paid, on-shift and scheduled floor minutes, and the time-sharing slack of its workforce events. */
function poolTimes(cfg: SupportConfig, r: SupportResult): PoolTime[] {
  const v = supportValues(r, cfg);
  return cfg.pools.map((p, q) => {
    const s = r.pools[q];
    const events = p.workforce ? 2 * s.hires + s.leavers : 0; // a hire arrives, then ends its training
    return {
      name: p.name,
      paid: s.paidMinutes,
      onShift: r.network.poolStaffed[q] - s.overtimeMinutes,
      scheduled: s.scheduledFloorMinutes,
      shrinkage: p.shrinkage,
      slack: (events * cfg.intervalLength) / 2 + 1e-9 * s.paidMinutes,
      paidShrinkage: v[`pool.${p.name}.paidShrinkage`] as number | null,
    };
  });
}

describe("paid time covers the time on shift", () => {
  it("hiring-freeze with shrinkage 0: time on shift is paid time, minute for minute, in every pool (L2 had 4.9 % more on shift than paid in replication 1)", () => {
    const s = loadScenario(join(SCENARIOS, "hiring-freeze.json"));
    const cfg: SupportConfig = { ...s.config, pools: s.config.pools.map((p) => ({ ...p, shrinkage: 0 })) };
    for (const rep of [1]) {
      const r = simulateSupport(cfg, new RandomStreams(7, rep));
      for (const t of poolTimes(cfg, r)) {
        // no breaks, no hires: paid = the schedule × fill = the floor × fill, which the pool gets on shift
        expect(Math.abs(t.paid - t.onShift), `${t.name}, replication ${rep}: paid ${t.paid} vs on shift ${t.onShift} minutes`).toBeLessThanOrEqual(t.slack);
        expect(t.paidShrinkage!, `${t.name}, replication ${rep}`).toBeGreaterThan(-t.slack / t.paid);
      }
    }
  });

  it("a small company with heavy attrition, hires and training ending mid-shift: paid ≥ on shift, on shift ≤ (1 − shrinkage) · scheduled", () => {
    const s = loadScenario(smallBaseline(1, (b) => {
      b.horizon = { days: 42, warmupDays: 0, intervalMinutes: 30 };
      b.pools[0].agents = 5;
      b.pools[2].agents = 3;
      b.pools[0].shrinkage = 0;
      b.pools[2].shrinkage = 0;
      // 6 leavers per employee-year, each replaced 3 days later (at the leaver's time of day), trained for 2 days
      for (const p of b.pools) p.workforce = { attritionPerYear: 6, hiring: { mode: "replace", leadTimeDays: 3 }, trainingDays: 2 };
    }));
    const cfg = s.config;
    let events = 0;
    for (const rep of [0, 1, 2]) {
      const r = simulateSupport(cfg, new RandomStreams(7, rep));
      r.pools.forEach((p) => (events += p.hires + p.leavers));
      for (const t of poolTimes(cfg, r)) {
        const where = `${t.name}, replication ${rep}`;
        expect(t.paid, `${where}: paid ${t.paid} vs on shift ${t.onShift} minutes`).toBeGreaterThanOrEqual(t.onShift - t.slack);
        expect(t.onShift, where).toBeLessThanOrEqual((1 - t.shrinkage) * t.scheduled + t.slack);
        expect(t.paidShrinkage!, where).toBeGreaterThan(-t.slack / t.paid);
      }
    }
    expect(events).toBeGreaterThan(20); // the workforce did move
  });
});
