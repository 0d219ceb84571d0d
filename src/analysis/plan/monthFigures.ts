/**
 * The plan's targets per pool and month, measured over replications (monthProbe.ts counts):
 * each figure a ratio of sums over the replications with its standard error and 95% interval
 * (confidence.ts RatioSums), and the two judgements the plan makes of them (docs/model.md §23):
 *
 * - in the requirement search, a month is staffed when every target holds with `z` standard
 *   errors to spare (the staffing search's removal margin, staffing/margin.ts):
 *     service level − z·se ≥ target, response − z·se ≥ target,
 *     abandoned + z·se ≤ maxAbandon, occupancy + z·se ≤ maxOccupancy;
 * - in the end-to-end check, a month passes when its 95% interval reaches the target:
 *     upper end ≥ target (service level, response), lower end ≤ maximum (abandonment, occupancy),
 *   i.e. the replications do not show, at 95%, that the month misses.
 * A figure with nothing to measure (no real-time work offered in the month, say) holds.
 */
import { RatioSums, ratioStandardError, tCritical } from "../confidence.js";
import type { StaffingTargets } from "../staffing/targets.js";
import type { MonthCounts } from "./monthProbe.js";

export interface Figure {
  mean: number;
  se: number;
  ci95: [number, number] | null;
}

/** One pool-month's figures (null: nothing to measure). */
export interface MonthFigures {
  serviceLevel: Figure | null;
  abandonRate: Figure | null;
  response: Figure | null;
  occupancy: Figure | null;
}

function ratio(counts: readonly MonthCounts[], y: (c: MonthCounts) => number, x: (c: MonthCounts) => number): Figure | null {
  const s = new RatioSums();
  for (const c of counts) s.add(y(c), x(c));
  if (!(s.sx > 0)) return null;
  const mean = s.sy / s.sx;
  if (s.n < 2) return { mean, se: 0, ci95: null };
  const se = ratioStandardError(s), h = tCritical(s.n) * se;
  return { mean, se, ci95: [mean - h, mean + h] };
}

/**
 * Pool q's figures in month m; `floorMinutes(k)`: agent-minutes on the floor in replication k
 * (for occupancy; undefined: not measured).
 */
export function monthFigures(counts: readonly MonthCounts[], q: number, m: number, M: number, floorMinutes?: (k: number) => number): MonthFigures {
  const i = q * M + m;
  let k = 0;
  return {
    serviceLevel: ratio(counts, (c) => c.within[i], (c) => c.offered[i]),
    abandonRate: ratio(counts, (c) => c.abandoned[i], (c) => c.offered[i]),
    response: ratio(counts, (c) => c.deferredWithin[i], (c) => c.deferredOffered[i]),
    occupancy: floorMinutes === undefined ? null : ratio(counts, (c) => c.busy[i], () => floorMinutes(k++)),
  };
}

/** Whether every target holds with `z` standard errors to spare (the requirement search's test). */
export function clearsTargets(f: MonthFigures, T: StaffingTargets, z: number): boolean {
  if (f.serviceLevel !== null && f.serviceLevel.mean - z * f.serviceLevel.se < T.serviceLevel) return false;
  if (f.response !== null && f.response.mean - z * f.response.se < T.response) return false;
  if (T.maxAbandon !== undefined && f.abandonRate !== null && f.abandonRate.mean + z * f.abandonRate.se > T.maxAbandon) return false;
  if (T.maxOccupancy !== undefined && f.occupancy !== null && f.occupancy.mean + z * f.occupancy.se > T.maxOccupancy) return false;
  return true;
}

/** Whether the month passes the end-to-end check: each target within reach of its 95% interval (the mean when there is none). */
export function passesCheck(f: MonthFigures, T: StaffingTargets): boolean {
  const hi = (x: Figure) => (x.ci95 === null ? x.mean : x.ci95[1]);
  const lo = (x: Figure) => (x.ci95 === null ? x.mean : x.ci95[0]);
  if (f.serviceLevel !== null && hi(f.serviceLevel) < T.serviceLevel) return false;
  if (f.response !== null && hi(f.response) < T.response) return false;
  if (T.maxAbandon !== undefined && f.abandonRate !== null && lo(f.abandonRate) > T.maxAbandon) return false;
  if (T.maxOccupancy !== undefined && f.occupancy !== null && lo(f.occupancy) > T.maxOccupancy) return false;
  return true;
}

/** Whether every figure's mean meets its target (stricter than passesCheck: what re-planning aims at). */
export function meansMeetTargets(f: MonthFigures, T: StaffingTargets): boolean {
  return clearsTargets(f, T, 0);
}

/**
 * How far the month is from its targets, as a share of the staffing to add (≥ 0): the largest
 * relative gap of a figure's mean to its target, used to raise a failed month's requirement.
 */
export function relativeGap(f: MonthFigures, T: StaffingTargets): number {
  let g = 0;
  if (f.serviceLevel !== null) g = Math.max(g, (T.serviceLevel - f.serviceLevel.mean) / T.serviceLevel);
  if (f.response !== null) g = Math.max(g, (T.response - f.response.mean) / T.response);
  if (T.maxAbandon !== undefined && f.abandonRate !== null) g = Math.max(g, (f.abandonRate.mean - T.maxAbandon) / Math.max(T.maxAbandon, 1e-9) / 4);
  if (T.maxOccupancy !== undefined && f.occupancy !== null) g = Math.max(g, (f.occupancy.mean - T.maxOccupancy) / T.maxOccupancy);
  return Math.max(0, g);
}
