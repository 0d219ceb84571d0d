/**
 * `pools[].reserveForLive` (docs/model.md §8.1): agents a pool keeps idle for live work while
 * deferred work waits. The default goes to blended pools only (a real-time and a deferred
 * channel entering at the pool's tier: build/pools.ts `isBlended`); bad values are one line at
 * their path.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildSupport } from "../../../src/scenario/full/build.js";
import { SUPPORT_DEFAULTS } from "../../../src/scenario/full/defaults.js";
import { validateSupportScenario } from "../../../src/scenario/load.js";
import { problemsOf } from "../../helpers/problems.js";

const baseline = () => JSON.parse(readFileSync("scenarios/baseline.json", "utf8"));
const reserves = (s: unknown) => buildSupport(validateSupportScenario(s), { baseDir: "scenarios" }).pools.map((p) => p.reserveForLive);

describe("reserveForLive", () => {
  it("is a blended pool's default (L1 phone and e-mail), 0 for chat only and for the ticket tiers", () => {
    const D = SUPPORT_DEFAULTS.pool.reserveForLive;
    expect(D).toBeGreaterThan(0);
    expect(reserves(baseline())).toEqual([D, 0, 0, 0]);
  });

  it("is taken as written, on any pool", () => {
    const s = baseline();
    s.pools[0].reserveForLive = 0;
    s.pools[2].reserveForLive = 3;
    expect(reserves(s)).toEqual([0, 0, 3, 0]);
  });

  it("a pool whose deferred channel enters another tier is not blended", () => {
    const s = baseline();
    s.channels.find((c: { name: string }) => c.name === "email").entryTier = "L2";
    expect(reserves(s)).toEqual([0, 0, 0, 0]);
  });

  it("rejects what is not a whole number of agents >= 0, one line at its path", () => {
    for (const bad of [-1, 1.5, "2"]) {
      const s = baseline();
      s.pools[0].reserveForLive = bad;
      const p = problemsOf(validateSupportScenario, s);
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(/^pools\[0\]\.reserveForLive: expected a whole number of agents >= 0 kept idle for live work, got /);
    }
  });
});
