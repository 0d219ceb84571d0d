/**
 * Tests of opening hours on the simulation's time axis (src/model/staffing/openingHours.ts):
 * business hours in UTC, local hours across a DST change, merging of spans, the always-open
 * case, the cursor under monotone and random queries (the day and clock parsers are tested
 * in tests/unit/time/weekClock.test.ts).
 */
import { messageOf } from "../../helpers/problems.js";
import { describe, expect, it } from "vitest";
import { OpeningHours } from "../../../src/model/staffing/openingHours.js";
import { parseStartEpochMs } from "../../../src/time/iso.js";
import type { WeeklyHours } from "../../../src/model/config.js";

const DAY = 1440;
const WEEK = 7 * DAY;
const at = (day: number, hh: number, mm = 0): number => day * DAY + hh * 60 + mm;
const minutesBetween = (fromMs: number, toMs: number): number => (toMs - fromMs) / 60000;


const BUSINESS: WeeklyHours = { spans: [{ days: [0, 1, 2, 3, 4], open: 8 * 60, close: 18 * 60 }] };

describe("Mon–Fri 08:00–18:00 in UTC", () => {
  // 2026-03-02 is a Monday
  const start = parseStartEpochMs("2026-03-02T00:00:00Z", "UTC");
  const hours = new OpeningHours(BUSINESS, start, "UTC", 2 * WEEK);

  it("is open in business hours and closed outside them", () => {
    expect(hours.alwaysOpen).toBe(false);
    expect(hours.isOpen(at(0, 7, 59))).toBe(false);
    expect(hours.isOpen(at(0, 8))).toBe(true); // the opening minute is open
    expect(hours.isOpen(at(0, 12, 30))).toBe(true);
    expect(hours.isOpen(at(0, 17, 59))).toBe(true);
    expect(hours.isOpen(at(0, 18))).toBe(false); // the closing minute is not
    expect(hours.isOpen(at(2, 3))).toBe(false);
    expect(hours.isOpen(at(4, 17))).toBe(true); // Friday
    expect(hours.isOpen(at(5, 10))).toBe(false); // Saturday
    expect(hours.isOpen(at(6, 10))).toBe(false); // Sunday
    expect(hours.isOpen(at(7, 10))).toBe(true); // next Monday
  });

  it("knows the next opening and closing", () => {
    expect(hours.nextOpen(at(4, 19))).toBe(7 * DAY + 480); // Friday 19:00 → Monday 08:00
    expect(hours.nextOpen(at(1, 9))).toBe(at(1, 9)); // open: t itself
    expect(hours.nextOpen(at(1, 18))).toBe(at(2, 8));
    expect(hours.nextClose(at(1, 9))).toBe(at(1, 18));
    expect(hours.nextClose(at(1, 20))).toBe(at(1, 20)); // closed: t itself
    // the window reaches past the horizon, so the opening after it is known
    expect(hours.nextOpen(at(13, 19))).toBe(at(14, 8));
    expect(hours.windowStart).toBeLessThanOrEqual(-7 * DAY);
    expect(hours.windowEnd).toBeGreaterThanOrEqual(2 * WEEK + 8 * DAY);
  });

  it("counts open minutes", () => {
    expect(hours.openMinutesBetween(0, WEEK)).toBe(5 * 600);
    expect(hours.openMinutesBetween(at(0, 12), at(1, 9))).toBe(6 * 60 + 60);
    expect(hours.openMinutesBetween(at(5, 0), at(7, 0))).toBe(0);
    expect(hours.openMinutesBetween(at(1, 0), at(0, 0))).toBe(0);
    expect(hours.openMinutesBetween(-WEEK, 2 * WEEK)).toBe(15 * 600);
  });

  it("lists one interval per weekday", () => {
    const week = hours.intervals().filter((iv) => iv.start >= 0 && iv.start < WEEK);
    expect(week).toEqual([0, 1, 2, 3, 4].map((d) => ({ start: at(d, 8), end: at(d, 18) })));
  });
});

