/**
 * Sourced defaults of a pool's workforce (workforce.ts; `WorkforceConfig`, src/model/config.ts):
 * the proficiency ramp of a hire, training and hiring lead times, attrition and the cost of a
 * hire, with the ramp's proficiency function. A month is a twelfth of the mean (Julian) year,
 * 43,830 minutes, as everywhere in the model.
 */
import { MONTH_MINUTES, YEAR_MINUTES } from "../../time/units.js";

/**
 * Default ramp: proficiency 0.53 when training ends, rising linearly to 1.0 ten months later
 * (tenure since training ended, minutes; a month is 43,830 minutes).
 *
 * Source: cinareo.com "Myth #4" (docs/sources.md, "Cited, not verified"): month-1 efficiency 53 % of a
 * tenured agent, 100 % in 8–12 months, 67 % over year one. The 10 months are the middle of
 * 8–12 [A]: the quote does not say whether the months count from hire or from the end of
 * training; linear shape [A].
 *
 * Year-one average it implies:
 * - over the first year SINCE HIRE, with the default 40 days of training counted as 0
 *   (trainees are off the floor): on the floor 525,960 − 57,600 = 468,360 min, of which
 *   438,300 min (10 months) on the ramp at mean (0.53 + 1)/2 = 0.765 and 30,060 min at 1:
 *   (438,300 · 0.765 + 30,060) / 525,960 = 365,359.5 / 525,960 ≈ 0.695 — vs the quoted 0.67;
 * - over the first year ON THE FLOOR: (10 · 0.765 + 2 · 1) / 12 ≈ 0.804.
 * A ramp to 1.0 after 11 months would give 0.675 since hire; a nine-month one 0.714.
 */
export const DEFAULT_RAMP: readonly { at: number; proficiency: number }[] = Object.freeze([
  Object.freeze({ at: 0, proficiency: 0.53 }),
  Object.freeze({ at: 10 * MONTH_MINUTES, proficiency: 1 }),
]);

/** Training and nesting off the floor, days: ~40 (cinareo.com "Myth #4"; docs/sources.md). */
export const DEFAULT_TRAINING_DAYS = 40;

/** Time to fill a requisition, days: ~34 (cinareo.com "Myth #4"; docs/sources.md); deterministic by default [A]. */
export const DEFAULT_LEAD_TIME_DAYS = 34;

/**
 * Leavers per employee per year: 0.35, within the 30–45 %/yr historically reported
 * (callcentrehelper.com "True Cost of Agent Attrition", docs/sources.md; 65–80 % in some sectors
 * after 2021, contactcenterpipeline.com); the midpoint would be 0.375, 0.35 is [A]. Read as an
 * annual RATE (leavers per average employee-year), as the industry quotes it, so
 * `attritionPerMinute` = 0.35 / 525,960 (`attritionPerMinute(0.35)`); of the employees at the
 * start of a year without hiring, 1 − e^(−0.35) ≈ 29.5 % have left by its end. (Customers'
 * `churnPerYear` in scenario files is a probability instead; do not mix the two.)
 */
export const DEFAULT_ATTRITION_PER_YEAR = 0.35;

/** Recruiting and training cost per hire, currency: 12,500, the middle of SWPP's $10–15k (callcentrehelper.com; docs/sources.md). */
export const DEFAULT_COST_PER_HIRE = 12_500;

/** `attritionPerMinute` for an annual attrition rate (leavers per employee-year). */
export function attritionPerMinute(perYear: number): number {
  return perYear / YEAR_MINUTES;
}

/** Proficiency after `tenure` minutes since training ended, by the piecewise-linear ramp (1 if empty). */
export function rampProficiency(ramp: readonly { at: number; proficiency: number }[], tenure: number): number {
  const n = ramp.length;
  if (n === 0) return 1;
  if (tenure <= ramp[0].at) return ramp[0].proficiency;
  for (let i = 1; i < n; i++) {
    const b = ramp[i];
    if (tenure < b.at) {
      const a = ramp[i - 1];
      return a.proficiency + ((b.proficiency - a.proficiency) * (tenure - a.at)) / (b.at - a.at);
    }
  }
  return ramp[n - 1].proficiency;
}
