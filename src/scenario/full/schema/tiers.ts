/** Tiers (`tiers`): handle times (with overrides by need type and channel), patience per real-time channel, resolution, where unresolved work goes next, and the hold limit of a warm transfer. */
import * as z from "zod";
import { DurationSchema } from "../../duration.js";
import { expecting, name, object, positive, probability, show } from "../../fields.js";
import { oneOf } from "./fields.js";

export const NEXT_MODES = ["transfer", "escalate"] as const;
/** What a warm transfer not answered within the tier's hold limit becomes. */
export const HOLD_LIMIT_THEN = ["callback", "ticket"] as const;

export const SupportTierSchema = object({
  name: name(),
  handleTime: DurationSchema,
  handleTimes: z
    .array(object({ needType: name().optional(), channel: name().optional(), handleTime: DurationSchema }), expecting("a list of handle-time overrides"))
    .optional(),
  patience: z.record(z.string(), DurationSchema, expecting('an object of patience per real-time channel such as { "phone": { "dist": "exponential", "meanMinutes": 3 } }')).optional(),
  resolve: z.union([probability(), z.record(z.string(), probability())], {
    error: (iss) =>
      iss.input === undefined
        ? "missing: expected a probability between 0 and 1, or an object of probabilities per need type"
        : `expected a probability between 0 and 1, or an object of probabilities per need type, got ${show(iss.input)}`,
  }),
  next: name().optional(),
  nextMode: oneOf(NEXT_MODES).optional(),
  holdLimit: object({ minutes: positive("minutes"), then: oneOf(HOLD_LIMIT_THEN) }).optional(),
});
