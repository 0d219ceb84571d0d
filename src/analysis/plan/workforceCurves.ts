/**
 * The workforce model (model/staffing/workforce.ts) in expectation, month by month: what a
 * pool's starting employees and a hire arriving at a given time contribute to each month of a
 * plan (docs/model.md §23.2). With attrition hazard h, training length d and the ramp p(·):
 *
 *   starting employees (tenured, p = 1):  survival S0(t) = e^(−h·t)
 *   a hire arriving at τ:                 employed e(t) = [t ≥ τ] · e^(−h·(t − τ))
 *                                         trainee  e(t) · [t < τ + d]
 *                                         effective e(t) · [t ≥ τ + d] · p(t − τ − d)
 *
 * and a month's figure is its average over the month [a, b): (1/(b − a)) ∫_a^b f(t) dt (leavers:
 * h ∫ employed dt, a count). The integrals are numerical: the month is cut at τ, τ + d and the
 * ramp's points, and each piece, smooth there (an exponential times a line), is summed at the
 * midpoints of steps of at most 6 hours; the error is far below the model's own noise.
 *
 * "Effective" FTE is Σ p over the productive (a hire at p = 0.53 counts 0.53): the pool's handle
 * time is multiplied by the mean of 1/p, so the floor's true capacity is n / mean(1/p) ≤ Σ p
 * (Jensen); the plan's end-to-end check (planCheck.ts) measures what the difference costs.
 */
import { specMean } from "../../engine/distributions.js";
import type { WorkforceConfig } from "../../model/config.js";
import { rampProficiency } from "../../model/staffing/workforceDefaults.js";
import { HOUR_MINUTES } from "../../time/units.js";
import type { PlanMonths } from "./planMonths.js";

/** Longest integration step, minutes. */
const STEP = 6 * HOUR_MINUTES;

/** Per month, a cohort's (or the starting employees') averages and leavers. */
export interface MonthCurve {
  /** Mean employed over the month, per person at the start of the cohort. */
  employed: number[];
  /** Mean in training. */
  trainees: number[];
  /** Mean effective productive FTE (Σ proficiency). */
  effective: number[];
  /** Expected leavers in the month (h ∫ employed dt). */
  leavers: number[];
  /** Employed at the end of the month. */
  employedAtEnd: number[];
}

/** ∫_a^b f(t) dt by midpoints on the pieces between the sorted `cuts` (each inside (a, b)). */
function integrate(f: (t: number) => number, a: number, b: number, cuts: readonly number[]): number {
  const points = [a, ...cuts.filter((c) => c > a && c < b).sort((x, y) => x - y), b];
  let sum = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const lo = points[k], hi = points[k + 1], n = Math.max(1, Math.ceil((hi - lo) / STEP)), dt = (hi - lo) / n;
    for (let i = 0; i < n; i++) sum += f(lo + (i + 0.5) * dt) * dt;
  }
  return sum;
}

/**
 * The monthly curve of one person arriving at `arrival` (−Infinity: a starting employee, tenured
 * and fully proficient from t = 0), per person.
 */
export function monthCurve(wf: WorkforceConfig, months: PlanMonths, arrival: number): MonthCurve {
  const h = wf.attritionPerMinute, d = wf.training, starting = arrival === -Infinity;
  const tau = starting ? 0 : arrival;
  const ready = starting ? -Infinity : tau + d;
  const survive = (t: number) => (t < tau ? 0 : Math.exp(-h * (t - tau)));
  const cuts = starting ? [] : [tau, ready, ...wf.ramp.map((r) => ready + r.at)];
  const out: MonthCurve = { employed: [], trainees: [], effective: [], leavers: [], employedAtEnd: [] };
  for (let m = 0; m < months.count; m++) {
    const a = months.from[m], b = months.to[m], len = b - a;
    const employed = integrate(survive, a, b, cuts);
    const trainees = starting ? 0 : integrate((t) => (t < ready ? survive(t) : 0), a, b, cuts);
    const effective = starting ? employed : integrate((t) => (t >= ready ? survive(t) * rampProficiency(wf.ramp, t - ready) : 0), a, b, cuts);
    out.employed.push(employed / len);
    out.trainees.push(trainees / len);
    out.effective.push(effective / len);
    out.leavers.push(h * employed);
    out.employedAtEnd.push(survive(b));
  }
  return out;
}

/**
 * When hires "in month j" arrive: at the month's start, or when the first requisition opened at
 * t = 0 can be filled (its lead time; the mean of a random one) if that is later; null when that is not within the month
 * (no hire can arrive in it).
 */
export function arrivalTime(wf: WorkforceConfig, months: PlanMonths, j: number): number | null {
  const t = Math.max(months.from[j], specMean(wf.hiring.leadTime));
  return t < months.to[j] ? t : null;
}
