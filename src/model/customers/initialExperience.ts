/**
 * The experience customers start with (docs/model.md §20.5): a run that began with every
 * customer's memory empty would see churn climb for months as memories fill (in a year of the
 * baseline, monthly churns rose from 138 to 300 with nothing changed). So the customers present at
 * t = 0 start with experiences drawn from the status quo's settled state: at the end of a pilot
 * run, the quantiles of its active customers' remembered ln M (faded to that moment), per segment;
 * each initial customer draws one (one uniform from its segment's stream
 * `customers:<segment>:experience`, linear between quantiles), recorded at t = 0.
 */
import type { Rng } from "../../engine/random.js";
import type { SegmentConfig } from "../config.js";
import type { CustomerBase } from "./customerBase.js";

/** Quantiles kept per segment: 0, 1/Q, …, 1. */
export const EXPERIENCE_QUANTILES = 100;

/** Per segment, the quantiles of the active customers' ln M at `now` (faded with half-life H); empty for a segment without active customers. */
export function experienceQuantiles(base: CustomerBase, segments: number, now: number, halfLife: number): number[][] {
  const bySegment: number[][] = Array.from({ length: segments }, () => []);
  for (let p = 0; p < base.activeCount; p++) {
    const id = base.active[p];
    bySegment[base.segment[id]].push(base.experienceNow(id, now, halfLife));
  }
  return bySegment.map((xs) => {
    if (xs.length === 0) return [];
    xs.sort((a, b) => a - b);
    return Array.from({ length: EXPERIENCE_QUANTILES + 1 }, (_, k) => xs[Math.round((k / EXPERIENCE_QUANTILES) * (xs.length - 1))]);
  });
}

/** Give the first `count` customers (those present at t = 0) experiences drawn from their segment's quantiles (see the header). */
export function seedExperience(base: CustomerBase, segments: readonly SegmentConfig[], quantiles: readonly (readonly number[])[], count: number, streamFor: (name: string) => Rng): void {
  const rngs = segments.map((s, g) => (quantiles[g] !== undefined && quantiles[g].length > 1 ? streamFor(`customers:${s.name}:experience`) : null));
  for (let id = 0; id < count; id++) {
    const g = base.segment[id], q = quantiles[g], rng = rngs[g];
    if (rng === null || q === undefined) continue;
    const x = rng() * (q.length - 1), k = Math.floor(x), f = x - k;
    const e = k + 1 < q.length ? (1 - f) * q[k] + f * q[k + 1] : q[k];
    if (e !== 0) {
      base.experience[id] = e;
      base.experienceAt[id] = 0;
    }
  }
}
