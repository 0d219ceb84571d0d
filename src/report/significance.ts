/**
 * What a 95% interval lets the report say. A difference between scenarios (paired replications,
 * src/analysis/compare.ts) is a rise or a fall only when its interval excludes zero — the flag
 * `significant` alone is not trusted when the interval contradicts it. Separate runs (sweep
 * points) are told apart only when their own intervals do not overlap.
 */
import type { Estimate } from "../analysis/confidence.js";
import type { DifferenceResult } from "./charts/inputs.js";

/** significant: the interval excludes 0; unchanged: exactly 0 in every replication; no interval: one replication. */
export type Verdict = "significant" | "not significant" | "unchanged" | "no interval";

/** Whether a difference is shown by its interval: both the flag and the interval must say so. */
export function verdict(d: DifferenceResult): Verdict {
  if (d.ci95 === null) return "no interval";
  const [lo, hi] = d.ci95;
  if (lo === 0 && hi === 0 && d.mean === 0) return "unchanged";
  return d.significant && (lo > 0 || hi < 0) ? "significant" : "not significant";
}

/** Whether two estimates' 95% intervals overlap (an estimate without one overlaps everything: nothing is shown). */
export function intervalsOverlap(a: Estimate, b: Estimate): boolean {
  return a.ci95 === null || b.ci95 === null || (a.ci95[0] <= b.ci95[1] && b.ci95[0] <= a.ci95[1]);
}

/** Whether `a` is below `b` beyond both 95% intervals (a's upper end under b's lower end). */
export function clearlyBelow(a: Estimate, b: Estimate): boolean {
  return a.ci95 !== null && b.ci95 !== null && a.ci95[1] < b.ci95[0];
}
