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
 *
 * This file holds the model's types; the model is fitted in fit.ts, evaluated (rates of an
 * interval, piecewise-constant rates, arrivals) in rates.ts, compared with a history in
 * compare.ts and written as JSON in json.ts.
 */
import { DAY_NAMES, clock } from "../time/weekClock.js";
import { DAY_MINUTES, HOUR_MINUTES } from "../time/units.js";

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

/** "Mon 10:00" for a profile index. */
export function slotLabel(index: number, intervalMinutes: number): string {
  const P = DAY_MINUTES / intervalMinutes;
  return `${DAY_NAMES[Math.floor(index / P)]} ${clock((index % P) * intervalMinutes)}`;
}

/** The profile index (dayOfWeek · intervalsPerDay + intervalOfDay, Monday = 0) of a day and local time. */
export function slotIndex(dayOfWeek: number, hour: number, minute: number, intervalMinutes: number): number {
  return dayOfWeek * (DAY_MINUTES / intervalMinutes) + Math.floor((hour * HOUR_MINUTES + minute) / intervalMinutes);
}
