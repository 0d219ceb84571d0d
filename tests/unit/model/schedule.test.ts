/**
 * Tests of staffing over time (src/model/staffing.ts): the weekly pattern of a schedule
 * (shifts with staggered breaks, night shifts past midnight and past Sunday, table rows,
 * the "hours" form), its staffed hours, the Roster on the time axis across the 2027 DST
 * changes in America/Chicago (instants computed by hand), its cursor and its laziness over
 * ten years, time-sharing of fractional agents, and the schedule errors.
 */
import { messageOf } from "../../helpers/problems.js";
import { describe, expect, it } from "vitest";
import { parseStartEpochMs } from "../../../src/time/iso.js";
import { TimeZoneClock } from "../../../src/time/zone.js";
import {
  Roster,
  WEEK_MINUTES,
  WeeklyPattern,
  nextTimeShareChange,
  scheduleProblems,
  timeShared,
} from "../../../src/model/staffing/schedule.js";
import type { PoolSchedule, ShiftConfig } from "../../../src/model/config.js";

const DAY = 1440;
const WEEK = 7 * DAY;
/** Week minute of weekday d (0 = Monday) at hh:mm. */
const at = (d: number, hh: number, mm = 0): number => d * DAY + hh * 60 + mm;


/** Mon–Fri 08:00 for 8.5 h, 4 agents, a 30-minute break after 4 h staggered over 60 minutes. */
const DAY_SHIFT: ShiftConfig = {
  name: "Day",
  days: [0, 1, 2, 3, 4],
  start: 480,
  length: 510,
  agents: 4,
  breaks: [{ after: 240, length: 30, stagger: 60 }],
};

/** Sat 22:00 for 8 h (into Sunday 06:00), 2 agents, both off 01:00–02:00 (after 180, no stagger). */
const SAT_NIGHT: ShiftConfig = {
  name: "Night",
  days: [5],
  start: 22 * 60,
  length: 480,
  agents: 2,
  breaks: [{ after: 180, length: 60, stagger: 0 }],
};

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

// ---------------------------------------------------------------------------------------
// Roster

const CHICAGO = "America/Chicago";
const BOTH: PoolSchedule = { type: "shifts", shifts: [DAY_SHIFT, SAT_NIGHT] };
const P = new WeeklyPattern(BOTH);

/** Every change (t, floor, paid) of a fresh roster before `until`, by following `next`. */
function changes(r: Roster, until: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (r.next < until) {
    r.advance(r.next);
    out.push([r.time, r.floor, r.paid]);
  }
  return out;
}

/** ∫ floor and ∫ paid over [0, until) by the change points. */
function integrate(r: Roster, until: number): { floor: number; paid: number } {
  let floor = 0;
  let paid = 0;
  let t = r.time;
  while (t < until) {
    const n = Math.min(r.next, until);
    floor += r.floor * (n - t);
    paid += r.paid * (n - t);
    t = n;
    if (n < until) r.advance(n);
  }
  return { floor, paid };
}

/** Weekday changes of the day shift on day d starting at local midnight `m` (t). */
const dayShift = (m: number): [number, number, number][] => [
  [m + 480, 4, 4],
  [m + 720, 3, 4],
  [m + 735, 2, 4],
  [m + 780, 3, 4],
  [m + 795, 4, 4],
  [m + 990, 0, 0],
];

