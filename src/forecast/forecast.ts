/**
 * Arrivals forecast from historical interval data.
 *
 * Per channel, a multiplicative model of the arrival rate:
 *
 *   rate(t) = base · trend(t) · weekly(dayOfWeek(t), intervalOfDay(t))      [contacts per hour]
 *
 *  - weekly: a 7 × intervalsPerDay profile (Monday first), normalised to mean 1 over the
 *    week: the mean detrended count observed in each slot across weeks, divided by the mean
 *    over all slots. A slot never observed gets 0 (and a note).
 *  - trend(t) = (1 + weeklyGrowth)^((t − trendReference) / 1 week), t being the start of the
 *    interval that contains t, measured on the local clock (so a DST change does not shift
 *    the trend). weeklyGrowth is fitted by least squares on the log weekly totals of the full
 *    weeks (below); with fewer than 2 full weeks it is 0 (trend = 1) and `notes` says so.
 *  - base: the mean rate per hour over a week, at the trend reference (the middle of the
 *    history, so base is close to the mean rate over the history).
 *
 * Rates are piecewise constant: one value per interval (the rate of the whole interval).
 * Day of week and time of day are taken in an IANA time zone (default "UTC").
 *
 * Missing data: an interval absent from the history is left out of every average; it never
 * counts as zero. Weeks are blocks of 7 local days from the channel's first day; a week is
 * "full" when it has data in at least `fullWeekCoverage` (90 %) of the slots the channel was
 * ever observed in, and the weekly totals compared for the trend sum only the slots observed
 * in every full week, so missing intervals (an outage, a DST gap, a partial first day) do not
 * bias the growth estimate.
 */
import { PiecewisePoissonArrivals } from "../engine/arrivals.js";
import type { Rng } from "../engine/random.js";
import {
  checkGrid,
  checkRows,
  detectIntervalMinutes,
  groupByChannel,
  HistoryError,
  type HistoryRow,
  rowLocation,
  TimeZoneClock,
} from "./history.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

export interface ForecastOptions {
  /** IANA time zone in which day of week and time of day are read. Default "UTC". */
  readonly timeZone?: string;
  /** Interval length in minutes; default: detected from the rows (`detectIntervalMinutes`). */
  readonly intervalMinutes?: number;
  /** Fit the weekly growth trend (default true); false fixes trend = 1. */
  readonly trend?: boolean;
  /** Share of a channel's observed slots a week must have data in to count as full (default 0.9). */
  readonly fullWeekCoverage?: number;
}

/** In-sample (or out-of-sample, from `compareToHistory`) error of expected vs observed volumes. */
export interface VolumeError {
  /** Intervals compared. */
  readonly intervals: number;
  readonly observed: number;
  readonly expected: number;
  /** (expected − observed) / observed of the totals (0 if both are 0, Infinity if only observed is). */
  readonly totalRelativeError: number;
  /** Mean over intervals with observed > 0 of |expected − observed| / observed; NaN if there are none. */
  readonly mape: number;
  /** Intervals that entered the MAPE (observed > 0). */
  readonly mapeIntervals: number;
  /** Σ|expected − observed| / Σ observed (weighted APE; robust to quiet intervals); NaN if Σ observed = 0. */
  readonly wape: number;
}

/** The fitted parameters of one channel (plain data). */
export interface ChannelModel {
  /** Mean rate per hour over a week at the trend reference. */
  readonly basePerHour: number;
  /** Growth per week as a fraction: 0.01 = +1 % a week. 0 when no trend was fitted. */
  readonly weeklyGrowth: number;
  /** 7 × intervalsPerDay, index = dayOfWeek · intervalsPerDay + intervalOfDay, Monday = 0; mean 1. */
  readonly profile: Float64Array;
  /** Offered-weighted mean handle time, minutes (when the history has handle times). */
  readonly handleMinutes?: number;
  /** Offered-weighted mean handle time per slot (same index as `profile`); NaN where unknown. */
  readonly handleMinutesBySlot?: Float64Array;
  /** Full weeks the trend was fitted on (0 = no trend). */
  readonly trendWeeks: number;
  /** Intervals in the history for this channel. */
  readonly observedIntervals: number;
  /** Contacts offered in the history for this channel. */
  readonly offered: number;
  /** In-sample error of the fitted expected volumes against the history. */
  readonly fitError: VolumeError;
}

