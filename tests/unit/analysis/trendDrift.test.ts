/**
 * `run` warns when the first measured weeks and the last differ beyond noise (analysis/
 * experiments/weeklyTrend.ts trendDrift), naming the channel and the metric: on synthetic
 * replications with a known drift, and not without one.
 */
import { describe, expect, it } from "vitest";
import { trendDrift } from "../../../src/analysis/experiments/weeklyTrend.js";
import { IF, INTERVAL_FIELDS } from "../../../src/model/counters.js";
import type { SupportConfig } from "../../../src/model/config.js";

const DAY = 1440, WEEKS = 12, F = INTERVAL_FIELDS.length;
const cfg = {
  horizon: WEEKS * 7 * DAY, warmup: 0, intervalLength: DAY,
  channels: [{ name: "email", kind: "deferred" }, { name: "phone", kind: "realtime" }],
  tiers: [{ name: "L1" }],
} as unknown as SupportConfig;

/** A replication: per day, offered(week) contacts on each channel, a share sl(week) of them within target; a little noise by replication. */
function replication(rep: number, offered: (c: number, w: number) => number, sl: (c: number, w: number) => number) {
  const days = WEEKS * 7, C = 2;
  const byInterval = new Float64Array(days * C * F);
  for (let d = 0; d < days; d++) for (let c = 0; c < C; c++) {
    const w = Math.floor(d / 7), n = offered(c, w) + ((rep * 7 + d) % 5) - 2;
    byInterval[(d * C + c) * F + IF.offered] = n;
    byInterval[(d * C + c) * F + IF.answered] = n;
    byInterval[(d * C + c) * F + IF.withinTarget] = Math.round(n * sl(c, w));
  }
  const zeros = () => new Float64Array(days);
  return { byInterval, backlog: [zeros(), zeros()], tierBusy: [zeros()], tierStaffed: [zeros()] };
}

describe("drift between the first and the last measured weeks", () => {
  it("flat inputs: no warning", () => {
    const reps = [0, 1, 2, 3].map((r) => replication(r, () => 100, () => 0.9));
    expect(trendDrift(cfg, reps)).toEqual([]);
  });

  it("e-mail volume rising by half and phone service level falling 10 points: one line each, naming the channel and metric", () => {
    const reps = [0, 1, 2, 3].map((r) => replication(r, (c, w) => (c === 0 ? 100 * (1 + (0.5 * w) / (WEEKS - 1)) : 100), (c, w) => (c === 1 ? 0.9 - (0.1 * w) / (WEEKS - 1) : 0.95)));
    const lines = trendDrift(cfg, reps);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^channel email: offered rises \d+% from the first 4 measured weeks to the last 4 \(beyond noise\)/);
    expect(lines[1]).toMatch(/^channel phone: service level falls \d+ points from the first 4 measured weeks to the last 4 \(beyond noise\)/);
  });

  it("a small change (within the materiality bounds) or too few weeks or replications: no warning", () => {
    expect(trendDrift(cfg, [0, 1, 2].map((r) => replication(r, (c, w) => 100 + w / 2, () => 0.9)))).toEqual([]);
    expect(trendDrift({ ...cfg, horizon: 5 * 7 * DAY } as SupportConfig, [0, 1].map((r) => replication(r, (c, w) => 100 * (1 + w), () => 0.9)))).toEqual([]);
    expect(trendDrift(cfg, [replication(0, (c, w) => 100 * (1 + w), () => 0.9)])).toEqual([]);
  });
});
