/**
 * How a staffing fares against each target in one set of replications: the figures the staffing
 * answer reports twice, on the search's own replications (in sample: what the search judged)
 * and on the check's fresh seeds (out of sample: what the staffing can be expected to deliver;
 * docs/model.md §14.5).
 */
import type { SolveFrame, Stats } from "./evaluation.js";
import { dayIntervals } from "./occupancyRule.js";

/** One pool's figures against the targets in one set of replications. */
export interface TargetFigures {
  /** Real-time work answered within the threshold / offered, over the week (null: none offered). */
  serviceLevel: number | null;
  /** Real-time work abandoned / offered, over the week (null: none offered). */
  abandonRate: number | null;
  /** Deferred work answered within its response target / offered (null: none). */
  deferredWithin: number | null;
  /** Share of the open intervals with real-time work offered whose service level meets the target (null: none). */
  intervalsAtServiceLevel: number | null;
  /** Share of those whose abandonment is at most `maxAbandon` (null: no such target or no interval). */
  intervalsAtMaxAbandon: number | null;
  /** Share of the open intervals staffed within the occupancy cap: live work's in the interval and all work's over its day at most `maxOccupancy` (occupancyRule.ts; null: no such target or no interval). */
  intervalsAtMaxOccupancy: number | null;
  /** Share of the open intervals meeting every per-interval target (null: no open interval). */
  intervalsMeetingAll: number | null;
}

const share = (hits: number, n: number): number | null => (n > 0 ? hits / n : null);

/** Per sized pool, the figures of floor agents `xs` measured as `s` (the replications' sums). */
export function targetFigures(f: SolveFrame, s: Stats, xs: readonly Int32Array[]): TargetFigures[] {
  const { sized, open, T, layout, R } = f;
  const I = layout.intervalsPerWeek, L = layout.intervalLength;
  return sized.map((q, k) => {
    let off = 0, within = 0, abandoned = 0, nSl = 0, okSl = 0, okAb = 0, nOcc = 0, okOcc = 0, nOpen = 0, okAll = 0;
    // all work's occupancy over each day (occupancyRule.ts)
    const dayOk = Array.from({ length: 7 }, (_, d) => {
      let busy = 0, floor = 0;
      for (const i of dayIntervals(open[k], d, I / 7)) { busy += s.busy[q * I + i]; floor += xs[k][i] * L * layout.occurrences[q * I + i] * R; }
      return T.maxOccupancy === undefined || !(floor > 0) || busy / floor <= T.maxOccupancy;
    });
    for (let i = 0; i < I; i++) {
      const j = q * I + i;
      off += s.offered[j]; within += s.within[j]; abandoned += s.abandoned[j];
      if (!open[k][i]) continue;
      nOpen++;
      let ok = true;
      if (s.offered[j] > 0) {
        nSl++;
        if (s.within[j] / s.offered[j] >= T.serviceLevel) okSl++; else ok = false;
        if (T.maxAbandon !== undefined) { if (s.abandoned[j] / s.offered[j] <= T.maxAbandon) okAb++; else ok = false; }
      }
      const floorMinutes = xs[k][i] * L * layout.occurrences[j] * R;
      if (floorMinutes > 0) {
        nOcc++;
        const live = (s.busy[j] - s.deferredBusy[j]) / floorMinutes;
        if (T.maxOccupancy === undefined || (live <= T.maxOccupancy && dayOk[Math.floor(i / (I / 7))])) okOcc++; else ok = false;
      }
      if (ok) okAll++;
    }
    return {
      serviceLevel: share(within, off),
      abandonRate: share(abandoned, off),
      deferredWithin: share(s.deferredWithin[q], s.deferredOffered[q]),
      intervalsAtServiceLevel: share(okSl, nSl),
      intervalsAtMaxAbandon: T.maxAbandon === undefined ? null : share(okAb, nSl),
      intervalsAtMaxOccupancy: T.maxOccupancy === undefined ? null : share(okOcc, nOcc),
      intervalsMeetingAll: share(okAll, nOpen),
    };
  });
}
