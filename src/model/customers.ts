/**
 * The customer base: customers as entities, sales and churn (docs/model.md §2, N_σ(t)).
 *
 * Storage. Customers live in columns of typed arrays indexed by a customer id (0, 1, 2, … in
 * order of `add`; ids are never reused), not as one object each, so a million customers cost
 * tens of megabytes and no garbage-collector work. Per customer:
 *
 *   segment       Uint8     segment index (< 256)
 *   joined        Float64   onboarding time; negative for customers who joined before t = 0
 *   left          Float64   churn time; Infinity while active
 *   needs, requests, unserved, resolved, abandoned
 *                 Uint16    experience counters for the retention model, saturating at 65,535
 *                           (at ~1 need per customer-month they cannot overflow in a run)
 *   sentiment     Float32   running score the domain layer adds to; starts at 0
 *   expectedWait  Float32 × C   the customer's remembered wait per channel (docs/model.md §5.2)
 *   active, position  Int32  the dense list of active ids and each id's place in it
 *
 * i.e. 39 + 4·C bytes per customer (55 with 4 channels; `bytesPerCustomer`). The capacity
 * doubles when full (columns are copied), so hold no reference to a column across `add`: read
 * `base.joined` etc. afresh. `reserve` pre-sizes (populate uses it, so a populated base has no
 * doubling slack).
 *
 * Active list. Active ids are kept densely in `active[0 … activeCount)` with `position[id]`
 * their index; churn swap-removes (the last active id takes the leaver's slot), so adding,
 * removing and drawing a uniformly random active customer (`randomActive(u)`,
 * u ~ U[0, 1) from the caller's stream) are all O(1).
 *
 * Experienced wait (docs/model.md §5.2): after a contact on channel c that waited W,
 *
 *   W_exp[c] ← (1 − γ) · W_exp[c] + γ · W                                  (`observeWait`)
 *
 * starting from the channel's initial expected wait.
 *
 * Flows (`CustomerFlows`): both are events an event loop schedules.
 * - Sales: segment σ gains customers as a Poisson process of rate s_σ (`salesPerMinute`);
 *   their superposition is Poisson with rate S = Σ s_σ, and each sale belongs to σ with
 *   probability s_σ / S. `nextSale(now, rng)` draws the next one (time now + Exp(S), then
 *   the segment), writing `saleTime` and `saleSegment`.
 * - Churn: each active customer i leaves at hazard h_σ(i) (`churnPerMinute`). With n active
 *   customers the total churn intensity Σ_i h_σ(i) ≤ n · h_max, so churn is drawn by
 *   Lewis–Shedler thinning: candidates arrive at rate n · h_max (`churnCandidateRate`,
 *   next time from `nextChurn(now, rng)`); at a candidate pick a uniformly random active
 *   customer i (`churnCandidate(u)`) and accept with probability h_σ(i) / h_max
 *   (`acceptChurn(i, u)`). Each customer is then churned at intensity
 *   n·h_max · (1/n) · h_σ(i)/h_max = h_σ(i): exact, not an approximation.
 *   The bound n · h_max is only valid while n does not change, so the caller MUST redraw the
 *   next churn candidate (discarding the pending one) whenever the active count changes:
 *   after every sale and every accepted churn (and any other add/remove). By the memoryless
 *   property of the exponential, restarting the candidate clock at such a moment is exact.
 *   After a rejected candidate nothing changed; just draw the next one.
 *   If a later retention model scales a customer's hazard, h_max must bound the scaled hazards.
 *
 * Nothing here allocates per customer or per event except `add` when the capacity doubles.
 */
import { makeDistribution } from "../engine/distributions.js";
import type { Rng } from "../engine/random.js";
import type { SegmentConfig } from "./supportConfig.js";

const U16_MAX = 0xffff;
/** Segment indices fit a Uint8Array. */
export const MAX_SEGMENTS = 256;

/** a[i] += 1, saturating at 65,535. */
export function saturatingIncrement(a: Uint16Array, i: number): void {
  const v = a[i];
  if (v !== U16_MAX) a[i] = v + 1;
}

