/**
 * Shift plans with starts that move from day to day (column generation: columnPricing.ts,
 * columnGeneration.ts), days off anywhere in the week, and the plan's limits (planLimits.ts):
 * cases computed by hand, hourly intervals.
 */
import { describe, expect, it } from "vitest";
import { priceShifts } from "../../../src/analysis/staffing/columnPricing.js";
import { limitProblems, limitRows, partTimeFlags } from "../../../src/analysis/staffing/planLimits.js";
import { parsePatterns } from "../../../src/analysis/staffing/patternFile.js";
import { byStart } from "../../../src/analysis/staffing/shiftDays.js";
import { daySetsOf, type ShiftPattern } from "../../../src/analysis/staffing/shiftPattern.js";
import { planShifts } from "../../../src/analysis/staffing/shiftPlan.js";

/** A requirement of `value` on weekday `day` from hour `from` to hour `to` (L = 60), 0 elsewhere. */
function hourly(cells: { day: number; from: number; to: number; value: number }[]): number[] {
  const r = new Array<number>(168).fill(0);
  for (const c of cells) for (let h = c.from; h < c.to; h++) r[c.day * 24 + h] = c.value;
  return r;
}

/** 8-hour shifts Mon–Fri from 06:00 to 12:00 (hourly), no breaks. */
const day = (band?: number): ShiftPattern => ({ name: "day", length: 480, earliestStart: 360, latestStart: 720, step: 60, daySets: [[0, 1, 2, 3, 4]], breaks: [], ...(band === undefined ? {} : { startBand: band }) });

describe("starts that move from day to day", () => {
  // 1 agent Mon 08:00–16:00 and Tue–Fri 11:00–19:00: one start for all days needs 2 agents
  // (one start cannot cover both, 80 h); with a band of 3 h one agent does it (40 h).
  const requirement = hourly([{ day: 0, from: 8, to: 16, value: 1 }, ...[1, 2, 3, 4].map((d) => ({ day: d, from: 11, to: 19, value: 1 }))]);

  it("one start for every day: 2 agents, 80 h", async () => {
    const plan = await planShifts({ intervalMinutes: 60, requirement, availability: 1, patterns: [day()] });
    expect(plan.paidHoursPerWeek).toBe(80);
    expect(plan.headcount).toBe(2);
  });

  it("a 3-hour band: 1 agent starting Mon 08:00 and Tue–Fri 11:00, 40 h, and the bound is 40 h", async () => {
    const plan = await planShifts({ intervalMinutes: 60, requirement, availability: 1, patterns: [day(180)] });
    expect(plan.paidHoursPerWeek).toBe(40);
    expect(plan.lowerBoundHours).toBeCloseTo(40, 6);
    expect(plan.shifts).toEqual([{ pattern: "day", days: [0, 1, 2, 3, 4], start: 480, starts: [480, 660, 660, 660, 660], length: 480, agents: 1, breaks: [] }]);
    // one shift per start for the model and the scenario file
    expect(byStart(plan.shifts[0]).map((s) => [s.days, s.start])).toEqual([[[0], 480], [[1, 2, 3, 4], 660]]);
  });

  it("a band narrower than the move (2 h) keeps the 80 h plan", async () => {
    const plan = await planShifts({ intervalMinutes: 60, requirement, availability: 1, patterns: [day(120)] });
    expect(plan.paidHoursPerWeek).toBe(80);
  });

  it("pricing finds the shift from the duals: value 8 h × y on Monday 08–16 and Tue–Fri 11–19", () => {
    const y = new Float64Array(168);
    for (const i of requirement.keys()) if (requirement[i] > 0) y[i] = 10;
    const priced = priceShifts([day(180)], y, [0], 60, 10);
    // cost 2400 paid minutes, value 40 covered hours × 10 = 400: reduced cost 2000 > 0, nothing to add
    expect(priced.shifts).toEqual([]);
    y.fill(0);
    for (const i of requirement.keys()) if (requirement[i] > 0) y[i] = 100;
    const best = priceShifts([day(180)], y, [0], 60, 10).shifts[0];
    expect(best.starts).toEqual([480, 660, 660, 660, 660]);
    expect(best.reducedCost).toBeCloseTo(2400 - 4000, 9);
  });
});

