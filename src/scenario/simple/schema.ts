/**
 * The scenario file format, declared once: the validator is this schema, and the JSON
 * Schema for editors is generated from it, so the two cannot disagree.
 *
 * Units are in the field names (…Minutes, …Hours, …Seconds, …PerHour).
 */
import * as z from "zod";
import { bool, integerAtLeast, LIMITS, name, nonNegative, nonNegativeList, object, positive, show, text, upTo } from "../fields.js";
import { DurationSchema } from "../duration.js";
import { SUPPORT_DEFAULTS } from "../full/defaults.js";

export const TierSchema = object({
  name: name(),
  agents: upTo(integerAtLeast(1, "a whole number of agents >= 1"), LIMITS.agents, `a whole number of agents, at most ${LIMITS.agents}`),
  handleTime: DurationSchema,
  patience: DurationSchema.optional(),
});

export const ArrivalsSchema = object({
  ratePerHour: upTo(positive("contacts per hour"), LIMITS.ratePerHour, `a number of contacts per hour, at most ${LIMITS.ratePerHour.toLocaleString("en-US")}`).optional(),
  pattern: object({
    stepMinutes: positive("minutes"),
    ratesPerHour: nonNegativeList("contacts per hour"),
    repeat: bool().optional(),
  }).optional(),
});

export const ScenarioSchema = object({
  $schema: text().optional(),
  name: name(),
  description: text().optional(),
  seed: integerAtLeast(0, "an integer >= 0").optional(),
  replications: upTo(integerAtLeast(1, "an integer >= 1"), LIMITS.replications, `an integer, at most ${LIMITS.replications}`).optional(),
  horizon: object({
    hours: positive("hours"),
    warmupHours: nonNegative("hours").optional(),
    intervalMinutes: positive("minutes").optional(),
  }),
  serviceLevel: object({ thresholdSeconds: positive("seconds") }).optional(),
  arrivals: ArrivalsSchema,
  tiers: z.array(TierSchema, { error: (iss) => (iss.input === undefined ? "missing: expected a list of tiers" : `expected a list of tiers, got ${show(iss.input)}`) }).min(1, { error: "expected at least one tier" }),
}).superRefine((s, ctx) => {
  // Cross-field checks. They run even when a field failed its own check, so each
  // looks only at values that passed theirs (one problem, one message).
  const ok = (v: unknown, min = 0): v is number => typeof v === "number" && Number.isFinite(v) && v >= min;
  const warm = s.horizon?.warmupHours ?? 0;
  if (ok(s.horizon?.hours) && s.horizon.hours > 0 && ok(warm) && warm >= s.horizon.hours) {
    ctx.addIssue({ code: "custom", path: ["horizon", "warmupHours"], message: `expected less than horizon.hours (${s.horizon.hours}), got ${warm}` });
  }
  const a = s.arrivals ?? {};
  if ((a.ratePerHour === undefined) === (a.pattern === undefined)) {
    ctx.addIssue({ code: "custom", path: ["arrivals"], message: "expected exactly one of ratePerHour or pattern" });
  }
  if (Array.isArray(a.pattern?.ratesPerHour) && a.pattern.ratesPerHour.length > 0 && a.pattern.ratesPerHour.every((r) => r === 0)) {
    ctx.addIssue({ code: "custom", path: ["arrivals", "pattern", "ratesPerHour"], message: "expected at least one positive rate, got all zeros" });
  }
  if (!Array.isArray(s.tiers)) return;
  if (s.tiers.length > 1) {
    ctx.addIssue({ code: "custom", path: ["tiers"], message: `expected exactly one tier in this scenario form (routing between tiers comes with the support-demand model), got ${s.tiers.length}` });
  }
  s.tiers.forEach((t, i) => {
    for (const key of ["handleTime", "patience"] as const) {
      const d = t?.[key];
      if (d?.dist === "uniform" && ok(d.minMinutes) && ok(d.maxMinutes) && d.maxMinutes > 0 && !(d.maxMinutes > d.minMinutes)) {
        ctx.addIssue({ code: "custom", path: ["tiers", i, key, "maxMinutes"], message: `expected more than minMinutes (${d.minMinutes}), got ${d.maxMinutes}` });
      }
    }
    const seen = s.tiers.findIndex((u) => u?.name === t?.name);
    if (typeof t?.name === "string" && seen !== i) ctx.addIssue({ code: "custom", path: ["tiers", i, "name"], message: `expected a unique tier name, "${t.name}" is also tiers[${seen}]` });
  });
});

export type Scenario = z.infer<typeof ScenarioSchema>;

/** Defaults for optional fields (documented in the README): the full form's. */
export const DEFAULTS = {
  seed: SUPPORT_DEFAULTS.seed,
  replications: SUPPORT_DEFAULTS.replications,
  warmupHours: SUPPORT_DEFAULTS.horizon.warmupHours,
  intervalMinutes: SUPPORT_DEFAULTS.horizon.intervalMinutes,
  thresholdSeconds: SUPPORT_DEFAULTS.serviceLevel.thresholdSeconds,
} as const;

/** The JSON Schema of the scenario format (for editors and `supportsim schema`). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
  return { ...schema, title: "supportsim scenario" };
}
