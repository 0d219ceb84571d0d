/** The people behind a pool (`pools[].workforce`): headcount, hours, attrition, hiring, training and ramp-up, cost per hire. */
import * as z from "zod";
import { expecting, integerAtLeast, LIMITS, nonNegative, object, positive, positiveAtMost, probability, unitFraction, upTo } from "../../fields.js";
import { atLeastOne, dateText, oneOf } from "./fields.js";

export const HIRING_MODES = ["replace", "plan", "none"] as const;

export const WorkforceSchema = object({
  headcount: upTo(integerAtLeast(0, "a whole number of employees >= 0"), LIMITS.agents, `a whole number of employees, at most ${LIMITS.agents}`).optional(),
  targetHeadcount: positive("employees (FTE)").optional(),
  hoursPerWeek: positiveAtMost(168, "a number of hours > 0 and <= 168").optional(),
  attritionPerYear: nonNegative("leavers per employee per year").optional(),
  hiring: object({
    mode: oneOf(HIRING_MODES).optional(),
    leadTimeDays: nonNegative("days").optional(),
    plan: z.array(object({ date: dateText(), hires: integerAtLeast(1, "a whole number of hires >= 1") }), expecting('a list of hires such as { "date": "2027-03-01", "hires": 4 }')).optional(),
    freezeFrom: dateText().optional(),
  }).optional(),
  trainingDays: nonNegative("days").optional(),
  ramp: z
    .array(object({ afterDays: nonNegative("days after training"), proficiency: unitFraction("a proficiency > 0 and <= 1") }), expecting('a list of ramp points such as { "afterDays": 0, "proficiency": 0.5 }'))
    .min(1, atLeastOne("ramp point (leave ramp out for the default)"))
    .optional(),
  resolvePenalty: probability().optional(),
  costPerHire: nonNegative("currency units per hire").optional(),
});