export class CustomerBase {
  segment: Uint8Array;
  joined: Float64Array;
  left: Float64Array;
  needs: Uint16Array;
  requests: Uint16Array;
  unserved: Uint16Array;
  resolved: Uint16Array;
  abandoned: Uint16Array;
  sentiment: Float32Array;
  /** Index id · channels + channel. */
  expectedWait: Float32Array;
  /** Active ids in [0, activeCount), in no particular order. */
  active: Int32Array;
  /** position[id] = index of id in `active`, or −1 once it has left. */
  position: Int32Array;

  /** Customers ever added (the next id). */
  total = 0;
  /** Customers active now. */
  activeCount = 0;
  /** Active customers per segment index. */
  readonly activeBySegment = new Int32Array(MAX_SEGMENTS);

  private readonly initialWait: Float32Array;
  private cap: number;

  constructor(
    readonly channels: number,
    initialExpectedWait: ArrayLike<number>,
    capacity = 1024,
  ) {
    if (!Number.isInteger(channels) || channels < 0) throw new RangeError(`channels must be an integer >= 0, got ${channels}`);
    if (initialExpectedWait.length !== channels) {
      throw new RangeError(`initialExpectedWait needs one value per channel (${channels}), got ${initialExpectedWait.length}`);
    }
    for (let c = 0; c < channels; c++) {
      const w = initialExpectedWait[c];
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`initial expected wait of channel ${c} must be a finite number >= 0, got ${w}`);
    }
    this.initialWait = Float32Array.from(initialExpectedWait);
    this.cap = Math.max(1, Math.floor(capacity));
    const n = this.cap;
    this.segment = new Uint8Array(n);
    this.joined = new Float64Array(n);
    this.left = new Float64Array(n);
    this.needs = new Uint16Array(n);
    this.requests = new Uint16Array(n);
    this.unserved = new Uint16Array(n);
    this.resolved = new Uint16Array(n);
    this.abandoned = new Uint16Array(n);
    this.sentiment = new Float32Array(n);
    this.expectedWait = new Float32Array(n * channels);
    this.active = new Int32Array(n);
    this.position = new Int32Array(n);
  }

  /** Room for this many customers (ever added) without reallocating. */
  get capacity(): number {
    return this.cap;
  }

  /** Bytes of column storage per customer slot: 39 + 4·channels. */
  bytesPerCustomer(): number {
    return (
      Uint8Array.BYTES_PER_ELEMENT + // segment
      2 * Float64Array.BYTES_PER_ELEMENT + // joined, left
      5 * Uint16Array.BYTES_PER_ELEMENT + // counters
      Float32Array.BYTES_PER_ELEMENT + // sentiment
      this.channels * Float32Array.BYTES_PER_ELEMENT + // expectedWait
      2 * Int32Array.BYTES_PER_ELEMENT // active, position
    );
  }

  /** Bytes held by the columns now (capacity × bytesPerCustomer, plus the per-segment counts). */
  memoryBytes(): number {
    return this.cap * this.bytesPerCustomer() + this.activeBySegment.byteLength;
  }

  /** Make room for at least `capacity` customers ever added. */
  reserve(capacity: number): void {
    if (capacity > this.cap) this.resize(Math.ceil(capacity));
  }

  /** Onboard a customer of segment `segment` at time `joinedAt`; returns its id. */
  add(segment: number, joinedAt: number): number {
    if (!(segment >= 0 && segment < MAX_SEGMENTS) || !Number.isInteger(segment)) {
      throw new RangeError(`segment must be an integer in [0, ${MAX_SEGMENTS}), got ${segment}`);
    }
    const id = this.total;
    if (id >= this.cap) this.resize(this.cap * 2);
    this.total = id + 1;
    this.segment[id] = segment;
    this.joined[id] = joinedAt;
    this.left[id] = Infinity;
    this.needs[id] = 0;
    this.requests[id] = 0;
    this.unserved[id] = 0;
    this.resolved[id] = 0;
    this.abandoned[id] = 0;
    this.sentiment[id] = 0;
    const C = this.channels, w = this.expectedWait, base = id * C;
    for (let c = 0; c < C; c++) w[base + c] = this.initialWait[c];
    const p = this.activeCount++;
    this.active[p] = id;
    this.position[id] = p;
    this.activeBySegment[segment]++;
    return id;
  }

  /** Churn: customer `id` (active) leaves at time `at`. */
  remove(id: number, at: number): void {
    if (!this.isActive(id)) throw new RangeError(`customer ${id} is not active`);
    this.left[id] = at;
    const p = this.position[id];
    const last = this.active[--this.activeCount];
    this.active[p] = last;
    this.position[last] = p;
    this.position[id] = -1;
    this.activeBySegment[this.segment[id]]--;
  }

  isActive(id: number): boolean {
    return id >= 0 && id < this.total && this.left[id] === Infinity;
  }

  /** Tenure at time t, minutes (up to the churn time for a customer who left; never negative). */
  tenure(id: number, t: number): number {
    const end = t < this.left[id] ? t : this.left[id];
    const d = end - this.joined[id];
    return d > 0 ? d : 0;
  }

  /** A uniformly random active customer, given u ∈ [0, 1); −1 if none is active. */
  randomActive(u: number): number {
    const n = this.activeCount;
    if (n === 0) return -1;
    let i = Math.floor(u * n);
    if (i >= n) i = n - 1; // guards u rounding to 1
    return this.active[i];
  }

  /** Exponentially weighted memory of waits: W_exp ← (1 − γ)·W_exp + γ·wait. */
  observeWait(id: number, channel: number, wait: number, gamma: number): void {
    const k = id * this.channels + channel;
    this.expectedWait[k] = (1 - gamma) * this.expectedWait[k] + gamma * wait;
  }

  /** The customer's expected wait on a channel. */
  expectedWaitOf(id: number, channel: number): number {
    return this.expectedWait[id * this.channels + channel];
  }

  countNeed(id: number): void {
    saturatingIncrement(this.needs, id);
  }
  countRequest(id: number): void {
    saturatingIncrement(this.requests, id);
  }
  countUnserved(id: number): void {
    saturatingIncrement(this.unserved, id);
  }
  countResolved(id: number): void {
    saturatingIncrement(this.resolved, id);
  }
  countAbandoned(id: number): void {
    saturatingIncrement(this.abandoned, id);
  }

  /** Forget every customer (for the next replication); keeps the capacity. */
  clear(): void {
    this.total = 0;
    this.activeCount = 0;
    this.activeBySegment.fill(0);
  }

  /** Reallocate every column with room for n customers, copying the used prefix. */
  private resize(n: number): void {
    const used = this.total, C = this.channels;
    const u8 = new Uint8Array(n); u8.set(this.segment.subarray(0, used)); this.segment = u8;
    this.joined = grow64(this.joined, used, n);
    this.left = grow64(this.left, used, n);
    this.needs = grow16(this.needs, used, n);
    this.requests = grow16(this.requests, used, n);
    this.unserved = grow16(this.unserved, used, n);
    this.resolved = grow16(this.resolved, used, n);
    this.abandoned = grow16(this.abandoned, used, n);
    this.sentiment = grow32f(this.sentiment, used, n);
    this.expectedWait = grow32f(this.expectedWait, used * C, n * C);
    this.active = grow32i(this.active, this.activeCount, n);
    this.position = grow32i(this.position, used, n);
    this.cap = n;
  }
}

