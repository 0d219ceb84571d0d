/**
 * Comparing expected volumes with an observed history, interval by interval: the relative
 * error of the totals, the MAPE over the intervals with contacts and the WAPE. The expected
 * volumes are a forecast's (out of sample with later data; its own history gives its
 * in-sample fit error) or any model's per-channel rates (a causal model being calibrated).
 */
import { HOUR_MINUTES, MINUTE_MS } from "../time/units.js";
import type { Forecast, VolumeError } from "./forecast.js";
import { checkIntervalMinutes, checkRows, detectIntervalMinutes, groupByChannel, type HistoryRow } from "./history.js";

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
    for (const [name, c] of Object.entries(source.channels)) rates.set(name, (t) => (c.ratePerHourAt(t) * intervalMinutes) / HOUR_MINUTES);
  } else {
    for (const [name, c] of Object.entries(source)) {
      rates.set(name, typeof c === "function" ? (t) => (c(t) * intervalMinutes) / HOUR_MINUTES : (t) => c.expectedCount(t, new Date(t.getTime() + stepMs)));
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

export function volumeError(observed: readonly number[], expected: readonly number[]): VolumeError {
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
