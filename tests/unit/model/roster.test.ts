/**
 * Tests of the Roster (src/model/staffing/roster.ts): a weekly pattern on the time axis across
 * the 2027 DST changes in America/Chicago (instants computed by hand), its cursor and its
 * laziness over ten years.
 */
import { messageOf } from "../../helpers/problems.js";
import { describe, expect, it } from "vitest";
import { parseStartEpochMs } from "../../../src/time/iso.js";
import { TimeZoneClock } from "../../../src/time/zone.js";
import { Roster } from "../../../src/model/staffing/roster.js";
import { WeeklyPattern } from "../../../src/model/staffing/weeklyPattern.js";
import { WEEK_MINUTES } from "../../../src/time/units.js";
import type { PoolSchedule } from "../../../src/model/config.js";
import { DAY_SHIFT, SAT_NIGHT } from "../../helpers/shifts.js";

const DAY = 1440;

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
