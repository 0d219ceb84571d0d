/**
 * Tests of the arrivals forecast (src/forecast/: fit.ts, rates.ts, compare.ts, json.ts) and the
 * synthetic history generator (src/forecast/sampleHistory.ts); the history reader is tested in
 * history.test.ts, the time zones in tests/unit/time/zone.test.ts.
 *
 *  - Without noise the model is recovered exactly (relative error ≤ 1e-9): profile, weekly
 *    growth and the rate of every interval, also with missing intervals, a partial first and
 *    last week, a DST change, and (fast-check) random profiles, growths and interval lengths.
 *  - With Poisson noise the estimates must lie within 4.5 standard errors (a correct
 *    estimator leaves such a band with probability ≈ 7·10⁻⁶ per check); the seeds are fixed,
 *    so runs are deterministic. The bands are derived next to each test.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PiecewisePoissonArrivals } from "../../../src/engine/arrivals.js";
import { RandomStreams } from "../../../src/engine/random.js";
import { compareToHistory } from "../../../src/forecast/compare.js";
import { fitForecast } from "../../../src/forecast/fit.js";
import { slotIndex, slotLabel } from "../../../src/forecast/forecast.js";
import { formatHistoryCsv, type HistoryRow, parseHistoryCsv, readHistoryFile } from "../../../src/forecast/history.js";
import { forecastFromJSON, forecastToJSON } from "../../../src/forecast/json.js";
import { forecastArrivals, toPiecewiseRates } from "../../../src/forecast/rates.js";
import { poisson, SAMPLE_HISTORY, sampleHistoryCsv, sampleHistoryTruth, simulateHistory, type SimulatedChannel } from "../../../src/forecast/sampleHistory.js";
import { TimeZoneClock } from "../../../src/time/zone.js";

const Z = 4.5;
const MIN = 60_000;
const WEEK = 7 * 86_400_000;
const root = new URL("../../..", import.meta.url).pathname;

/** A business-like weekly profile (mean 1) for P intervals a day: closed nights, Monday high, weekend low. */
function knownProfile(P: number, opts: { zeros?: boolean } = {}): Float64Array {
  const dayLevel = [1.3, 1.1, 1.0, 0.95, 0.7, 0.15, 0.1];
  const v = new Float64Array(7 * P);
  for (let d = 0; d < 7; d++) {
    for (let k = 0; k < P; k++) {
      const h = ((k + 0.5) * 24) / P;
      const open = h > 7 && h < 19 ? 1 : opts.zeros ? 0 : 0.05;
      const shape = open * (0.4 + Math.exp(-((h - 10.25) ** 2) / 2) + 0.8 * Math.exp(-((h - 14.25) ** 2) / 2));
      v[d * P + k] = dayLevel[d] * shape;
    }
  }
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return v.map((x) => x / mean);
}

