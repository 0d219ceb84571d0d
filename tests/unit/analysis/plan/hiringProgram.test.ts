/**
 * The hiring program (src/analysis/plan/hiringProgram.ts) on cases solvable by hand, and a
 * property: higher attrition never needs fewer hires; a longer lead time never lets the first
 * hire arrive earlier. And the same solution solved on the worker thread `plan` uses
 * (parallel/highsThread.ts; its worker is the built one in dist/: run `npm run build` first).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { solveHiringInThread } from "../../../../src/analysis/parallel/highsThread.js";
import { solveHiring } from "../../../../src/analysis/plan/hiringProgram.js";
import { planMonths } from "../../../../src/analysis/plan/planMonths.js";
import { poolCurves } from "../../../../src/analysis/plan/poolCurves.js";
import type { WorkforceConfig } from "../../../../src/model/config.js";
import { DAY_MINUTES, YEAR_MINUTES } from "../../../../src/time/units.js";

const months = planMonths("2027-01-01T00:00", "UTC", 12);
const wf = (over: Partial<WorkforceConfig> = {}): WorkforceConfig => ({
  headcount: 10, target: 10, hoursPerWeek: 40, attritionPerMinute: 0,
  hiring: { mode: "plan", leadTime: { type: "deterministic", value: 34 * DAY_MINUTES }, plan: [] },
  training: 0, ramp: [], resolvePenalty: 0.5, costPerHire: 10_000, ...over,
});
const curve = (w: WorkforceConfig) => poolCurves("L1", w, 30, months);
const total = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe("the hiring program", () => {
  it("hires exactly the step in requirement, in the month it starts (no attrition, no ramp)", async () => {
    const need = months.labels.map((_, m) => (m < 5 ? 10 : 13));
    const s = await solveHiring([curve(wf())], [need], months, {});
    expect(s.hires[0]).toEqual([0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0]);
    expect(total(s.shortfall[0])).toBeCloseTo(0, 9);
  });

  it("cannot hire before the lead time: a requirement in January is a shortfall, covered from February", async () => {
    const need = months.labels.map(() => 12);
    const s = await solveHiring([curve(wf({ hiring: { mode: "plan", leadTime: { type: "deterministic", value: 40 * DAY_MINUTES }, plan: [] } }))], [need], months, {});
    expect(s.hires[0][0]).toBe(0);
    expect(s.shortfall[0][0]).toBeCloseTo(2, 6);
    // they arrive on 10 February (the lead time): three cover February's mean (3 × 19/28 ≥ 2), two would not
    expect(s.hires[0][1]).toBe(3);
    expect(total(s.shortfall[0].slice(1))).toBeCloseTo(0, 6);
    expect(total(s.hires[0])).toBe(3);
  });

  it("hires earlier when a cap on hires per month forbids hiring the step at once", async () => {
    const need = months.labels.map((_, m) => (m < 6 ? 10 : 14));
    const s = await solveHiring([curve(wf())], [need], months, { maxHiresPerMonth: 2 });
    // four needed from July, two at most a month: two arrive in June, two in July
    expect(s.hires[0].slice(0, 7)).toEqual([0, 0, 0, 0, 0, 2, 2]);
    expect(total(s.shortfall[0])).toBeCloseTo(0, 9);
  });

  it("falls short where the budget does not pay for the hires, and says by how much", async () => {
    const need = months.labels.map((_, m) => (m < 3 ? 10 : 12));
    const pay = (40 * 30 * 31 * DAY_MINUTES) / (7 * DAY_MINUTES); // ten people's salary in a 31-day month is 10 × this
    const s = await solveHiring([curve(wf({ costPerHire: 0 }))], [need], months, { budgetPerMonth: 10.5 * pay });
    // the budget pays for 10 people and a half in a 31-day month: no hire fits
    expect(total(s.hires[0])).toBe(0);
    expect(s.shortfall[0][3]).toBeCloseTo(2, 6);
  });

  it("property: higher attrition never needs fewer hires; a longer lead time never brings the first hire earlier", async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 0.6, noNaN: true }), fc.double({ min: 0, max: 0.6, noNaN: true }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 8, max: 14 }), async (a1, a2, l1, l2, peak) => {
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const need = months.labels.map((_, m) => (m < 4 ? 8 : peak));
        const at = (a: number, lead: number) => wf({ attritionPerMinute: a / YEAR_MINUTES, hiring: { mode: "plan", leadTime: { type: "deterministic", value: lead * DAY_MINUTES }, plan: [] } });
        const sLo = await solveHiring([curve(at(lo, 34))], [need], months, {});
        const sHi = await solveHiring([curve(at(hi, 34))], [need], months, {});
        expect(total(sHi.hires[0])).toBeGreaterThanOrEqual(total(sLo.hires[0]));
        const [short, long] = l1 <= l2 ? [l1, l2] : [l2, l1];
        const first = (s: { hires: number[][] }) => s.hires[0].findIndex((x) => x > 0);
        const cShort = curve(at(0.3, short)), cLong = curve(at(0.3, long));
        const fs = first(await solveHiring([cShort], [need], months, {})), fl = first(await solveHiring([cLong], [need], months, {}));
        const arrival = (c: typeof cShort, j: number) => (j < 0 ? Infinity : (c.arrival[j] as number));
        expect(arrival(cLong, fl)).toBeGreaterThanOrEqual(Math.min(arrival(cShort, fs), ...cLong.arrival.filter((t): t is number => t !== null)));
      }),
      { numRuns: 25 },
    );
  });

  it("solved on the worker thread, the same solution to the last bit (two pools, attrition, a cap, headcount and budget)", async () => {
    const pools = [curve(wf({ attritionPerMinute: 0.4 / YEAR_MINUTES, training: 20 * DAY_MINUTES, ramp: [{ at: 0, proficiency: 0.5 }, { at: 60 * DAY_MINUTES, proficiency: 1 }] })), poolCurves("L2", wf({ headcount: 6, target: 6, attritionPerMinute: 0.25 / YEAR_MINUTES, costPerHire: 15_000 }), 45, months)];
    const need = [months.labels.map((_, m) => 9.5 + (m % 5) * 0.7), months.labels.map((_, m) => 5.5 + (m > 6 ? 1.3 : 0))];
    const limits = { maxHiresPerMonth: 3, maxHeadcount: 14, budgetPerMonth: 140_000 };
    const here = await solveHiring(pools, need, months, limits);
    expect(await solveHiringInThread(pools, need, months, limits)).toStrictEqual(here);
    expect(await solveHiringInThread(pools, need, months, {})).toStrictEqual(await solveHiring(pools, need, months, {}));
  });
});