export interface ChannelForecast extends ChannelModel {
  /** Expected arrival rate (contacts per hour) of the interval containing t. */
  ratePerHourAt(t: Date): number;
}

/** Rates in the shape `PiecewisePoissonArrivals` takes (time unit: minutes). */
export interface PiecewiseRates {
  /** Start of each piece, minutes from `from`; starts[0] = 0. */
  readonly starts: number[];
  /** Rate on each piece, contacts per minute. */
  readonly ratesPerMinute: number[];
  /** Minutes from `from` to `to` (the simulation horizon). The last piece extends past it. */
  readonly endMinutes: number;
}

export interface Forecast {
  readonly intervalMinutes: number;
  readonly intervalsPerDay: number;
  readonly timeZone: string;
  /** Instant at which trend = 1. */
  readonly trendReference: Date;
  /** Start of the first interval of the history. */
  readonly start: Date;
  /** End of the last interval of the history (exclusive). */
  readonly end: Date;
  readonly channels: Readonly<Record<string, ChannelForecast>>;
  /** What was assumed or could not be fitted, one sentence each. */
  readonly notes: readonly string[];
  /** Piecewise-constant rates of one channel (or the sum of several) over [from, to). */
  toPiecewiseRates(channel: string | readonly string[], from: Date, to: Date): PiecewiseRates;
}

// ---------------------------------------------------------------------------------------
// Fitting

