/** Need types (`needTypes`): what customers need help with, how often, what drives it, and the channels they prefer for it. */
import * as z from "zod";
import { expecting, LIMITS, name, nonNegative, object, probability, upTo } from "../../fields.js";
import { oneOf } from "./fields.js";

export const NEED_DRIVERS = ["expertise", "quality", "none"] as const;
export const SEVERITIES = ["minor", "major", "critical"] as const;

export const NeedTypeSchema = object({
  name: name(),
  perCustomerPerMonth: upTo(nonNegative("needs per customer per month"), LIMITS.needsPerCustomerPerMonth, `needs per customer per month, at most ${LIMITS.needsPerCustomerPerMonth}`),
  driver: oneOf(NEED_DRIVERS).optional(),
  severity: oneOf(SEVERITIES).optional(),
  channels: z.record(z.string(), nonNegative("preference weight"), expecting('an object of channel weights such as { "phone": 0.6, "email": 0.4 }')),
  kbCoverage: probability().optional(),
});
