/** Retention (`retention`): the calibration of the churn ladder, its multipliers, the weights of service events and their half-life. */
import * as z from "zod";
import { expecting, finite, object, positive, show } from "../../fields.js";
import { oneOf } from "./fields.js";

export const RETENTION_CALIBRATIONS = ["tarp", "optimistic", "pessimistic"] as const;
/** The four rows of the retention ladder, in order (for messages). */
export const RETENTION_ROWS = ["resolved quickly", "resolved", "unresolved", "unserved"] as const;

/** Four churn multipliers > 0, one per row of the retention ladder. */
const multiplierRow = () => {
  const what = `a list of 4 numbers > 0 (${RETENTION_ROWS.join(", ")})`;
  return z.array(positive(), expecting(what)).length(4, {
    error: (iss: { input?: unknown }) => `expected ${what.replace("a list of 4", "a list of exactly 4")}, got ${Array.isArray(iss.input) ? `${iss.input.length} numbers` : show(iss.input)}`,
  });
};

export const RetentionSchema = object({
  calibration: oneOf(RETENTION_CALIBRATIONS).optional(),
  effectScale: positive("the factor on the calibration's log effects: 0.5 optimistic, 1 as calibrated, 1.5 pessimistic").optional(),
  multipliers: object({ minor: multiplierRow().optional(), major: multiplierRow().optional() }).optional(),
  weights: object({
    transfer: finite("a finite number (rows)").optional(),
    escalation: finite("a finite number (rows)").optional(),
    repeat: finite("a finite number (rows)").optional(),
    channelSwitch: finite("a finite number (rows)").optional(),
    longWait: finite("a finite number (rows per target's worth of wait)").optional(),
    selfServiceFailed: finite("a finite number (rows)").optional(),
    notified: finite("a finite number (rows; negative: a credit)").optional(),
  }).optional(),
  halfLifeDays: positive("days").optional(),
});