/** Fit the forecast model to history rows. Throws HistoryError on bad rows. */
export function fitForecast(rows: readonly HistoryRow[], options: ForecastOptions = {}): Forecast {
  checkRows(rows);
  const clock = new TimeZoneClock(options.timeZone ?? "UTC");
  const coverage = options.fullWeekCoverage ?? 0.9;
  if (!(coverage > 0 && coverage <= 1)) throw new RangeError(`fullWeekCoverage: expected a number in (0, 1], got ${coverage}`);
  const notes: string[] = [];
  let intervalMinutes: number;
  const byChannel = groupByChannel(rows);
  if (options.intervalMinutes === undefined) {
    intervalMinutes = detectIntervalMinutes(rows);
    notes.push(`interval length ${intervalMinutes} minutes (detected: the most common gap between consecutive rows)`);
  } else {
    intervalMinutes = options.intervalMinutes;
    checkIntervalMinutes(intervalMinutes);
    for (const list of byChannel.values()) {
      for (let i = 1; i < list.length; i++) {
        if (list[i].start.getTime() === list[i - 1].start.getTime()) {
          throw new HistoryError(rowLocation(list[i], "timestamp"), `expected one row per channel and interval, got a second row for channel "${list[i].channel}" at ${list[i].start.toISOString()}`);
        }
      }
    }
    checkGrid(byChannel, intervalMinutes);
  }
  notes.push(`day of week and time of day are read in time zone ${clock.timeZone}`);
  const P = 1440 / intervalMinutes;
  const nSlots = 7 * P;
  const stepMs = intervalMinutes * MINUTE_MS;

  let startMs = Infinity, lastMs = -Infinity;
  for (const r of rows) {
    const t = r.start.getTime();
    if (t < startMs) startMs = t;
    if (t > lastMs) lastMs = t;
  }
  const endMs = lastMs + stepMs;
  const trendReference = new Date(Math.round((startMs + endMs) / 2 / MINUTE_MS) * MINUTE_MS);
  const refWeeks = clock.local(trendReference).localMs / WEEK_MS;

  const models: Record<string, ChannelModel> = {};
  for (const [channel, list] of byChannel) {
    // local position of every row
    const n = list.length;
    const slot = new Int32Array(n);
    const day = new Float64Array(n);
    const u = new Float64Array(n); // local clock, weeks
    for (let i = 0; i < n; i++) {
      const lt = clock.local(list[i].start);
      if (lt.minuteOfDay % intervalMinutes !== 0) {
        throw new HistoryError(
          rowLocation(list[i], "timestamp"),
          `expected the start of a ${intervalMinutes}-minute interval of the day in time zone ${clock.timeZone}, got ${list[i].start.toISOString()} (local ${hhmm(lt.minuteOfDay)}); check the time zone and interval length`,
        );
      }
      slot[i] = lt.dayOfWeek * P + lt.minuteOfDay / intervalMinutes;
      day[i] = lt.dayNumber;
      u[i] = lt.localMs / WEEK_MS;
    }
    const firstDay = day[0];
    let nWeeks = 0;
    for (let i = 0; i < n; i++) nWeeks = Math.max(nWeeks, Math.floor((day[i] - firstDay) / 7) + 1);

    // per (week, slot) cells; the set A of slots ever observed
    const cellSum = new Float64Array(nWeeks * nSlots);
    const cellN = new Int32Array(nWeeks * nSlots);
    const everSeen = new Uint8Array(nSlots);
    for (let i = 0; i < n; i++) {
      const w = Math.floor((day[i] - firstDay) / 7);
      cellSum[w * nSlots + slot[i]] += list[i].offered;
      cellN[w * nSlots + slot[i]]++;
      everSeen[slot[i]] = 1;
    }
    let seenCount = 0;
    for (let s = 0; s < nSlots; s++) seenCount += everSeen[s];

    // trend
    let logGrowth = 0;
    let trendWeeks = 0;
    if (options.trend !== false) {
      const full: number[] = [];
      for (let w = 0; w < nWeeks; w++) {
        let c = 0;
        for (let s = 0; s < nSlots; s++) if (cellN[w * nSlots + s] > 0) c++;
        if (c >= coverage * seenCount) full.push(w);
      }
      if (full.length < 2) {
        notes.push(`${channel}: ${full.length} full week${full.length === 1 ? "" : "s"} of history (need 2 for a trend): no trend fitted (trend = 1)`);
      } else {
        const common: number[] = [];
        for (let s = 0; s < nSlots; s++) if (full.every((w) => cellN[w * nSlots + s] > 0)) common.push(s);
        const totals = full.map((w) => common.reduce((acc, s) => acc + cellSum[w * nSlots + s] / cellN[w * nSlots + s], 0));
        if (common.length === 0 || totals.some((x) => !(x > 0))) {
          notes.push(`${channel}: a full week has no contacts in the slots common to all full weeks: no trend fitted (trend = 1)`);
        } else {
          logGrowth = leastSquaresSlope(full, totals.map(Math.log));
          trendWeeks = full.length;
          const skipped = nWeeks - full.length;
          notes.push(
            `${channel}: trend fitted by least squares on the log weekly totals of ${full.length} full weeks` +
              (skipped > 0 ? ` (${skipped} partial week${skipped === 1 ? "" : "s"} left out)` : "") +
              `: ${formatPercent(Math.expm1(logGrowth))} a week`,
          );
        }
      }
    }

    // profile: mean detrended count per slot, normalised to mean 1 over the week
    const slotSum = new Float64Array(nSlots);
    const slotN = new Int32Array(nSlots);
    for (let i = 0; i < n; i++) {
      slotSum[slot[i]] += list[i].offered / Math.exp(logGrowth * (u[i] - refWeeks));
      slotN[slot[i]]++;
    }
    const profile = new Float64Array(nSlots);
    let mean = 0;
    for (let s = 0; s < nSlots; s++) if (slotN[s] > 0) mean += slotSum[s] / slotN[s];
    mean /= nSlots;
    if (mean > 0) {
      for (let s = 0; s < nSlots; s++) profile[s] = slotN[s] > 0 ? slotSum[s] / slotN[s] / mean : 0;
    } else {
      for (let s = 0; s < nSlots; s++) profile[s] = everSeen[s] ? nSlots / seenCount : 0;
      notes.push(`${channel}: no contacts in the history: rate 0`);
    }
    if (seenCount < nSlots) {
      notes.push(`${channel}: ${nSlots - seenCount} of the ${nSlots} weekly slots have no data at all: their rate is taken as 0`);
    }
    const expectedIntervals = Math.round((list[n - 1].start.getTime() - list[0].start.getTime()) / stepMs) + 1;
    if (expectedIntervals > n) {
      notes.push(`${channel}: ${expectedIntervals - n} intervals between its first and last row are absent from the history: treated as missing data, not as zero`);
    }

    // handle times, offered-weighted
    let hSum = 0, hW = 0;
    const hSlotSum = new Float64Array(nSlots);
    const hSlotW = new Float64Array(nSlots);
    let offered = 0;
    for (let i = 0; i < n; i++) {
      const r = list[i];
      offered += r.offered;
      if (r.handleMinutes !== undefined && r.offered > 0) {
        hSum += r.offered * r.handleMinutes;
        hW += r.offered;
        hSlotSum[slot[i]] += r.offered * r.handleMinutes;
        hSlotW[slot[i]] += r.offered;
      }
    }
    const base: Omit<ChannelModel, "fitError"> = {
      basePerHour: mean / (intervalMinutes / 60),
      weeklyGrowth: Math.expm1(logGrowth),
      profile,
      trendWeeks,
      observedIntervals: n,
      offered,
      ...(hW > 0
        ? {
            handleMinutes: hSum / hW,
            handleMinutesBySlot: Float64Array.from(hSlotSum, (x, s) => (hSlotW[s] > 0 ? x / hSlotW[s] : NaN)),
          }
        : {}),
    };
    const rate = makeRateFunction(base, clock, intervalMinutes, refWeeks);
    const fitError = volumeError(list.map((r) => r.offered), list.map((r) => (rate(r.start) * intervalMinutes) / 60));
    models[channel] = { ...base, fitError };
  }

  return buildForecast({ intervalMinutes, timeZone: clock.timeZone, trendReference, start: new Date(startMs), end: new Date(endMs), channels: models, notes }, clock);
}