/** True rate per hour of a simulated channel at t (interval containing t, trend at its start, local clock). */
const clocks = new Map<string, TimeZoneClock>();
function trueRate(c: SimulatedChannel, start: Date, intervalMinutes: number, timeZone: string, t: Date): number {
  let clock = clocks.get(timeZone);
  if (clock === undefined) clocks.set(timeZone, (clock = new TimeZoneClock(timeZone)));
  const P = 1440 / intervalMinutes;
  const lt = clock.local(t);
  const k = Math.floor(lt.minuteOfDay / intervalMinutes);
  const intervalStartLocal = lt.localMs - (lt.minuteOfDay - k * intervalMinutes) * MIN;
  const weeks = (intervalStartLocal - clock.local(start).localMs) / WEEK;
  return c.basePerHour * Math.pow(1 + c.weeklyGrowth, weeks) * c.profile[lt.dayOfWeek * P + k];
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

const utc = (s: string): Date => new Date(s);

describe("exact recovery without noise", () => {
  const start = utc("2026-01-05T00:00:00Z"); // a Monday
  const channel: SimulatedChannel = { name: "phone", basePerHour: 40, weeklyGrowth: 0.02, profile: knownProfile(48), handle: { meanMinutes: 7.5, cv: 1 } };
  const rows = simulateHistory({ start, end: new Date(start.getTime() + 6 * WEEK), intervalMinutes: 30, channels: [channel], noise: "none" });

  it("profile, growth, base and every interval's rate to 1e-9", () => {
    const f = fitForecast(rows);
    const c = f.channels.phone;
    expect(f.intervalMinutes).toBe(30);
    expect(f.intervalsPerDay).toBe(48);
    expect(f.start.toISOString()).toBe("2026-01-05T00:00:00.000Z");
    expect(f.end.toISOString()).toBe("2026-02-16T00:00:00.000Z");
    expect(maxAbsDiff(c.profile, channel.profile)).toBeLessThan(1e-9);
    expect(Math.abs(c.weeklyGrowth - 0.02)).toBeLessThan(1e-9);
    expect(c.trendWeeks).toBe(6);
    // base is the mean rate at the trend reference, the middle of the history (3 weeks in)
    expect(f.trendReference.toISOString()).toBe("2026-01-26T00:00:00.000Z");
    expect(Math.abs(c.basePerHour / (40 * 1.02 ** 3) - 1)).toBeLessThan(1e-9);
    for (const r of rows) {
      const want = trueRate(channel, start, 30, "UTC", r.start);
      expect(Math.abs(c.ratePerHourAt(r.start) - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, want));
      // any instant inside the interval has the interval's rate
      expect(c.ratePerHourAt(new Date(r.start.getTime() + 17 * MIN))).toBe(c.ratePerHourAt(r.start));
    }
    expect(c.handleMinutes).toBeCloseTo(7.5, 12);
    expect(c.fitError.mape).toBeLessThan(1e-9);
    expect(Math.abs(c.fitError.totalRelativeError)).toBeLessThan(1e-9);
    // extrapolation: two weeks after the end, the trend has moved on
    const later = utc("2026-03-02T10:00:00Z");
    expect(c.ratePerHourAt(later) / trueRate(channel, start, 30, "UTC", later)).toBeCloseTo(1, 9);
  });

  it("missing intervals are missing, not zero (an outage day, random gaps, a partial first and last week)", () => {
    const rng = new RandomStreams(5, 0).stream("drop");
    const outage = [utc("2026-01-14T00:00:00Z").getTime(), utc("2026-01-15T00:00:00Z").getTime()];
    const kept = rows.filter((r) => {
      const t = r.start.getTime();
      if (t < utc("2026-01-07T09:30:00Z").getTime() || t >= utc("2026-02-13T15:00:00Z").getTime()) return false; // starts on a Wednesday morning
      if (t >= outage[0] && t < outage[1]) return false;
      return rng() > 0.05;
    });
    const f = fitForecast(kept);
    const c = f.channels.phone;
    expect(maxAbsDiff(c.profile, channel.profile)).toBeLessThan(1e-9);
    expect(Math.abs(c.weeklyGrowth - 0.02)).toBeLessThan(1e-9);
    expect(f.notes.some((n) => /phone: \d+ intervals between its first and last row are absent from the history: treated as missing data, not as zero/.test(n))).toBe(true);
    // had the gaps been zeros, the fit would be far off
    const zeroFilled: HistoryRow[] = rows.map((r) => (kept.includes(r) ? r : { ...r, offered: 0 }));
    expect(maxAbsDiff(fitForecast(zeroFilled).channels.phone.profile, channel.profile)).toBeGreaterThan(0.1);
  });

  it("property: random profiles, growths, interval lengths, starts and gaps are recovered (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(15, 30, 60, 120),
        fc.integer({ min: -500, max: 800 }).map((bp) => bp / 10_000), // growth −5 % ... +8 % a week
        fc.integer({ min: 1, max: 1000 }).map((x) => x / 2), // base 0.5 ... 500 per hour
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 0, max: 95 }),
        (interval, growth, base, seed, weeks, startSlot) => {
          const P = 1440 / interval;
          const rng = new RandomStreams(seed, 0).stream("profile");
          const raw = Float64Array.from({ length: 7 * P }, () => (rng() < 0.2 ? 0 : 0.1 + rng()));
          const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
          const profile = raw.map((x) => x / mean);
          const s = new Date(Date.UTC(2025, 5, 2 + Math.floor(rng() * 7), 0, (startSlot % P) * interval));
          const ch: SimulatedChannel = { name: "c", basePerHour: base, weeklyGrowth: growth, profile };
          const all = simulateHistory({ start: s, end: new Date(s.getTime() + weeks * WEEK), intervalMinutes: interval, channels: [ch], noise: "none" });
          const rows2 = all.filter(() => rng() > 0.03);
          const f = fitForecast(rows2, { intervalMinutes: interval });
          const c = f.channels.c;
          // slots with no data are 0 in the fit; the rest must match (renormalised to mean 1)
          const utcClock = new TimeZoneClock();
          const seen = new Set(rows2.map((r) => {
            const lt = utcClock.local(r.start);
            return lt.dayOfWeek * P + lt.minuteOfDay / interval;
          }));
          const unseenMass = [...profile].reduce((a, p, i) => a + (seen.has(i) ? 0 : p), 0) / profile.length;
          let worst = 0;
          for (let i = 0; i < profile.length; i++) {
            const want = seen.has(i) ? profile[i] / (1 - unseenMass) : 0;
            worst = Math.max(worst, Math.abs(c.profile[i] - want));
          }
          expect(worst).toBeLessThan(1e-9);
          // a start late in the day leaves the first and last weeks partial; at least 2 are full
          expect(c.trendWeeks).toBeGreaterThanOrEqual(2);
          expect(Math.abs(c.weeklyGrowth - growth)).toBeLessThan(1e-9);
          let worstRate = 0;
          for (const r of rows2) {
            const want = trueRate(ch, s, interval, "UTC", r.start);
            worstRate = Math.max(worstRate, Math.abs(c.ratePerHourAt(r.start) - want) / Math.max(1, want));
          }
          expect(worstRate).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 25, seed: 424242 },
    );
  });

  it("fewer than 2 full weeks: no trend, and the notes say so", () => {
    const short = rows.filter((r) => r.start.getTime() < start.getTime() + 10 * 86_400_000);
    const f = fitForecast(short);
    expect(f.channels.phone.weeklyGrowth).toBe(0);
    expect(f.channels.phone.trendWeeks).toBe(0);
    expect(f.notes).toContain("phone: 1 full week of history (need 2 for a trend): no trend fitted (trend = 1)");
    const noTrend = fitForecast(rows, { trend: false });
    expect(noTrend.channels.phone.weeklyGrowth).toBe(0);
  });

  it("round-trips through JSON", () => {
    const f = fitForecast(rows);
    const json = JSON.parse(JSON.stringify(forecastToJSON(f)));
    const g = forecastFromJSON(json);
    expect(g.notes).toEqual(f.notes);
    expect(g.trendReference.getTime()).toBe(f.trendReference.getTime());
    for (const r of rows.slice(0, 500)) expect(g.channels.phone.ratePerHourAt(r.start)).toBeCloseTo(f.channels.phone.ratePerHourAt(r.start), 10);
    expect(Array.from(g.channels.phone.profile)).toEqual(Array.from(f.channels.phone.profile));
    expect(Array.from(g.channels.phone.handleMinutesBySlot!)).toEqual(Array.from(f.channels.phone.handleMinutesBySlot!));
    expect(g.channels.phone.fitError).toEqual(f.channels.phone.fitError);
    // the written form: fields in a fixed order, NaN as null
    expect(Object.keys(json.channels.phone)).toEqual(["basePerHour", "weeklyGrowth", "profile", "handleMinutes", "handleMinutesBySlot", "trendWeeks", "observedIntervals", "offered", "fitError"]);
    expect(JSON.stringify(forecastToJSON(g))).toBe(JSON.stringify(json));
  });
});

