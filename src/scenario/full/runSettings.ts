/** The settings of a run after defaults (what a result reports about itself): name, seed, replications, horizon, warm-up, interval, service-level threshold. */
import { SUPPORT_DEFAULTS as D } from "./defaults.js";
import { horizonMinutes, warmupMinutes } from "./horizon.js";
import type { SupportScenario } from "./schema.js";

/** Settings of a run after defaults (the same shape for both forms: the simple form's come from `runSettings` in ../simple/build.ts). */
export interface RunSettings {
  name: string;
  seed: number;
  replications: number;
  horizonHours: number;
  warmupHours: number;
  intervalMinutes: number;
  thresholdSeconds: number;
}

/** Run settings of a full-form scenario after defaults, with the seed and replications of the command line first. */
export function runSettings(s: SupportScenario, overrides: { seed?: number; replications?: number } = {}): RunSettings {
  const horizon = horizonMinutes(s.horizon);
  if (horizon === undefined) throw new RangeError("runSettings: expected a validated scenario (horizon: exactly one of days or hours)");
  return {
    name: s.name,
    seed: overrides.seed ?? s.seed ?? D.seed,
    replications: overrides.replications ?? s.replications ?? D.replications,
    horizonHours: horizon / 60,
    warmupHours: warmupMinutes(s.horizon) / 60,
    intervalMinutes: s.horizon.intervalMinutes ?? D.horizon.intervalMinutes,
    thresholdSeconds: s.serviceLevel?.thresholdSeconds ?? D.serviceLevel.thresholdSeconds,
  };
}
