/**
 * Synthetic interval history, deterministic from a seed.
 *
 * `simulateHistory` plays out any rate model of the forecast's form,
 *   rate(t) = basePerHour · (1 + weeklyGrowth)^(weeks since start, local clock) · profile[slot],
 * with Poisson counts, optionally mixed by a gamma day-level multiplier (mean 1): a doubly
 * stochastic Poisson process whose daily rate is itself random, as Brown et al. found for
 * call-centre arrivals (L. Brown, N. Gans, A. Mandelbaum, A. Sakov, H. Shen, S. Zeltyn,
 * L. Zhao, "Statistical analysis of a telephone call center: a queueing-science perspective",
 * JASA 100(469):36–50, 2005); the gamma mixing gives negative-binomial daily counts
 * (Jongbloed & Koole, "Managing uncertainty in call centres using Poisson mixtures", Applied
 * Stochastic Models in Business and Industry 17:307–318, 2001).
 *
 * `sampleHistoryTruth` is the made-up B2B software company behind
 * scenarios/data/sample-history.csv (see scenarios/data/README.md); `sampleHistoryCsv` is
 * that file's exact text. All of it is synthetic, not real data.
 */
import { Gamma, LogNormal } from "../engine/distributions.js";
import { RandomStreams, type Rng } from "../engine/random.js";
import { DAY_MINUTES, HOUR_MINUTES, MINUTE_MS, WEEK_MS } from "../time/units.js";
import { TimeZoneClock } from "../time/zone.js";
import { formatHistoryCsv, type HistoryRow } from "./history.js";

export interface SimulatedChannel {
  readonly name: string;
  /** Rate per hour over a week (mean of the profile = 1) at the start of the history. */
  readonly basePerHour: number;
  /** Growth per week as a fraction (0.01 = +1 %/week). */
  readonly weeklyGrowth: number;
  /** 7 × intervalsPerDay multipliers, Monday first (mean 1 for basePerHour to be the mean rate). */
  readonly profile: ArrayLike<number>;
  /** Coefficient of variation of the gamma day-level multiplier (mean 1); 0 or absent: none. */
  readonly dayCv?: number;
  /** Per-contact handle times (lognormal); each interval reports their mean. */
  readonly handle?: { readonly meanMinutes: number; readonly cv: number };
}

export interface SimulateHistoryOptions {
  /** First interval start (on the local interval grid). */
  readonly start: Date;
  /** End (exclusive). */
  readonly end: Date;
  readonly intervalMinutes: number;
  /** IANA zone of the profile's day of week and time of day. Default "UTC". */
  readonly timeZone?: string;
  readonly channels: readonly SimulatedChannel[];
  /** "poisson" (default): random counts; "none": offered = the expected count (not an integer), handle = its mean. */
  readonly noise?: "poisson" | "none";
  readonly seed?: number;
}

/** A Poisson draw: inversion by sequential search on chunks of mean ≤ 64 (exact, O(mean)). */
export function poisson(mean: number, rng: Rng): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`poisson: mean must be finite and >= 0, got ${mean}`);
  let k = 0;
  for (let m = mean; m > 0; m -= 64) {
    const mu = Math.min(m, 64);
    const u = rng();
    let p = Math.exp(-mu);
    let cdf = p;
    let x = 0;
    while (u > cdf && x < 10_000) {
      x++;
      p *= mu / x;
      cdf += p;
    }
    k += x;
  }
  return k;
}

