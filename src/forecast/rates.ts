/**
 * Evaluating a fitted forecast (forecast.ts): the rate of the interval containing an instant,
 *
 *   rate(t) = base · trend(t) · weekly(dayOfWeek(t), intervalOfDay(t))      [contacts per hour]
 *
 * with trend(t) = (1 + weeklyGrowth)^((start of t's interval − trendReference) / 1 week) on the
 * local clock; piecewise-constant rates of a channel (or the sum of several) over a span, one
 * piece per interval of the local grid, in the shape the engine's PiecewisePoissonArrivals
 * takes; and that arrival process.
 */
import { PiecewisePoissonArrivals } from "../engine/arrivals.js";
import type { Rng } from "../engine/random.js";
import { DAY_MINUTES, HOUR_MINUTES, MINUTE_MS, WEEK_MS } from "../time/units.js";
import type { TimeZoneClock } from "../time/zone.js";
import type { ChannelForecast, ChannelModel, Forecast, PiecewiseRates } from "./forecast.js";

/** The rate per hour of the interval containing t (`ChannelForecast.ratePerHourAt`) of a channel model. */
export function makeRateFunction(model: Omit<ChannelModel, "fitError">, clock: TimeZoneClock, intervalMinutes: number, refWeeks: number): (t: Date) => number {
  const P = DAY_MINUTES / intervalMinutes;
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

/** What a forecast is made of (fitted, or read from JSON). */
export interface ForecastParts {
  intervalMinutes: number;
  timeZone: string;
  trendReference: Date;
  start: Date;
  end: Date;
  channels: Record<string, ChannelModel>;
  notes: string[];
}

/** A forecast with its rate functions, from its parts. */
export function buildForecast(parts: ForecastParts, clock: TimeZoneClock): Forecast {
  const refWeeks = clock.local(parts.trendReference).localMs / WEEK_MS;
  const channels: Record<string, ChannelForecast> = {};
  for (const [name, model] of Object.entries(parts.channels)) {
    const ratePerHourAt = makeRateFunction(model, clock, parts.intervalMinutes, refWeeks);
    channels[name] = { ...model, ratePerHourAt };
  }
  const forecast: Forecast = {
    intervalMinutes: parts.intervalMinutes,
    intervalsPerDay: DAY_MINUTES / parts.intervalMinutes,
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
    ratesPerMinute.push(r / HOUR_MINUTES);
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
