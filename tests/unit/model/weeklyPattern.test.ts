/**
 * Tests of the weekly pattern of a schedule (src/model/staffing/weeklyPattern.ts): shifts with
 * staggered breaks, night shifts past midnight and past Sunday, table rows, the "hours" form,
 * and its staffed hours.
 */
import { messageOf } from "../../helpers/problems.js";
import { describe, expect, it } from "vitest";
import { WeeklyPattern } from "../../../src/model/staffing/weeklyPattern.js";
import type { PoolSchedule } from "../../../src/model/config.js";
import { at, DAY_SHIFT, SAT_NIGHT } from "../../helpers/shifts.js";

const DAY = 1440;
const WEEK = 7 * DAY;

describe("WeeklyPattern of a day shift with staggered breaks", () => {
  const p = new WeeklyPattern({ type: "shifts", shifts: [DAY_SHIFT] });
  // Breaks: agent i of 4 is off at 08:00 + 240 + i·60/4 = 12:00 + 15i for 30 minutes:
  //   agent 0 [720, 750), agent 1 [735, 765), agent 2 [750, 780), agent 3 [765, 795).
  // On the floor: 4 on [480, 720), 3 on [720, 735), 2 on [735, 780) (one back, one off at
  // 750 and at 765), 3 on [780, 795), 4 on [795, 990); paid 4 on [480, 990).

  it("has floor and paid at chosen minutes", () => {
    for (const d of [0, 2, 4]) {
      expect(p.floorAt(at(d, 7, 59))).toBe(0);
      expect(p.paidAt(at(d, 7, 59))).toBe(0);
      expect(p.floorAt(at(d, 8))).toBe(4);
      expect(p.floorAt(at(d, 11, 59))).toBe(4);
      expect(p.floorAt(at(d, 12))).toBe(3);
      expect(p.floorAt(at(d, 12, 14))).toBe(3);
      expect(p.floorAt(at(d, 12, 15))).toBe(2);
      expect(p.floorAt(at(d, 12, 30))).toBe(2); // agent 0 back, agent 2 off
      expect(p.floorAt(at(d, 12, 59))).toBe(2);
      expect(p.floorAt(at(d, 13))).toBe(3);
      expect(p.floorAt(at(d, 13, 15))).toBe(4);
      expect(p.paidAt(at(d, 12, 40))).toBe(4); // breaks are paid
      expect(p.floorAt(at(d, 16, 29))).toBe(4);
      expect(p.floorAt(at(d, 16, 30))).toBe(0); // 08:00 + 510 min = 16:30
      expect(p.paidAt(at(d, 16, 30))).toBe(0);
    }
    expect(p.paidAt(at(5, 12))).toBe(0); // Saturday
    expect(p.paidAt(at(6, 12))).toBe(0); // Sunday
    expect(p.floorAt(at(0, 12) + WEEK)).toBe(3); // taken modulo the week
    expect(p.floorAt(at(4, 12, 20) - WEEK)).toBe(2);
  });

  it("has the maxima and the weekly agent-minutes", () => {
    expect(p.maxPaid).toBe(4);
    expect(p.maxFloor).toBe(4);
    expect(p.paidMinutesPerWeek).toBe(5 * 4 * 510); // 10200
    expect(p.floorMinutesPerWeek).toBe(5 * 4 * 510 - 5 * 4 * 30); // 9600
    // the same by segments: 4·240 + 3·15 + 2·45 + 3·15 + 4·195 = 1920 per day
    expect(5 * (4 * 240 + 3 * 15 + 2 * 45 + 3 * 15 + 4 * 195)).toBe(p.floorMinutesPerWeek);
    expect(p.constant).toBe(false);
  });

  it("lists the change points of each weekday", () => {
    const mon = p.changesOn(0);
    expect(Array.from(mon.minutes)).toEqual([480, 720, 735, 780, 795, 990]);
    expect(Array.from(mon.floor)).toEqual([4, 3, 2, 3, 4, 0]);
    expect(Array.from(mon.paid)).toEqual([4, 4, 4, 4, 4, 0]);
    expect(p.changesOn(5).minutes.length).toBe(0);
    expect(p.maxChangesPerDay).toBe(6);
    expect(messageOf(() => p.changesOn(7))).toBe("weekly pattern: weekday: expected an integer 0..6 (0 = Monday), got 7");
  });

  it("is staffed Mon–Fri 08:00–16:30", () => {
    expect(p.staffedHours()).toEqual({ spans: [{ days: [0, 1, 2, 3, 4], open: 480, close: 990 }] });
  });
});