describe("recovery with Poisson noise (12 weeks)", () => {
  const start = utc("2026-01-05T00:00:00Z");
  const profile = knownProfile(48);
  const base = 60; // per hour: 30 contacts per interval on average
  const growth = 0.01;
  const channel: SimulatedChannel = { name: "chat", basePerHour: base, weeklyGrowth: growth, profile, handle: { meanMinutes: 10, cv: 0.7 } };
  const rows = simulateHistory({ start, end: new Date(start.getTime() + 12 * WEEK), intervalMinutes: 30, channels: [channel], noise: "poisson", seed: 99 });
  const f = fitForecast(rows);
  const c = f.channels.chat;

  it("profile: every slot within 4.5 standard errors (+1 % for the fitted trend and mean)", () => {
    // p̂ = (mean over 12 weeks of the detrended count) / (mean count m); the count in slot s
    // is Poisson with mean ≈ m·p_s, so sd(p̂_s) ≈ √(m·p_s/12)/m. The fitted growth and m add
    // under 1 % (their own sd is ~0.1 %).
    const m = base / 2;
    let worst = 0;
    for (let s = 0; s < profile.length; s++) {
      const band = Z * Math.sqrt((m * profile[s]) / 12) / m + 0.01 * profile[s];
      const err = Math.abs(c.profile[s] - profile[s]);
      worst = Math.max(worst, err / band);
      expect(err, `slot ${slotLabel(s, 30)}`).toBeLessThanOrEqual(band);
    }
    expect(worst).toBeLessThan(1);
    // overall: the RMS error is about √(mean p_s / (12·m)) = √(1/360) ≈ 0.053
    const rms = Math.sqrt(profile.reduce((a, p, s) => a + (c.profile[s] - p) ** 2, 0) / profile.length);
    expect(rms).toBeLessThan(0.07);
  });

  it("growth within 4.5 standard errors of the least-squares slope (about ±0.4 % a week)", () => {
    // log weekly total T_w has sd ≈ 1/√T_w; the slope over 12 weeks has sd σ/√Σ(w − w̄)² = σ/√143
    const weeklyTotal = base * 168;
    const sd = 1 / Math.sqrt(weeklyTotal) / Math.sqrt(143);
    expect(Math.abs(c.weeklyGrowth - growth)).toBeLessThanOrEqual(Z * sd);
    expect(Z * sd).toBeLessThan(0.004);
  });

  it("base and handle time within their bands", () => {
    const total = rows.reduce((a, r) => a + r.offered, 0);
    // base is at the middle (6 weeks in); the count over 12 weeks pins it to ±4.5/√total, plus the growth uncertainty over ±6 weeks
    const want = base * (1 + growth) ** 6;
    expect(Math.abs(c.basePerHour / want - 1)).toBeLessThanOrEqual(Z / Math.sqrt(total) + 6 * 0.004);
    // handle: mean of `total` lognormals with cv 0.7
    expect(Math.abs(c.handleMinutes! - 10)).toBeLessThanOrEqual((Z * 10 * 0.7) / Math.sqrt(total));
    expect(c.handleMinutesBySlot!.length).toBe(7 * 48);
  });

  it("the in-sample error is what Poisson noise alone explains", () => {
    expect(Math.abs(c.fitError.totalRelativeError)).toBeLessThan(0.01);
    // WAPE of an exact Poisson fit ≈ E|N − λ| / λ ≈ √(2/(πλ)); the busy hours dominate
    expect(c.fitError.wape).toBeGreaterThan(0.08);
    expect(c.fitError.wape).toBeLessThan(0.2);
  });
});

