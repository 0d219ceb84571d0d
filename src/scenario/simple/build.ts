/**
 * Turning a validated scenario (file units: hours, minutes, seconds, per hour) into the
 * model's configuration (time unit: minutes).
 */
import type { DistributionSpec } from "../../engine/distributions.js";
import type { ArrivalConfig, ModelConfig } from "../../model/contactCenter.js";
import { DEFAULTS, type DurationInput, type Scenario } from "./schema.js";

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

function arrivalConfig(s: Scenario): ArrivalConfig {
  const a = s.arrivals;
  if (a.pattern) {
    const step = a.pattern.stepMinutes;
    return {
      starts: a.pattern.ratesPerHour.map((_, i) => i * step),
      ratesPerMinute: a.pattern.ratesPerHour.map((r) => r / 60),
      cycle: a.pattern.repeat ? a.pattern.ratesPerHour.length * step : undefined,
    };
  }
  return { starts: [0], ratesPerMinute: [(a.ratePerHour as number) / 60] };
}

/** Settings of a run after defaults (what a result reports about itself). */
export interface RunSettings {
  name: string;
  seed: number;
  replications: number;
  horizonHours: number;
  warmupHours: number;
  intervalMinutes: number;
  thresholdSeconds: number;
}

export function runSettings(s: Scenario, overrides: { seed?: number; replications?: number } = {}): RunSettings {
  return {
    name: s.name,
    seed: overrides.seed ?? s.seed ?? DEFAULTS.seed,
    replications: overrides.replications ?? s.replications ?? DEFAULTS.replications,
    horizonHours: s.horizon.hours,
    warmupHours: s.horizon.warmupHours ?? DEFAULTS.warmupHours,
    intervalMinutes: s.horizon.intervalMinutes ?? DEFAULTS.intervalMinutes,
    thresholdSeconds: s.serviceLevel?.thresholdSeconds ?? DEFAULTS.thresholdSeconds,
  };
}

export function buildModel(s: Scenario): ModelConfig {
  const r = runSettings(s);
  return {
    horizon: r.horizonHours * 60,
    warmup: r.warmupHours * 60,
    intervalLength: r.intervalMinutes,
    threshold: r.thresholdSeconds / 60,
    arrivals: arrivalConfig(s),
    tiers: s.tiers.map((t) => ({
      name: t.name,
      agents: t.agents,
      handleTime: durationSpec(t.handleTime),
      patience: t.patience ? durationSpec(t.patience) : undefined,
    })),
  };
}