function checkIntervalMinutes(m: number): void {
  if (!Number.isInteger(m) || m <= 0 || 1440 % m !== 0) throw new RangeError(`intervalMinutes: expected a whole number of minutes that divides a day (15, 30, 60, ...), got ${m}`);
}

function leastSquaresSlope(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxy / sxx;
}

function formatPercent(g: number): string {
  const p = g * 100;
  return `${p >= 0 ? "+" : ""}${p.toFixed(2)} %`;
}

function hhmm(minuteOfDay: number): string {
  const m = Math.floor(minuteOfDay);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** "Mon 10:00" for a profile index. */
export function slotLabel(index: number, intervalMinutes: number): string {
  const P = 1440 / intervalMinutes;
  return `${DAY_NAMES[Math.floor(index / P)]} ${hhmm((index % P) * intervalMinutes)}`;
}

/** The profile index (dayOfWeek · intervalsPerDay + intervalOfDay, Monday = 0) of a day and local time. */
export function slotIndex(dayOfWeek: number, hour: number, minute: number, intervalMinutes: number): number {
  return dayOfWeek * (1440 / intervalMinutes) + Math.floor((hour * 60 + minute) / intervalMinutes);
}

// ---------------------------------------------------------------------------------------
// Evaluating

function makeRateFunction(model: Omit<ChannelModel, "fitError">, clock: TimeZoneClock, intervalMinutes: number, refWeeks: number): (t: Date) => number {
  const P = 1440 / intervalMinutes;
  const logGrowth = Math.log1p(model.weeklyGrowth);
  const { basePerHour, profile } = model;
  return (t: Date): number => {
    const ms = t.getTime();
    if (Number.isNaN(ms)) throw new RangeError("ratePerHourAt: invalid date");
    const lt = clock.local(ms);
    const k = Math.floor(lt.minuteOfDay / intervalMinutes);
    const intervalStartLocal = lt.localMs - (lt.minuteOfDay - k * intervalMinutes) * MINUTE_MS;
    const trend = logGrowth === 0 ? 1 : Math.exp(logGrowth * (intervalStartLocal / WEEK_MS - refWeeks));
    return basePerHour * trend * profile[lt.dayOfWeek * P + k];
  };
}

interface ForecastParts {
  intervalMinutes: number;
  timeZone: string;
  trendReference: Date;
  start: Date;
  end: Date;
  channels: Record<string, ChannelModel>;
  notes: string[];
}

function buildForecast(parts: ForecastParts, clock: TimeZoneClock): Forecast {
  const refWeeks = clock.local(parts.trendReference).localMs / WEEK_MS;
  const channels: Record<string, ChannelForecast> = {};
  for (const [name, model] of Object.entries(parts.channels)) {
    const ratePerHourAt = makeRateFunction(model, clock, parts.intervalMinutes, refWeeks);
    channels[name] = { ...model, ratePerHourAt };
  }
  const forecast: Forecast = {
    intervalMinutes: parts.intervalMinutes,
    intervalsPerDay: 1440 / parts.intervalMinutes,
    timeZone: parts.timeZone,
    trendReference: parts.trendReference,
    start: parts.start,
    end: parts.end,
    channels,
    notes: parts.notes,
    toPiecewiseRates: (channel, from, to) => piecewiseRates(forecast, clock, channel, from, to),
  };
  return forecast;
}

/**
 * Piecewise-constant rates of a channel (or the sum of several channels) over [from, to):
 * one piece per interval of the local grid (the first and last may be partial), in the
 * shape `PiecewisePoissonArrivals` takes: `new PiecewisePoissonArrivals(r.starts,
 * r.ratesPerMinute, rng)` with the simulation clock in minutes from `from`. Outside the
 * history the trend is extrapolated.
 */
export function toPiecewiseRates(forecast: Forecast, channel: string | readonly string[], from: Date, to: Date): PiecewiseRates {
  return forecast.toPiecewiseRates(channel, from, to);
}

function piecewiseRates(forecast: Forecast, clock: TimeZoneClock, channel: string | readonly string[], from: Date, to: Date): PiecewiseRates {
  const names = typeof channel === "string" ? [channel] : [...channel];
  if (names.length === 0) throw new RangeError("toPiecewiseRates: expected at least one channel");
  const fns = names.map((name) => {
    const c = Object.hasOwn(forecast.channels, name) ? forecast.channels[name] : undefined;
    if (c === undefined) throw new RangeError(`toPiecewiseRates: unknown channel "${name}" (the forecast has ${Object.keys(forecast.channels).map((k) => `"${k}"`).join(", ")})`);
    return c.ratePerHourAt;
  });
  const a = from.getTime(), b = to.getTime();
  if (!(b > a)) throw new RangeError(`toPiecewiseRates: expected from < to, got ${from.toISOString()} and ${to.toISOString()}`);
  const stepMs = forecast.intervalMinutes * MINUTE_MS;
  const starts: number[] = [];
  const ratesPerMinute: number[] = [];
  for (let t = a; t < b; ) {
    const d = new Date(t);
    let r = 0;
    for (const f of fns) r += f(d);
    starts.push((t - a) / MINUTE_MS);
    ratesPerMinute.push(r / 60);
    const localMs = clock.local(t).localMs;
    const next = t + (Math.floor(localMs / stepMs) * stepMs + stepMs - localMs);
    if (!(next > t)) throw new Error("toPiecewiseRates: the local clock did not advance (internal error)");
    t = next;
  }
  return { starts, ratesPerMinute, endMinutes: (b - a) / MINUTE_MS };
}

/** A non-homogeneous Poisson arrival process for [from, to) (simulation clock in minutes from `from`). */
export function forecastArrivals(forecast: Forecast, channel: string | readonly string[], from: Date, to: Date, rng: Rng): PiecewisePoissonArrivals {
  const r = forecast.toPiecewiseRates(channel, from, to);
  return new PiecewisePoissonArrivals(r.starts, r.ratesPerMinute, rng);
}

// ---------------------------------------------------------------------------------------
// Comparing with history

/**
 * A channel's expected volumes: either a rate per hour at t (taken as the rate of the whole
 * interval starting at t), or the expected count over [start, end).
 */
export type ChannelRates = ((t: Date) => number) | { expectedCount(start: Date, end: Date): number };

export interface HistoryComparison {
  readonly intervalMinutes: number;
  /** Per channel present in both the rates and the history. */
  readonly channels: Readonly<Record<string, VolumeError>>;
  /** All compared channels summed per interval. */
  readonly total: VolumeError;
  /** History channels the rates do not cover (left out). */
  readonly unmatched: readonly string[];
}

/**
 * Compare expected volumes (a forecast, or any model's per-channel rates, e.g. a causal
 * model being calibrated) with observed history, interval by interval: relative error of the
 * totals, MAPE per interval (intervals with observed > 0) and WAPE. Intervals absent from the
 * history are not compared.
 */
export function compareToHistory(source: Forecast | Readonly<Record<string, ChannelRates>>, rows: readonly HistoryRow[], options: { intervalMinutes?: number } = {}): HistoryComparison {
  checkRows(rows);
  const isForecast = isForecastObject(source);
  const intervalMinutes = options.intervalMinutes ?? (isForecast ? source.intervalMinutes : detectIntervalMinutes(rows));
  checkIntervalMinutes(intervalMinutes);
  const stepMs = intervalMinutes * MINUTE_MS;
  const rates = new Map<string, (start: Date) => number>();
  if (isForecast) {
    for (const [name, c] of Object.entries(source.channels)) rates.set(name, (t) => (c.ratePerHourAt(t) * intervalMinutes) / 60);
  } else {
    for (const [name, c] of Object.entries(source)) {
      rates.set(name, typeof c === "function" ? (t) => (c(t) * intervalMinutes) / 60 : (t) => c.expectedCount(t, new Date(t.getTime() + stepMs)));
    }
  }
  const channels: Record<string, VolumeError> = {};
  const unmatched: string[] = [];
  const totalObs = new Map<number, number>();
  const totalExp = new Map<number, number>();
  for (const [name, list] of groupByChannel(rows)) {
    const f = rates.get(name);
    if (f === undefined) {
      unmatched.push(name);
      continue;
    }
    const obs = list.map((r) => r.offered);
    const exp = list.map((r) => {
      const e = f(r.start);
      if (!(e >= 0) || !Number.isFinite(e)) throw new RangeError(`compareToHistory: channel "${name}" gave an expected volume of ${e} at ${r.start.toISOString()}`);
      return e;
    });
    channels[name] = volumeError(obs, exp);
    list.forEach((r, i) => {
      const k = r.start.getTime();
      totalObs.set(k, (totalObs.get(k) ?? 0) + obs[i]);
      totalExp.set(k, (totalExp.get(k) ?? 0) + exp[i]);
    });
  }
  const keys = [...totalObs.keys()].sort((x, y) => x - y);
  return {
    intervalMinutes,
    channels,
    total: volumeError(keys.map((k) => totalObs.get(k)!), keys.map((k) => totalExp.get(k)!)),
    unmatched,
  };
}

function isForecastObject(x: unknown): x is Forecast {
  return typeof x === "object" && x !== null && "toPiecewiseRates" in x && "channels" in x && "intervalMinutes" in x;
}

function volumeError(observed: readonly number[], expected: readonly number[]): VolumeError {
  let so = 0, se = 0, sabs = 0, ape = 0, k = 0;
  for (let i = 0; i < observed.length; i++) {
    const o = observed[i], e = expected[i];
    so += o;
    se += e;
    sabs += Math.abs(e - o);
    if (o > 0) {
      ape += Math.abs(e - o) / o;
      k++;
    }
  }
  return {
    intervals: observed.length,
    observed: so,
    expected: se,
    totalRelativeError: so > 0 ? (se - so) / so : se === 0 ? 0 : Infinity,
    mape: k > 0 ? ape / k : NaN,
    mapeIntervals: k,
    wape: so > 0 ? sabs / so : NaN,
  };
}

// ---------------------------------------------------------------------------------------
// Serialisation

/** A forecast as plain JSON-able data (`forecastFromJSON` rebuilds it). NaN is written as null. */
export interface ForecastJSON {
  readonly format: "supportsim-forecast/1";
  readonly intervalMinutes: number;
  readonly timeZone: string;
  readonly trendReference: string;
  readonly start: string;
  readonly end: string;
  readonly notes: readonly string[];
  readonly channels: Readonly<
    Record<
      string,
      Omit<ChannelModel, "profile" | "handleMinutesBySlot" | "fitError"> & {
        readonly profile: number[];
        readonly handleMinutesBySlot?: (number | null)[];
        readonly fitError: { [K in keyof VolumeError]: number | null };
      }
    >
  >;
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function forecastToJSON(f: Forecast): ForecastJSON {
  const channels: Record<string, ForecastJSON["channels"][string]> = {};
  for (const [name, c] of Object.entries(f.channels)) {
    const fitError = Object.fromEntries(Object.entries(c.fitError).map(([k, v]) => [k, finiteOrNull(v)])) as ForecastJSON["channels"][string]["fitError"];
    channels[name] = {
      basePerHour: c.basePerHour,
      weeklyGrowth: c.weeklyGrowth,
      profile: Array.from(c.profile),
      ...(c.handleMinutes !== undefined ? { handleMinutes: c.handleMinutes } : {}),
      ...(c.handleMinutesBySlot !== undefined ? { handleMinutesBySlot: Array.from(c.handleMinutesBySlot, finiteOrNull) } : {}),
      trendWeeks: c.trendWeeks,
      observedIntervals: c.observedIntervals,
      offered: c.offered,
      fitError,
    };
  }
  return {
    format: "supportsim-forecast/1",
    intervalMinutes: f.intervalMinutes,
    timeZone: f.timeZone,
    trendReference: f.trendReference.toISOString(),
    start: f.start.toISOString(),
    end: f.end.toISOString(),
    notes: [...f.notes],
    channels,
  };
}

export function forecastFromJSON(json: ForecastJSON): Forecast {
  if (json.format !== "supportsim-forecast/1") throw new RangeError(`forecast: expected format "supportsim-forecast/1", got ${JSON.stringify(json.format)}`);
  checkIntervalMinutes(json.intervalMinutes);
  const clock = new TimeZoneClock(json.timeZone);
  const nSlots = (7 * 1440) / json.intervalMinutes;
  const nanIfNull = (x: number | null): number => (x === null ? NaN : x);
  const channels: Record<string, ChannelModel> = {};
  for (const [name, c] of Object.entries(json.channels)) {
    if (c.profile.length !== nSlots) throw new RangeError(`forecast: channel "${name}": expected a profile of ${nSlots} values, got ${c.profile.length}`);
    const fe = c.fitError;
    channels[name] = {
      basePerHour: c.basePerHour,
      weeklyGrowth: c.weeklyGrowth,
      profile: Float64Array.from(c.profile),
      ...(c.handleMinutes !== undefined ? { handleMinutes: c.handleMinutes } : {}),
      ...(c.handleMinutesBySlot !== undefined ? { handleMinutesBySlot: Float64Array.from(c.handleMinutesBySlot, nanIfNull) } : {}),
      trendWeeks: c.trendWeeks,
      observedIntervals: c.observedIntervals,
      offered: c.offered,
      fitError: {
        intervals: nanIfNull(fe.intervals),
        observed: nanIfNull(fe.observed),
        expected: nanIfNull(fe.expected),
        totalRelativeError: fe.totalRelativeError === null ? Infinity : fe.totalRelativeError,
        mape: nanIfNull(fe.mape),
        mapeIntervals: nanIfNull(fe.mapeIntervals),
        wape: nanIfNull(fe.wape),
      },
    };
  }
  return buildForecast(
    {
      intervalMinutes: json.intervalMinutes,
      timeZone: json.timeZone,
      trendReference: new Date(json.trendReference),
      start: new Date(json.start),
      end: new Date(json.end),
      channels,
      notes: [...json.notes],
    },
    clock,
  );
}