describe("time zones", () => {
  const tz = "America/New_York";
  const clock = new TimeZoneClock(tz);

  it("an unknown time zone is a RangeError (the clock itself: tests/unit/time/zone.test.ts)", () => {
    expect(() => fitForecast([{ start: new Date(0), channel: "x", offered: 1 }, { start: new Date(1800_000), channel: "x", offered: 1 }], { timeZone: "Nowhere/City" })).toThrow(RangeError);
  });

  it("a profile generated in New York local time (spanning the DST change) is recovered with timeZone America/New_York", () => {
    const start = new Date(clock.instantOf(Date.UTC(2026, 1, 23))); // Monday 23 Feb 2026, local midnight
    const end = new Date(clock.instantOf(Date.UTC(2026, 3, 6))); // six local weeks later (DST starts 8 March)
    const ch: SimulatedChannel = { name: "phone", basePerHour: 25, weeklyGrowth: 0.015, profile: knownProfile(48, { zeros: true }) };
    const rows = simulateHistory({ start, end, intervalMinutes: 30, timeZone: tz, channels: [ch], noise: "none" });
    expect(rows.length).toBe(6 * 336 - 2); // the DST day has 46 intervals

    const f = fitForecast(rows, { timeZone: tz });
    const c = f.channels.phone;
    expect(f.timeZone).toBe(tz);
    // the two slots that did not exist on 8 March were observed in the other five weeks
    expect(maxAbsDiff(c.profile, ch.profile)).toBeLessThan(1e-9);
    expect(Math.abs(c.weeklyGrowth - 0.015)).toBeLessThan(1e-9);
    for (const r of rows) expect(c.ratePerHourAt(r.start) / Math.max(1e-300, trueRate(ch, start, 30, tz, r.start)) || 1).toBeCloseTo(1, 9);

    // read in UTC, the same data puts the 10:00 peak 4 or 5 hours later (EDT/EST): the zone matters
    const u = fitForecast(rows);
    const peak = (p: Float64Array): number => p.indexOf(Math.max(...p.slice(0, 48)));
    expect(slotLabel(peak(c.profile), 30)).toBe("Mon 10:00");
    expect(slotLabel(peak(u.channels.phone.profile), 30)).toMatch(/^Mon 1[45]:[03]0$/);
    expect(maxAbsDiff(u.channels.phone.profile, ch.profile)).toBeGreaterThan(1);
  });

  it("timestamps with offsets survive a CSV round trip", () => {
    const start = new Date(clock.instantOf(Date.UTC(2026, 2, 7)));
    const rows = simulateHistory({ start, end: new Date(start.getTime() + 2 * 86_400_000), intervalMinutes: 30, timeZone: tz, channels: [{ name: "chat", basePerHour: 20, weeklyGrowth: 0, profile: knownProfile(48), handle: { meanMinutes: 10, cv: 0.5 } }], seed: 3 });
    const csv = formatHistoryCsv(rows, { timeZone: tz });
    expect(csv).toContain("2026-03-07T00:00:00-05:00,chat,");
    expect(csv).toContain("2026-03-08T03:00:00-04:00,chat,");
    expect(csv).not.toContain("2026-03-08T02:00:00");
    const back = parseHistoryCsv(csv, "rt.csv");
    expect(back.map((r) => [r.start.getTime(), r.offered])).toEqual(rows.map((r) => [r.start.getTime(), r.offered]));
  });
});

