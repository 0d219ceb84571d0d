/**
 * The calibration of the base churn rates and the band around the central churn figures, from
 * a replication's churn exposure (churnExposure.ts; docs/model.md §2 "Calibration").
 *
 * Expected churns in the window under band b (optimistic, central, pessimistic), per segment g:
 *
 *   hazard:  h_in,g · f_g,b · (E_g + X_g(b))        renewal:  Σ min(1, ℓ_in,g · f_g,b · M^k_b)
 *
 * and at the input rates with no effect of experience (the churn the scenario's inputs state):
 *
 *   hazard:  h_in,g · E_g                            renewal:  ℓ_in,g · A_g
 *
 * The base factors that make a run reproduce its input churn (`baseFactorsOf`, summed over
 * the pilot replications of the status quo, a ratio of sums):
 *
 *   f_g,b = ΣE_g / Σ(E_g + X_g(b))
 *
 * for renewal segments too: their customers' mean multiplier at anniversaries, ΣS/ΣA, is the
 * same mean as over customer-time when anniversaries fall independently of experience (an
 * assumption [A]: tenure moves needs only through expertise), and the time average is far less
 * noisy (every customer at every moment, not a few hundred anniversaries). 1 where a segment
 * has no exposure.
 */
import type { SegmentConfig } from "../config.js";
import { BAND_CENTRAL, BANDS, type ChurnExposure } from "./churnExposure.js";

/** Per segment and band (g · BANDS + band): expected churns in the window; per segment: expected churns at the input rates. */
export interface ChurnExpectation {
  expected: Float64Array;
  atInput: Float64Array;
}

/** The expected churns of a replication under each band, and at the input rates (header). `factors`: per segment and band, empty = 1. */
export function churnExpectation(x: ChurnExposure, segments: readonly SegmentConfig[], factors: ArrayLike<number>): ChurnExpectation {
  const G = segments.length;
  const expected = new Float64Array(G * BANDS), atInput = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const s = segments[g];
    if (s.churnMode === "renewal") {
      atInput[g] = (1 - s.renewalRate) * x.anniversaries[g];
      for (let b = 0; b < BANDS; b++) expected[g * BANDS + b] = x.renewalExpected[g * BANDS + b];
    } else {
      atInput[g] = s.churnPerMinute * x.exposure[g];
      for (let b = 0; b < BANDS; b++) {
        const f = factors.length > 0 ? factors[g * BANDS + b] : 1;
        expected[g * BANDS + b] = s.churnPerMinute * f * (x.exposure[g] + x.excess[g * BANDS + b]);
      }
    }
  }
  return { expected, atInput };
}

/** Σ_g w_g · expected[g, band]. */
export function weightedExpectation(e: ChurnExpectation, band: number, weight: (g: number) => number): number {
  let sum = 0;
  for (let g = 0; g < e.atInput.length; g++) sum += weight(g) * e.expected[g * BANDS + band];
  return sum;
}

/**
 * A band's figure beside a simulated central one: the simulated value scaled by the ratio of the
 * band's expectation to the central expectation (the band keeps the run's noise and collapses
 * onto the central figure where the calibrations agree, e.g. in the status quo itself).
 */
export function bandFigure(simulated: number, e: ChurnExpectation, band: number, weight: (g: number) => number): number {
  const central = weightedExpectation(e, BAND_CENTRAL, weight);
  return central > 0 ? (simulated * weightedExpectation(e, band, weight)) / central : simulated;
}

/** The base factors (per segment and band) that make a run with these exposures reproduce its input churn; exposures summed over replications. */
export function baseFactorsOf(exposures: readonly ChurnExposure[], segments: readonly SegmentConfig[]): number[] {
  const G = segments.length, out = new Array<number>(G * BANDS).fill(1);
  for (let g = 0; g < G; g++) {
    let base = 0;
    const withExperience = new Float64Array(BANDS);
    for (const x of exposures) {
      base += x.exposure[g];
      for (let b = 0; b < BANDS; b++) withExperience[b] += x.exposure[g] + x.excess[g * BANDS + b];
    }
    for (let b = 0; b < BANDS; b++) if (base > 0 && withExperience[b] > 0) out[g * BANDS + b] = base / withExperience[b];
  }
  return out;
}
