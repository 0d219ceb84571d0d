/**
 * Comparing runs (src/analysis/experiments/compare.ts): the paired and Welch intervals computed
 * by hand, the headline keys, the labels, compareRuns on hand-made runs, and how the table
 * formats values and differences. Comparing real scenarios goes through the library
 * (tests/unit/api/compare.test.ts); the command's table, JSON and files are tested in
 * tests/unit/cli/compare.test.ts.
 */
import { describe, expect, it } from "vitest";
import { compareRuns, coversZero, headlineKeys, pairedDifference, uniqueLabels, welchDifference } from "../../../src/analysis/experiments/compare.js";
import { formatCompareValue } from "../../../src/report/tables/compareTable.js";

describe("paired and unpaired differences, by hand", () => {
  it("paired: Student-t on the per-replication differences", () => {
    // base 1,2,3,4; other 2,4,5,5 → d = 1,2,2,1: mean 1.5, s_d = √(4·0.25/3) = 0.57735;
    // t(0.975, 3) = 3.182446 → half-width 3.182446·0.57735/√4 = 0.918693 → [0.581307, 2.418693]
    const e = pairedDifference([1, 2, 3, 4], [2, 4, 5, 5]);
    expect(e.mean).toBeCloseTo(1.5, 12);
    expect(e.ci95![0]).toBeCloseTo(0.5813068844814607, 9);
    expect(e.ci95![1]).toBeCloseTo(2.4186931155185394, 9);
  });

  it("Welch: unequal variances, Welch–Satterthwaite degrees of freedom", () => {
    // x̄ 2.5 and 4, s² 5/3 and 2 → se² = 5/12 + 1/2 = 11/12; ν = (11/12)² / ((5/12)²/3 + (1/2)²/3) = 5.950820;
    // t(0.975, 5.950820) = 2.451824 → 1.5 ± 2.451824·√(11/12) = [−0.847441, 3.847441] (scipy ttest_ind, equal_var=False)
    const e = welchDifference([1, 2, 3, 4], [2, 4, 5, 5]);
    expect(e.mean).toBeCloseTo(1.5, 12);
    expect(e.ci95![0]).toBeCloseTo(-0.847441024724644, 9);
    expect(e.ci95![1]).toBeCloseTo(3.847441024724644, 9);
  });

  it("perfectly correlated samples: the paired interval has zero width, the Welch one does not", () => {
    // other = base + 2: d = 2,2,2,2 → [2, 2]. Welch: se² = 2·(5/3)/4 = 5/6, ν = 6 (equal n and s²),
    // t(0.975, 6) = 2.446912 → 2 ± 2.446912·0.912871 = [−0.233715, 4.233715]
    expect(pairedDifference([1, 2, 3, 4], [3, 4, 5, 6])).toEqual({ mean: 2, ci95: [2, 2] });
    const w = welchDifference([1, 2, 3, 4], [3, 4, 5, 6]);
    expect(w.mean).toBe(2);
    expect(w.ci95![0]).toBeCloseTo(-0.23371469516471333, 9);
    expect(w.ci95![1]).toBeCloseTo(4.233714695164713, 9);
  });

  it("undefined values: a pair is used only when both are defined; Welch uses each side's own", () => {
    // pairs (1,2) and (5,8): d = 1, 3 → mean 2, s_d = √2, t(0.975, 1) = 12.706205 → 2 ± 12.706205
    const e = pairedDifference([1, null, 3, 5], [2, 7, null, 8]);
    expect(e.mean).toBe(2);
    expect(e.ci95![0]).toBeCloseTo(-10.706204736174694, 8);
    expect(e.ci95![1]).toBeCloseTo(14.706204736174694, 8);
    // Welch: means of 1,3,5 (3) and 2,7,8 (17/3)
    expect(welchDifference([1, null, 3, 5], [2, 7, null, 8]).mean).toBeCloseTo(17 / 3 - 3, 12);
  });

  it("too few values: no interval; no values: no mean; different lengths: an error", () => {
    expect(pairedDifference([1, null], [2, 3])).toEqual({ mean: 1, ci95: null });
    expect(pairedDifference([null, null], [2, 3])).toEqual({ mean: null, ci95: null });
    expect(welchDifference([1], [2, 3])).toEqual({ mean: 1.5, ci95: null });
    expect(welchDifference([], [2, 3])).toEqual({ mean: null, ci95: null });
    expect(welchDifference([1, 1], [3, 3])).toEqual({ mean: 2, ci95: [2, 2] });
    expect(() => pairedDifference([1, 2], [1, 2, 3])).toThrow(RangeError);
  });

  it("coversZero includes the ends", () => {
    expect(coversZero([0, 0])).toBe(true);
    expect(coversZero([-1, 1])).toBe(true);
    expect(coversZero([0, 2])).toBe(true);
    expect(coversZero([0.1, 1])).toBe(false);
    expect(coversZero([-2, -0.5])).toBe(false);
  });
});