describe("night shifts past midnight and past Sunday", () => {
  // Fri 22:00 + 8 h = Sat 06:00: week minutes [7080, 7560); 3 agents, all off together 4 h in
  // (Sat 02:00–02:30 = [7320, 7350)). Sun 20:00 + 8 h = Mon 04:00: [9840, 10080) ∪ [0, 240), 2 agents.
  const p = new WeeklyPattern({
    type: "shifts",
    shifts: [
      { name: "Fri night", days: [4], start: 1320, length: 480, agents: 3, breaks: [{ after: 240, length: 30, stagger: 0 }] },
      { name: "Sun night", days: [6], start: 1200, length: 480, agents: 2, breaks: [] },
    ],
  });

  it("runs into the next day and wraps from Sunday into Monday", () => {
    expect(p.paidAt(7079)).toBe(0);
    expect(p.floorAt(7080)).toBe(3); // Fri 22:00
    expect(p.floorAt(at(5, 1, 59))).toBe(3);
    expect(p.floorAt(at(5, 2))).toBe(0); // all on a break
    expect(p.paidAt(at(5, 2))).toBe(3);
    expect(p.floorAt(at(5, 2, 30))).toBe(3);
    expect(p.floorAt(at(5, 5, 59))).toBe(3);
    expect(p.paidAt(at(5, 6))).toBe(0); // Sat 06:00
    expect(p.floorAt(at(6, 19, 59))).toBe(0);
    expect(p.floorAt(at(6, 20))).toBe(2);
    expect(p.floorAt(WEEK - 1)).toBe(2);
    expect(p.floorAt(0)).toBe(2); // Monday 00:00, still the Sunday shift
    expect(p.floorAt(239)).toBe(2);
    expect(p.floorAt(240)).toBe(0); // Mon 04:00
  });

  it("has the maxima and the weekly agent-minutes", () => {
    expect(p.maxPaid).toBe(3);
    expect(p.maxFloor).toBe(3);
    expect(p.paidMinutesPerWeek).toBe(3 * 480 + 2 * 480); // 2400
    expect(p.floorMinutesPerWeek).toBe(2400 - 3 * 30); // 2310
  });

  it("gives the staffed hours split at midnight", () => {
    expect(p.staffedHours()).toEqual({
      spans: [
        { days: [0], open: 0, close: 240 },
        { days: [4], open: 1320, close: 1440 },
        { days: [5], open: 0, close: 120 },
        { days: [5], open: 150, close: 360 },
        { days: [6], open: 1200, close: 1440 },
      ],
    });
  });

  it("a shift with a single agent leaves a hole in the staffed hours during the break", () => {
    const solo = new WeeklyPattern({
      type: "shifts",
      shifts: [{ name: "Solo", days: [2], start: 540, length: 480, agents: 1, breaks: [{ after: 240, length: 60, stagger: 0 }] }],
    });
    // Wed 09:00–17:00 paid; off the floor 13:00–14:00
    expect(solo.staffedHours()).toEqual({
      spans: [
        { days: [2], open: 540, close: 780 },
        { days: [2], open: 840, close: 1020 },
      ],
    });
    expect(solo.paidAt(at(2, 13, 30))).toBe(1);
    expect(solo.floorAt(at(2, 13, 30))).toBe(0);
  });

  it("a stagger that does not divide evenly gives fractional change points and exact integrals", () => {
    // Mon 09:00 for 120 min, 3 agents, a 10-min break after 60 staggered over 10:
    // agent i off from 600 + 10i/3: [600, 610), [603.33, 613.33), [606.67, 616.67)
    const q = new WeeklyPattern({
      type: "shifts",
      shifts: [{ name: "Short", days: [0], start: 540, length: 120, agents: 3, breaks: [{ after: 60, length: 10, stagger: 10 }] }],
    });
    expect(q.floorAt(599.9)).toBe(3);
    expect(q.floorAt(600)).toBe(2);
    expect(q.floorAt(603.3)).toBe(2);
    expect(q.floorAt(603.4)).toBe(1);
    expect(q.floorAt(606.7)).toBe(0);
    expect(q.floorAt(610)).toBe(1); // agent 0 back
    expect(q.floorAt(613.4)).toBe(2);
    expect(q.floorAt(616.7)).toBe(3);
    expect(q.paidMinutesPerWeek).toBe(360);
    expect(q.floorMinutesPerWeek).toBe(360 - 3 * 10);
  });
});

