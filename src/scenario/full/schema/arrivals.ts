/** Forecast arrivals (`arrivals`: a rate, a pattern or a history file per stream) and the calibration against a history (`calibration`). */
import * as z from "zod";
import { bool, expecting, LIMITS, name, nonNegativeList, object, positive, upTo } from "../../fields.js";

export const ForecastArrivalsSchema = object({
  channel: name(),
  needType: name().optional(),
  segment: name().optional(),
  ratePerHour: upTo(positive("requests per hour"), LIMITS.ratePerHour, `a number of requests per hour, at most ${LIMITS.ratePerHour.toLocaleString("en-US")}`).optional(),
  pattern: object({
    stepMinutes: positive("minutes"),
    ratesPerHour: nonNegativeList("requests per hour"),
    repeat: bool().optional(),
  }).optional(),
  history: object({ file: name(), channel: name() }).optional(),
});

/** Compare the simulated volumes with a history CSV (a calibration target for the causal model). */
export const CalibrationSchema = object({
  history: object({
    file: name(),
    /** Scenario channel → channel name in the CSV; default: the same names. */
    channels: z.record(z.string(), name(), expecting("an object of scenario channel → CSV channel name")).optional(),
  }),
});
