/**
 * Where a contact network's contacts wait and which pools may take them (network.ts), as
 * tables built once from the configuration.
 *
 * Lines: one FIFO per (partition, tier, work type, band, class): partition 0 for the regular
 * pools ("pool" and "overflow" routing), 1 for the "share" pools' part of the work; band 0
 * real-time, 1 deferred; classes highest first (`lineIndex`). An agent of pool q looks at its
 * lines in the order `linesByPool[q]` lists them: real-time before deferred, by class, its
 * skills within each (band, class) group.
 *
 * Pools per (partition, tier, work type): those that may take a contact as it enters
 * (`entryPools`: not the overflow pools that wait) and those that may serve it at all
 * (`servePools`, for the callback offer's predicted wait); per (tier, work type) the overflow
 * pools that wait, their threshold and the share of its share pools.
 */
import type { ContactStore } from "./contacts.js";
import type { LineSet } from "./lineSet.js";
import type { NetworkConfig } from "./networkConfig.js";

const ROUTE_POOL = 0, ROUTE_SHARE = 1, ROUTE_OVERFLOW = 2;

export class RoutingTables {
  /** part·T·W + t·W + w → pools that may take a contact as it enters. */
  readonly entryPools: Int32Array[];
  /** part·T·W + t·W + w → pools that may serve it at all (callback prediction). */
  readonly servePools: Int32Array[];
  /** t·W + w → overflow pools that wait (overflowAfter > 0). */
  readonly overflowPools: Int32Array[];
  /** t·W + w → their threshold, or Infinity. */
  readonly overflowAfterTW: Float64Array;
  /** Per pool: minutes a contact must have waited (0 unless overflow). */
  readonly overflowAfterPool: Float64Array;
  /** t·W + w → share of its share pools, or −1. */
  readonly shareTW: Float64Array;
  /** Per pool: its lines in the order an agent looks at them, in groups of `groupSize` (one per skill) per (band, class). */
  readonly linesByPool: Int32Array[];
  readonly groupSize: Int32Array;
  /** Lines in all. */
  readonly lines: number;
  private readonly T: number;
  private readonly W: number;
  private readonly P: number;

  constructor(cfg: NetworkConfig) {
    const W = (this.W = cfg.workTypes.length), P = (this.P = cfg.classes.length), T = (this.T = cfg.tiers.length);
    const TW = T * W;
    this.lines = 2 * TW * 2 * P;
    const routing = Uint8Array.from(cfg.pools.map((p) => (p.routing === "share" ? ROUTE_SHARE : p.routing === "overflow" ? ROUTE_OVERFLOW : ROUTE_POOL)));
    this.overflowAfterPool = Float64Array.from(cfg.pools.map((p, q) => (routing[q] === ROUTE_OVERFLOW ? (p.overflowAfter as number) : 0)));
    this.shareTW = new Float64Array(TW).fill(-1);
    this.overflowAfterTW = new Float64Array(TW).fill(Infinity);
    this.entryPools = new Array<Int32Array>(2 * TW);
    this.servePools = new Array<Int32Array>(2 * TW);
    this.overflowPools = [];
    for (let t = 0; t < T; t++) for (let w = 0; w < W; w++) {
      const k = t * W + w;
      const serving = cfg.pools.map((p, q) => (p.tier === t && p.skills.includes(w) ? q : -1)).filter((q) => q >= 0);
      const waits = (q: number) => routing[q] === ROUTE_OVERFLOW && this.overflowAfterPool[q] > 0;
      this.entryPools[k] = Int32Array.from(serving.filter((q) => routing[q] !== ROUTE_SHARE && !waits(q)));
      this.servePools[k] = Int32Array.from(serving.filter((q) => routing[q] !== ROUTE_SHARE));
      this.entryPools[TW + k] = this.servePools[TW + k] = Int32Array.from(serving.filter((q) => routing[q] === ROUTE_SHARE));
      this.overflowPools.push(Int32Array.from(serving.filter(waits)));
      for (const q of serving) {
        if (routing[q] === ROUTE_SHARE) this.shareTW[k] = cfg.pools[q].share as number;
        if (waits(q)) this.overflowAfterTW[k] = this.overflowAfterPool[q];
      }
    }
    this.linesByPool = cfg.pools.map((pool, q) => {
      const out: number[] = [];
      const part = routing[q] === ROUTE_SHARE ? 1 : 0;
      for (let band = 0; band < 2; band++) for (let p = 0; p < P; p++) for (const w of pool.skills) out.push(this.lineIndex(part, pool.tier, w, band, p));
      return Int32Array.from(out);
    });
    this.groupSize = Int32Array.from(cfg.pools, (p) => p.skills.length);
  }

  /**
   * The contact an agent of pool q should take next at `now`, or -1: real-time lines before
   * deferred, by class, then longest waiting. An overflow pool takes only contacts that have
   * waited its `overflowAfter` at the tier; a line's head has waited longest, so checking
   * heads is enough (an old enough contact in a lower class or band is taken when no higher
   * one is old enough). Without `deferred` (the pool's reserve for live work forbids it) only
   * the real-time band is looked at: the first half of the pool's lines.
   */
  nextFor(q: number, now: number, lines: LineSet, c: ContactStore, deferred: boolean): number {
    const ls = this.linesByPool[q];
    const perGroup = this.groupSize[q];
    const after = this.overflowAfterPool[q];
    const end = deferred ? ls.length : ls.length >> 1;
    for (let g = 0; g < end; g += perGroup) {
      let best = -1, bestT = Infinity;
      for (let k = g; k < g + perGroup; k++) {
        const h = lines.head[ls[k]];
        if (h >= 0 && c.joined[h] < bestT && (after === 0 || c.joined[h] + after <= now)) { bestT = c.joined[h]; best = h; }
      }
      if (best >= 0) return best;
    }
    return -1;
  }

  /** The lines of tier t (both partitions, every work type, band and class). */
  linesOfTier(t: number): number[] {
    const out: number[] = [];
    for (let part = 0; part < 2; part++) for (let w = 0; w < this.W; w++) for (let band = 0; band < 2; band++) for (let p = 0; p < this.P; p++) out.push(this.lineIndex(part, t, w, band, p));
    return out;
  }

  /** Line of (partition 0 regular / 1 share, tier, work type, band 0 real-time / 1 deferred, class). */
  lineIndex(part: number, t: number, w: number, band: number, p: number): number {
    return ((((part * this.T + t) * this.W + w) * 2 + band) * this.P) + p;
  }
}