describe("table rows and the hours form", () => {
  it("adds table rows", () => {
    // Mon–Fri 08:00–17:00 3 agents, plus 2 at lunch 12:00–14:00; Sat 10:00–14:00 1 agent
    const p = new WeeklyPattern({
      type: "table",
      rows: [
        { days: [0, 1, 2, 3, 4], open: 480, close: 1020, agents: 3 },
        { days: [0, 1, 2, 3, 4], open: 720, close: 840, agents: 2 },
        { days: [5], open: 600, close: 840, agents: 1 },
      ],
    });
    expect(p.paidAt(at(0, 11))).toBe(3);
    expect(p.paidAt(at(0, 12))).toBe(5);
    expect(p.floorAt(at(3, 13, 59))).toBe(5); // no breaks: floor = paid
    expect(p.paidAt(at(3, 14))).toBe(3);
    expect(p.paidAt(at(4, 17))).toBe(0);
    expect(p.paidAt(at(5, 10))).toBe(1);
    expect(p.maxPaid).toBe(5);
    expect(p.maxFloor).toBe(5);
    expect(p.paidMinutesPerWeek).toBe(5 * (3 * 540 + 2 * 120) + 240); // 9540
    expect(p.floorMinutesPerWeek).toBe(9540);
    expect(p.staffedHours()).toEqual({
      spans: [
        { days: [0, 1, 2, 3, 4], open: 480, close: 1020 },
        { days: [5], open: 600, close: 840 },
      ],
    });
  });

  it("rows that meet at midnight merge in the pattern", () => {
    const p = new WeeklyPattern({
      type: "table",
      rows: [
        { days: [0], open: 1200, close: 1440, agents: 2 },
        { days: [1], open: 0, close: 360, agents: 2 },
      ],
    });
    expect(p.segments()).toEqual([
      { start: 0, end: 1200, paid: 0, floor: 0 },
      { start: 1200, end: 1800, paid: 2, floor: 2 },
      { start: 1800, end: WEEK, paid: 0, floor: 0 },
    ]);
    expect(p.changesOn(1).minutes.length).toBe(1); // only 06:00 on Tuesday
  });

  it("the hours form without hours is constant around the clock", () => {
    const p = new WeeklyPattern({ type: "hours", agents: 6 });
    expect(p.constant).toBe(true);
    expect(p.floorAt(0)).toBe(6);
    expect(p.paidAt(at(6, 23, 59))).toBe(6);
    expect(p.maxFloor).toBe(6);
    expect(p.paidMinutesPerWeek).toBe(6 * WEEK);
    expect(p.staffedHours()).toBeUndefined();
  });

  it("the hours form with hours staffs the union of the spans", () => {
    // Mon–Fri 09:00–17:00 and Wed 12:00–20:00: overlapping spans do not add agents
    const p = new WeeklyPattern({
      type: "hours",
      agents: 6,
      hours: {
        spans: [
          { days: [0, 1, 2, 3, 4], open: 540, close: 1020 },
          { days: [2], open: 720, close: 1200 },
        ],
      },
    });
    expect(p.paidAt(at(2, 13))).toBe(6);
    expect(p.paidAt(at(2, 19))).toBe(6);
    expect(p.paidAt(at(1, 19))).toBe(0);
    expect(p.maxPaid).toBe(6);
    expect(p.paidMinutesPerWeek).toBe(6 * (5 * 480 + 180)); // 15480
    expect(p.staffedHours()).toEqual({
      spans: [
        { days: [0, 1, 3, 4], open: 540, close: 1020 },
        { days: [2], open: 540, close: 1200 },
      ],
    });
  });

  it("hours covering the whole week are always staffed; no agents are never", () => {
    const all = new WeeklyPattern({ type: "hours", agents: 2, hours: { spans: [{ days: [0, 1, 2, 3, 4, 5, 6], open: 0, close: 1440 }] } });
    expect(all.constant).toBe(true);
    expect(all.staffedHours()).toBeUndefined();
    const none = new WeeklyPattern({ type: "hours", agents: 0 });
    expect(none.staffedHours()).toEqual({ spans: [] });
    expect(none.maxFloor).toBe(0);
    const empty = new WeeklyPattern({ type: "shifts", shifts: [] });
    expect(empty.staffedHours()).toEqual({ spans: [] });
    expect(empty.paidMinutesPerWeek).toBe(0);
  });
});