describe("local time across a DST change", () => {
  // New York springs forward on Sunday 2027-03-14; the start is local Monday 2027-03-08 00:00 (EST)
  const zone = "America/New_York";
  const start = parseStartEpochMs("2027-03-08T00:00", zone);
  const hours = new OpeningHours(BUSINESS, start, zone, 3 * WEEK);

  it("reads a start without an offset as local wall-clock time", () => {
    expect(start).toBe(Date.UTC(2027, 2, 8, 5, 0)); // midnight EST = 05:00 UTC
    expect(parseStartEpochMs("2027-03-08T05:00:00Z", zone)).toBe(start);
    expect(parseStartEpochMs("2027-03-08T00:00-05:00", "UTC")).toBe(start);
  });

  it("opens at 08:00 local: 13:00 UTC before the change, 12:00 UTC after it", () => {
    const monBefore = minutesBetween(start, Date.UTC(2027, 2, 8, 13, 0));
    const friBefore = minutesBetween(start, Date.UTC(2027, 2, 12, 13, 0));
    const monAfter = minutesBetween(start, Date.UTC(2027, 2, 15, 12, 0));
    expect(monBefore).toBe(480);
    expect(monAfter).toBe(WEEK + 420);
    const starts = hours.intervals().map((iv) => iv.start);
    expect(starts).toContain(monBefore);
    expect(starts).toContain(friBefore);
    expect(starts).toContain(monAfter);
    // Friday 19:00 EST → Monday 08:00 EDT, a weekend one hour short
    expect(hours.nextOpen(friBefore + 11 * 60)).toBe(monAfter);
    expect(hours.isOpen(monAfter - 1)).toBe(false);
    expect(hours.isOpen(monAfter)).toBe(true);
    // closing at 18:00 EDT = 22:00 UTC
    expect(hours.nextClose(monAfter)).toBe(minutesBetween(start, Date.UTC(2027, 2, 15, 22, 0)));
    // still ten hours a day on either side of the change
    expect(hours.openMinutesBetween(0, 2 * WEEK)).toBe(10 * 600);
  });

  it("moves a local time in the gap forward and gives the short day 23 hours", () => {
    // Sunday 2027-03-14 00:00–24:00 local is 23 hours; a span at 02:30 (which does not exist) opens at 03:30 EDT
    const sunday = new OpeningHours({ spans: [{ days: [6], open: 0, close: DAY }] }, start, zone, 2 * WEEK);
    const iv = sunday.intervals().find((x) => x.start === minutesBetween(start, Date.UTC(2027, 2, 14, 5, 0)));
    expect(iv).toBeDefined();
    expect(iv!.end - iv!.start).toBe(23 * 60);
    const gap = new OpeningHours({ spans: [{ days: [6], open: 150, close: 240 }] }, start, zone, 2 * WEEK);
    expect(gap.nextOpen(6 * DAY)).toBe(minutesBetween(start, Date.UTC(2027, 2, 14, 7, 30)));
  });
});