describe("toPiecewiseRates", () => {
  const tz = "America/New_York";
  const clock = new TimeZoneClock(tz);
  const start = new Date(clock.instantOf(Date.UTC(2026, 1, 2)));
  const end = new Date(clock.instantOf(Date.UTC(2026, 2, 2)));
  const phone: SimulatedChannel = { name: "phone", basePerHour: 30, weeklyGrowth: 0.01, profile: knownProfile(48) };
  const email: SimulatedChannel = { name: "email", basePerHour: 12, weeklyGrowth: 0, profile: knownProfile(48) };
  const rows = simulateHistory({ start, end, intervalMinutes: 30, timeZone: tz, channels: [phone, email], noise: "none" });
  const f = fitForecast(rows, { timeZone: tz });

  /** Expected count of a channel over [a, b) from the true model, minute by minute (rates are constant per interval). */
  function trueCount(c: SimulatedChannel, a: Date, b: Date): number {
    let sum = 0;
    for (let t = a.getTime(); t < b.getTime(); t += MIN) sum += trueRate(c, start, 30, tz, new Date(t)) / 60;
    return sum;
  }

  it("integrates to the expected count, from an off-grid start, across the DST change, beyond the history", () => {
    const from = utc("2026-03-06T15:07:00Z"); // Friday 10:07 EST
    const to = utc("2026-03-10T02:41:00Z"); // Monday 22:41 EDT: crosses 8 March and extrapolates past the history
    const r = toPiecewiseRates(f, "phone", from, to);
    expect(r.starts[0]).toBe(0);
    expect(r.starts[1]).toBe(23); // to 10:30 local
    expect(r.endMinutes).toBe((to.getTime() - from.getTime()) / MIN);
    // every later piece starts on the local half-hour
    for (const s of r.starts.slice(1)) expect(clock.local(from.getTime() + s * MIN).minuteOfDay % 30).toBe(0);
    const arrivals = new PiecewisePoissonArrivals(r.starts, r.ratesPerMinute, () => 0.5);
    const want = trueCount(phone, from, to);
    expect(Math.abs(arrivals.expectedCount(0, r.endMinutes) / want - 1)).toBeLessThan(1e-9);
    // the sum of channels
    const both = toPiecewiseRates(f, ["phone", "email"], from, to);
    const bothArr = new PiecewisePoissonArrivals(both.starts, both.ratesPerMinute, () => 0.5);
    expect(Math.abs(bothArr.expectedCount(0, both.endMinutes) / (want + trueCount(email, from, to)) - 1)).toBeLessThan(1e-9);
    expect(() => f.toPiecewiseRates("fax", from, to)).toThrow(/unknown channel "fax" \(the forecast has "phone", "email"\)/);
    expect(() => f.toPiecewiseRates("phone", to, from)).toThrow(/expected from < to/);
  });

  it("a simulation run from the forecast draws the forecast volume", () => {
    const from = utc("2026-03-02T05:00:00Z");
    const to = utc("2026-03-09T04:00:00Z"); // one local week
    const arrivals = forecastArrivals(f, "phone", from, to, new RandomStreams(17, 0).stream("arrivals"));
    const horizon = (to.getTime() - from.getTime()) / MIN;
    let n = 0;
    for (let t = arrivals.next(0); t < horizon; t = arrivals.next(t)) n++;
    const m = trueCount(phone, from, to);
    expect(Math.abs(n - m)).toBeLessThanOrEqual(Z * Math.sqrt(m));
  });
});

