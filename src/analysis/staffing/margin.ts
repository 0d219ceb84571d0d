/**
 * The margin a removal must clear in the staffing search (docs/model.md §14.5).
 *
 * The search judges every removal on the same replications (common random numbers) and keeps
 * it while that sample still measures the interval at target, so by choosing the removals that
 * pass it selects the intervals whose sample was lucky: re-run on fresh seeds, those intervals
 * fall short. A removal is therefore kept only when, with one agent fewer, each per-interval
 * target holds with `z` standard errors to spare:
 *
 *   service level   SL − z · se(SL) ≥ target          (SL = Σ within / Σ offered)
 *   abandonment     AB + z · se(AB) ≤ maxAbandon      (AB = Σ abandoned / Σ offered)
 *   occupancy       OC + z · se(OC) ≤ maxOccupancy    (OC = Σ live busy / Σ floor minutes)
 *
 * each a ratio of sums over the replications with the ratio estimator's standard error
 * (confidence.ts: se = s_d / (√n · x̄), d_r = y_r − R · x_r), so it is the noise of the very
 * estimate the search compares with the target. With one replication there is no standard
 * error and no margin. Occupancy is that of live (real-time) work in the interval; deferred work's
 * counts over the pool's day (occupancyRule.ts). Adding agents (the search's "up" step) needs no margin: an interval is
 * raised only while its estimate misses the target.
 */
import { RatioSums, ratioStandardError } from "../confidence.js";
import type { SolveFrame } from "./solveFrame.js";
import type { ProbeCounts } from "./probe.js";

/** Standard errors of margin a removal must clear ([A]; docs/model.md §14.5). */
export const REMOVAL_MARGIN_Z = 1.5;

/** R and its standard error over the replications' (y, x) (se 0 with fewer than two replications or no x). */
export function ratioWithError(counts: readonly ProbeCounts[], y: (c: ProbeCounts) => number, x: (c: ProbeCounts) => number): { r: number; se: number } {
  const s = new RatioSums();
  for (const c of counts) s.add(y(c), x(c));
  if (!(s.sx > 0)) return { r: 0, se: 0 };
  return { r: s.sy / s.sx, se: s.n < 2 ? 0 : ratioStandardError(s) };
}

/**
 * Per sized pool and interval of the week: 1 where an open interval with agents `xs` does not
 * clear some per-interval target by `z` standard errors (see the module comment).
 */
export function marginMisses(f: SolveFrame, counts: readonly ProbeCounts[], xs: readonly Int32Array[], z: number): Uint8Array[] {
  const { sized, open, T, layout } = f;
  const I = layout.intervalsPerWeek, L = layout.intervalLength;
  return sized.map((q, k) => {
    const miss = new Uint8Array(I);
    for (let i = 0; i < I; i++) {
      if (!open[k][i]) continue;
      const j = q * I + i;
      const sl = ratioWithError(counts, (c) => c.within[j], (c) => c.offered[j]);
      if (counts.some((c) => c.offered[j] > 0)) {
        if (sl.r - z * sl.se < T.serviceLevel) miss[i] = 1;
        if (T.maxAbandon !== undefined) {
          const ab = ratioWithError(counts, (c) => c.abandoned[j], (c) => c.offered[j]);
          if (ab.r + z * ab.se > T.maxAbandon) miss[i] = 1;
        }
      }
      if (T.maxOccupancy !== undefined && xs[k][i] > 0) {
        const floor = xs[k][i] * L * layout.occurrences[j];
        const oc = ratioWithError(counts, (c) => c.busy[j] - c.deferredBusy[j], () => floor);
        if (oc.r + z * oc.se > T.maxOccupancy) miss[i] = 1;
      }
    }
    return miss;
  });
}
