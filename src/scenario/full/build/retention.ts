/** Retention in model units: the calibration's tables (rows overridden by `multipliers`), the default weights overridden one by one, the half-life in minutes. */
import { BAND_SCALES, CALIBRATIONS, DEFAULT_HALF_LIFE_DAYS, DEFAULT_RETENTION_WEIGHTS } from "../../../model/customers/retention.js";
import type { RetentionConfig } from "../../../model/config.js";
import { DAY_MINUTES } from "../../../time/units.js";
import { SUPPORT_DEFAULTS as D } from "../defaults.js";
import type { SupportScenario } from "../schema.js";

export function retentionConfig(r: SupportScenario["retention"]): RetentionConfig {
  const calibration = r?.calibration ?? D.retention.calibration;
  const table = CALIBRATIONS[calibration];
  const weights: RetentionConfig["weights"] = { ...DEFAULT_RETENTION_WEIGHTS };
  for (const [key, value] of Object.entries(r?.weights ?? {}) as [keyof RetentionConfig["weights"], number | undefined][]) {
    if (value !== undefined) weights[key] = value;
  }
  // the log effects scaled by effectScale k (M ↦ M^k, docs/model.md §20.2): left alone at 1
  const k = r?.effectScale ?? 1;
  const scale = (row: readonly number[]) => (k === 1 ? [...row] : row.map((m) => Math.pow(m, k)));
  return {
    calibration,
    multipliers: { minor: scale(r?.multipliers?.minor ?? table.minor), major: scale(r?.multipliers?.major ?? table.major) },
    weights,
    halfLife: (r?.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS) * DAY_MINUTES,
    bandScales: [BAND_SCALES.optimistic, 1, BAND_SCALES.pessimistic],
    baseFactors: [],
    initialExperience: [],
  };
}
