/**
 * Column generation for shift plans: the candidates whose start moves from day to day within a
 * pattern's band are too many to list (a start per day: |starts in the band|^|days|), so the
 * LP is solved on a subset and the shifts that would lower its cost are priced from its duals.
 *
 * With duals y_i ≥ 0 of the coverage rows and dual μ_r of each limit row (planLimits.ts), a
 * shift j has reduced cost
 *
 *   c_j − Σ_i a_ij y_i − Σ_r a_rj μ_r,
 *
 * where c_j = length × |days| (paid minutes) and a_rj depends only on the pattern (the limit
 * rows count agents and part-timers). For a pattern, a day set, a break choice and a window of
 * starts [b, b + band], Σ_i a_ij y_i is a sum over the days of the best start of that day in
 * the window: each day is priced on its own, so the best shift of every (pattern, day set,
 * break choice, window) is found exactly, and none is missed: when no shift has a negative
 * reduced cost, the LP optimum over the columns at hand is the optimum over all of them.
 */
import { DAY_MINUTES } from "../../time/units.js";
import { floorPieces } from "./candidates.js";
import { bandOf, breakChoicesOf, daySetsOf, startsOf, type ShiftPattern } from "./shiftPattern.js";

/** Shifts taken per (pattern, day set) and round: a few, so that one round feeds several rows. */
const PER_DAY_SET = 4;

/** A priced shift: pattern index, days, the start per day, the break choice, its reduced cost (paid minutes). */
export interface PricedShift {
  pattern: number;
  days: number[];
  starts: number[];
  breaks: { after: number; length: number }[];
  reducedCost: number;
}

/** Σ_i (minutes of week span [a, b) inside interval i) / L × y_i, the span wrapping past Sunday. */
function spanValue(y: Float64Array, a: number, b: number, L: number): number {
  const n = y.length;
  let v = 0;
  for (let k = Math.floor(a / L); k * L < b; k++) {
    const overlap = Math.min(b, (k + 1) * L) - Math.max(a, k * L);
    if (overlap > 0) v += (overlap / L) * y[k % n];
  }
  return v;
}

/**
 * The value of one day's shift: per break choice c, day d and start index s, Σ_i a_i y_i of an
 * agent starting starts[s] on day d.
 */
function dayValues(p: ShiftPattern, starts: readonly number[], choices: { after: number; length: number }[][], y: Float64Array, L: number): Float64Array[][] {
  return choices.map((breaks) => {
    const pieces = floorPieces(p.length, breaks);
    return Array.from({ length: 7 }, (_, d) => {
      const out = new Float64Array(starts.length);
      starts.forEach((s, k) => {
        const at = d * DAY_MINUTES + s;
        for (const [from, to] of pieces) out[k] += spanValue(y, at + from, at + to, L);
      });
      return out;
    });
  });
}

/** Per base start index s: the best start index within [starts[s], starts[s] + band] (first of equals). */
function windowBest(values: Float64Array, starts: readonly number[], band: number): Int32Array {
  const best = new Int32Array(starts.length);
  for (let s = 0; s < starts.length; s++) {
    let b = s;
    for (let t = s + 1; t < starts.length && starts[t] <= starts[s] + band + 1e-9; t++) if (values[t] > values[b] + 1e-12) b = t;
    best[s] = b;
  }
  return best;
}

/** What pricing found: the shifts to add, and the largest Σ_i a_ij y_i / c_j over the banded patterns' shifts. */
export interface Pricing {
  shifts: PricedShift[];
  maxRatio: number;
}

/**
 * The shifts of banded patterns (startBand > 0) with a reduced cost below −tolerance: per
 * (pattern, day set) the PER_DAY_SET best of its break choices and windows, most negative first, at most
 * `limit`. `y` holds the coverage duals per interval of the week (0 where there is no row),
 * `limitDual[k]` the limit rows' Σ_r a_rj μ_r for pattern k.
 */
export function priceShifts(patterns: readonly ShiftPattern[], y: Float64Array, limitDual: readonly number[], L: number, limit: number): Pricing {
  const found: PricedShift[] = [];
  let maxRatio = 0;
  patterns.forEach((p, k) => {
    const band = bandOf(p);
    if (band <= 0) return;
    const starts = startsOf(p);
    const choices = breakChoicesOf(p);
    const values = dayValues(p, starts, choices, y, L);
    const best = values.map((perDay) => perDay.map((v) => windowBest(v, starts, band)));
    for (const days of daySetsOf(p)) {
      const cost = p.length * days.length;
      const tol = -1e-6 * Math.max(1, cost);
      const mine = new Map<string, PricedShift>();
      choices.forEach((breaks, c) => {
        for (let s = 0; s < starts.length; s++) {
          let value = 0;
          for (const d of days) value += values[c][d][best[c][d][s]];
          maxRatio = Math.max(maxRatio, value / cost);
          const reducedCost = cost - value - limitDual[k];
          if (reducedCost >= tol) continue;
          const dayStarts = days.map((d) => starts[best[c][d][s]]);
          const key = `${c}|${dayStarts.join(",")}`;
          if (!mine.has(key)) mine.set(key, { pattern: k, days, starts: dayStarts, breaks, reducedCost });
        }
      });
      found.push(...[...mine.values()].sort((a, b) => a.reducedCost - b.reducedCost).slice(0, PER_DAY_SET));
    }
  });
  return { shifts: found.sort((a, b) => a.reducedCost - b.reducedCost).slice(0, limit), maxRatio };
}
