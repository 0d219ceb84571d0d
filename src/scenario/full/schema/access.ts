/** Access to support (`access`), self-service (`selfService`) and repeat contacts (`repeat`): whether and when customers ask, try the knowledge base, come back. */
import { DurationSchema } from "../../duration.js";
import { finite, nonNegative, object, probability } from "../../fields.js";
import { oneOf } from "./fields.js";

export const OUTSIDE_HOURS = ["wait", "selfService", "drop"] as const;

export const AccessSchema = object({
  askLogOdds: finite("a finite number (log-odds)").optional(),
  severityWeight: nonNegative("per severity level").optional(),
  priceWeight: nonNegative("per currency unit").optional(),
  accessWeight: nonNegative().optional(),
  waitMemory: probability().optional(),
  outsideHours: oneOf(OUTSIDE_HOURS).optional(),
  retry: object({ share: probability().optional(), delay: DurationSchema.optional() }).optional(),
});

export const SelfServiceSchema = object({
  tryShare: probability().optional(),
  successAtFullCoverage: probability().optional(),
  goOnShare: probability().optional(),
  costPerSession: nonNegative("currency units per knowledge-base session").optional(),
});

export const RepeatSchema = object({ share: probability().optional(), delay: DurationSchema.optional(), switchShare: probability().optional() });