describe("headline keys, labels, compareRuns", () => {
  it("keeps a channel's metrics together, channels and tiers in order of appearance, and only keys in every scenario", () => {
    const a = ["cost.total", "tier.L1.occupancy", "channel.phone.serviceLevel", "channel.phone.asaSeconds", "channel.chat.serviceLevel", "tier.L2.occupancy", "channel.phone.offered", "retention.csat"];
    const b = ["channel.chat.serviceLevel", "channel.phone.serviceLevel", "channel.phone.asaSeconds", "tier.L1.occupancy", "cost.total", "channel.web.serviceLevel"];
    expect(headlineKeys([a, b])).toEqual(["channel.phone.serviceLevel", "channel.phone.asaSeconds", "channel.chat.serviceLevel", "tier.L1.occupancy", "cost.total"]);
    expect(headlineKeys([])).toEqual([]);
  });

  it("labels: names; the file name where names repeat; else the path; else #2, #3", () => {
    expect(uniqueLabels([{ name: "a", file: "x.json" }, { name: "b", file: "y.json" }])).toEqual(["a", "b"]);
    expect(uniqueLabels([{ name: "s", file: "dir/base.json" }, { name: "s", file: "other/what-if.json" }, { name: "t", file: "t.json" }])).toEqual(["base", "what-if", "t"]);
    expect(uniqueLabels([{ name: "s", file: "one/s.json" }, { name: "s", file: "two/s.json" }])).toEqual(["one/s.json", "two/s.json"]);
    expect(uniqueLabels([{ name: "s", file: "s.json" }, { name: "s", file: "s.json" }, { name: "s", file: "s.json" }])).toEqual(["s", "s #2", "s #3"]);
    // a file name that is another scenario's name: the later one gets #2
    expect(uniqueLabels([{ name: "x", file: "b.json" }, { name: "x", file: "c.json" }, { name: "b", file: "z.json" }])).toEqual(["b", "c", "b #2"]);
  });

  it("compareRuns: values from the runs' estimates, paired differences against the first, significance", () => {
    const run = (sl: number[], cost: (number | null)[]) => ({
      replications: sl.map((x, k) => ({ "channel.phone.serviceLevel": x, "cost.total": cost[k], "funnel.needs": 1 })),
      estimates: { "channel.phone.serviceLevel": { mean: 0.5, ci95: [0.4, 0.6] as [number, number] }, "cost.total": { mean: 9, ci95: null } },
    });
    const c = compareRuns(
      [{ label: "A", horizonHours: 24, warmupHours: 0 }, { label: "B", horizonHours: 24, warmupHours: 0 }, { label: "C", horizonHours: 48, warmupHours: 0 }],
      [run([0.5, 0.6, 0.7], [10, 20, 30]), run([0.6, 0.7, 0.8], [10, 21, 29]), run([0.5, 0.6, 0.7], [null, 20, 30])],
      { seed: 1, replications: 3, currency: "EUR" },
    );
    expect(Object.keys(c.metrics)).toEqual(["channel.phone.serviceLevel", "cost.total"]);
    const sl = c.metrics["channel.phone.serviceLevel"];
    expect(sl.values).toEqual([{ mean: 0.5, ci95: [0.4, 0.6] }, { mean: 0.5, ci95: [0.4, 0.6] }, { mean: 0.5, ci95: [0.4, 0.6] }]);
    // B − A: 0.1 in each replication (to rounding) → significant; C − A: exactly 0 → not
    expect(sl.differences[0].against).toBe("A");
    expect(sl.differences[0].mean).toBeCloseTo(0.1, 12);
    expect(sl.differences[0].ci95![1] - sl.differences[0].ci95![0]).toBeLessThan(1e-9);
    expect(sl.differences[0].significant).toBe(true);
    expect(sl.differences[1]).toMatchObject({ against: "A", mean: 0, ci95: [0, 0], significant: false });
    // Welch ignores the pairing: identical samples 0.5, 0.6, 0.7 (s² = 0.01) → se² = 2·0.01/3, ν = 4,
    // t(0.975, 4) = 2.776445 → ±2.776445·0.081650 = ±0.226696
    expect(sl.differences[1].ci95Unpaired![1]).toBeCloseTo(0.2266958, 6);
    // cost B − A: d = 0, 1, −1 → mean 0, covers 0; C − A: pairs (20,20), (30,30) → [0, 0]
    expect(c.metrics["cost.total"].differences[0].mean).toBe(0);
    expect(c.metrics["cost.total"].differences[0].significant).toBe(false);
    expect(c.metrics["cost.total"].differences[1].ci95).toEqual([0, 0]);
    expect(() => compareRuns([{ label: "A", horizonHours: 1, warmupHours: 0 }], [run([1], [1])], { seed: 1, replications: 1, currency: "" })).toThrow(RangeError);
  });

  it("formats differences with a sign, shares in percentage points", () => {
    expect(formatCompareValue(0.0123, "percent")).toBe("1.23%");
    expect(formatCompareValue(0.0123, "percent", true)).toBe("+1.23 pp");
    expect(formatCompareValue(-2003.4, "money", true)).toBe("-2,003");
    expect(formatCompareValue(0, "seconds", true)).toBe("0.00 s");
    expect(formatCompareValue(null, "count")).toBe("–");
  });
});
