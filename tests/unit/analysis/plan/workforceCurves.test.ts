/**
 * The plan's capacity integral (src/analysis/plan/workforceCurves.ts) against closed forms:
 * without training and ramp a cohort's monthly mean employed (= effective) is
 * (e^(−h(a−τ)) − e^(−h(b−τ))) / (h (b − a)) and its leavers e^(−h(a−τ)) − e^(−h(b−τ)); training
 * keeps a hire off the floor; a ramp scales the effective FTE.
 */
import { describe, expect, it } from "vitest";
import { monthCurve, arrivalTime } from "../../../../src/analysis/plan/workforceCurves.js";
import { planMonths } from "../../../../src/analysis/plan/planMonths.js";
import type { WorkforceConfig } from "../../../../src/model/config.js";
import { DAY_MINUTES, YEAR_MINUTES } from "../../../../src/time/units.js";

const months = planMonths("2027-01-01T00:00", "UTC", 12);
const wf = (over: Partial<WorkforceConfig> = {}): WorkforceConfig => ({
  headcount: 10, target: 10, hoursPerWeek: 40, attritionPerMinute: 0.4 / YEAR_MINUTES,
  hiring: { mode: "plan", leadTime: { type: "deterministic", value: 34 * DAY_MINUTES }, plan: [] },
  training: 0, ramp: [], resolvePenalty: 0.5, costPerHire: 12_500, ...over,
});

describe("the capacity integral", () => {
  it("matches survivors e^(−h t) without training or ramp", () => {
    const w = wf(), h = w.attritionPerMinute;
    for (const tau of [-Infinity, months.from[3]]) {
      const c = monthCurve(w, months, tau);
      const t0 = tau === -Infinity ? 0 : tau;
      months.labels.forEach((_, m) => {
        const a = Math.max(months.from[m], t0), b = months.to[m];
        const exact = a >= b ? 0 : (Math.exp(-h * (a - t0)) - Math.exp(-h * (b - t0))) / (h * (b - months.from[m]));
        expect(c.employed[m]).toBeCloseTo(exact, 7);
        expect(c.effective[m]).toBeCloseTo(exact, 7);
        expect(c.leavers[m]).toBeCloseTo(a >= b ? 0 : Math.exp(-h * (a - t0)) - Math.exp(-h * (b - t0)), 7);
      });
    }
  });

  it("keeps a hire off the floor while training, then at the ramp's proficiency", () => {
    const w = wf({ training: 40 * DAY_MINUTES, ramp: [{ at: 0, proficiency: 0.5 }] });
    const c = monthCurve(w, months, months.from[2]);
    expect(c.effective[2]).toBe(0); // March: all in training
    expect(c.trainees[2]).toBeCloseTo(c.employed[2], 9);
    expect(c.effective[5]).toBeCloseTo(0.5 * c.employed[5], 9); // June: productive at p = 0.5
    expect(c.employed[1]).toBe(0);
  });

  it("lets hires arrive no earlier than the lead time after the start", () => {
    expect(arrivalTime(wf(), months, 0)).toBeNull();
    expect(arrivalTime(wf(), months, 1)).toBe(34 * DAY_MINUTES);
    expect(arrivalTime(wf(), months, 2)).toBe(months.from[2]);
  });
});
