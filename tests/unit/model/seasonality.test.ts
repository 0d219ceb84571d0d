/**
 * Tests of demand seasonality S(t) (src/model/demand/seasonality.ts, seasonalityPresets.ts): normalisation, the shapes of the
 * shipped presets, local time across DST changes, the piecewise step function, and the errors
 * for bad input.
 */
import { describe, expect, it } from "vitest";
import { Seasonality, SLOTS_PER_DAY, type SeasonalityInput } from "../../../src/model/demand/seasonality.js";
import { PRESET_INTRADAY, PRESET_WEEKLY } from "../../../src/model/demand/seasonalityPresets.js";

const WEEK = 7 * 1440;
const slotOf = (hh: number, mm = 0): number => (hh * 60 + mm) / 30;
const minutesBetween = (fromMs: number, toMs: number): number => (toMs - fromMs) / 60000;

/** Time average of S over [from, to), integrating the piecewise step function exactly. */
function timeAverage(s: Seasonality, from: number, to: number, step = 30): number {
  const { starts, factors } = s.piecewise(from, to, step);
  let integral = 0;
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1] : to;
    integral += factors[i] * (end - starts[i]);
  }
  return integral / (to - from);
}

function argmax(xs: readonly number[], from = 0, to = xs.length): number {
  let best = from;
  for (let i = from; i < to; i++) if (xs[i] > xs[best]) best = i;
  return best;
}
function argmin(xs: readonly number[], from = 0, to = xs.length): number {
  let best = from;
  for (let i = from; i < to; i++) if (xs[i] < xs[best]) best = i;
  return best;
}
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("normalisation", () => {
  const presetInputs: [string, SeasonalityInput][] = [
    ["b2b presets", { intraday: "b2b-business-hours", weekly: "b2b-business-hours" }],
    ["consumer presets", { intraday: "consumer-24x7", weekly: "consumer-24x7" }],
    ["mixed presets", { intraday: "consumer-24x7", weekly: "b2b-business-hours" }],
    ["explicit arrays", {
      intraday: Array.from({ length: 48 }, (_, i) => (i * 7919) % 13),
      weekly: [5, 4, 4, 4, 3, 0, 1],
    }],
  ];

  for (const [name, input] of presetInputs) {
    it(`${name}: the weekly time average of S is 1 (UTC, aligned and unaligned starts, 30-min steps)`, () => {
      for (const start of ["2024-01-01T00:00:00Z", "2024-01-03T13:17:00Z"]) {
        const s = new Seasonality(input, start, "UTC");
        expect(Math.abs(timeAverage(s, 0, WEEK, 30) - 1)).toBeLessThan(1e-9);
        expect(Math.abs(timeAverage(s, 3 * WEEK, 4 * WEEK, 30) - 1)).toBeLessThan(1e-9);
      }
    });
  }

  it("the week average is 1 in a local time zone too (a week without a DST change)", () => {
    for (const [zone, start] of [["America/New_York", "2024-01-08T00:00"], ["Asia/Kathmandu", "2024-05-06T09:10"], ["Europe/Paris", "2024-07-01T00:00"]]) {
      const s = new Seasonality({ intraday: "b2b-business-hours", weekly: "b2b-business-hours" }, start, zone);
      expect(Math.abs(timeAverage(s, 0, WEEK) - 1), zone).toBeLessThan(1e-9);
    }
  });

  it("with aligned 30-minute pieces the plain mean of the week's factors is 1", () => {
    const s = new Seasonality({ intraday: "b2b-business-hours", weekly: "b2b-business-hours" }, "2025-06-02T00:00:00Z");
    const { starts, factors } = s.piecewise(0, WEEK, 30);
    expect(starts.length).toBe(7 * 48);
    expect(Math.abs(mean(factors) - 1)).toBeLessThan(1e-9);
  });

  it("each component is rescaled to mean 1 and keeps its shape", () => {
    const intraday = Array.from({ length: 48 }, (_, i) => 2 + (i % 3));
    const weekly = [2, 2, 2, 2, 2, 1, 1];
    const monthly = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2];
    const s = new Seasonality({ intraday, weekly, monthly }, "2024-01-01T00:00:00Z");
    expect(mean(s.intradayCurve)).toBeCloseTo(1, 12);
    expect(mean(s.weeklyPattern)).toBeCloseTo(1, 12);
    expect(mean(s.monthlyPattern)).toBeCloseTo(1, 12);
    expect(s.intradayCurve[1] / s.intradayCurve[0]).toBeCloseTo(3 / 2, 12);
    expect(s.weeklyPattern[0] / s.weeklyPattern[6]).toBeCloseTo(2, 12);
    expect(s.monthlyPattern[11] / s.monthlyPattern[0]).toBeCloseTo(2, 12);
  });

  it("omitted components are flat: S = 1 everywhere", () => {
    const s = new Seasonality({}, "2024-03-09T12:00", "America/New_York");
    for (let t = 0; t < 3 * 1440; t += 17) expect(s.multiplier(t)).toBe(1);
  });

  it("monthly weights apply by local calendar month and growth compounds per year", () => {
    const monthly = [1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1];
    const s = new Seasonality({ monthly, annualGrowth: 0.1 }, "2025-01-01T00:00:00Z");
    const jan15 = minutesBetween(Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 15, 12));
    const jul15 = minutesBetween(Date.UTC(2025, 0, 1), Date.UTC(2025, 6, 15, 12));
    const growth = (t: number): number => Math.pow(1.1, t / (365.25 * 1440));
    expect(s.multiplier(jan15) / growth(jan15)).toBeCloseTo(1 / (14 / 12), 12);
    expect(s.multiplier(jul15) / growth(jul15)).toBeCloseTo(3 / (14 / 12), 12);
    expect(s.multiplier(365.25 * 1440 + jan15) / s.multiplier(jan15)).toBeCloseTo(1.1, 12);
  });
});