describe("Roster across the spring-forward change (America/Chicago, Sunday 2027-03-14 02:00 CST → 03:00 CDT)", () => {
  // t = 0 is Monday 2027-03-08 00:00 CST = 06:00 UTC
  const start = parseStartEpochMs("2027-03-08T00:00", CHICAGO);

  it("reads the start as local time", () => {
    expect(start).toBe(Date.UTC(2027, 2, 8, 6, 0));
  });

  it("places every change at its instant", () => {
    const r = new Roster(P, start, CHICAGO);
    expect([r.floor, r.paid, r.next]).toEqual([0, 0, 480]);
    // Mon–Fri in CST: t = d·1440 + local minute. Sat 22:00 CST = 7200 + 1320 = 8520.
    // Sunday midnight is t = 8640 (CST): 01:00 CST → 8700 (break); 02:00 does not exist and
    // moves forward by the gap to 03:00 CDT = the instant of 02:00 CST → 8760 (back); 06:00
    // CDT = 05:00 CST → 8940 (end: the 8-hour shift lasted 420 real minutes). Monday
    // 2027-03-15 00:00 CDT = 05:00 UTC is t = 7·1440 − 60 = 10020; 08:00 → 10500.
    expect(changes(r, 10020 + 1000)).toEqual([
      ...dayShift(0),
      ...dayShift(1440),
      ...dayShift(2880),
      ...dayShift(4320),
      ...dayShift(5760),
      [8520, 2, 2],
      [8700, 0, 2],
      [8760, 2, 2],
      [8940, 0, 0],
      ...dayShift(10020),
    ]);
  });

  it("loses the skipped hour from the night shift's paid and floor time", () => {
    const r = new Roster(P, start, CHICAGO);
    // pattern: paid 10200 + 2·480 = 11160, floor 9600 + 2·(480 − 60) = 10440 per week;
    // this local week (t ∈ [0, 10020)) the night shift is 60 real minutes shorter, the break is not
    expect(P.paidMinutesPerWeek).toBe(11160);
    expect(P.floorMinutesPerWeek).toBe(10440);
    expect(integrate(r, 10020)).toEqual({ paid: 11160 - 120, floor: 10440 - 120 });
  });

  it("moves skipped wall times forward by the gap, keeps the instants increasing and drops what changes nothing", () => {
    // Sunday rows: 01:00–02:30 1 agent, 02:30–05:00 2, 03:15–04:00 one more.
    // Local order and instants: 01:00 CST → 8700 (1); 02:30 skipped → 03:30 CDT = 8790 (2);
    // 03:15 CDT = 02:15 CST = 8775, before 8790: moved to 8790 and merged, later wins (3);
    // 04:00 CDT → 8820 (2); 05:00 CDT → 8880 (0).
    const rows = new WeeklyPattern({
      type: "table",
      rows: [
        { days: [6], open: 60, close: 150, agents: 1 },
        { days: [6], open: 150, close: 300, agents: 2 },
        { days: [6], open: 195, close: 240, agents: 1 },
      ],
    });
    expect(changes(new Roster(rows, start, CHICAGO), 10020)).toEqual([
      [8700, 1, 1],
      [8790, 3, 3],
      [8820, 2, 2],
      [8880, 0, 0],
    ]);
    // a row wholly inside the gap (02:30–03:00): both ends land on 8790 and merge into no
    // change; the next Sunday (midnight t = 10020 + 6·1440 = 18660, CDT) it is 02:30–03:00
    const inGap = new WeeklyPattern({ type: "table", rows: [{ days: [6], open: 150, close: 180, agents: 1 }] });
    expect(changes(new Roster(inGap, start, CHICAGO), 20000)).toEqual([
      [18660 + 150, 1, 1],
      [18660 + 180, 0, 0],
    ]);
  });
});

describe("Roster across the fall-back change (America/Chicago, Sunday 2027-11-07 02:00 CDT → 01:00 CST)", () => {
  // t = 0 is Monday 2027-11-01 00:00 CDT = 05:00 UTC
  const start = parseStartEpochMs("2027-11-01T00:00", CHICAGO);

  it("places every change at its instant, the repeated hour at its first occurrence", () => {
    expect(start).toBe(Date.UTC(2027, 10, 1, 5, 0));
    const r = new Roster(P, start, CHICAGO);
    // Sat 22:00 CDT → 8520; Sunday midnight (CDT) t = 8640: 01:00 is ambiguous, the earlier
    // (CDT) instant → 8700; 02:00 exists once, in CST = 03:00 CDT-equivalent → 8640 + 180 =
    // 8820 (the break lasts 120 real minutes); 06:00 CST → 8640 + 420 = 9060 (the shift lasted
    // 540). Monday 2027-11-08 00:00 CST = 06:00 UTC is t = 7·1440 + 60 = 10140.
    expect(changes(r, 10140 + 1000)).toEqual([
      ...dayShift(0),
      ...dayShift(1440),
      ...dayShift(2880),
      ...dayShift(4320),
      ...dayShift(5760),
      [8520, 2, 2],
      [8700, 0, 2],
      [8820, 2, 2],
      [9060, 0, 0],
      ...dayShift(10140),
    ]);
  });

  it("gains the repeated hour in paid time; the longer break keeps floor time", () => {
    const r = new Roster(P, start, CHICAGO);
    // shift 540 real minutes (+60 per agent), break 120 (+60 per agent)
    expect(integrate(r, 10140)).toEqual({ paid: 11160 + 120, floor: 10440 });
  });
});