/** History rows (by time, then channel) from a rate model; see the module comment. */
export function simulateHistory(o: SimulateHistoryOptions): HistoryRow[] {
  const clock = new TimeZoneClock(o.timeZone ?? "UTC");
  const step = o.intervalMinutes * MINUTE_MS;
  if (!Number.isInteger(o.intervalMinutes) || DAY_MINUTES % o.intervalMinutes !== 0) throw new RangeError(`intervalMinutes must divide a day, got ${o.intervalMinutes}`);
  const P = DAY_MINUTES / o.intervalMinutes;
  const noise = o.noise ?? "poisson";
  const streams = new RandomStreams(o.seed ?? 1, 0);
  const refWeeks = clock.local(o.start).localMs / WEEK_MS;
  const state = o.channels.map((c) => {
    if (c.profile.length !== 7 * P) throw new RangeError(`channel ${c.name}: profile must have ${7 * P} values, got ${c.profile.length}`);
    const cv = c.dayCv ?? 0;
    return {
      c,
      arrivals: streams.stream(`history:${c.name}:arrivals`),
      day: cv > 0 ? Gamma.fromMeanCv(1, cv, streams.stream(`history:${c.name}:day`)) : undefined,
      handle: c.handle !== undefined ? new LogNormal(c.handle.meanMinutes, c.handle.cv, streams.stream(`history:${c.name}:handle`)) : undefined,
      dayNumber: NaN,
      dayFactor: 1,
    };
  });
  const rows: HistoryRow[] = [];
  for (let t = o.start.getTime(); t < o.end.getTime(); t += step) {
    const lt = clock.local(t);
    if (lt.minuteOfDay % o.intervalMinutes !== 0) throw new RangeError(`simulateHistory: ${new Date(t).toISOString()} is not on the local ${o.intervalMinutes}-minute grid of ${clock.timeZone}`);
    const slot = lt.dayOfWeek * P + lt.minuteOfDay / o.intervalMinutes;
    const weeks = lt.localMs / WEEK_MS - refWeeks;
    const start = new Date(t);
    for (const s of state) {
      const { c } = s;
      const expected = c.basePerHour * Math.pow(1 + c.weeklyGrowth, weeks) * c.profile[slot] * (o.intervalMinutes / HOUR_MINUTES);
      if (noise === "none") {
        rows.push(c.handle !== undefined ? { start, channel: c.name, offered: expected, handleMinutes: c.handle.meanMinutes } : { start, channel: c.name, offered: expected });
        continue;
      }
      if (s.day !== undefined && s.dayNumber !== lt.dayNumber) {
        s.dayNumber = lt.dayNumber;
        s.dayFactor = s.day.sample();
      }
      const offered = poisson(expected * s.dayFactor, s.arrivals);
      if (s.handle !== undefined && offered > 0) {
        let sum = 0;
        for (let i = 0; i < offered; i++) sum += s.handle.sample();
        rows.push({ start, channel: c.name, offered, handleMinutes: sum / offered });
      } else {
        rows.push({ start, channel: c.name, offered });
      }
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------
// The B2B sample

/** The made-up company's parameters (documented in scenarios/data/README.md). */
export const SAMPLE_HISTORY = {
  seed: 20260202,
  timeZone: "America/New_York",
  /** A Monday; local midnight. */
  startDate: "2026-02-02",
  weeks: 8,
  intervalMinutes: 30,
  weeklyGrowth: 0.01,
  /** Monday ... Friday multipliers of a weekday's volume (mean 1). */
  weekdayFactors: [1.22, 1.05, 1.0, 0.97, 0.76],
  /** Morning and post-lunch peaks (Gaussian bumps on the weekday curve): centre and sd in minutes since midnight. */
  peaks: { morning: { centre: 10 * 60 + 15, sd: 70, height: 1.0 }, afternoon: { centre: 14 * 60 + 15, sd: 65, height: 0.85 } },
  channels: {
    phone: { weekdayVolume: 900, weekendShare: 0.03, night: 0.01, open: 8 * 60, close: 18 * 60, handle: { meanMinutes: 7.5, cv: 0.9 }, dayCv: 0.1 },
    chat: { weekdayVolume: 650, weekendShare: 0.05, night: 0.01, open: 8 * 60, close: 19 * 60, handle: { meanMinutes: 10, cv: 0.7 }, dayCv: 0.1 },
    email: { weekdayVolume: 420, weekendShare: 0.2, night: 0.08, open: 7 * 60 + 30, close: 19 * 60, handle: { meanMinutes: 5, cv: 1.0 }, dayCv: 0.1 },
  },
} as const;

type SampleChannelName = keyof typeof SAMPLE_HISTORY.channels;

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * The intraday shape (relative, not normalised) of a channel at minute m of a weekday:
 * a business-hours plateau (logistic ramps at opening and closing) carrying the two peaks,
 * over a small night floor. Email is flatter (a lower peak-to-plateau ratio).
 */
function weekdayShape(name: SampleChannelName, m: number): number {
  const ch = SAMPLE_HISTORY.channels[name];
  const { morning, afternoon } = SAMPLE_HISTORY.peaks;
  const open = logistic((m - ch.open) / 20) * logistic((ch.close - m) / 30);
  const bump = (p: { centre: number; sd: number; height: number }): number => p.height * Math.exp(-((m - p.centre) ** 2) / (2 * p.sd * p.sd));
  const peakWeight = name === "email" ? 0.5 : 1;
  return ch.night + open * (0.3 + peakWeight * (bump(morning) + bump(afternoon)));
}

/** Weekend shape: daytime 09:00–20:00, flat, over the night floor. */
function weekendShape(name: SampleChannelName, m: number): number {
  const ch = SAMPLE_HISTORY.channels[name];
  return ch.night + logistic((m - 9 * 60) / 30) * logistic((20 * 60 - m) / 30);
}

/** The true rate model of each sample channel (profile mean 1, base at the start). */
export function sampleHistoryTruth(): { options: SimulateHistoryOptions; channels: SimulatedChannel[] } {
  const S = SAMPLE_HISTORY;
  const P = DAY_MINUTES / S.intervalMinutes;
  const channels: SimulatedChannel[] = (Object.keys(S.channels) as SampleChannelName[]).map((name) => {
    const ch = S.channels[name];
    const dayShares = (shape: (n: SampleChannelName, m: number) => number): number[] => {
      const v = Array.from({ length: P }, (_, k) => shape(name, (k + 0.5) * S.intervalMinutes)); // at the interval's middle
      const sum = v.reduce((a, b) => a + b, 0);
      return v.map((x) => x / sum);
    };
    const wd = dayShares(weekdayShape);
    const we = dayShares(weekendShape);
    const counts: number[] = [];
    for (let d = 0; d < 7; d++) {
      const volume = d < 5 ? ch.weekdayVolume * S.weekdayFactors[d] : ch.weekdayVolume * ch.weekendShare;
      for (let k = 0; k < P; k++) counts.push(volume * (d < 5 ? wd[k] : we[k]));
    }
    const meanCount = counts.reduce((a, b) => a + b, 0) / counts.length;
    return {
      name,
      basePerHour: meanCount / (S.intervalMinutes / HOUR_MINUTES),
      weeklyGrowth: S.weeklyGrowth,
      profile: Float64Array.from(counts, (c) => c / meanCount),
      dayCv: ch.dayCv,
      handle: ch.handle,
    };
  });
  const clock = new TimeZoneClock(S.timeZone);
  const [y, m, d] = S.startDate.split("-").map(Number);
  const startLocal = Date.UTC(y, m - 1, d);
  const start = new Date(clock.instantOf(startLocal));
  const end = new Date(clock.instantOf(startLocal + S.weeks * WEEK_MS));
  return { options: { start, end, intervalMinutes: S.intervalMinutes, timeZone: S.timeZone, channels, noise: "poisson", seed: S.seed }, channels };
}

/** The sample history rows (8 weeks, 3 channels, 30-minute intervals, America/New_York). */
export function generateSampleHistory(): HistoryRow[] {
  return simulateHistory(sampleHistoryTruth().options);
}

/** The exact text of scenarios/data/sample-history.csv (timestamps with New York offsets). */
export function sampleHistoryCsv(): string {
  return formatHistoryCsv(generateSampleHistory(), { timeZone: SAMPLE_HISTORY.timeZone, handleDecimals: 2 });
}