describe("preset shapes", () => {
  it("b2b-business-hours intraday: morning peak 10:00–11:00, lunch dip, afternoon peak 14:00–15:00, quiet nights", () => {
    const s = new Seasonality({ intraday: "b2b-business-hours" }, "2024-01-01T00:00:00Z");
    const c = s.intradayCurve;
    const peak = argmax(c);
    expect(peak).toBeGreaterThanOrEqual(slotOf(10));
    expect(peak).toBeLessThan(slotOf(11));
    const afternoon = argmax(c, slotOf(13), slotOf(18));
    expect(afternoon).toBeGreaterThanOrEqual(slotOf(14));
    expect(afternoon).toBeLessThan(slotOf(15));
    const lunch = argmin(c, slotOf(11, 30), slotOf(14));
    expect(lunch).toBeGreaterThanOrEqual(slotOf(12));
    expect(lunch).toBeLessThan(slotOf(13, 30));
    expect(c[lunch]).toBeLessThan(0.8 * c[afternoon]);
    // business hours 08:00–18:00 carry the bulk of the day's volume; nights are near zero
    const inHours = c.slice(slotOf(8), slotOf(18)).reduce((a, b) => a + b, 0);
    expect(inHours / (SLOTS_PER_DAY * 1)).toBeGreaterThan(0.85);
    for (let i = slotOf(0); i < slotOf(6); i++) expect(c[i]).toBeLessThan(0.05 * c[peak]);
    for (let i = slotOf(21); i < SLOTS_PER_DAY; i++) expect(c[i]).toBeLessThan(0.05 * c[peak]);
  });

  it("b2b-business-hours weekly: Monday highest, Friday lower, weekend 5–10 % of a weekday", () => {
    const w = new Seasonality({ weekly: "b2b-business-hours" }, "2024-01-01T00:00:00Z").weeklyPattern;
    expect(argmax(w)).toBe(0);
    const weekday = mean(w.slice(0, 5));
    expect(w[4]).toBeLessThan(Math.min(w[1], w[2], w[3]));
    for (const d of [5, 6]) {
      expect(w[d] / weekday).toBeGreaterThanOrEqual(0.05);
      expect(w[d] / weekday).toBeLessThanOrEqual(0.1);
    }
  });

  it("consumer-24x7 intraday: trough 03:00–05:00 at 15–20 % of peak, evening peak 19:00–21:00", () => {
    const c = new Seasonality({ intraday: "consumer-24x7" }, "2024-01-01T00:00:00Z").intradayCurve;
    const trough = argmin(c);
    const peak = argmax(c);
    expect(trough).toBeGreaterThanOrEqual(slotOf(3));
    expect(trough).toBeLessThan(slotOf(5));
    expect(c[trough] / c[peak]).toBeGreaterThanOrEqual(0.15);
    expect(c[trough] / c[peak]).toBeLessThanOrEqual(0.2);
    expect(peak).toBeGreaterThanOrEqual(slotOf(19));
    expect(peak).toBeLessThan(slotOf(21));
  });

  it("consumer-24x7 weekly: weekend comparable or a little higher", () => {
    const w = new Seasonality({ weekly: "consumer-24x7" }, "2024-01-01T00:00:00Z").weeklyPattern;
    const weekday = mean(w.slice(0, 5));
    const weekend = mean(w.slice(5));
    expect(weekend).toBeGreaterThanOrEqual(weekday);
    expect(weekend).toBeLessThanOrEqual(1.15 * weekday);
    for (const v of w) expect(Math.abs(v / weekday - 1)).toBeLessThan(0.15);
  });

  it("the raw preset tables have the documented lengths and are frozen", () => {
    for (const c of Object.values(PRESET_INTRADAY)) expect(c.length).toBe(48);
    for (const c of Object.values(PRESET_WEEKLY)) expect(c.length).toBe(7);
    expect(Object.isFrozen(PRESET_INTRADAY["b2b-business-hours"])).toBe(true);
  });

  it("through multiplier(), the b2b peak of a Monday falls at 10:00–11:00 local time in the scenario's zone", () => {
    // 2025-01-06 is a Monday; Tokyo is UTC+9 all year.
    const s = new Seasonality({ intraday: "b2b-business-hours", weekly: "b2b-business-hours" }, "2025-01-06T00:00", "Asia/Tokyo");
    let best = 0;
    for (let t = 0; t < 1440; t += 30) if (s.multiplier(t + 15) > s.multiplier(best + 15)) best = t;
    expect(best).toBeGreaterThanOrEqual(600);
    expect(best).toBeLessThan(660);
    // and that is 01:00–02:00 UTC
    expect(new Date(s.startEpochMs + best * 60000).toISOString()).toMatch(/T01:/);
  });
});