describe("Roster cursor", () => {
  const start = parseStartEpochMs("2027-03-08T00:00", CHICAGO);

  it("holds the values at t and the next change after it", () => {
    const r = new Roster(P, start, CHICAGO);
    r.advance(0);
    expect([r.floor, r.paid, r.next]).toEqual([0, 0, 480]);
    r.advance(479.5);
    expect([r.floor, r.paid, r.next]).toEqual([0, 0, 480]);
    r.advance(480); // a change is in force at its own time
    expect([r.floor, r.paid, r.next]).toEqual([4, 4, 720]);
    r.advance(600);
    r.advance(600); // the same t again is fine
    expect([r.floor, r.paid, r.next]).toEqual([4, 4, 720]);
    r.advance(740); // passes the change at 720 without stopping there
    expect([r.floor, r.paid, r.next]).toEqual([2, 4, 780]);
    r.advance(1440 + 790); // Tuesday 13:10
    expect([r.floor, r.paid, r.next]).toEqual([3, 4, 1440 + 795]);
  });

  it("rejects a time going backwards, NaN and infinity", () => {
    const r = new Roster(P, start, CHICAGO);
    r.advance(500);
    expect(messageOf(() => r.advance(499))).toBe("roster: advance: expected a finite time >= 500 (the cursor only moves forward), got 499");
    expect(messageOf(() => r.advance(NaN))).toBe("roster: advance: expected a finite time >= 500 (the cursor only moves forward), got NaN");
    expect(messageOf(() => r.advance(Infinity))).toContain("expected a finite time");
    expect(messageOf(() => new Roster(P, start, CHICAGO).advance(-1))).toContain("expected a finite time >= 0");
    expect(messageOf(() => new Roster(P, NaN, CHICAGO))).toBe("roster: start: expected finite epoch milliseconds, got NaN");
    expect(messageOf(() => new Roster(P, start, "Mars/Olympus"))).toContain('unknown time zone "Mars/Olympus"');
  });

  it("starts inside a shift that began the local day before", () => {
    // t = 0 is Sunday 2027-03-07 03:00 CST: the Saturday night shift is on, its break is over;
    // it ends at 06:00 (t = 180); the day shift starts Monday 08:00 (t = 21·60 + 480 = 1740)
    const r = new Roster(P, parseStartEpochMs("2027-03-07T03:00", CHICAGO), CHICAGO);
    expect([r.floor, r.paid, r.next]).toEqual([2, 2, 180]);
    r.advance(180);
    expect([r.floor, r.paid, r.next]).toEqual([0, 0, 1740]);
    // t = 0 Monday 09:00 CST: mid day shift, next change at 12:00 (t = 180)
    const m = new Roster(P, parseStartEpochMs("2027-03-08T09:00", CHICAGO), CHICAGO);
    expect([m.floor, m.paid, m.next]).toEqual([4, 4, 180]);
  });

  it("a constant pattern never changes", () => {
    const r = new Roster(new WeeklyPattern({ type: "hours", agents: 6 }), start, CHICAGO);
    expect([r.floor, r.paid, r.next]).toEqual([6, 6, Infinity]);
    r.advance(1e7);
    expect([r.floor, r.paid, r.next]).toEqual([6, 6, Infinity]);
    expect(r.daysGenerated).toBe(0);
  });

  it("a long jump gives the same state as walking, and the pattern's value at the local wall time", () => {
    const clock = new TimeZoneClock(CHICAGO);
    const walker = new Roster(P, start, CHICAGO);
    // deterministic times over about 4 years, increasing, some gaps much longer than 2 weeks
    let t = 0;
    for (let k = 0; k < 60; k++) {
      t += ((k * 7919) % 61) * 997 + 13.5;
      walker.advance(t);
      const jumper = new Roster(P, start, CHICAGO);
      jumper.advance(t);
      expect([jumper.floor, jumper.paid, jumper.next]).toEqual([walker.floor, walker.paid, walker.next]);
      const local = clock.local(start + t * 60000);
      if (local.dayOfWeek !== 6) {
        // away from the Sunday-night DST changes the roster is the pattern at the wall time
        const m = local.dayOfWeek * DAY + local.minuteOfDay;
        expect([walker.floor, walker.paid]).toEqual([P.floorAt(m), P.paidAt(m)]);
      }
    }
  });

  it("stays lazy over ten years: a bounded buffer, one local day at a time, exact integrals", () => {
    const r = new Roster(P, start, CHICAGO);
    // busiest weekday: the day shift's 6 changes
    expect(r.bufferCapacity).toBe(6);
    // 521 weeks later is local Monday 2037-03-02 00:00 CST (both ends in CST, before the
    // 2037-03-08 change): t = 521·10080
    const weeks = 521;
    const end = weeks * WEEK_MINUTES;
    expect(parseStartEpochMs("2037-03-02T00:00", CHICAGO)).toBe(start + end * 60000);
    let maxBuffered = 0;
    let floor = 0;
    let paid = 0;
    let t = 0;
    while (t < end) {
      const n = Math.min(r.next, end);
      floor += r.floor * (n - t);
      paid += r.paid * (n - t);
      t = n;
      if (n < end) r.advance(n);
      maxBuffered = Math.max(maxBuffered, r.bufferedChanges);
    }
    expect(maxBuffered).toBeLessThanOrEqual(r.bufferCapacity);
    expect(r.bufferCapacity).toBe(6);
    expect(r.daysGenerated).toBeGreaterThanOrEqual(weeks * 7);
    expect(r.daysGenerated).toBeLessThanOrEqual(weeks * 7 + 3);
    // 10 spring changes (−60 real minutes × 2 night agents, paid and floor) and 10 fall ones
    // (+120 paid; floor +120 on shift, −120 for the longer break) in 2027–2036
    expect(paid).toBe(weeks * P.paidMinutesPerWeek);
    expect(floor).toBe(weeks * P.floorMinutesPerWeek - 10 * 120);
  });
});