describe("merging", () => {
  const start = parseStartEpochMs("2026-03-02T00:00:00Z", "UTC");

  it("turns a 24/7 span set into one interval that never closes", () => {
    const hours = new OpeningHours({ spans: [{ days: [0, 1, 2, 3, 4, 5, 6], open: 0, close: DAY }] }, start, "UTC", 4 * WEEK);
    expect(hours.intervals()).toHaveLength(1);
    expect(hours.alwaysOpen).toBe(true);
    expect(hours.nextClose(123)).toBe(Infinity);
    // the same from pieces: halves of days, listed out of order
    const pieces = new OpeningHours(
      { spans: [{ days: [0, 1, 2, 3, 4, 5, 6], open: 720, close: DAY }, { days: [0, 1, 2, 3, 4, 5, 6], open: 0, close: 720 }] },
      start,
      "Europe/Berlin",
      4 * WEEK,
    );
    expect(pieces.intervals()).toHaveLength(1);
    expect(pieces.alwaysOpen).toBe(true);
  });

  it("merges adjacent days into one interval", () => {
    const hours = new OpeningHours({ spans: [{ days: [0], open: 0, close: DAY }, { days: [1], open: 0, close: 480 }] }, start, "UTC", WEEK);
    expect(hours.intervals().filter((iv) => iv.end > 0 && iv.start < WEEK)).toEqual([{ start: 0, end: DAY + 480 }]);
  });

  it("merges a span across midnight given as two spans", () => {
    const night: WeeklyHours = { spans: [{ days: [4], open: 22 * 60, close: DAY }, { days: [5], open: 0, close: 6 * 60 }] };
    const hours = new OpeningHours(night, start, "UTC", WEEK);
    expect(hours.intervals().filter((iv) => iv.end > 0 && iv.start < WEEK)).toEqual([{ start: at(4, 22), end: at(5, 6) }]);
    expect(hours.isOpen(at(4, 23, 59))).toBe(true);
    expect(hours.isOpen(at(5, 0))).toBe(true);
    expect(hours.nextClose(at(4, 23))).toBe(at(5, 6));
    expect(hours.openMinutesBetween(0, WEEK)).toBe(8 * 60);
  });

  it("merges overlapping spans and repeated days", () => {
    const hours = new OpeningHours(
      { spans: [{ days: [0, 0], open: 480, close: 720 }, { days: [0], open: 600, close: 1080 }, { days: [0], open: 700, close: 800 }] },
      start,
      "UTC",
      WEEK,
    );
    expect(hours.intervals().filter((iv) => iv.end > 0 && iv.start < WEEK)).toEqual([{ start: 480, end: 1080 }]);
  });

  it("an empty span list is never open", () => {
    const hours = new OpeningHours({ spans: [] }, start, "UTC", WEEK);
    expect(hours.isOpen(100)).toBe(false);
    expect(hours.nextOpen(100)).toBe(Infinity);
    expect(hours.openMinutesBetween(0, WEEK)).toBe(0);
  });
});

describe("always open", () => {
  it("treats undefined hours as always open", () => {
    const hours = new OpeningHours(undefined, 0, "UTC", WEEK);
    expect(hours.alwaysOpen).toBe(true);
    for (const t of [-5, 0, 17.25, 3 * WEEK]) {
      expect(hours.isOpen(t)).toBe(true);
      expect(hours.nextOpen(t)).toBe(t);
      expect(hours.nextClose(t)).toBe(Infinity);
    }
    expect(hours.openMinutesBetween(10, 250)).toBe(240);
  });
});

