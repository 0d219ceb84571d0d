/**
 * A forecast as plain JSON-able data (format "supportsim-forecast/1") and back: the fitted
 * parameters of each channel, NaN written as null; the rate functions are rebuilt on reading.
 */
import { WEEK_MINUTES } from "../time/units.js";
import { TimeZoneClock } from "../time/zone.js";
import type { ChannelModel, Forecast, VolumeError } from "./forecast.js";
import { checkIntervalMinutes } from "./history.js";
import { buildForecast } from "./rates.js";

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

/** A channel's scalar fields and its two arrays (converted by the caller, either way) in the order they are written. */
function channelFields<P, S>(c: Pick<ChannelModel, "basePerHour" | "weeklyGrowth" | "handleMinutes" | "trendWeeks" | "observedIntervals" | "offered">, profile: P, bySlot: S | undefined) {
  return {
    basePerHour: c.basePerHour,
    weeklyGrowth: c.weeklyGrowth,
    profile,
    ...(c.handleMinutes !== undefined ? { handleMinutes: c.handleMinutes } : {}),
    ...(bySlot !== undefined ? { handleMinutesBySlot: bySlot } : {}),
    trendWeeks: c.trendWeeks,
    observedIntervals: c.observedIntervals,
    offered: c.offered,
  };
}

export function forecastToJSON(f: Forecast): ForecastJSON {
  const channels: Record<string, ForecastJSON["channels"][string]> = {};
  for (const [name, c] of Object.entries(f.channels)) {
    const fitError = Object.fromEntries(Object.entries(c.fitError).map(([k, v]) => [k, finiteOrNull(v)])) as ForecastJSON["channels"][string]["fitError"];
    const bySlot = c.handleMinutesBySlot === undefined ? undefined : Array.from(c.handleMinutesBySlot, finiteOrNull);
    channels[name] = { ...channelFields(c, Array.from(c.profile), bySlot), fitError };
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
  const nSlots = WEEK_MINUTES / json.intervalMinutes;
  const nanIfNull = (x: number | null): number => (x === null ? NaN : x);
  const channels: Record<string, ChannelModel> = {};
  for (const [name, c] of Object.entries(json.channels)) {
    if (c.profile.length !== nSlots) throw new RangeError(`forecast: channel "${name}": expected a profile of ${nSlots} values, got ${c.profile.length}`);
    const fe = c.fitError;
    const bySlot = c.handleMinutesBySlot === undefined ? undefined : Float64Array.from(c.handleMinutesBySlot, nanIfNull);
    channels[name] = {
      ...channelFields(c, Float64Array.from(c.profile), bySlot),
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
