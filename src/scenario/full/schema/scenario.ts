/**
 * The fields of a full-form scenario, section by section (./customers.ts, ./needs.ts, …), without
 * the cross-field checks (../checks/), which ../schema.ts adds: the shape the checks read.
 */
import * as z from "zod";
import type { SupportConfig } from "../../../model/config.js";
import { expecting, integerAtLeast, LIMITS, name, nameList, nonNegative, object, positive, text, upTo } from "../../fields.js";
import { AccessSchema, RepeatSchema, SelfServiceSchema } from "./access.js";
import { CalibrationSchema, ForecastArrivalsSchema } from "./arrivals.js";
import { ChannelSchema } from "./channels.js";
import { CustomersSchema } from "./customers.js";
import { atLeastOne, list, oneOf } from "./fields.js";
import { NeedTypeSchema } from "./needs.js";
import { PoolSchema } from "./pools.js";
import { CustomerTrainingSchema, KcsSchema, ProblemManagementSchema } from "./programs.js";
import { FixSchema, ReleaseSchema } from "./quality.js";
import { RetentionSchema } from "./retention.js";
import { SeasonalitySchema } from "./seasonality.js";
import { SupportTierSchema } from "./tiers.js";

export const OPERATING_MODELS = ["call-center", "help-desk", "support-desk", "service-desk"] as const satisfies readonly NonNullable<SupportConfig["operatingModel"]>[];

export const SupportScenarioObject = object({
  $schema: text().optional(),
  name: name(),
  description: text().optional(),
  seed: integerAtLeast(0, "an integer >= 0").optional(),
  replications: upTo(integerAtLeast(1, "an integer >= 1"), LIMITS.replications, `an integer, at most ${LIMITS.replications}`).optional(),
  start: z.string(expecting('an ISO 8601 date-time such as "2027-01-04T00:00"')),
  timeZone: name().optional(),
  horizon: object({
    days: upTo(positive("days"), LIMITS.horizonDays, `a number of days, at most ${LIMITS.horizonDays} (10 years)`).optional(),
    hours: upTo(positive("hours"), LIMITS.horizonDays * 24, `a number of hours, at most ${LIMITS.horizonDays * 24} (10 years)`).optional(),
    warmupDays: upTo(nonNegative("days"), LIMITS.horizonDays, `a number of days, at most ${LIMITS.horizonDays}`).optional(),
    warmupHours: upTo(nonNegative("hours"), LIMITS.horizonDays * 24, `a number of hours, at most ${LIMITS.horizonDays * 24}`).optional(),
    intervalMinutes: positive("minutes").optional(),
  }),
  serviceLevel: object({ thresholdSeconds: positive("seconds").optional() }).optional(),
  seasonality: SeasonalitySchema.optional(),
  priorityClasses: nameList("a list of priority class names, highest first").min(1, atLeastOne("priority class")).optional(),
  customers: CustomersSchema.optional(),
  needTypes: list(NeedTypeSchema, "need types"),
  channels: list(ChannelSchema, "channels"),
  quality: object({
    releases: z.array(ReleaseSchema, expecting("a list of releases")).optional(),
    fixes: z.array(FixSchema, expecting("a list of fixes")).optional(),
  }).optional(),
  access: AccessSchema.optional(),
  selfService: SelfServiceSchema.optional(),
  repeat: RepeatSchema.optional(),
  tiers: list(SupportTierSchema, "tiers"),
  pools: list(PoolSchema, "pools"),
  currency: name().optional(),
  operatingModel: oneOf(OPERATING_MODELS).optional(),
  kcs: KcsSchema.optional(),
  problemManagement: ProblemManagementSchema.optional(),
  customerTraining: CustomerTrainingSchema.optional(),
  retention: RetentionSchema.optional(),
  arrivals: z.array(ForecastArrivalsSchema, expecting("a list of forecast arrival streams")).optional(),
  calibration: CalibrationSchema.optional(),
  statusQuo: text().optional(),
});

/** A full-form scenario as the cross-field checks see it (every field of the right type). */
export type SupportScenarioShape = z.output<typeof SupportScenarioObject>;
/** A pool of it. */
export type PoolShape = SupportScenarioShape["pools"][number];
