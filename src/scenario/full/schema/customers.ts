/** Customers and their segments (`customers`): count, sales, learning, and per segment share, expertise (lasting and at the start), value, tenure, churn, priority, plan and channels. */
import * as z from "zod";
import { expecting, integerAtLeast, LIMITS, name, nonNegative, object, positive, probability, show, upTo } from "../../fields.js";
import { atLeastOne, oneOf, someNames } from "./fields.js";

export const PLANS = ["free", "contract", "perIncident"] as const;

export const TenureSchema = z.discriminatedUnion(
  "dist",
  [
    object({ dist: z.literal("exponential"), meanDays: positive("days") }),
    object({ dist: z.literal("uniform"), minDays: nonNegative("days"), maxDays: positive("days") }),
  ],
  { error: (iss) => (iss.input === undefined ? "missing: expected a tenure distribution object" : `expected a tenure distribution object, got ${show(iss.input)}`) },
);

const annualProbability = () => {
  const e = expecting("an annual churn probability >= 0 and < 1");
  return z.number(e).min(0, e).lt(1, e);
};

export const SegmentSchema = object({
  name: name(),
  share: probability(),
  expertise: probability().optional(),
  startExpertise: probability().optional(),
  revenuePerYear: nonNegative("currency units per year").optional(),
  tenureAtStartDays: TenureSchema.optional(),
  churnPerYear: annualProbability().optional(),
  renewalRate: probability().optional(),
  termMonths: positive("months").optional(),
  priority: name().optional(),
  plan: oneOf(PLANS).optional(),
  pricePerIncident: nonNegative("currency units").optional(),
  channels: someNames("channel").optional(),
});

export const CustomersSchema = object({
  count: upTo(integerAtLeast(1, "a whole number of customers >= 1"), LIMITS.customers, `a whole number of customers, at most ${LIMITS.customers.toLocaleString("en-US")}`),
  salesPerMonth: upTo(nonNegative("new customers per month"), LIMITS.salesPerMonth, `new customers per month, at most ${LIMITS.salesPerMonth.toLocaleString("en-US")}`).optional(),
  learning: object({
    noviceMultiplier: z.number(expecting("a number >= 1")).min(1, expecting("a number >= 1")).finite(expecting("a number >= 1")).optional(),
    timeConstantDays: positive("days").optional(),
  }).optional(),
  segments: z.array(SegmentSchema, expecting("a list of segments")).min(1, atLeastOne("segment")),
});