describe("local time across daylight saving changes", () => {
  // A marker curve: slot 20 (10:00–10:30 local) stands out, everything else equal.
  const marker = Array.from({ length: 48 }, (_, i) => (i === 20 ? 10 : 1));
  const markerValue = 10 / ((47 + 10) / 48);
  const other = 1 / ((47 + 10) / 48);

  it("America/New_York spring forward: Monday 10:00 local is 15:00 UTC before and 14:00 UTC after", () => {
    const s = new Seasonality({ intraday: marker }, "2024-03-04T00:00", "America/New_York"); // Monday, EST
    expect(s.startEpochMs).toBe(Date.UTC(2024, 2, 4, 5, 0));
    const before = minutesBetween(s.startEpochMs, Date.UTC(2024, 2, 4, 15, 0)); // Mon 4 Mar 10:00 EST
    const after = minutesBetween(s.startEpochMs, Date.UTC(2024, 2, 11, 14, 0)); // Mon 11 Mar 10:00 EDT
    expect(before).toBe(600);
    expect(after).toBe(10620); // one week minus the lost hour after 600
    for (const t of [before, after]) {
      expect(s.multiplier(t)).toBeCloseTo(markerValue, 12);
      expect(s.multiplier(t + 29.9)).toBeCloseTo(markerValue, 12);
      expect(s.multiplier(t - 0.1)).toBeCloseTo(other, 12);
      expect(s.multiplier(t + 30)).toBeCloseTo(other, 12);
    }
    // a naive "same UTC time one week later" lands at 11:00 local, outside the slot
    expect(s.multiplier(before + WEEK + 15)).toBeCloseTo(other, 12);
  });

  it("America/New_York fall back: Monday 10:00 local is 14:00 UTC before and 15:00 UTC after", () => {
    const s = new Seasonality({ intraday: marker }, "2024-10-28T00:00:00-04:00", "America/New_York");
    const before = minutesBetween(s.startEpochMs, Date.UTC(2024, 9, 28, 14, 0));
    const after = minutesBetween(s.startEpochMs, Date.UTC(2024, 10, 4, 15, 0));
    expect(after - before).toBe(WEEK + 60);
    expect(s.multiplier(before + 10)).toBeCloseTo(markerValue, 12);
    expect(s.multiplier(after + 10)).toBeCloseTo(markerValue, 12);
    expect(s.multiplier(after - 50)).toBeCloseTo(other, 12);
  });

  it("the spring-forward day has 46 slots (02:00–03:00 skipped) and the fall-back day 50 (01:00–02:00 twice)", () => {
    const hours = Array.from({ length: 48 }, (_, i) => 1 + Math.floor(i / 2)); // value = local hour + 1
    const s = new Seasonality({ intraday: hours }, "2024-03-10T00:00", "America/New_York");
    const spring = s.piecewise(0, 23 * 60, 30);
    expect(spring.starts.length).toBe(46);
    const scale = mean(hours);
    const localHours = spring.factors.map((f) => Math.round(f * scale) - 1);
    expect(localHours.slice(0, 6)).toEqual([0, 0, 1, 1, 3, 3]);
    const fall = new Seasonality({ intraday: hours }, "2024-11-03T00:00", "America/New_York");
    const pf = fall.piecewise(0, 25 * 60, 30);
    expect(pf.starts.length).toBe(50);
    expect(pf.factors.map((f) => Math.round(f * scale) - 1).slice(0, 8)).toEqual([0, 0, 1, 1, 1, 1, 2, 2]);
  });

  it("a start with an explicit offset and the same instant as local wall time agree", () => {
    const a = new Seasonality({ intraday: "consumer-24x7" }, "2024-03-04T00:00", "America/New_York");
    const b = new Seasonality({ intraday: "consumer-24x7" }, "2024-03-04T05:00:00Z", "America/New_York");
    const c = new Seasonality({ intraday: "consumer-24x7" }, "2024-03-04T06:00:00+01:00", "America/New_York");
    expect(a.startEpochMs).toBe(b.startEpochMs);
    expect(c.startEpochMs).toBe(b.startEpochMs);
    for (let t = 0; t < 20000; t += 97) expect(a.multiplier(t)).toBe(b.multiplier(t));
  });

  it("a local start in the spring-forward gap moves forward; an ambiguous one takes the earlier instant", () => {
    const gap = new Seasonality({}, "2024-03-10T02:30", "America/New_York");
    expect(new Date(gap.startEpochMs).toISOString()).toBe("2024-03-10T07:30:00.000Z"); // 03:30 EDT
    const amb = new Seasonality({}, "2024-11-03T01:30", "America/New_York");
    expect(new Date(amb.startEpochMs).toISOString()).toBe("2024-11-03T05:30:00.000Z"); // 01:30 EDT
  });

  it("half-hour and quarter-hour offset zones keep slots on the local :00/:30 grid", () => {
    // Kathmandu is UTC+05:45: t = 0 is 05:45 local, so slots change at t = 15, 45, 75, …
    const s = new Seasonality({ intraday: "consumer-24x7" }, "2024-01-01T00:00:00Z", "Asia/Kathmandu");
    const { starts } = s.piecewise(0, 120, 30);
    expect(starts).toEqual([0, 15, 30, 45, 60, 75, 90, 105]);
  });
});

