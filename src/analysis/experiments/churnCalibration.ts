/**
 * The calibration of the base churn rates (docs/model.md §2 "Calibration").
 *
 * A scenario's churn inputs (a segment's churn per year, or its renewal rate) are what the
 * business observes today: the churn of its customers as they are served now, experience
 * included. The model's base rate h₀ is the churn of a customer with no need at all, and a
 * customer's experience multiplies it (M ≥ 1). So h₀ is below the input, by as much as the
 * status quo's experience raises churn: h₀ = h_in · E / (E + X) (model/customers/churnBand.ts),
 * measured in pilot replications of the status quo — the root of the scenario's `extends`
 * chain (or the scenario itself), over the scenario's own start, horizon and warm-up, with its
 * seed. A what-if keeps the status quo's base rates: its service changes its customers'
 * experience and so its churn, against the same base.
 *
 * Two passes, each one replication (index 0): the first at the input rates, the second at the
 * first's factors (whose churn, lower, keeps a different mix of customers); the second's
 * factors are used. Each band (optimistic, central, pessimistic) gets its own base, so that
 * every calibration reproduces the input churn in the status quo.
 */
import { RandomStreams } from "../../engine/random.js";
import type { SupportConfig } from "../../model/config.js";
import { baseFactorsOf } from "../../model/customers/churnBand.js";
import { simulateSupport } from "../../model/simulation.js";

/** Pilot passes (see the header). */
export const CALIBRATION_PASSES = 2;

export interface ChurnCalibration {
  /** Per segment and band (g · 3 + band), the factor on the input rate; empty when nothing churns. */
  factors: number[];
  /** How it was done, for the output. */
  by: string;
}

/** Whether a configuration has customers whose churn the calibration could move. */
export function hasChurn(cfg: SupportConfig): boolean {
  return cfg.causal && cfg.segments.some((s) => s.customers > 0 && (s.churnMode === "renewal" ? s.renewalRate < 1 : s.churnPerMinute > 0));
}

/** Calibrate the base rates on the status quo's configuration (see the header). */
export function calibrateChurn(statusQuo: SupportConfig, seed: number, statusQuoName: string): ChurnCalibration {
  if (!hasChurn(statusQuo)) return { factors: [], by: "" };
  let factors: number[] = [];
  for (let pass = 0; pass < CALIBRATION_PASSES; pass++) {
    const cfg = withBaseFactors(statusQuo, factors, "");
    const r = simulateSupport(cfg, new RandomStreams(seed, 0), null);
    factors = baseFactorsOf([r.retention.exposure], statusQuo.segments);
  }
  const central = statusQuo.segments.map((s, g) => `${s.name} ×${factors[g * 3 + 1].toFixed(3)}`).join(", ");
  return {
    factors,
    by: `base churn = input churn × (${central}): the rate of a customer with no need, so that "${statusQuoName}" (the status quo) reproduces its input churn over this horizon (${CALIBRATION_PASSES} pilot passes, seed ${seed})`,
  };
}

/** The configuration with these base factors (a copy; the input is not changed). */
export function withBaseFactors(cfg: SupportConfig, factors: readonly number[], by: string): SupportConfig {
  return { ...cfg, retention: { ...cfg.retention, baseFactors: [...factors], calibratedBy: by } };
}
