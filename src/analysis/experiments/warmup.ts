/**
 * Choosing the warm-up by a truncation rule (`run --warmup auto`): MSER (White 1997; MSER-5 in
 * White, Cobb & Spratt 2000) on daily batch means.
 *
 * Pilot replications of the scenario run with no warm-up. For each channel, two daily series
 * are averaged over the replications: the mean number waiting (∫ waiting dt / 1440) and the
 * service level (within target / offered). A day is the batch: its intraday and closed-hours
 * cycle averages out (MSER on raw intervals would read the daily cycle as a transient). For a
 * series Z₁ … Z_n of batch means, MSER truncates the first d batches where
 *
 *   d* = argmin_{0 ≤ d ≤ n/2}  Σ_{j>d} (Z_j − Z̄_d)² / (n − d)²,     Z̄_d the mean of Z_{d+1} … Z_n
 *
 * — the point after which the mean's estimated standard error is smallest (dropping the biased
 * start narrows it; dropping more data widens it again). The warm-up is the largest d* over the
 * series, in whole days. A run whose series are flat gets 0.
 */
import type { SupportConfig } from "../../model/config.js";
import { simulateReplication } from "../../kpi/values.js";
import { BUCKET_FIELDS, sumByBucket } from "./weekProfile.js";
import { DAY_MINUTES } from "../../time/units.js";

/** Pilot replications for the choice (or the run's own count, if fewer). */
export const WARMUP_PILOTS = 4;

/** MSER's truncation point of a series of batch means (0 … ⌊n/2⌋); 0 for fewer than 4 batches. */
export function mserTruncation(z: readonly number[]): number {
  const n = z.length;
  if (n < 4) return 0;
  let best = 0, bestValue = Infinity;
  for (let d = 0; d <= Math.floor(n / 2); d++) {
    let sum = 0;
    for (let j = d; j < n; j++) sum += z[j];
    const mean = sum / (n - d);
    let ss = 0;
    for (let j = d; j < n; j++) ss += (z[j] - mean) ** 2;
    const value = ss / ((n - d) * (n - d));
    if (value < bestValue) { best = d; bestValue = value; } // strictly: on a tie the shorter warm-up
  }
  return best;
}

export interface WarmupChoice {
  /** The warm-up, whole days. */
  days: number;
  /** The series that set it (e.g. "phone: waiting"), or none when it is 0. */
  by: string;
}

/** The warm-up MSER picks for this configuration (see the header), from `pilots` replications with no warm-up. */
export function chooseWarmup(cfg: SupportConfig, seed: number, pilots = WARMUP_PILOTS): WarmupChoice {
  const L = cfg.intervalLength, C = cfg.channels.length, T = cfg.tiers.length, B = BUCKET_FIELDS.length;
  const days = Math.floor(cfg.horizon / DAY_MINUTES), perDay = DAY_MINUTES / L;
  if (!Number.isInteger(perDay) || days < 4) return { days: 0, by: "" };
  const noWarmup = { ...cfg, warmup: 0 };
  // each interval to its day (weekProfile.ts sumByBucket: offered, within target and ∫ waiting per day and channel)
  const dayOf = new Int32Array(days * perDay);
  for (let i = 0; i < dayOf.length; i++) dayOf[i] = Math.floor(i / perDay);
  const sums = new Float64Array(days * C * B), tiers = new Float64Array(days * T * 2);
  const waiting = new Float64Array(C * days), within = new Float64Array(C * days), offered = new Float64Array(C * days);
  for (let rep = 0; rep < pilots; rep++) {
    sumByBucket(simulateReplication(noWarmup, seed, rep), dayOf, 0, dayOf.length, C, T, sums, tiers);
    for (let c = 0; c < C; c++) {
      for (let d = 0; d < days; d++) {
        const at = (d * C + c) * B;
        waiting[c * days + d] += sums[at + 5] / DAY_MINUTES / pilots;
        within[c * days + d] += sums[at + 2];
        offered[c * days + d] += sums[at];
      }
    }
  }
  let best: WarmupChoice = { days: 0, by: "" };
  cfg.channels.forEach((ch, c) => {
    const w = Array.from(waiting.subarray(c * days, (c + 1) * days));
    // the service level of the days with contacts (a closed day has none), each kept with its day
    const sl: number[] = [], slDay: number[] = [];
    for (let d = 0; d < days; d++) if (offered[c * days + d] > 0) { sl.push(within[c * days + d] / offered[c * days + d]); slDay.push(d); }
    const dWait = mserTruncation(w), dSl = mserTruncation(sl);
    const candidates: [number, string][] = [[dWait, "waiting"], [dSl > 0 ? slDay[dSl] : 0, ch.kind === "realtime" ? "service level" : "within target"]];
    for (const [d, name] of candidates) if (d > best.days) best = { days: d, by: `${ch.name}: ${name}` };
  });
  return best;
}
