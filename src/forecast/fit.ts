/**
 * Fitting the forecast model (forecast.ts) to history rows, per channel:
 *
 *  - the weekly profile: the mean detrended count observed in each (day of week, interval of
 *    the day) slot of the local clock, divided by the mean over all slots (mean 1 over the
 *    week); a slot never observed gets 0 (and a note);
 *  - the weekly growth: a least-squares slope of the log weekly totals of the full weeks (a
 *    week has data in at least `fullWeekCoverage` of the slots the channel was ever observed
 *    in), summing only the slots observed in every full week, so missing intervals (an
 *    outage, a DST gap, a partial first day) do not bias it; with fewer than 2 full weeks, 0;
 *  - base: the mean rate per hour over a week at the trend reference (the middle of the
 *    history); handle times: offered-weighted means, overall and per slot;
 *  - the in-sample error of the fitted volumes (compare.ts).
 *
 * Missing data: an interval absent from the history is left out of every average; it never
 * counts as zero. Weeks are blocks of 7 local days from the channel's first day.
 */
import { clock as clockText } from "../time/weekClock.js";
import { DAY_MINUTES, HOUR_MINUTES, MINUTE_MS, WEEK_MS } from "../time/units.js";
import { TimeZoneClock } from "../time/zone.js";
import { volumeError } from "./compare.js";
import type { ChannelModel, Forecast, ForecastOptions } from "./forecast.js";
import { checkGrid, checkIntervalMinutes, checkRows, detectIntervalMinutes, groupByChannel, historyError, type HistoryRow, rowLocation } from "./history.js";
import { buildForecast, makeRateFunction } from "./rates.js";

/** Fit the forecast model to history rows. Throws an InputError (history.ts) on bad rows. */
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
          throw historyError(rowLocation(list[i], "timestamp"), `expected one row per channel and interval, got a second row for channel "${list[i].channel}" at ${list[i].start.toISOString()}`);
        }
      }
    }
    checkGrid(byChannel, intervalMinutes);
  }
  notes.push(`day of week and time of day are read in time zone ${clock.timeZone}`);
  const P = DAY_MINUTES / intervalMinutes;
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
        throw historyError(
          rowLocation(list[i], "timestamp"),
          `expected the start of a ${intervalMinutes}-minute interval of the day in time zone ${clock.timeZone}, got ${list[i].start.toISOString()} (local ${clockText(Math.floor(lt.minuteOfDay))}); check the time zone and interval length`,
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
      basePerHour: mean / (intervalMinutes / HOUR_MINUTES),
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
    const fitError = volumeError(list.map((r) => r.offered), list.map((r) => (rate(r.start) * intervalMinutes) / HOUR_MINUTES));
    models[channel] = { ...base, fitError };
  }

  return buildForecast({ intervalMinutes, timeZone: clock.timeZone, trendReference, start: new Date(startMs), end: new Date(endMs), channels: models, notes }, clock);
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
