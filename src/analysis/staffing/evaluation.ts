/**
 * Judging a staffing in the staffing search: the replications' probe counts pooled, and which
 * (pool, interval of the week) and which pools miss their targets (the solver's module
 * comment lists the targets). An interval is judged only where the pool is open; a pool's
 * deferred target over its whole week.
 */
import { marginMisses } from "./margin.js";
import { dayOccupancyMisses } from "./occupancyRule.js";
import type { ProbeCounts } from "./probe.js";
import type { SolveFrame } from "./solveFrame.js";

export type { SolveFrame } from "./solveFrame.js";

export type Stats = ReturnType<typeof pooledStats>;

/** Pool the replications' counts (sums over replications). */
export function pooledStats(counts: readonly ProbeCounts[]) {
  const sum = (f: (c: ProbeCounts) => Float64Array) => {
    const out = new Float64Array(f(counts[0]).length);
    for (const c of counts) { const a = f(c); for (let i = 0; i < a.length; i++) out[i] += a[i]; }
    return out;
  };
  return {
    offered: sum((c) => c.offered), within: sum((c) => c.within), abandoned: sum((c) => c.abandoned), answered: sum((c) => c.answered),
    busy: sum((c) => c.busy), handle: sum((c) => c.handle), handled: sum((c) => c.handled), deferredBusy: sum((c) => c.deferredBusy),
    deferredOffered: sum((c) => c.deferredOffered), deferredWithin: sum((c) => c.deferredWithin),
  };
}

export type Evaluation = ReturnType<typeof evaluate>;

/**
 * Which (sized pool, interval) miss a target with agents `xs` on the floor (severely: service
 * level more than 15 points short), which do not clear them by the margin (`short`: those that
 * miss and those within `f.margin` standard errors of a target, margin.ts), which pools miss
 * their deferred target, which (pool, day) exceed the occupancy cap over the day (`dayFail`,
 * and `dayShort` with the margin: occupancyRule.ts), and the occupancy of every interval (all
 * work). `any`: some interval or day is short or some pool misses (what the search repairs).
 */
export function evaluate(f: SolveFrame, counts: readonly ProbeCounts[], s: Stats, xs: readonly Int32Array[]) {
  const { sized, open, T, layout, R } = f;
  const I = layout.intervalsPerWeek, L = layout.intervalLength;
  const intervalFail = sized.map(() => new Uint8Array(I));
  const severe = sized.map(() => new Uint8Array(I));
  const poolFail = new Uint8Array(sized.length);
  const occupancy = sized.map(() => new Float64Array(I));
  sized.forEach((q, k) => {
    for (let i = 0; i < I; i++) {
      const j = q * I + i, n = layout.occurrences[q * I + i] * R;
      const floorMinutes = xs[k][i] * L * n;
      occupancy[k][i] = floorMinutes > 0 ? s.busy[j] / floorMinutes : 0;
      if (!open[k][i]) continue;
      const off = s.offered[j];
      if (off > 0) {
        const sl = s.within[j] / off;
        if (sl < T.serviceLevel) { intervalFail[k][i] = 1; if (sl < T.serviceLevel - 0.15) severe[k][i] = 1; }
        if (T.maxAbandon !== undefined && s.abandoned[j] / off > T.maxAbandon) intervalFail[k][i] = 1;
      }
      // occupancy of live work here; all work's over the day (occupancyRule.ts)
      if (T.maxOccupancy !== undefined && floorMinutes > 0 && (s.busy[j] - s.deferredBusy[j]) / floorMinutes > T.maxOccupancy) intervalFail[k][i] = 1;
    }
    if (s.deferredOffered[q] > 0 && s.deferredWithin[q] / s.deferredOffered[q] < T.response) poolFail[k] = 1;
  });
  const short = f.margin > 0 ? marginMisses(f, counts, xs, f.margin) : intervalFail.map((v) => v.slice());
  short.forEach((v, k) => { for (let i = 0; i < I; i++) v[i] |= intervalFail[k][i]; });
  const dayFail = dayOccupancyMisses(f, counts, xs, 0);
  const dayShort = f.margin > 0 ? dayOccupancyMisses(f, counts, xs, f.margin) : dayFail.map((v) => v.slice());
  dayShort.forEach((v, k) => { for (let d = 0; d < 7; d++) v[d] |= dayFail[k][d]; });
  const any = poolFail.some((v) => v === 1) || short.some((v) => v.some((w) => w === 1)) || dayShort.some((v) => v.some((w) => w === 1));
  return { intervalFail, short, severe, poolFail, dayFail, dayShort, occupancy, any };
}

/**
 * The `share` (at least one) of a pool's open intervals with the fewest agents (`x`), the busiest
 * first among equals: where a target of the pool's whole day or week (the all-work occupancy of a
 * day, the deferred work's response) takes its next agents. That work waits for an agent, so it
 * is the hours over the day that count, not where they fall; put where the pool is thinnest they
 * keep the requirement as flat as its live work allows, and shifts cover a flat requirement with
 * fewer paid hours than a peak (docs/model.md §14.5).
 */
export function leastStaffed(open: Uint8Array, x: Int32Array, occupancy: Float64Array, share: number): number[] {
  const list: number[] = [];
  for (let i = 0; i < open.length; i++) if (open[i]) list.push(i);
  list.sort((a, b) => x[a] - x[b] || occupancy[b] - occupancy[a] || a - b);
  return list.slice(0, Math.max(1, Math.ceil(list.length * share)));
}
