/**
 * Forecast arrival streams in model units: a rate per hour → one piecewise rate per minute from
 * t = 0; a pattern → a rate per step from t = 0 (cycling when `repeat`); a history file (relative
 * to the scenario's folder, read and fitted once per file) → the fitted forecast's piecewise
 * rates over the horizon. Channel, need type and segment by index.
 */
import { resolve as resolvePath } from "node:path";
import { closest, InputError, problem } from "../../../errors.js";
import type { Forecast } from "../../../forecast/forecast.js";
import { fitForecast } from "../../../forecast/fit.js";
import { toPiecewiseRates } from "../../../forecast/rates.js";
import { readHistoryFile } from "../../../forecast/history.js";
import type { SupportConfig } from "../../../model/config.js";
import { MINUTE_MS } from "../../../time/units.js";
import type { SupportScenario } from "../schema.js";
import { nameIndex, type BuildContext } from "./context.js";

/**
 * The forecast streams of the model.
 * @param segNames the model's segment names (the synthetic "forecast" one without customers).
 * @throws InputError when a history file cannot be read or fitted (path `arrivals[i].history.file`)
 *   or does not have the named channel (`arrivals[i].history.channel`).
 */
export function forecastStreams(
  s: SupportScenario,
  segNames: readonly string[],
  { needNames, chanNames, timeZone, startMs, horizon }: BuildContext,
  options: { baseDir: string; file?: string },
): SupportConfig["forecastStreams"] {
  const forecasts = new Map<string, Forecast>();
  return (s.arrivals ?? []).map((a, i) => {
    const head = {
      channel: nameIndex(chanNames, a.channel, "channel"),
      needType: a.needType === undefined ? 0 : nameIndex(needNames, a.needType, "need type"),
      segment: a.segment === undefined ? 0 : nameIndex(segNames, a.segment, "segment"),
    };
    if (a.pattern !== undefined) {
      const step = a.pattern.stepMinutes;
      const stream: SupportConfig["forecastStreams"][number] = {
        ...head,
        starts: a.pattern.ratesPerHour.map((_, k) => k * step),
        ratesPerMinute: a.pattern.ratesPerHour.map((r) => r / 60),
      };
      if (a.pattern.repeat) stream.cycle = a.pattern.ratesPerHour.length * step;
      return stream;
    }
    if (a.history !== undefined) {
      const file = resolvePath(options.baseDir, a.history.file);
      let forecast = forecasts.get(file);
      if (forecast === undefined) {
        try {
          forecast = fitForecast(readHistoryFile(file), { timeZone });
        } catch (e) {
          if (e instanceof InputError || e instanceof RangeError) throw new InputError(problem(`arrivals[${i}].history.file`, e.message), options.file);
          throw e;
        }
        forecasts.set(file, forecast);
      }
      const names = Object.keys(forecast.channels);
      if (!names.includes(a.history.channel)) {
        const guess = closest(a.history.channel, names);
        throw new InputError(
          problem(`arrivals[${i}].history.channel`, `unknown channel ${JSON.stringify(a.history.channel)} in ${a.history.file}; expected one of ${names.join(", ")}${guess ? ` (did you mean "${guess}"?)` : ""}`),
          options.file,
        );
      }
      const r = toPiecewiseRates(forecast, a.history.channel, new Date(startMs), new Date(startMs + horizon * MINUTE_MS));
      return { ...head, starts: r.starts, ratesPerMinute: r.ratesPerMinute };
    }
    return { ...head, starts: [0], ratesPerMinute: [(a.ratePerHour as number) / 60] };
  });
}