function grow64(a: Float64Array, used: number, n: number): Float64Array {
  const b = new Float64Array(n); b.set(a.subarray(0, used)); return b;
}
function grow32f(a: Float32Array, used: number, n: number): Float32Array {
  const b = new Float32Array(n); b.set(a.subarray(0, used)); return b;
}
function grow32i(a: Int32Array, used: number, n: number): Int32Array {
  const b = new Int32Array(n); b.set(a.subarray(0, used)); return b;
}
function grow16(a: Uint16Array, used: number, n: number): Uint16Array {
  const b = new Uint16Array(n); b.set(a.subarray(0, used)); return b;
}

/**
 * Add each segment's `customers` at t = 0, segment index = position in `segments`, with
 * tenures drawn from the segment's `tenureAtStart` (joinedAt = −tenure), one random stream per
 * segment named `customers:<segment name>:tenure`.
 */
export function populate(base: CustomerBase, segments: readonly SegmentConfig[], streamFor: (name: string) => Rng): void {
  if (segments.length > MAX_SEGMENTS) throw new RangeError(`at most ${MAX_SEGMENTS} segments, got ${segments.length}`);
  let n = base.total;
  for (const s of segments) {
    if (!Number.isInteger(s.customers) || s.customers < 0) {
      throw new RangeError(`segment ${s.name}: customers must be an integer >= 0, got ${s.customers}`);
    }
    n += s.customers;
  }
  base.reserve(n);
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k];
    if (s.customers === 0) continue;
    const tenure = makeDistribution(s.tenureAtStart, streamFor(`customers:${s.name}:tenure`));
    for (let i = 0; i < s.customers; i++) base.add(k, -tenure.sample());
  }
}

