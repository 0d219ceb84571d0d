/**
 * Issue 18 point 7: "scheduled floor time lost" (pool.<p>.lostShare) read −9.6 % with shrinkage 0,
 * its mean outside its own interval. The sign came from overtime counted as floor time (fixed by
 * the overtime model: the share is taken from the time on shift); what remained is the ratio of
 * sums (scheduled − on shift) / scheduled, whose numerator is a difference of two float sums that
 * are equal in exact arithmetic: −1e−16, outside the interval [0, …] the share's bounds clip to.
 * The estimate is clipped as a whole (analysis/confidence.ts clampEstimate), mean included.
 */
import { describe, expect, it } from "vitest";
import { loadScenario, simulate } from "../../../src/api/index.js";
import { clampEstimate } from "../../../src/analysis/confidence.js";
import { smallBaseline } from "../../helpers/smallBaseline.js";

describe("scheduled floor time lost with shrinkage 0", () => {
  it("is 0, never negative, and its mean lies in its own interval", async () => {
    // the baseline's pools over 15 days: L3's sums come out 4e−17 apart (a smaller run happens to round to 0 exactly)
    const s = smallBaseline(3, (x) => {
      x.customers.count = 20000;
      x.horizon = { days: 15, warmupDays: 1, intervalMinutes: 30 };
      [11, 4, 10, 6].forEach((n, i) => { x.pools[i].agents = n; x.pools[i].shrinkage = 0; });
    });
    const r = await simulate(loadScenario(s, { baseDir: "scenarios" }), { replications: 3 });
    const keys = Object.keys(r.estimates).filter((k) => k.endsWith(".lostShare") || k.endsWith(".paidShrinkage"));
    expect(keys.length).toBe(8);
    for (const k of keys.filter((k) => k.endsWith(".lostShare"))) {
      const e = r.estimates[k];
      expect(e.mean, k).toBeGreaterThanOrEqual(0);
      expect(e.mean, k).toBeLessThan(1e-9);
      expect(e.ci95![0], k).toBeLessThanOrEqual(e.mean!);
      expect(e.ci95![1], k).toBeGreaterThanOrEqual(e.mean!);
    }
  });

  it("clips the mean with its interval, and leaves a signed KPI's alone", () => {
    expect(clampEstimate({ mean: -1e-16, ci95: [-3e-16, 2e-16] }, true)).toEqual({ mean: 0, ci95: [0, 2e-16] });
    expect(clampEstimate({ mean: 1.2, ci95: null }, true)).toEqual({ mean: 1, ci95: null });
    expect(clampEstimate({ mean: -5, ci95: [-9, -1] }, false, true)).toEqual({ mean: -5, ci95: [-9, -1] });
    expect(clampEstimate({ mean: null, ci95: null }, false)).toEqual({ mean: null, ci95: null });
  });
});