describe("days off anywhere in the week", () => {
  it("any 3 of 7 days: 35 day sets; consecutive: 7", () => {
    const p: ShiftPattern = { name: "p", length: 240, earliestStart: 480, latestStart: 480, step: 60, daysOn: 3, breaks: [] };
    expect(daySetsOf(p)).toHaveLength(7);
    expect(daySetsOf({ ...p, anyDaysOff: true })).toHaveLength(35);
  });

  it("covers Mon and Thu with one 2-day agent when days off may be anywhere, two otherwise", async () => {
    const requirement = hourly([{ day: 0, from: 8, to: 12, value: 1 }, { day: 3, from: 8, to: 12, value: 1 }]);
    const p: ShiftPattern = { name: "p", length: 240, earliestStart: 480, latestStart: 480, step: 60, daysOn: 2, breaks: [] };
    expect((await planShifts({ intervalMinutes: 60, requirement, availability: 1, patterns: [p] })).paidHoursPerWeek).toBe(16);
    const any = await planShifts({ intervalMinutes: 60, requirement, availability: 1, patterns: [{ ...p, anyDaysOff: true }] });
    expect(any.paidHoursPerWeek).toBe(8);
    expect(any.shifts[0].days).toEqual([0, 3]);
  });
});

describe("limits", () => {
  // 3 agents Mon–Fri 08–12 and 1 agent 12–16: 80 h at best (4 part-timers, or 1 full-timer and
  // 2 part-timers); a part-time share of a third forces 2 full-timers, none forces 3
  const requirement = hourly([0, 1, 2, 3, 4].flatMap((d) => [{ day: d, from: 8, to: 12, value: 3 }, { day: d, from: 12, to: 16, value: 1 }]));
  const full: ShiftPattern = { name: "full", length: 480, earliestStart: 480, latestStart: 480, step: 60, daysOn: 5, breaks: [] };
  const part: ShiftPattern = { name: "part", length: 240, earliestStart: 480, latestStart: 720, step: 240, daysOn: 5, breaks: [] };

  it("without limits: 80 h", async () => {
    const plan = await planShifts({ intervalMinutes: 60, requirement, availability: 1, patterns: [full, part] });
    expect(plan.paidHoursPerWeek).toBe(80);
    expect(plan.partTimeAgents).toBeGreaterThanOrEqual(2);
  });

  it("at most a third part-time: 2 full-timers and 1 part-timer, 100 h", async () => {
    const plan = await planShifts({ intervalMinutes: 60, requirement, availability: 1, patterns: [full, part], limits: { maxPartTimeShare: 1 / 3 } });
    expect(plan.paidHoursPerWeek).toBe(100);
    expect(plan.partTimeAgents).toBe(1);
    expect(plan.headcount).toBe(3);
  });

  it("no part-timers: 3 full-timers, 120 h", async () => {
    const plan = await planShifts({ intervalMinutes: 60, requirement, availability: 1, patterns: [full, part], limits: { maxPartTimeShare: 0 } });
    expect(plan.paidHoursPerWeek).toBe(120);
    expect(plan.partTimeAgents).toBe(0);
  });

  it("a headcount that cannot cover the requirement is one line naming the limit", async () => {
    await expect(planShifts({ intervalMinutes: 60, requirement, availability: 1, patterns: [full, part], limits: { maxHeadcount: 2 } }))
      .rejects.toThrow("no plan of these patterns covers the requirement with at most 2 agents");
  });

  it("checks the limits, and counts a pattern of fewer hours than a full-time week as part-time", () => {
    expect(limitProblems({ maxHeadcount: 0, maxPartTimeShare: 1.5 }).map((p) => `${p.path}: ${p.message}`)).toEqual([
      "limits.maxHeadcount: expected a whole number of agents >= 1, got 0",
      "limits.maxPartTimeShare: expected a share in [0, 1], got 1.5",
    ]);
    expect(partTimeFlags([full, part, { ...part, partTime: false }], 40)).toEqual([false, true, false]);
    expect(limitRows({ maxHeadcount: 9, maxPartTimeShare: 0.25 })).toEqual([
      { name: "headcount", partTime: 1, fullTime: 1, rhs: 9 },
      { name: "parttime", partTime: 0.75, fullTime: -0.25, rhs: 0 },
    ]);
  });
});

describe("the pattern file's new fields", () => {
  it("reads bandHours, daysOff and partTime", () => {
    const [p] = parsePatterns([{ name: "p", lengthHours: 4, starts: { earliest: "08:00", latest: "12:00", bandHours: 2 }, daysOn: 3, daysOff: "any", partTime: true }], 30);
    expect(p).toMatchObject({ startBand: 120, anyDaysOff: true, partTime: true, daysOn: 3 });
  });

  it("says a wrong value in one line", () => {
    expect(() => parsePatterns([{ name: "p", lengthHours: 4, daysOn: 3, daysOff: "weekends" }], 30)).toThrow('shiftPatterns[0].daysOff: expected "consecutive" or "any", got "weekends"');
    expect(() => parsePatterns([{ name: "p", lengthHours: 4, days: ["Mon"], daysOff: "any" }], 30)).toThrow('"daysOff" goes with "daysOn"');
  });
});

