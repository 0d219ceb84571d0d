/** Tests of the schedule errors (src/model/staffing/scheduleProblems.ts and the WeeklyPattern constructor). */
import { messageOf } from "../../helpers/problems.js";
import { describe, expect, it } from "vitest";
import { scheduleProblems } from "../../../src/model/staffing/scheduleProblems.js";
import { WeeklyPattern } from "../../../src/model/staffing/weeklyPattern.js";
import { Roster } from "../../../src/model/staffing/roster.js";
import { nextTimeShareChange, timeShared } from "../../../src/model/staffing/timeShare.js";
import type { PoolSchedule, ShiftConfig } from "../../../src/model/config.js";
import { at, DAY_SHIFT } from "../../helpers/shifts.js";

const shift = (over: Partial<ShiftConfig>): PoolSchedule => ({ type: "shifts", shifts: [{ ...DAY_SHIFT, ...over }] });

describe("schedule errors", () => {
  const cases: [string, PoolSchedule, string][] = [
    ["length 0", shift({ length: 0 }), 'shift "Day": length: expected minutes in (0, 1440] (a shift longer than a day would overlap itself), got 0'],
    ["length over a day", shift({ length: 1500 }), 'shift "Day": length: expected minutes in (0, 1440] (a shift longer than a day would overlap itself), got 1500'],
    ["fractional agents", shift({ agents: 2.5 }), 'shift "Day": agents: expected a non-negative integer, got 2.5'],
    ["negative agents", shift({ agents: -1 }), 'shift "Day": agents: expected a non-negative integer, got -1'],
    [
      // 470 + 60·3/4 + 30 = 545 > 510
      "a break ending after the shift",
      shift({ breaks: [{ after: 470, length: 30, stagger: 60 }] }),
      'shift "Day": breaks[0]: expected the break to end inside the shift (after + stagger·(n−1)/n + length <= 510), but the last agent\'s break ends 545 minutes into it (after 470 + stagger 60·3/4 + length 30)',
    ],
    [
      // agent 1: [255, 285) and [280, 295)
      "overlapping breaks",
      shift({ breaks: [{ after: 240, length: 30, stagger: 60 }, { after: 280, length: 15, stagger: 0 }] }),
      'shift "Day": breaks[0] and breaks[1] overlap for agent 1 of 4 (minutes 255–285 and 280–295 into the shift); an agent takes one break at a time',
    ],
    ["a negative break length", shift({ breaks: [{ after: 240, length: -5, stagger: 0 }] }), 'shift "Day": breaks[0].length: expected minutes > 0, got -5'],
    ["a start before midnight", shift({ start: -10 }), 'shift "Day": start: expected minutes after local midnight in 0..1440, got -10'],
    ["a start after 24:00", shift({ start: 1441 }), 'shift "Day": start: expected minutes after local midnight in 0..1440, got 1441'],
    ["empty days", shift({ days: [] }), 'shift "Day": days: expected at least one day 0..6 (0 = Monday, 6 = Sunday), got none'],
    ["a day out of range", shift({ days: [0, 7] }), 'shift "Day": days[1]: expected an integer 0..6 (0 = Monday, 6 = Sunday), got 7'],
    ["a day twice", shift({ days: [2, 2] }), 'shift "Day": days: day 2 is listed twice'],
    [
      "a row closing before it opens",
      { type: "table", rows: [{ days: [0], open: 480, close: 1020, agents: 1 }, { days: [1], open: 600, close: 600, agents: 1 }] },
      "rows[1]: close: expected a time after open (600), got 600",
    ],
    ["a row opening after 24:00", { type: "table", rows: [{ days: [0], open: 1500, close: 1440, agents: 1 }] }, "rows[0]: open: expected minutes after local midnight in 0..1440, got 1500"],
    ["a row closing after 24:00", { type: "table", rows: [{ days: [0], open: 60, close: 1441, agents: 1 }] }, "rows[0]: close: expected minutes after local midnight in 0..1440, got 1441"],
    ["a row with empty days", { type: "table", rows: [{ days: [], open: 60, close: 120, agents: 1 }] }, "rows[0]: days: expected at least one day 0..6 (0 = Monday, 6 = Sunday), got none"],
    ["a row with negative agents", { type: "table", rows: [{ days: [0], open: 60, close: 120, agents: -0.5 }] }, "rows[0]: agents: expected a non-negative number, got -0.5"],
    ["hours with fractional agents", { type: "hours", agents: 1.5 }, "hours: agents: expected a non-negative integer, got 1.5"],
    ["hours with an empty span", { type: "hours", agents: 1, hours: { spans: [{ days: [0], open: 600, close: 540 }] } }, "hours.spans[0]: close: expected a time after open (600), got 540"],
    ["an unknown type", { type: "rota" } as unknown as PoolSchedule, 'schedule: type: expected "hours", "shifts" or "table", got "rota"'],
  ];

  for (const [what, schedule, message] of cases) {
    it(`${what}: ${message}`, () => {
      expect(scheduleProblems(schedule)).toEqual([message]);
      const e = (() => {
        try {
          new WeeklyPattern(schedule);
        } catch (err) {
          return err;
        }
        return undefined;
      })();
      expect(e).toBeInstanceOf(RangeError);
      expect((e as Error).message).toBe(message);
    });
  }

  it("names an unnamed shift by index and reports every problem, throwing the first", () => {
    const bad: PoolSchedule = {
      type: "shifts",
      shifts: [DAY_SHIFT, { name: "", days: [], start: 0, length: 0, agents: 1, breaks: [] }],
    };
    expect(scheduleProblems(bad)).toEqual([
      "shifts[1]: days: expected at least one day 0..6 (0 = Monday, 6 = Sunday), got none",
      "shifts[1]: length: expected minutes in (0, 1440] (a shift longer than a day would overlap itself), got 0",
    ]);
    expect(messageOf(() => new WeeklyPattern(bad))).toBe(
      "shifts[1]: days: expected at least one day 0..6 (0 = Monday, 6 = Sunday), got none (and 1 more problem)",
    );
  });

  it("accepts breaks that touch, a break ending exactly at the shift end, a full-day shift and zero agents", () => {
    const ok: PoolSchedule = {
      type: "shifts",
      shifts: [
        { ...DAY_SHIFT, breaks: [{ after: 240, length: 30, stagger: 0 }, { after: 270, length: 15, stagger: 0 }] },
        { ...DAY_SHIFT, name: "Late", breaks: [{ after: 435, length: 30, stagger: 60 }] }, // 435 + 45 + 30 = 510
        { name: "Round", days: [6], start: 1440, length: 1440, agents: 1, breaks: [] }, // Sunday 24:00 = Monday 00:00, all day
        { name: "Nobody", days: [3], start: 0, length: 60, agents: 0, breaks: [] },
        // decimal minutes: 30.3 + 0.6 is 30.900000000000002 in floating point, yet the breaks touch
        { name: "Decimal", days: [5], start: 0, length: 60, agents: 1, breaks: [{ after: 30.3, length: 0.6, stagger: 0 }, { after: 30.9, length: 5, stagger: 0 }] },
      ],
    };
    expect(scheduleProblems(ok)).toEqual([]);
    const p = new WeeklyPattern(ok);
    expect(p.paidAt(at(0, 0))).toBe(1);
    expect(p.paidAt(at(0, 23, 59))).toBe(1);
    expect(p.paidAt(at(1, 0))).toBe(0);
    // Late: agent 3 off [480 + 435 + 45, +30) = [960, 990), right up to the shift end 16:30;
    // Day is on the floor there with all 4
    expect(p.floorAt(at(2, 16, 15))).toBe(4 + 3);
    expect(p.paidAt(at(2, 16, 15))).toBe(8);
    // Decimal: off the floor on Saturday from 00:30.3 to 00:35.9, with no sliver in between
    expect(p.floorAt(at(5, 0, 30.2))).toBe(1);
    expect(p.floorAt(at(5, 0, 30.9))).toBe(0);
    expect(p.segments().filter((s) => s.start >= at(5, 0) && s.start < at(5, 1)).map((s) => s.floor)).toEqual([1, 0, 1]);
  });
});
