/**
 * The week charts' x axis (src/report/charts/weekAxis.ts): cropped to the days and hours the
 * operation works, with hour ticks and the day's name under each day; round the clock, the whole
 * week. And the number formats the report's intervals and differences read with
 * (src/report/numbers.ts rangeTexts, formatRange, a duration in its value's unit); the measured
 * window as the report's header says it, and the partial months the fan chart leaves out.
 */
import { describe, expect, it } from "vitest";
import { placeRows, weekAxis } from "../../../src/report/charts/weekAxis.js";
import { measuredText } from "../../../src/report/html/budgetReport.js";
import { partialText } from "../../../src/report/charts/uncertainty.js";
import { formatChange, formatDuration, formatRange, formatShareRange, rangeTexts, formatMoney } from "../../../src/report/numbers.js";

/** 30-min intervals; open Mon–Fri 08:00–18:00 (a B2B operation). */
const b2b = (i: number) => {
  const day = Math.floor(i / 48), m = (i % 48) * 30;
  return day < 5 && m >= 480 && m < 1080;
};

/** The label lines at each tick of an axis encoding (its labelExpr is a lookup by tick value). */
function tickLabels(enc: Record<string, unknown>): { values: number[]; labels: string[][] } {
  const axis = enc.axis as { values: number[]; labelExpr: string };
  const m = /^(\[.*\])\[indexof\((\[.*\]), datum\.value\)\]$/.exec(axis.labelExpr)!;
  expect(JSON.parse(m[2])).toEqual(axis.values);
  return { values: axis.values, labels: JSON.parse(m[1]) };
}

describe("weekAxis", () => {
  it("crops a B2B week to Mon–Fri 08:00–18:00, a gap between days, ticks every 2 h with the day's name under midday", () => {
    const a = weekAxis(336, 30, b2b);
    expect(a).toMatchObject({ full: false, days: [0, 1, 2, 3, 4], from: 8, to: 18, shown: "Mon–Fri 08:00–18:00" });
    // 5 days of 10 h and 4 gaps of half a tick step (1 h)
    expect(a.span).toBe(54);
    expect(a.gaps).toEqual([10.5, 21.5, 32.5, 43.5]);
    expect([a.x(8), a.x(17.75), a.x(24 + 8), a.x(4 * 24 + 18)]).toEqual([0, 9.75, 11, 54]);
    // closed hours and the weekend are not on the axis
    for (const h of [7.5, 18.5, 5 * 24 + 12, 6 * 24 + 9]) expect(a.x(h)).toBeNull();
    const { values, labels } = tickLabels(a.encoding("x"));
    expect(values.slice(0, 7)).toEqual([0, 2, 4, 6, 8, 10, 11]);
    expect(labels.slice(0, 7)).toEqual([["08"], ["10"], ["12", "Mon"], ["14"], ["16"], [""], ["08"]]);
    // the last day's closing hour is written; each day's name once
    expect(labels[labels.length - 1]).toEqual(["18"]);
    expect(labels.filter((l) => l.length === 2).map((l) => l[1])).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri"]);
    expect((a.encoding("x").scale as { domain: number[] }).domain).toEqual([0, 54]);
  });

  it("keeps the whole week for a round-the-clock operation, ticks every 3 h, labels every 6 h", () => {
    const a = weekAxis(336, 30, () => true);
    expect(a).toMatchObject({ full: true, days: [0, 1, 2, 3, 4, 5, 6], from: 0, to: 24, span: 168, gaps: [], shown: "the whole week" });
    expect(a.x(100)).toBe(100);
    const { values, labels } = tickLabels(a.encoding("x"));
    expect(values).toEqual(Array.from({ length: 57 }, (_, k) => 3 * k));
    expect(labels.slice(0, 9)).toEqual([["00"], [""], ["06"], [""], ["12", "Mon"], [""], ["18"], [""], ["00"]]);
    expect(labels.filter((l) => l.length === 2).map((l) => l[1])).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
  });

  it("takes the widest day for every day (Saturday's short hours inside the weekdays' window), and nothing open as the whole week", () => {
    const a = weekAxis(336, 30, (i) => b2b(i) || (Math.floor(i / 48) === 5 && i % 48 >= 20 && i % 48 < 28));
    expect(a).toMatchObject({ days: [0, 1, 2, 3, 4, 5], from: 8, to: 18, shown: "Mon–Sat 08:00–18:00" });
    expect(weekAxis(336, 30, () => false).full).toBe(true);
  });

  it("places rows: the shown ones with their axis position, a break row in each gap, the rest left out", () => {
    const a = weekAxis(336, 30, b2b);
    const rows = Array.from({ length: 336 }, (_, i) => ({ i, start: i / 2, end: (i + 1) / 2, hour: (i + 0.5) / 2, v: 1 }));
    const placed = placeRows(a, rows, "hour", ["start", "end"]);
    expect(placed.filter((r) => r.i !== null)).toHaveLength(100);
    expect(placed.filter((r) => r.i === null).map((r) => r.x)).toEqual(a.gaps);
    expect(placed[0]).toMatchObject({ i: 16, start: 8, hour: 8.25, x: 0.25, x0: 0, x1: 0.5 });
    // Monday's last interval, the break, Tuesday's first
    expect(placed.slice(19, 22).map((r) => [r.i, r.v, r.x])).toEqual([[35, 1, 9.75], [null, null, 10.5], [64, 1, 11.25]]);
  });
});

