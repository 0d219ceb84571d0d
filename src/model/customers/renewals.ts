/**
 * Renewal churn (churnMode "renewal", term T, renewal rate R) of a customer base
 * (customerFlows.ts): customer i churns at each anniversary a = joined + k·T, k ≥ 1, with
 * probability min(1, (1 − R) · M_i(a)); one draw per anniversary. `between(t0, t1, rng,
 * onChurn)` processes every anniversary in [t0, t1), called for contiguous windows (e.g. once
 * per simulated day) no longer than the shortest term. It visits only the customers whose
 * anniversary phase falls in the window: customers sit in per-segment buckets by phase ⌊φ/180⌋
 * (eighths of a day), φ = ((joined mod T) + T) mod T, each bucket a growable Int32Array of ids
 * in insertion order (4–8 bytes per renewal customer), so a day's window examines its 8 buckets
 * and a neighbour each side: ≈ 1.25 customers per anniversary (contiguous ids rather than
 * linked lists let the memory loads overlap; a linked list serialises one cache miss per
 * customer). New ids (ids only grow, see `CustomerBase.add`) are bucketed at the next call;
 * customers who left are dropped lazily (the bucket is compacted) when it is next visited;
 * `clear()` (the only way ids restart) bumps `base.epoch`, which empties the buckets. The
 * window's phase range is widened by a minute each side (so the buckets next to it are visited
 * too) and each visited customer's anniversary is computed exactly as a = joined + k·T and
 * processed iff t0 ≤ a < t1, so floating-point rounding of phases can neither lose nor repeat an
 * anniversary. A churn removes the customer at once with left = a (the exact anniversary,
 * possibly later in the window), books it and calls `onChurn(id, a)`. Experience recorded after
 * the call but before a is not seen.
 *
 * Nothing here allocates per customer or per event except a bucket doubling when a new customer
 * is bucketed into a full one.
 */
import type { Rng } from "../../engine/random.js";
import { DAY_MINUTES } from "../../time/units.js";
import type { SegmentConfig } from "../config.js";
import { BAND_CENTRAL, BANDS, type ChurnExposure } from "./churnExposure.js";
import type { ChurnBook } from "./churnBook.js";
import type { CustomerBase } from "./customerBase.js";

/** Phase-range margin of a renewal window, minutes (see the header). */
const RENEWAL_MARGIN = 1;
/** Width of a renewal bucket in phase, minutes (an eighth of a day). */
const BUCKET_MINUTES = DAY_MINUTES / 8;
/** The shared storage of every bucket nothing was put in yet (never written: length 0). */
const EMPTY_BUCKET = new Int32Array(0);

export class RenewalBuckets {
  /** Bucket entries examined by `between` so far (a diagnostic of its cost). */
  renewalChecks = 0;
  /** Renewal segments: their indices, term, 1 − R, buckets (ids and fill) and visit stamps. */
  private readonly renewalSegments: number[] = [];
  private readonly term: Float64Array;
  private readonly lapse: Float64Array;
  /** ℓ₀(k) per segment and band (g · BANDS + band): the base lapse of each calibration (churnExposure.ts). */
  private readonly bandLapse: Float64Array;
  private readonly buckets: (Int32Array[] | null)[];
  private readonly fill: (Int32Array | null)[];
  private readonly stamps: (Int32Array | null)[];
  private readonly minTerm: number;
  private synced = 0;
  private syncedEpoch: number;
  private renewedUntil = NaN;
  private stamp = 0;

  /** @param segments validated: a renewal segment's term is a finite number > 0 and its renewalRate in [0, 1]. */
  /**
   * @param baseFactors per segment and band (g · BANDS + band), the calibrated factor on the input lapse 1 − R (1: none)
   * @param exposure where anniversaries in the measured window are summed (none: not summed)
   */
  constructor(
    segments: readonly SegmentConfig[],
    private readonly base: CustomerBase,
    private readonly book: ChurnBook,
    private readonly halfLife: number,
    baseFactors: ArrayLike<number>,
    private readonly exposure: ChurnExposure | null,
  ) {
    const G = segments.length;
    this.term = new Float64Array(G);
    this.lapse = new Float64Array(G);
    this.bandLapse = new Float64Array(G * BANDS);
    this.buckets = new Array<Int32Array[] | null>(G).fill(null);
    this.fill = new Array<Int32Array | null>(G).fill(null);
    this.stamps = new Array<Int32Array | null>(G).fill(null);
    let minTerm = Infinity;
    for (let k = 0; k < G; k++) {
      const s = segments[k];
      if (s.churnMode !== "renewal") continue;
      this.renewalSegments.push(k);
      this.term[k] = s.term;
      this.lapse[k] = (1 - s.renewalRate) * baseFactors[k * BANDS + BAND_CENTRAL];
      for (let b = 0; b < BANDS; b++) this.bandLapse[k * BANDS + b] = (1 - s.renewalRate) * baseFactors[k * BANDS + b];
      const B = Math.max(1, Math.ceil(s.term / BUCKET_MINUTES));
      this.buckets[k] = new Array<Int32Array>(B).fill(EMPTY_BUCKET); // allocated on first use
      this.fill[k] = new Int32Array(B);
      this.stamps[k] = new Int32Array(B);
      if (s.term < minTerm) minTerm = s.term;
    }
    this.minTerm = minTerm;
    this.syncedEpoch = base.epoch;
  }

  /** Whether a segment churns at renewals. */
  isRenewal(segment: number): boolean {
    return this.buckets[segment] != null;
  }