describe("compareToHistory", () => {
  const start = utc("2026-01-05T00:00:00Z");
  const ch: SimulatedChannel = { name: "phone", basePerHour: 40, weeklyGrowth: 0, profile: knownProfile(48) };
  const rows = simulateHistory({ start, end: new Date(start.getTime() + 2 * WEEK), intervalMinutes: 30, channels: [ch, { ...ch, name: "chat" }], noise: "none" });

  it("zero error for the true rates, 10 % for rates 10 % high; both rate forms; unmatched channels", () => {
    const exact = compareToHistory({ phone: (t: Date) => trueRate(ch, start, 30, "UTC", t) }, rows);
    expect(exact.intervalMinutes).toBe(30);
    expect(exact.unmatched).toEqual(["chat"]);
    expect(exact.channels.phone.mape).toBeLessThan(1e-12);
    expect(exact.channels.phone.intervals).toBe(2 * 336);
    const high = compareToHistory(
      {
        phone: (t: Date) => 1.1 * trueRate(ch, start, 30, "UTC", t),
        chat: { expectedCount: (a: Date) => (1.1 * trueRate(ch, start, 30, "UTC", a)) / 2 },
      },
      rows,
    );
    for (const v of [high.channels.phone, high.channels.chat, high.total]) {
      expect(v.totalRelativeError).toBeCloseTo(0.1, 12);
      expect(v.mape).toBeCloseTo(0.1, 12);
      expect(v.wape).toBeCloseTo(0.1, 12);
    }
    expect(high.total.intervals).toBe(2 * 336);
  });

  it("a forecast compared with its own history gives its in-sample fit error; with later data, out-of-sample", () => {
    const noisy = simulateHistory({ start, end: new Date(start.getTime() + 4 * WEEK), intervalMinutes: 30, channels: [{ ...ch, weeklyGrowth: 0.01 }], seed: 8 });
    const fitRows = noisy.filter((r) => r.start.getTime() < start.getTime() + 3 * WEEK);
    const holdout = noisy.filter((r) => r.start.getTime() >= start.getTime() + 3 * WEEK);
    const f = fitForecast(fitRows);
    expect(compareToHistory(f, fitRows).channels.phone).toEqual(f.channels.phone.fitError);
    const out = compareToHistory(f, holdout).channels.phone;
    expect(Math.abs(out.totalRelativeError)).toBeLessThan(0.05);
    expect(out.mape).toBeGreaterThan(0);
  });
});

