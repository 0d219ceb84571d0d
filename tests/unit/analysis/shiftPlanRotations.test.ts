/**
 * The shift planner on requirements with a known optimal plan (src/analysis/staffing/shiftPlan.ts):
 *   - a flat requirement around the clock, every day of the week, that 8-hour shifts on 5
 *     consecutive days (all 7 rotations: weekends worked, two days off in a row) at 00:00, 08:00
 *     and 16:00 cover exactly: one agent per rotation and start per 5 on the floor, plan /
 *     requirement 1.0, the LP bound equal to the plan, and each plan's gap 0;
 *   - the same with 24/7 availability 0.8: the plan covers r / α exactly when r / α is whole.
 */
import { describe, expect, it } from "vitest";
import type { ShiftPattern } from "../../../src/analysis/staffing/shiftPattern.js";
import { planShifts } from "../../../src/analysis/staffing/shiftPlan.js";

/** 8 h on 5 consecutive days (all 7 rotations), starting 00:00, 08:00 or 16:00, no breaks. */
const rotations: ShiftPattern = { name: "5 of 7", length: 480, earliestStart: 0, latestStart: 960, step: 480, daysOn: 5, breaks: [] };

describe("planShifts: a flat week covered exactly by 5-of-7 rotations", () => {
  it.each([
    { floor: 5, availability: 1, perRotation: 1 },
    { floor: 8, availability: 0.8, perRotation: 2 },
  ])("$floor on the floor at availability $availability: $perRotation agent(s) per rotation and start, plan = requirement", async ({ floor, availability, perRotation }) => {
    const requirement = new Array<number>(168).fill(floor);
    const plan = await planShifts({ intervalMinutes: 60, requirement, availability, patterns: [rotations] });
    const requirementHours = (floor / availability) * 168;
    expect(plan.paidHoursPerWeek).toBeCloseTo(requirementHours, 6);
    expect(plan.paidHoursPerWeek / requirementHours).toBeCloseTo(1, 9);
    expect(plan.lowerBoundHours).toBeCloseTo(requirementHours, 6);
    expect(plan.gap).toBeCloseTo(0, 9);
    expect(plan.optimal).toBe(true);
    // every one of the 7 rotations (5 days on, 2 consecutive off, weekends included) at every start
    expect(plan.headcount).toBe(21 * perRotation);
    const daySets = new Set(plan.shifts.map((s) => s.days.join(",")));
    expect(daySets.size).toBe(7);
    expect(daySets).toContain("0,1,2,3,6"); // Sun–Thu: off Friday and Saturday
    expect(plan.shifts).toHaveLength(21);
    for (const s of plan.shifts) expect(s.agents).toBe(perRotation);
    plan.coverage.forEach((c) => expect(c).toBeCloseTo(floor, 9));
  });
});