describe("piecewise", () => {
  const inputs: [string, SeasonalityInput, string, string][] = [
    ["b2b, New York, DST in range, growth", { intraday: "b2b-business-hours", weekly: "b2b-business-hours", annualGrowth: 0.15 }, "2024-03-01T06:10", "America/New_York"],
    ["consumer, Sydney, monthly", { intraday: "consumer-24x7", weekly: "consumer-24x7", monthly: [3, 3, 2, 2, 1, 1, 1, 1, 2, 2, 3, 4], annualGrowth: -0.2 }, "2024-03-30T22:59:30Z", "Australia/Sydney"],
    ["flat UTC", {}, "2024-01-01T00:00:00Z", "UTC"],
  ];

  for (const [name, input, start, zone] of inputs) {
    it(`${name}: pieces are contiguous, at most one step long, and each factor is S at the piece midpoint`, () => {
      const s = new Seasonality(input, start, zone);
      for (const [from, to, step] of [[0, 40 * 1440, 30], [13.7, 9 * 1440 + 5, 30], [-2000, 3000, 45], [100, 1000, 7.5], [5, 6, 30]]) {
        const { starts, factors } = s.piecewise(from, to, step);
        expect(starts[0]).toBe(from);
        expect(factors.length).toBe(starts.length);
        for (let i = 0; i < starts.length; i++) {
          const end = i + 1 < starts.length ? starts[i + 1] : to;
          expect(end).toBeGreaterThan(starts[i]);
          expect(end - starts[i]).toBeLessThanOrEqual(step + 1e-9);
          expect(factors[i]).toBe(s.multiplier((starts[i] + end) / 2));
          // the seasonal part is constant on the piece: S at both ends (just inside) matches up to growth
          const g = s.annualGrowth === 0 ? 1 : Math.exp(((end - starts[i]) * Math.log1p(s.annualGrowth)) / (365.25 * 1440));
          const r = s.multiplier(end - 1e-6) / s.multiplier(starts[i]);
          expect(Math.abs(r / g - 1)).toBeLessThan(1e-9);
        }
      }
    });
  }

  it("with step 30 and a local-midnight start every piece is one 30-minute slot", () => {
    const s = new Seasonality({ intraday: "b2b-business-hours" }, "2024-06-03T00:00", "Europe/Paris");
    const { starts } = s.piecewise(0, 3 * 1440);
    expect(starts.length).toBe(3 * 48);
    starts.forEach((t, i) => expect(t).toBe(30 * i));
  });

  it("rates built from the factors are usable by the engine's piecewise Poisson process", async () => {
    const { PiecewisePoissonArrivals } = await import("../../../src/engine/arrivals.js");
    const { RandomStreams } = await import("../../../src/engine/random.js");
    const s = new Seasonality({ intraday: "b2b-business-hours", weekly: "b2b-business-hours" }, "2024-01-01T00:00:00Z");
    const { starts, factors } = s.piecewise(0, WEEK);
    const base = 2; // per minute
    const p = new PiecewisePoissonArrivals(starts, factors.map((f) => base * f), new RandomStreams(1, 0).stream("a"), WEEK);
    expect(p.expectedCount(0, WEEK)).toBeCloseTo(base * WEEK, 6);
  });

  it("a year of 30-minute pieces is quick (per-day caching)", () => {
    const s = new Seasonality({ intraday: "consumer-24x7", weekly: "consumer-24x7", annualGrowth: 0.05 }, "2025-01-01T00:00", "Europe/London");
    const t0 = performance.now();
    const { starts } = s.piecewise(0, 365 * 1440);
    let acc = 0;
    for (let t = 0; t < 365 * 1440; t += 7) acc += s.multiplier(t);
    const ms = performance.now() - t0;
    expect(starts.length).toBe(365 * 48);
    expect(acc).toBeGreaterThan(0);
    expect(ms).toBeLessThan(5000);
  });
});

