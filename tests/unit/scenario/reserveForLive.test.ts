/**
 * `pools[].reserveForLive` (docs/model.md §8.1): agents a pool keeps idle for live work while
 * deferred work waits. None by default (a scenario routes as written); taken as written; bad
 * values are one line at their path. `isBlended` picks the pools `staff` sizes with a reserve:
 * a real-time and a deferred channel entering at the pool's tier.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildSupport } from "../../../src/scenario/full/build.js";
import { isBlended } from "../../../src/analysis/staffing/liveReserve.js";
import type { SupportScenario } from "../../../src/scenario/full/schema.js";
import { validateWithInputs } from "../../../src/scenario/load.js";
import { problemsOf } from "../../helpers/problems.js";

const baseline = () => JSON.parse(readFileSync("scenarios/baseline.json", "utf8"));
// the baseline's ranged inputs at their middle values (scenario/inputs), then validated
const load = (s: unknown): SupportScenario => validateWithInputs(s).scenario;
const reserves = (s: unknown) => buildSupport(load(s), { baseDir: "scenarios" }).pools.map((p) => p.reserveForLive);
const blended = (s: unknown) => {
  const cfg = buildSupport(load(s), { baseDir: "scenarios" });
  return cfg.pools.map((_, q) => isBlended(cfg, q));
};

describe("reserveForLive", () => {
  it("is none by default, and taken as written on any pool", () => {
    expect(reserves(baseline())).toEqual([0, 0, 0, 0]);
    const s = baseline();
    s.pools[0].reserveForLive = 2;
    s.pools[2].reserveForLive = 3;
    expect(reserves(s)).toEqual([2, 0, 3, 0]);
  });

  it("blended pools: L1 phone and e-mail, not chat only nor the ticket tiers; not when the e-mail enters another tier", () => {
    expect(blended(baseline())).toEqual([true, false, false, false]);
    const s = baseline();
    s.channels.find((c: { name: string }) => c.name === "email").entryTier = "L2";
    expect(blended(s)).toEqual([false, false, false, false]);
  });

  it("rejects what is not a whole number of agents >= 0, one line at its path", () => {
    for (const bad of [-1, 1.5, "2"]) {
      const s = baseline();
      s.pools[0].reserveForLive = bad;
      const p = problemsOf(load, s);
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(/^pools\[0\]\.reserveForLive: expected a whole number of agents >= 0 kept idle for live work, got /);
    }
  });
});
