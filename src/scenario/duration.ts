/**
 * A duration distribution as both scenario forms write it (handle times, patience, delays; in
 * minutes, selected by "dist") and its conversion to the engine's `DistributionSpec`.
 */
import * as z from "zod";
import type { DistributionSpec } from "../engine/distributions.js";
import { bool, integerAtLeast, LIMITS, nonNegative, nonNegativeList, object, positive, show, upTo } from "./fields.js";

export const DISTRIBUTIONS = ["exponential", "deterministic", "uniform", "normal", "lognormal", "gamma", "erlang", "empirical"] as const;

/** A duration distribution (minutes), selected by "dist". */
export const DurationSchema = z.discriminatedUnion(
  "dist",
  [
    object({ dist: z.literal("exponential"), meanMinutes: upTo(positive("minutes"), LIMITS.durationMinutes, `a number of minutes, at most ${LIMITS.durationMinutes} (a year)`) }),
    object({ dist: z.literal("deterministic"), minutes: nonNegative("minutes") }),
    object({ dist: z.literal("uniform"), minMinutes: nonNegative("minutes"), maxMinutes: positive("minutes") }),
    object({ dist: z.literal("normal"), meanMinutes: upTo(positive("minutes"), LIMITS.durationMinutes, `a number of minutes, at most ${LIMITS.durationMinutes} (a year)`), sdMinutes: upTo(nonNegative("minutes"), LIMITS.durationMinutes, `a number of minutes, at most ${LIMITS.durationMinutes} (a year)`) }),
    object({ dist: z.literal("lognormal"), meanMinutes: upTo(positive("minutes"), LIMITS.durationMinutes, `a number of minutes, at most ${LIMITS.durationMinutes} (a year)`), cv: upTo(positive("coefficient of variation"), LIMITS.cv, `a coefficient of variation, at most ${LIMITS.cv}`) }),
    object({ dist: z.literal("gamma"), meanMinutes: upTo(positive("minutes"), LIMITS.durationMinutes, `a number of minutes, at most ${LIMITS.durationMinutes} (a year)`), cv: upTo(positive("coefficient of variation"), LIMITS.cv, `a coefficient of variation, at most ${LIMITS.cv}`) }),
    object({ dist: z.literal("erlang"), meanMinutes: upTo(positive("minutes"), LIMITS.durationMinutes, `a number of minutes, at most ${LIMITS.durationMinutes} (a year)`), k: integerAtLeast(1) }),
    object({ dist: z.literal("empirical"), samplesMinutes: nonNegativeList("minutes"), interpolate: bool().optional() }),
  ],
  { error: (iss) => (iss.input === undefined ? "missing: expected a distribution object" : `expected a distribution object, got ${show(iss.input)}`) },
);
export type DurationInput = z.infer<typeof DurationSchema>;

/** A validated duration (file form, minutes) → the engine's distribution spec (minutes). */
export function durationSpec(d: DurationInput): DistributionSpec {
  switch (d.dist) {
    case "exponential": return { type: "exponential", mean: d.meanMinutes };
    case "deterministic": return { type: "deterministic", value: d.minutes };
    case "uniform": return { type: "uniform", min: d.minMinutes, max: d.maxMinutes };
    case "normal": return { type: "normal", mean: d.meanMinutes, sd: d.sdMinutes };
    case "lognormal": return { type: "lognormal", mean: d.meanMinutes, cv: d.cv };
    case "gamma": return { type: "gamma", mean: d.meanMinutes, cv: d.cv };
    case "erlang": return { type: "erlang", mean: d.meanMinutes, k: d.k };
    case "empirical": return { type: "empirical", samples: d.samplesMinutes, interpolate: d.interpolate };
  }
}
