/**
 * Tests of the local week as text (src/time/weekClock.ts): writing clock times and interval
 * labels, and reading planners' notation: clock times "HH:MM" (`parseClock`, 00:00..24:00,
 * with one-line messages; `clockMinutes`, the same without throwing and with a latest time)
 * and day sets (`parseDays`).
 */
import { describe, expect, it } from "vitest";
import { messageOf } from "../../helpers/problems.js";
import { clock, clockMinutes, intervalLabel, parseClock, parseDays } from "../../../src/time/weekClock.js";

describe("clock and intervalLabel", () => {
  it("write minutes after midnight as HH:MM (fractions kept) and intervals of the week", () => {
    expect(clock(0)).toBe("00:00");
    expect(clock(487.5)).toBe("08:07.5");
    expect(clock(1440)).toBe("24:00");
    expect(intervalLabel(6, 30)).toBe("Mon 03:00–03:30");
    expect(intervalLabel(47, 30)).toBe("Mon 23:30–24:00");
    expect(intervalLabel(7 * 24 - 1, 60)).toBe("Sun 23:00–24:00");
  });

  it("read back what they write", () => {
    for (let m = 0; m <= 1440; m += 15) expect(parseClock(clock(m))).toBe(m);
  });
});

describe("parseDays", () => {
  it("reads days, ranges, lists and keywords", () => {
    expect(parseDays("Mon-Fri")).toEqual([0, 1, 2, 3, 4]);
    expect(parseDays("Sat")).toEqual([5]);
    expect(parseDays("Mon,Wed,Fri")).toEqual([0, 2, 4]);
    expect(parseDays("Mon-Sun")).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(parseDays("daily")).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(parseDays("weekdays")).toEqual([0, 1, 2, 3, 4]);
    expect(parseDays("WEEKENDS")).toEqual([5, 6]);
    expect(parseDays("Fri-Mon")).toEqual([0, 4, 5, 6]);
    expect(parseDays(" sat - sun , wed ")).toEqual([2, 5, 6]);
    expect(parseDays("Tue-Tue")).toEqual([1]);
  });

  it("rejects other input with a one-line message", () => {
    for (const bad of ["", "Mo-Fr", "Monday", "Mon-", "Mon--Fri", "Mon,,Tue", "Mon-Wed-Fri", "1-5"]) {
      expect(() => parseDays(bad)).toThrow(RangeError);
    }
    expect(() => parseDays("Mo-Fr")).toThrow(/expected days such as "Mon-Fri".*got "Mo-Fr"/);
    expect(() => parseDays("Funday")).toThrow(/three-letter English day names.*"Funday" is not a day/);
    expect(messageOf(() => parseDays("Funday"))).not.toContain("\n");
  });
});

describe("parseClock", () => {
  it("reads HH:MM from 00:00 to 24:00", () => {
    expect(parseClock("00:00")).toBe(0);
    expect(parseClock("08:30")).toBe(510);
    expect(parseClock("8:30")).toBe(510);
    expect(parseClock("23:59")).toBe(1439);
    expect(parseClock("24:00")).toBe(1440);
  });

  it("rejects other input with a one-line message", () => {
    for (const bad of ["", "8", "08:5", "08:60", "24:01", "25:00", "08:30:00", "8h30", "-01:00"]) {
      expect(() => parseClock(bad)).toThrow(RangeError);
    }
    expect(() => parseClock("25:00")).toThrow(/expected a time of day "HH:MM".*got "25:00"/);
    expect(messageOf(() => parseClock("8h30"))).toMatch(/^expected a time of day "HH:MM"[^\n]*got "8h30"$/);
  });
});

describe("clockMinutes", () => {
  it("is parseClock without throwing, up to a latest time", () => {
    expect(clockMinutes("08:30")).toBe(510);
    expect(clockMinutes(" 8:30 ")).toBe(510);
    expect(clockMinutes("24:00")).toBe(1440);
    expect(clockMinutes("24:00", 1439)).toBeUndefined(); // a time of day: 00:00..23:59
    expect(clockMinutes("23:59", 1439)).toBe(1439);
    for (const bad of ["", "8", "08:60", "24:01", "8h30", "-01:00"]) expect(clockMinutes(bad), bad).toBeUndefined();
    expect(clockMinutes(830 as unknown as string)).toBeUndefined();
  });

  it("parseClock says why a well-formed time is out of range", () => {
    expect(messageOf(() => parseClock("08:60"))).toMatch(/\(minute 60 is not 0\.\.59\)$/);
    expect(messageOf(() => parseClock("24:30"))).toMatch(/\(the latest time is 24:00\)$/);
    expect(messageOf(() => parseClock(830 as unknown as string))).toMatch(/got 830$/);
  });
});
