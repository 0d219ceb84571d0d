/**
 * The occupancy target of the staffing search (`maxOccupancy`, docs/model.md §14.5): what a
 * planner means by "agents busy at most c of their time on the floor".
 *
 *   live work, per interval     (busy − deferred busy)_i / floor_i ≤ c
 *   all work, per pool and day  Σ_{open i of day d} busy_i / Σ floor_i ≤ c
 *
 * Live (real-time) work cannot wait: its occupancy is judged in every interval, as Erlang
 * tools cap it. Deferred work (e-mail, tickets) waits for an agent who is free and has its own
 * target (answered within the response target): agents working a backlog at the opening are
 * busy all the time until it is cleared, and a per-interval cap on that work would demand the
 * backlog be cleared within one interval (the agents to do an hour's backlog in half an hour,
 * idle afterwards). Its time therefore counts against the cap over the pool's working day (in
 * its own time zone), where the cap stands for what it protects: agents not kept busy beyond c
 * of their day.
 *
 * Each figure is a ratio of sums over the replications, judged with `z` standard errors of
 * margin like every per-interval target (the live-work figure in margin.ts, the day's here).
 */
import { ratioWithError } from "./margin.js";
import type { ProbeCounts } from "./probe.js";
import type { SolveFrame } from "./solveFrame.js";

/** The pool's open intervals of day d (local), ascending. */
export function dayIntervals(open: Uint8Array, d: number, perDay: number): number[] {
  const out: number[] = [];
  for (let i = d * perDay; i < (d + 1) * perDay; i++) if (open[i]) out.push(i);
  return out;
}

/** `open` restricted to day d (1 for the pool's open intervals of that day). */
export function dayMask(open: Uint8Array, d: number, perDay: number): Uint8Array {
  const out = new Uint8Array(open.length);
  for (const i of dayIntervals(open, d, perDay)) out[i] = 1;
  return out;
}

/**
 * Per sized pool and day of the week: 1 where the day's occupancy of all work with agents `xs`
 * exceeds the cap with `z` standard errors of margin (none without a cap or a staffed interval).
 */
export function dayOccupancyMisses(f: SolveFrame, counts: readonly ProbeCounts[], xs: readonly Int32Array[], z: number): Uint8Array[] {
  const { sized, open, T, layout } = f;
  const I = layout.intervalsPerWeek, L = layout.intervalLength, perDay = I / 7;
  return sized.map((q, k) => {
    const miss = new Uint8Array(7);
    if (T.maxOccupancy === undefined) return miss;
    for (let d = 0; d < 7; d++) {
      const days = dayIntervals(open[k], d, perDay);
      let floor = 0;
      for (const i of days) floor += xs[k][i] * L * layout.occurrences[q * I + i];
      if (!(floor > 0)) continue;
      const oc = ratioWithError(counts, (c) => days.reduce((s, i) => s + c.busy[q * I + i], 0), () => floor);
      if (oc.r + z * oc.se > T.maxOccupancy) miss[d] = 1;
    }
    return miss;
  });
}
