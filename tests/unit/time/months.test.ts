/**
 * Tests of local calendar months on the simulation axis (src/time/months.ts): a first month
 * that begins before t = 0, DST months an hour short or long, the month of an instant. The
 * calendar: tests/helpers/chicago2027.ts.
 */
import { describe, expect, it } from "vitest";
import { MonthClock, measuredMonthShares } from "../../../src/time/months.js";
import { costTable } from "../../../src/report/tables/runTable.js";
import type { RunReport } from "../../../src/analysis/experiments/run.js";
import { APR, D, FEB, JAN, MAR, START, TZ, YEAR_END } from "../../helpers/chicago2027.js";

describe("MonthClock", () => {
  it("starts at 2027-01-04 06:00 UTC (local midnight in Chicago)", () => {
    expect(new Date(START).toISOString()).toBe("2027-01-04T06:00:00.000Z");
  });

  it("lists the local months of 2027, the first one starting before t = 0", () => {
    const months = new MonthClock(START, TZ, YEAR_END); // horizon ends exactly at 2028-01-01
    expect(months.count).toBe(12);
    expect(months.labels).toEqual(["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "2027-07", "2027-08", "2027-09", "2027-10", "2027-11", "2027-12"]);
    expect(months.start(0)).toBe(JAN);
    expect(months.length(0)).toBe(31 * D); // the whole of January, not the part after t = 0
    expect(months.start(1)).toBe(FEB);
    expect(months.length(1)).toBe(28 * D);
    expect(months.start(2)).toBe(MAR);
    expect(months.length(2)).toBe(31 * D - 60); // 44,580: spring forward on 14 March
    expect(months.start(3)).toBe(APR);
    expect(months.length(3)).toBe(30 * D);
    expect(months.length(9)).toBe(31 * D); // October: still CDT at both ends
    expect(months.length(10)).toBe(30 * D + 60); // November: fall back on 7 November
    expect(months.end(11)).toBe(YEAR_END);
    let sum = 0;
    for (let m = 0; m < months.count; m++) sum += months.length(m);
    expect(sum).toBe(365 * D);
    expect(months.label(11)).toBe("2027-12");
  });

  it("includes the month in which the horizon falls, not one that starts at it", () => {
    expect(new MonthClock(START, TZ, YEAR_END + 1).count).toBe(13);
    expect(new MonthClock(START, TZ, YEAR_END + 1).label(12)).toBe("2028-01");
    expect(new MonthClock(START, TZ, YEAR_END).count).toBe(12);
    const one = new MonthClock(START, TZ, 0); // horizon 0: the month of t = 0
    expect(one.count).toBe(1);
    expect(one.labels).toEqual(["2027-01"]);
  });

  it("starts a UTC calendar at 0 when the scenario starts on the 1st at midnight", () => {
    // 29 + 31 = 60 days reach exactly 1 April: two months; one day more adds April
    expect(new MonthClock(Date.UTC(2028, 1, 1), "UTC", 60 * D).labels).toEqual(["2028-02", "2028-03"]);
    const months = new MonthClock(Date.UTC(2028, 1, 1), "UTC", 61 * D);
    expect(months.labels).toEqual(["2028-02", "2028-03", "2028-04"]);
    expect(months.start(0)).toBe(0);
    expect(months.length(0)).toBe(29 * D); // leap year
    expect(months.start(1)).toBe(29 * D);
  });

  it("finds the month of t forward, backward and after long jumps; −1 outside", () => {
    const months = new MonthClock(START, TZ, YEAR_END);
    expect(months.monthOf(0)).toBe(0);
    expect(months.monthOf(JAN)).toBe(0);
    expect(months.monthOf(JAN - 1)).toBe(-1);
    expect(months.monthOf(FEB - 1e-9)).toBe(0);
    expect(months.monthOf(FEB)).toBe(1);
    expect(months.monthOf(MAR + 10)).toBe(2);
    expect(months.monthOf(APR)).toBe(3);
    expect(months.monthOf(YEAR_END - 1)).toBe(11); // a long jump: binary search
    expect(months.monthOf(FEB + 1)).toBe(1); // and back
    expect(months.monthOf(YEAR_END)).toBe(-1);
    expect(months.monthOf(Number.NaN)).toBe(-1);
    // every day of the year, against a linear scan
    for (let t = JAN; t < YEAR_END; t += 997) {
      let m = 0;
      while (t >= months.end(m)) m++;
      expect(months.monthOf(t)).toBe(m);
    }
  });

  it("rejects a bad start, horizon or time zone", () => {
    expect(() => new MonthClock(Number.NaN, TZ, 10)).toThrow(/start/);
    expect(() => new MonthClock(START, TZ, -1)).toThrow(/horizon/);
    expect(() => new MonthClock(START, TZ, Infinity)).toThrow(/horizon/);
    expect(() => new MonthClock(START, "Mars/Olympus", 10)).toThrow(/time zone/);
  });
});

describe("measuredMonthShares", () => {
  it("gives each month's measured share: the warm-up and the horizon cut the first and last", () => {
    // from 2027-01-04 with a 7-day warm-up: January is measured from the 11th (21 of 31 days);
    // February whole; a horizon ending 2027-03-08 00:00 measures 7 of March's 31 days
    const shares = measuredMonthShares("2027-01-04", TZ, MAR + 7 * D, 7 * D);
    expect(Object.keys(shares)).toEqual(["2027-01", "2027-02", "2027-03"]);
    expect(shares["2027-01"] * 31).toBeCloseTo(21, 9);
    expect(shares["2027-02"]).toBeCloseTo(1, 12);
    // March is an hour short (DST begins on the 14th): 7 days of 31 days less an hour
    expect(shares["2027-03"]).toBeCloseTo((7 * D) / (31 * D - 60), 12);
  });

  it("the run table flags a cut month as partial, a whole one not", () => {
    const estimate = { mean: 1000, ci95: [900, 1100] as [number, number] };
    const text = costTable({ currency: "USD", costCategories: [],  start: "2027-01-04", timeZone: TZ, horizonHours: (MAR + 7 * D) / 60, warmupHours: (7 * D) / 60, estimates: { "cost.byMonth.2027-01": estimate, "cost.byMonth.2027-02": estimate, "cost.byMonth.2027-03": estimate } } as unknown as RunReport, Infinity);
    expect(text).toMatch(/month 2027-01 \(partial: 21 of 31 days\)/);
    expect(text).toMatch(/month 2027-02 +1,000/);
    expect(text).toMatch(/month 2027-03 \(partial: 7 of 31 days\)/);
  });
});