describe("invalid input throws a RangeError naming the problem", () => {
  const start = "2024-01-01T00:00:00Z";
  const cases: [string, () => unknown, RegExp][] = [
    ["intraday too short", () => new Seasonality({ intraday: new Array(47).fill(1) }, start), /intraday: expected 48 values.*got 47/],
    ["intraday too long", () => new Seasonality({ intraday: new Array(96).fill(1) }, start), /intraday: expected 48 values.*got 96/],
    ["weekly wrong length", () => new Seasonality({ weekly: [1, 1, 1, 1, 1, 1] }, start), /weekly: expected 7 values.*got 6/],
    ["monthly wrong length", () => new Seasonality({ monthly: new Array(11).fill(1) }, start), /monthly: expected 12 values.*got 11/],
    ["negative value", () => new Seasonality({ weekly: [1, 1, -0.5, 1, 1, 1, 1] }, start), /weekly\[2\]: expected a finite number >= 0, got -0\.5/],
    ["NaN value", () => new Seasonality({ monthly: [1, 1, 1, 1, 1, NaN, 1, 1, 1, 1, 1, 1] }, start), /monthly\[5\]: expected a finite number >= 0, got NaN/],
    ["non-number value", () => new Seasonality({ intraday: [...new Array(47).fill(1), "2"] as unknown as number[] }, start), /intraday\[47\]: expected a finite number >= 0, got "2"/],
    ["all zeros", () => new Seasonality({ intraday: new Array(48).fill(0) }, start), /intraday: all values are zero/],
    ["all-zero weekly", () => new Seasonality({ weekly: [0, 0, 0, 0, 0, 0, 0] }, start), /weekly: all values are zero/],
    ["unknown intraday preset", () => new Seasonality({ intraday: "b2c-evenings" as never }, start), /intraday: unknown preset "b2c-evenings"; expected one of "b2b-business-hours", "consumer-24x7"/],
    ["unknown weekly preset", () => new Seasonality({ weekly: "weekdays" as never }, start), /weekly: unknown preset "weekdays"/],
    ["monthly given as a string", () => new Seasonality({ monthly: "retail" as never }, start), /monthly: expected an array of 12 numbers/],
    ["unknown field", () => new Seasonality({ daily: [1] } as never, start), /unknown field "daily"/],
    ["growth -1", () => new Seasonality({ annualGrowth: -1 }, start), /annualGrowth: expected a finite number > -1/],
    ["growth NaN", () => new Seasonality({ annualGrowth: NaN }, start), /annualGrowth/],
    ["bad time zone", () => new Seasonality({}, start, "Mars/Olympus_Mons"), /unknown time zone "Mars\/Olympus_Mons"/],
    ["empty time zone", () => new Seasonality({}, start, ""), /time zone: expected an IANA name/],
    ["bad ISO text", () => new Seasonality({}, "next Monday"), /start: expected an ISO 8601 date-time.*"next Monday"/],
    ["impossible date", () => new Seasonality({}, "2024-02-30T10:00"), /start: .*day 30 does not exist in 2024-02/],
    ["bad month", () => new Seasonality({}, "2024-13-01T10:00"), /start: .*month 13/],
    ["bad hour", () => new Seasonality({}, "2024-01-01T24:00"), /start: .*hour 24/],
    ["bad offset", () => new Seasonality({}, "2024-01-01T10:00+25:00"), /start: .*bad offset/],
    ["non-finite time", () => new Seasonality({}, start).multiplier(Number.POSITIVE_INFINITY), /multiplier: expected a finite time/],
    ["empty range", () => new Seasonality({}, start).piecewise(100, 100), /piecewise: expected from < to/],
    ["zero step", () => new Seasonality({}, start).piecewise(0, 100, 0), /piecewise: expected a step > 0/],
    ["huge range", () => new Seasonality({}, start).piecewise(0, 1e12, 30), /piecewise: .*pieces \(limit/],
  ];
  for (const [name, fn, message] of cases) {
    it(name, () => {
      expect(fn).toThrow(RangeError);
      expect(fn).toThrow(message);
    });
  }

  it("accepts every valid ISO form: date only, minutes, seconds, fractions, offsets", () => {
    for (const iso of ["2024-01-01", "2024-01-01T08:00", "2024-01-01 08:00:30", "2024-01-01T08:00:30.25Z", "2024-01-01T08:00+0530", "2024-01-01T08:00-03"]) {
      expect(() => new Seasonality({}, iso, "Europe/Berlin"), iso).not.toThrow();
    }
    expect(new Seasonality({}, "2024-01-01T08:00:30.25Z").startEpochMs).toBe(Date.UTC(2024, 0, 1, 8, 0, 30, 250));
    expect(new Seasonality({}, "2024-01-01T08:00+05:30").startEpochMs).toBe(Date.UTC(2024, 0, 1, 2, 30));
  });
});