  /** Process every renewal anniversary in [t0, t1) (see the header); returns the number of churns. */
  between(t0: number, t1: number, rng: Rng, onChurn?: (id: number, at: number) => void): number {
    if (!(t1 >= t0)) throw new RangeError(`renewal window must have t1 >= t0, got [${t0}, ${t1})`);
    if (this.base.epoch !== this.syncedEpoch) this.resetBuckets();
    if (this.renewedUntil === this.renewedUntil && t0 !== this.renewedUntil) {
      throw new RangeError(`renewal windows must be contiguous: expected t0 = ${this.renewedUntil}, got ${t0}`);
    }
    if (t1 - t0 > this.minTerm) throw new RangeError(`renewal window ${t1 - t0} minutes is longer than the shortest term ${this.minTerm}`);
    this.renewedUntil = t1;
    if (this.renewalSegments.length === 0 || t1 === t0) return 0;
    this.sync();
    const stamp = ++this.stamp;
    let count = 0;
    const L = t1 - t0;
    for (const g of this.renewalSegments) {
      const T = this.term[g];
      if (L + 2 * RENEWAL_MARGIN >= T) {
        count += this.visitPhases(g, 0, T, stamp, t0, t1, rng, onChurn);
        continue;
      }
      const p0 = ((t0 % T) + T) % T;
      let lo = p0 - RENEWAL_MARGIN, hi = p0 + L + RENEWAL_MARGIN;
      if (lo < 0) {
        count += this.visitPhases(g, lo + T, T, stamp, t0, t1, rng, onChurn);
        lo = 0;
      }
      if (hi > T) {
        count += this.visitPhases(g, 0, hi - T, stamp, t0, t1, rng, onChurn);
        hi = T;
      }
      count += this.visitPhases(g, lo, hi, stamp, t0, t1, rng, onChurn);
    }
    return count;
  }

  /** Bytes held by the buckets' typed arrays (ids with their growth slack, fills, stamps). */
  memoryBytes(): number {
    let b = 0;
    for (let g = 0; g < this.buckets.length; g++) {
      const bs = this.buckets[g];
      if (!bs) continue;
      for (const a of bs) b += a.byteLength;
      b += this.fill[g]!.byteLength + this.stamps[g]!.byteLength;
    }
    return b;
  }

  private resetBuckets(): void {
    for (const f of this.fill) if (f) f.fill(0);
    this.synced = 0;
    this.renewedUntil = NaN;
    this.syncedEpoch = this.base.epoch;
  }

  /** Bucket the ids added since the last call (active customers of renewal segments only). */
  private sync(): void {
    const base = this.base, total = base.total;
    const seg = base.segment, joined = base.joined, left = base.left;
    for (let id = this.synced; id < total; id++) {
      const g = seg[id], bs = this.buckets[g];
      if (bs == null || left[id] !== Infinity) continue;
      const T = this.term[g], fill = this.fill[g]!;
      const phase = ((joined[id] % T) + T) % T;
      let b = Math.floor(phase / BUCKET_MINUTES);
      if (b >= bs.length) b = bs.length - 1;
      let a = bs[b];
      const n = fill[b];
      if (n === a.length) {
        const grown = new Int32Array(n < 4 ? 8 : 2 * n);
        grown.set(a);
        bs[b] = a = grown;
      }
      a[n] = id;
      fill[b] = n + 1;
    }
    this.synced = total;
  }

  /** Visit the not yet visited buckets of segment g covering phases [lo, hi] ⊂ [0, T]. */
  private visitPhases(g: number, lo: number, hi: number, stamp: number, t0: number, t1: number, rng: Rng, onChurn?: (id: number, at: number) => void): number {
    const stamps = this.stamps[g]!;
    const last = Math.min(stamps.length - 1, Math.floor(hi / BUCKET_MINUTES));
    let count = 0;
    for (let b = Math.max(0, Math.floor(lo / BUCKET_MINUTES)); b <= last; b++) {
      if (stamps[b] === stamp) continue;
      stamps[b] = stamp;
      count += this.visitBucket(g, b, t0, t1, rng, onChurn);
    }
    return count;
  }

  /** Walk bucket b of segment g: drop customers who left, draw the anniversaries in [t0, t1). */
  private visitBucket(g: number, b: number, t0: number, t1: number, rng: Rng, onChurn?: (id: number, at: number) => void): number {
    const base = this.base, ids = this.buckets[g]![b], fill = this.fill[g]!;
    const T = this.term[g], lapse = this.lapse[g], H = this.halfLife;
    const n = fill[b];
    this.renewalChecks += n;
    let count = 0, keep = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      if (base.left[id] !== Infinity) continue; // left: drop
      const j = base.joined[id];
      // the first anniversary k ≥ 1 with a_k = j + k·T ≥ t0, by the same float expression everywhere
      let k = Math.ceil((t0 - j) / T);
      if (k < 1) k = 1;
      while (k > 1 && j + (k - 1) * T >= t0) k--;
      while (j + k * T < t0) k++;
      let churned = false;
      for (let a = j + k * T; a < t1; a = j + ++k * T) {
        const m = base.multiplierAt(id, a, H);
        const p = lapse * m;
        if (this.exposure !== null) this.exposure.anniversary(g, m, this.bandLapse, a);
        if (rng() < p) {
          base.remove(id, a);
          this.book.book(g, a, (p < 1 ? p : 1) / lapse);
          count++;
          churned = true;
          if (onChurn) onChurn(id, a);
          break;
        }
      }
      if (!churned) ids[keep++] = id;
    }
    fill[b] = keep;
    return count;
  }
}