describe("the shipped sample history (scenarios/data/sample-history.csv)", () => {
  const path = `${root}scenarios/data/sample-history.csv`;
  const text = readFileSync(path, "utf8");

  it("is exactly what the generator writes (deterministic seed)", () => {
    expect(text).toBe(sampleHistoryCsv());
  });

  it("fits: Monday above Friday, the 10:00 peak and the post-lunch peak, handle times", () => {
    const rows = readHistoryFile(path);
    expect(rows.length).toBe(3 * (8 * 336 - 2)); // 8 weeks of 30-minute intervals, less the DST hour
    const f = fitForecast(rows, { timeZone: SAMPLE_HISTORY.timeZone });
    expect(f.intervalMinutes).toBe(30);
    expect(Object.keys(f.channels)).toEqual(["phone", "chat", "email"]);
    const P = f.intervalsPerDay;
    const truth = sampleHistoryTruth().channels;
    for (const [name, c] of Object.entries(f.channels)) {
      const day = (d: number): number => c.profile.slice(d * P, (d + 1) * P).reduce((a, b) => a + b, 0);
      expect(day(0), `${name}: Monday > Friday`).toBeGreaterThan(1.3 * day(4));
      expect(day(0), `${name}: Monday highest`).toBe(Math.max(...[0, 1, 2, 3, 4, 5, 6].map(day)));
      expect(day(4), `${name}: Friday lowest weekday`).toBe(Math.min(...[0, 1, 2, 3, 4].map(day)));
      // the mean weekday curve peaks at 10:00 and again after lunch (13:30-14:30), with a dip between
      const weekday = Array.from({ length: P }, (_, k) => [0, 1, 2, 3, 4].reduce((a, d) => a + c.profile[d * P + k], 0) / 5);
      const am = weekday.indexOf(Math.max(...weekday));
      expect(slotLabel(am, 30), `${name}: morning peak`).toBe("Mon 10:00");
      const pmSlots = weekday.slice(24, 34);
      const pm = 24 + pmSlots.indexOf(Math.max(...pmSlots));
      expect(pm, `${name}: post-lunch peak`).toBeGreaterThanOrEqual(slotIndex(0, 13, 30, 30));
      expect(pm, `${name}: post-lunch peak`).toBeLessThanOrEqual(slotIndex(0, 14, 30, 30));
      expect(Math.min(...weekday.slice(am, pm))).toBeLessThan(0.8 * weekday[pm]);
      // weekends: near zero for phone and chat, some email
      const weekendShare = (day(5) + day(6)) / (7 * P);
      if (name === "email") expect(weekendShare).toBeGreaterThan(0.05);
      else expect(weekendShare).toBeLessThan(0.02);
      const hm = { phone: 7.5, chat: 10, email: 5 }[name]!;
      expect(Math.abs(c.handleMinutes! / hm - 1), `${name}: handle minutes`).toBeLessThan(0.03);
      // growth: 8 weeks with day-level cv 0.10 pin it only to about ±0.6 %/week (1 sd)
      expect(Math.abs(c.weeklyGrowth - SAMPLE_HISTORY.weeklyGrowth)).toBeLessThan(0.025);
      // the whole profile against the truth: correlation and RMS error (8 weeks, day-level cv 0.10)
      const t = truth.find((x) => x.name === name)!.profile;
      let sxy = 0, sxx = 0, syy = 0, se = 0;
      for (let i = 0; i < t.length; i++) {
        sxy += (c.profile[i] - 1) * (t[i] - 1);
        sxx += (c.profile[i] - 1) ** 2;
        syy += (t[i] - 1) ** 2;
        se += (c.profile[i] - t[i]) ** 2;
      }
      expect(sxy / Math.sqrt(sxx * syy), `${name}: profile correlation`).toBeGreaterThan(0.98);
      expect(Math.sqrt(se / t.length), `${name}: profile RMS error`).toBeLessThan(0.2);
    }
  });
});

describe("generator pieces", () => {
  it("poisson draws have the right mean and variance (small, chunked and large means)", () => {
    const rng = new RandomStreams(1, 0).stream("poisson");
    for (const mean of [0.3, 7, 64, 150, 1000]) {
      const n = 20_000;
      let s = 0, s2 = 0;
      for (let i = 0; i < n; i++) {
        const x = poisson(mean, rng);
        s += x;
        s2 += x * x;
      }
      const m = s / n;
      const v = s2 / n - m * m;
      expect(Math.abs(m - mean)).toBeLessThanOrEqual(Z * Math.sqrt(mean / n));
      // sd of the sample variance of a Poisson ≈ √((μ + 2μ²)/n)
      expect(Math.abs(v - mean)).toBeLessThanOrEqual(Z * Math.sqrt((mean + 2 * mean * mean) / n));
    }
    expect(poisson(0, rng)).toBe(0);
  });

  it("the B2B truth: profiles of mean 1, Monday highest, Friday lowest, peaks at 10:00 and 14:00", () => {
    for (const c of sampleHistoryTruth().channels) {
      const p = c.profile;
      expect(Array.from(p).reduce((a, b) => a + b, 0) / p.length).toBeCloseTo(1, 12);
      const weekday = Array.from({ length: 48 }, (_, k) => p[k]);
      expect(slotLabel(weekday.indexOf(Math.max(...weekday)), 30)).toBe("Mon 10:00");
      const pm = weekday.slice(24, 40);
      expect(slotLabel(24 + pm.indexOf(Math.max(...pm)), 30)).toBe("Mon 14:00");
    }
  });
});
