/** The seasonality of causal demand (`seasonality`): intraday, weekly and monthly weights or presets, and a trend. */
import * as z from "zod";
import { closest } from "../../../errors.js";
import { expecting, greaterThan, nonNegative, object, show } from "../../fields.js";

export const SEASONALITY_PRESETS = ["b2b-business-hours", "consumer-24x7"] as const;

/** N weights >= 0. */
const weightList = (n: number, what: string) =>
  z.array(nonNegative(), expecting(`a list of ${n} numbers >= 0 (${what})`)).length(n, {
    error: (iss: { input?: unknown }) => `expected a list of exactly ${n} numbers >= 0 (${what}), got ${Array.isArray(iss.input) ? `${iss.input.length} numbers` : show(iss.input)}`,
  });

/** N weights >= 0, or a preset name. */
function weightsOrPreset(n: number, what: string) {
  const list = weightList(n, what);
  const expected = `a list of ${n} numbers >= 0 (${what}) or a preset (${SEASONALITY_PRESETS.join(", ")})`;
  return z.union([list, z.enum(SEASONALITY_PRESETS)], {
    error: (iss) => {
      const v = iss.input;
      if (v === undefined) return `missing: expected ${expected}`;
      if (typeof v === "string") {
        const guess = closest(v, SEASONALITY_PRESETS);
        return `unknown preset ${JSON.stringify(v)}${guess ? ` (did you mean "${guess}"?)` : ""}; expected ${expected}`;
      }
      return `expected ${expected}, got ${show(v)}`;
    },
  });
}

export const SeasonalitySchema = object({
  intraday: weightsOrPreset(48, "one per local 30-minute slot from 00:00").optional(),
  weekly: weightsOrPreset(7, "Monday..Sunday").optional(),
  monthly: weightList(12, "January..December").optional(),
  annualGrowth: greaterThan(-1, "a growth fraction per year > -1").optional(),
});
