/**
 * Tests of money over time (src/model/costs.ts): the ledger on local calendar months (lumps,
 * rates split across month boundaries, clipping to [from, to), monthly fees exact for a whole
 * month and pro rata for a part); the months themselves are tested in tests/unit/time/months.test.ts.
 * The calendar: tests/helpers/chicago2027.ts.
 */
import { describe, expect, it } from "vitest";
import { CostLedger } from "../../../src/model/costs.js";
import { MonthClock } from "../../../src/time/months.js";
import { APR, D, FEB, JAN, MAR, START, TZ, YEAR_END } from "../../helpers/chicago2027.js";

describe("CostLedger", () => {
  const months = new MonthClock(START, TZ, YEAR_END);

  it("adds lumps to the month of their instant, inside [from, to) only", () => {
    const ledger = new CostLedger(["contacts", "hiring"], months, D, YEAR_END);
    ledger.add("contacts", D - 1, 100); // before the warm-up ends: not counted
    ledger.add("contacts", D, 5); // January
    ledger.add("contacts", FEB, 7); // February
    ledger.add(1, MAR + 1, 12_500); // by index: hiring, March
    ledger.add("hiring", YEAR_END, 99); // at `to`: not counted
    expect(ledger.month("contacts", 0)).toBe(5);
    expect(ledger.month("contacts", 1)).toBe(7);
    expect(ledger.month("hiring", 2)).toBe(12_500);
    expect(ledger.total("contacts")).toBe(12);
    expect(ledger.total()).toBe(12_512);
    expect(Array.from(ledger.monthTotals().slice(0, 4))).toEqual([5, 7, 12_500, 0]);
    expect(ledger.categories).toEqual(["contacts", "hiring"]);
    expect(ledger.months).toBe(months);
  });

  it("splits a rate across a month boundary", () => {
    // 2 per minute from 31 Jan 12:00 to 1 Feb 06:00: 720 min in January, 360 in February
    const ledger = new CostLedger(["salaries"], months, 0, YEAR_END);
    ledger.accrue("salaries", FEB - 720, FEB + 360, 2);
    expect(ledger.month("salaries", 0)).toBe(1440);
    expect(ledger.month("salaries", 1)).toBe(720);
    expect(ledger.total()).toBe(2160);
    // across three months: 28 Feb 00:00 to 1 Apr 01:00 at 1 per minute
    ledger.reset();
    ledger.accrue(0, MAR - D, APR + 60, 1);
    expect(ledger.month(0, 1)).toBe(D);
    expect(ledger.month(0, 2)).toBe(31 * D - 60);
    expect(ledger.month(0, 3)).toBe(60);
  });

  it("clips rates to [from, to)", () => {
    const ledger = new CostLedger(["x"], months, D, 40 * D);
    ledger.accrue("x", -10_000, 2000, 1); // only [1440, 2000): 560
    expect(ledger.month("x", 0)).toBe(560);
    ledger.accrue("x", 39 * D, 50 * D, 1); // only [39 D, 40 D): one day, in February
    expect(ledger.month("x", 1)).toBe(D);
    ledger.accrue("x", 45 * D, 50 * D, 1); // wholly after `to`
    ledger.accrue("x", 5, 5, 1000); // empty
    ledger.accrue("x", 10, 5, 1000); // reversed: empty
    expect(ledger.total()).toBe(560 + D);
  });

  it("charges a monthly fee exactly for whole months and pro rata for parts", () => {
    const ledger = new CostLedger(["vendor"], months, 0, YEAR_END);
    ledger.accrueMonthly("vendor", FEB, MAR, 1234.56); // whole February (28 days)
    ledger.accrueMonthly("vendor", MAR, APR, 1234.56); // whole March (31 days minus an hour)
    expect(ledger.month("vendor", 1)).toBe(1234.56);
    expect(ledger.month("vendor", 2)).toBe(1234.56);
    // January from t = 0: 28 of its 31 days (the month began 3 days before the start)
    ledger.accrueMonthly("vendor", 0, FEB, 1000);
    expect(ledger.month("vendor", 0)).toBeCloseTo((1000 * 28) / 31, 9);
    // the first half-day of April: 720 of 43,200 minutes
    ledger.accrueMonthly("vendor", APR, APR + 720, 1000);
    expect(ledger.month("vendor", 3)).toBeCloseTo(1000 / 60, 9);
  });

  it("charges a year of a monthly fee as 11 whole months plus the part of January after the start", () => {
    const ledger = new CostLedger(["fee"], months, 0, YEAR_END);
    ledger.accrueMonthly("fee", -1e9, 1e9, 500); // clipped to [0, 2028-01-01)
    expect(ledger.month("fee", 0)).toBeCloseTo((500 * 28) / 31, 9);
    for (let m = 1; m < 12; m++) expect(ledger.month("fee", m)).toBe(500);
    expect(ledger.total()).toBeCloseTo(11 * 500 + (500 * 28) / 31, 9);
  });

  it("counts a monthly fee only from the warm-up on", () => {
    const ledger = new CostLedger(["fee"], months, 7 * D, YEAR_END);
    ledger.accrueMonthly("fee", 0, FEB, 3100); // January after the warm-up: 21 of 31 days
    expect(ledger.month("fee", 0)).toBeCloseTo(2100, 9);
  });

  it("rejects bad categories, windows, months and unknown names", () => {
    expect(() => new CostLedger(["a", "a"], months, 0, 10)).toThrow(/duplicate/);
    expect(() => new CostLedger([""], months, 0, 10)).toThrow(/name/);
    expect(() => new CostLedger(["a"], months, 10, 5)).toThrow(/window/);
    expect(() => new CostLedger(["a"], months, 0, YEAR_END + 1)).toThrow(/not covered/);
    expect(() => new CostLedger(["a"], months, JAN - 1, 10)).toThrow(/not covered/);
    expect(new CostLedger(["a"], months, JAN, YEAR_END).total()).toBe(0); // the whole calendar is fine
    const ledger = new CostLedger(["a"], months, 0, 10);
    expect(() => ledger.add("b", 1, 1)).toThrow(/unknown category "b"/);
    expect(() => ledger.accrue(1, 0, 1, 1)).toThrow(/no category 1/);
    expect(() => ledger.month("a", 12)).toThrow(/no month 12/);
  });
});