describe("the cursor", () => {
  const start = parseStartEpochMs("2026-03-02T00:00:00Z", "UTC");

  it("answers a million monotone queries", () => {
    const hours = new OpeningHours(BUSINESS, start, "UTC", 2 * WEEK);
    const n = 1_000_000;
    const step = (2 * WEEK) / n;
    let open = 0;
    let mismatches = 0;
    for (let i = 0; i < n; i++) {
      const t = i * step;
      const isOpen = hours.isOpen(t);
      if (isOpen) open++;
      // reference: weekday and minute of day in UTC from a Monday start
      const day = Math.floor(t / DAY) % 7;
      const m = t % DAY;
      if (isOpen !== (day < 5 && m >= 480 && m < 1080)) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(open).toBeGreaterThan(0.29 * n);
    expect(open).toBeLessThan(0.31 * n);
  });

  it("agrees with a linear scan for queries in random order", () => {
    const night: WeeklyHours = { spans: [{ days: [0, 2, 4], open: 300, close: 900 }, { days: [6], open: 1200, close: DAY }, { days: [0], open: 0, close: 60 }] };
    const hours = new OpeningHours(night, start, "Europe/Berlin", 30 * DAY);
    const list = hours.intervals();
    const ref = (t: number): number => {
      const i = list.findIndex((iv) => iv.end > t);
      return i < 0 ? list.length : i;
    };
    let seed = 12345;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let t = 0;
    for (let k = 0; k < 5000; k++) {
      // mostly small steps either way, sometimes long jumps
      t = rand() < 0.1 ? -8 * DAY + rand() * 50 * DAY : t + (rand() - 0.3) * 600;
      const i = ref(t);
      const inside = i < list.length && list[i].start <= t;
      expect(hours.isOpen(t)).toBe(inside);
      expect(hours.nextOpen(t)).toBe(i >= list.length ? Infinity : inside ? t : list[i].start);
      expect(hours.nextClose(t)).toBe(inside ? list[i].end : t);
    }
  });
});

describe("invalid schedules", () => {
  it("names the bad field", () => {
    expect(() => new OpeningHours({ spans: [{ days: [7], open: 0, close: 60 }] }, 0, "UTC", DAY)).toThrow(/spans\[0\]\.days\[0\]: expected an integer 0\.\.6/);
    expect(() => new OpeningHours({ spans: [{ days: [1], open: 600, close: 600 }] }, 0, "UTC", DAY)).toThrow(/spans\[0\]\.close: expected/);
    expect(() => new OpeningHours({ spans: [{ days: [1], open: 0, close: 1500 }] }, 0, "UTC", DAY)).toThrow(RangeError);
    expect(() => new OpeningHours(BUSINESS, 0, "Mars/Olympus", DAY)).toThrow(/unknown time zone/);
    expect(() => new OpeningHours(BUSINESS, 0, "UTC", -1)).toThrow(/horizon/);
  });
});

describe("union of schedules in two time zones (follow-the-sun)", () => {
  // 2027-01-04 is a Monday; Chicago is UTC−6 and Manila UTC+8 in January (no DST in Manila)
  const start = parseStartEpochMs("2027-01-04T00:00", "America/Chicago");
  const chicago = new OpeningHours(BUSINESS, start, "America/Chicago", 2 * WEEK);
  const manila = new OpeningHours(BUSINESS, start, "Asia/Manila", 2 * WEEK);
  const both = OpeningHours.union([chicago, manila]);

  it("is open when either part is, and merges touching intervals", () => {
    // Manila Mon 08:00–18:00 = Chicago Sun 18:00 – Mon 04:00 (14 hours behind)
    expect(both.isOpen(at(-1, 18) + 0)).toBe(manila.isOpen(at(-1, 18)));
    expect(manila.isOpen(at(0, 3, 59))).toBe(true);
    expect(both.isOpen(at(0, 3, 59))).toBe(true);
    expect(both.isOpen(at(0, 4))).toBe(false); // Manila closed, Chicago not yet open
    expect(both.nextOpen(at(0, 4))).toBe(at(0, 8));
    // Chicago Mon 18:00 = Manila Tue 08:00: the two touch and merge, so the union closes
    // only when Manila does, Tue 18:00 Manila = Tue 04:00 Chicago
    expect(chicago.nextClose(at(0, 9))).toBe(at(0, 18));
    expect(both.nextClose(at(0, 9))).toBe(at(1, 4));
    expect(both.isOpen(at(0, 18))).toBe(true);
    // Monday in Chicago: 00:00–04:00 (Manila Mon) and 08:00–24:00 (Chicago, then Manila Tue)
    expect(both.openMinutesBetween(at(0, 0), at(1, 0))).toBe(4 * 60 + 16 * 60);
  });

  it("is always open when a part is, and a single part is returned as is", () => {
    const always = new OpeningHours(undefined, start, "UTC", WEEK);
    expect(OpeningHours.union([chicago, always]).alwaysOpen).toBe(true);
    expect(OpeningHours.union([chicago])).toBe(chicago);
    expect(messageOf(() => OpeningHours.union([]))).toMatch(/union of no schedules/);
  });
});