/**
 * Sales and churn of a customer base as schedulable events (see the header: the caller must
 * redraw the next churn candidate whenever the active count changes).
 */
export class CustomerFlows {
  /** Time of the sale last drawn by `nextSale` (Infinity if there are no sales). */
  saleTime = Infinity;
  /** Segment of the sale last drawn by `nextSale` (−1 if there are no sales). */
  saleSegment = -1;
  /** S = Σ_σ s_σ, sales per minute. */
  readonly totalSalesRate: number;
  /** h_max = max_σ h_σ, the thinning bound per customer. */
  readonly maxHazard: number;
  private readonly salesCumulative: Float64Array;
  private readonly hazard: Float64Array;

  constructor(segments: readonly SegmentConfig[], readonly base: CustomerBase) {
    if (segments.length > MAX_SEGMENTS) throw new RangeError(`at most ${MAX_SEGMENTS} segments, got ${segments.length}`);
    this.salesCumulative = new Float64Array(segments.length);
    this.hazard = new Float64Array(MAX_SEGMENTS);
    let sum = 0, hmax = 0;
    for (let k = 0; k < segments.length; k++) {
      const s = segments[k];
      if (!(s.salesPerMinute >= 0) || !Number.isFinite(s.salesPerMinute)) {
        throw new RangeError(`segment ${s.name}: salesPerMinute must be a finite number >= 0, got ${s.salesPerMinute}`);
      }
      if (!(s.churnPerMinute >= 0) || !Number.isFinite(s.churnPerMinute)) {
        throw new RangeError(`segment ${s.name}: churnPerMinute must be a finite number >= 0, got ${s.churnPerMinute}`);
      }
      sum += s.salesPerMinute;
      this.salesCumulative[k] = sum;
      this.hazard[k] = s.churnPerMinute;
      if (s.churnPerMinute > hmax) hmax = s.churnPerMinute;
    }
    this.totalSalesRate = sum;
    this.maxHazard = hmax;
  }

  /**
   * Draw the next sale after `now`: time now + Exp(S) and the segment (probability s_σ / S),
   * two draws from `rng`. Writes `saleTime`, `saleSegment`; returns the time (Infinity if S = 0).
   */
  nextSale(now: number, rng: Rng): number {
    const S = this.totalSalesRate;
    if (!(S > 0)) {
      this.saleSegment = -1;
      return (this.saleTime = Infinity);
    }
    const t = now - Math.log(1 - rng()) / S;
    const x = rng() * S;
    const cum = this.salesCumulative;
    let k = 0;
    // first segment whose cumulative rate exceeds x, skipping zero-rate segments
    while (k < cum.length - 1 && !(x < cum[k])) k++;
    this.saleSegment = k;
    return (this.saleTime = t);
  }

  /** Rate of churn candidates now: activeCount · h_max (valid until the active count changes). */
  churnCandidateRate(): number {
    return this.base.activeCount * this.maxHazard;
  }

  /** Time of the next churn candidate after `now` (Infinity if the candidate rate is 0); one draw. */
  nextChurn(now: number, rng: Rng): number {
    const r = this.churnCandidateRate();
    if (!(r > 0)) return Infinity;
    return now - Math.log(1 - rng()) / r;
  }

  /** The candidate of a churn-candidate event: a uniformly random active customer (−1 if none). */
  churnCandidate(u: number): number {
    return this.base.randomActive(u);
  }

  /** Accept candidate `id` with probability h_σ(id) / h_max, given u ∈ [0, 1). */
  acceptChurn(id: number, u: number): boolean {
    return u * this.maxHazard < this.hazard[this.base.segment[id]];
  }

  /** The churn hazard of a segment, per minute. */
  hazardOf(segment: number): number {
    return this.hazard[segment];
  }
}