describe("intervals and differences as the report writes them", () => {
  it("gives an interval's ends more digits until they read differently", () => {
    expect(formatMoney(317_600, "USD")).toBe(formatMoney(318_400, "USD")); // "$318K" twice
    expect(formatRange(317_600, 318_400, "money", "USD")).toBe("$317.6K – $318.4K");
    expect(formatRange(300_000, 340_000, "money", "USD")).toBe("$300K – $340K");
    expect(formatRange(0.8012, 0.8014, "share", "USD")).toBe("80.12% – 80.14%");
    expect(formatShareRange(0.8012, 0.8014)).toBe("80.12–80.14%");
    expect(formatRange(950.2, 950.4, "money", "USD")).toBe("$950.2 – $950.4");
    // a duration's two ends in one unit: not "114.6 min – 2.9 h"
    expect(formatRange(1.91, 2.9, "hours", "USD")).toBe("1.9 h – 2.9 h");
    expect(formatRange(90, 150, "seconds", "USD")).toBe("1.5 min – 2.5 min");
    // equal ends stay equal; a difference too small for six more digits stops there
    expect(formatRange(5, 5, "count", "USD")).toBe("5 – 5");
    expect(rangeTexts(1, 1 + 1e-12, (x, e) => x.toFixed(e))).toEqual(["1.000000", "1.000000"]);
  });

  it("writes a duration's difference in the unit of the value it changes", () => {
    // an e-mail response of 2.1 h (in hours) that grows by 80 s
    expect(formatChange(80 / 3600, "hours", "USD")).toBe("+80 s");
    expect(formatChange(80 / 3600, "hours", "USD", { durationOf: 2.1 })).toBe("+0.022 h");
    expect(formatChange(-0.5, "hours", "USD", { durationOf: 2.1 })).toBe("−0.5 h");
    expect(formatDuration(90, false, 0, 600)).toBe("1.5 min");
    // seconds stay seconds when the value is in seconds
    expect(formatChange(3, "seconds", "USD", { durationOf: 20 })).toBe("+3.0 s");
  });
});

describe("the measured window, as the report and the monthly charts say it", () => {
  it("measures from the warm-up's end, not the scenario's start", () => {
    const r = { start: "2027-01-04T00:00", timeZone: "America/Chicago", horizonHours: 840, warmupHours: 168 };
    expect(measuredText(r)).toBe("28 days measured from 2027-01-11 00:00 to 2027-02-08 00:00 (America/Chicago), after a warm-up of 7 days");
    expect(measuredText({ ...r, warmupHours: 0 })).toBe("35 days measured from 2027-01-04 00:00 to 2027-02-08 00:00 (America/Chicago), with no warm-up");
  });

  it("names the partial months the fan chart leaves out, with the days measured", () => {
    expect(partialText({ monthShares: { "2027-01": 24 / 31, "2027-02": 1, "2027-03": 1, "2027-04": 0.5 } })).toBe("Left out, partial months: Jan 2027 (24 of 31 days measured), Apr 2027 (15 of 30 days measured)");
    expect(partialText({ monthShares: { "2027-02": 1 } })).toBe("");
  });
});
