/** An outsourcing vendor behind a pool (`pools[].vendor`): its costs, how work is routed to it, when it starts and how it ramps in. */
import { nonNegative, object, probability, unitFraction } from "../../fields.js";
import { dateText, oneOf } from "./fields.js";

export const VENDOR_ROUTINGS = ["pool", "share", "overflow"] as const;

export const VendorSchema = object({
  costPerHour: nonNegative("currency units per paid agent hour").optional(),
  costPerContact: nonNegative("currency units per contact handled").optional(),
  feePerMonth: nonNegative("currency units per month").optional(),
  routing: oneOf(VENDOR_ROUTINGS).optional(),
  share: probability().optional(),
  overflowAfterSeconds: nonNegative("seconds").optional(),
  start: dateText().optional(),
  transitionDays: nonNegative("days").optional(),
  initialProficiency: unitFraction("a proficiency > 0 and <= 1").optional(),
  experiencePenalty: nonNegative("rows of the retention ladder").optional(),
});
