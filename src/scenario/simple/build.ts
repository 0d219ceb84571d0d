/**
 * Turning a validated scenario (file units: hours, minutes, seconds, per hour) into the
 * model's configuration (time unit: minutes).
 */
import type { ArrivalConfig, ModelConfig } from "../../model/contactCenter.js";
import { durationSpec } from "../duration.js";
import type { RunSettings } from "../full/runSettings.js";
import { DEFAULTS, type Scenario } from "./schema.js";

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

/** Run settings of a simple-form scenario after defaults. */
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