// ---------------------------------------------------------------------------------------
// Time-sharing

/** ∫ timeShared(x, ·, L) over [a, b), by its change points. */
function shareIntegral(x: number, L: number, a: number, b: number): number {
  let sum = 0;
  let t = a;
  while (t < b) {
    const n = Math.min(nextTimeShareChange(x, t, L), b);
    sum += timeShared(x, t, L) * (n - t);
    t = n;
  }
  return sum;
}

describe("time-sharing fractional agents", () => {
  it("5.6 agents in 30-minute intervals: 6 for the first 18 minutes, 5 for the last 12", () => {
    expect(timeShared(5.6, 0, 30)).toBe(6);
    expect(timeShared(5.6, 17.99, 30)).toBe(6);
    expect(timeShared(5.6, 18, 30)).toBe(5);
    expect(timeShared(5.6, 29.99, 30)).toBe(5);
    expect(timeShared(5.6, 30, 30)).toBe(6);
    expect(nextTimeShareChange(5.6, 0, 30)).toBe(18);
    expect(nextTimeShareChange(5.6, 10, 30)).toBe(18);
    expect(nextTimeShareChange(5.6, 18, 30)).toBe(30);
    expect(nextTimeShareChange(5.6, 25, 30)).toBe(30);
    expect(nextTimeShareChange(5.6, 3e6 + 5, 30)).toBe(3e6 + 18);
    // 6·18 + 5·12 = 168 = 5.6·30 agent-minutes per interval, exactly, early or late
    expect(shareIntegral(5.6, 30, 0, 30)).toBe(168);
    expect(shareIntegral(5.6, 30, 30 * 100_000, 30 * 100_001)).toBe(168);
    expect(shareIntegral(5.6, 30, 0, 300)).toBe(1680);
  });

  it("snaps the share point to a whole minute: 4.1 agents get the fifth for exactly 3 minutes", () => {
    // 4.1·30 − 4·30 = 2.999999999999986 in floating point, snapped to 3: 5·3 + 4·27 = 123
    expect(4.1 * 30 - 4 * 30).not.toBe(3);
    expect(nextTimeShareChange(4.1, 0, 30)).toBe(3);
    expect(timeShared(4.1, 2.9999, 30)).toBe(5);
    expect(timeShared(4.1, 3, 30)).toBe(4);
    expect(shareIntegral(4.1, 30, 0, 30)).toBe(123);
  });

  it("whole numbers of agents with floating-point noise are whole, without a blip", () => {
    expect(timeShared(10 * 0.7, 0, 30)).toBe(7); // exact in binary floating point
    expect(nextTimeShareChange(10 * 0.7, 0, 30)).toBe(Infinity);
    expect(shareIntegral(10 * 0.7, 30, 0, 30)).toBe(210);
    // 10 agents at 70 % shrinkage: 10 × (1 − 0.7) = 3.0000000000000004, which would give a
    // fourth agent for 1.3e-14 minutes of each interval
    const above = 10 * (1 - 0.7);
    expect(above).not.toBe(3);
    expect(timeShared(above, 0, 30)).toBe(3);
    expect(nextTimeShareChange(above, 0, 30)).toBe(Infinity);
    expect(shareIntegral(above, 30, 0, 30)).toBe(90);
    // 15 × (1 − 0.8) = 2.999999999999999: 3, not 2 for a moment at each interval end
    const below = 15 * (1 - 0.8);
    expect(below).not.toBe(3);
    expect(timeShared(below, 29.999999, 30)).toBe(3);
    expect(nextTimeShareChange(below, 0, 30)).toBe(Infinity);
    expect(timeShared(3 - 1e-12, 0, 30)).toBe(3);
    expect(timeShared(-1e-12, 0, 30)).toBe(0); // noise below zero reads as 0
  });

  it("0.25 agents: one agent for the first 7.5 minutes of each interval", () => {
    expect(timeShared(0.25, 0, 30)).toBe(1);
    expect(timeShared(0.25, 7.4, 30)).toBe(1);
    expect(timeShared(0.25, 7.5, 30)).toBe(0);
    expect(timeShared(0.25, 67, 30)).toBe(1); // interval [60, 90)
    expect(timeShared(0.25, 67.5, 30)).toBe(0);
    expect(nextTimeShareChange(0.25, 67, 30)).toBe(67.5);
    expect(nextTimeShareChange(0.25, 67.5, 30)).toBe(90);
    expect(shareIntegral(0.25, 30, 0, 30)).toBe(7.5);
  });

  it("does not snap a share beyond 1e-9", () => {
    const x = 2 + 1e-6;
    expect(timeShared(x, 0, 30)).toBe(3);
    expect(timeShared(x, 1e-4, 30)).toBe(2);
    expect(nextTimeShareChange(x, 0, 30)).toBeCloseTo(3e-5, 12);
  });

  it("rejects negative, NaN or infinite agents and a bad interval", () => {
    expect(messageOf(() => timeShared(-0.01, 0, 30))).toBe("time share: agents: expected a number >= 0, got -0.01");
    expect(messageOf(() => timeShared(NaN, 0, 30))).toBe("time share: agents: expected a finite number >= 0, got NaN");
    expect(messageOf(() => nextTimeShareChange(Infinity, 0, 30))).toBe("time share: agents: expected a finite number >= 0, got Infinity");
    expect(messageOf(() => timeShared(1.5, 0, 0))).toBe("time share: interval: expected a length in minutes > 0, got 0");
    expect(messageOf(() => timeShared(1.5, NaN, 30))).toBe("time share: expected a finite time in minutes, got NaN");
  });
});

// ---------------------------------------------------------------------------------------
// Errors

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
    ["a row with fractional agents", { type: "table", rows: [{ days: [0], open: 60, close: 120, agents: 0.5 }] }, "rows[0]: agents: expected a non-negative integer, got 0.5"],
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
