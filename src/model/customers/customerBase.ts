/**
 * The customer base: customers as entities (docs/model.md §2, N_σ(t)); their sales and churn
 * are customerFlows.ts.
 *
 * Storage. Customers live in columns of typed arrays indexed by a customer id (0, 1, 2, … in
 * order of `add`; ids are never reused until `clear()`), not as one object each, so a million customers cost
 * tens of megabytes and no garbage-collector work. Per customer:
 *
 *   segment       Uint8     segment index (< 256)
 *   joined        Float64   onboarding time; negative for customers who joined before t = 0
 *   left          Float64   churn time; Infinity while active
 *   needs, requests, unserved, resolved, abandoned
 *                 Uint16    experience counters for the retention model, saturating at 65,535
 *                           (at ~1 need per customer-month they cannot overflow in a run)
 *   experience    Float32   e = ln M of the latest need's outcome (retention.ts); 0 = neutral
 *   experienceAt  Float32   t_e, when it was recorded (minutes)
 *   expectedWait  Float32 × C   the customer's remembered wait per channel (docs/model.md §5.2)
 *   active, position  Int32  the dense list of active ids and each id's place in it
 *
 * i.e. 43 + 4·C bytes per customer (59 with 4 channels; `bytesPerCustomer`). The capacity
 * doubles when full (columns are copied), so hold no reference to a column across `add`: read
 * `base.joined` etc. afresh. `reserve` pre-sizes (populate uses it, so a populated base has no
 * doubling slack).
 *
 * Experience (retention.ts): `recordExperience(id, e, t)` replaces the customer's memory with
 * the latest need's e = ln M; it fades toward neutral with half-life H:
 *
 *   M_i(t) = exp(e · 2^(−(t − t_e)/H))                                     (`multiplierAt`)
 *
 * (t < t_e counts as t = t_e). Float32 for t_e: its relative precision 2^−24 is half a minute
 * at 16 years of minutes, which moves 2^(−age/H) by a factor within 1 ± ln 2 · 0.5/H, under
 * 10^−6 for any half-life of a year or more; Float64 would cost 4 bytes per customer for
 * nothing. Float32 for e: ln M to 7 digits.
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
 * Nothing here allocates per customer or per event except `add` when the capacity doubles.
 */
import { makeDistribution } from "../../engine/distributions.js";
import type { Rng } from "../../engine/random.js";
import type { SegmentConfig } from "../config.js";

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
  /** e = ln M of the latest need (0 = neutral, also before any need). */
  experience: Float32Array;
  /** t_e, time `experience` was recorded. */
  experienceAt: Float32Array;
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
  /** Incremented by `clear()`: ids restart at 0, so anything indexed by id from before is stale. */
  epoch = 0;

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
    this.experience = new Float32Array(n);
    this.experienceAt = new Float32Array(n);
    this.expectedWait = new Float32Array(n * channels);
    this.active = new Int32Array(n);
    this.position = new Int32Array(n);
  }

  /** Room for this many customers (ever added) without reallocating. */
  get capacity(): number {
    return this.cap;
  }

  /** Bytes of column storage per customer slot: 43 + 4·channels. */
  bytesPerCustomer(): number {
    return (
      Uint8Array.BYTES_PER_ELEMENT + // segment
      2 * Float64Array.BYTES_PER_ELEMENT + // joined, left
      5 * Uint16Array.BYTES_PER_ELEMENT + // counters
      2 * Float32Array.BYTES_PER_ELEMENT + // experience, experienceAt
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
    this.experience[id] = 0;
    this.experienceAt[id] = 0;
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

  /**
   * Told before a customer's experience is replaced (churnExposure.ts sums the time the old one
   * was held); none by default.
   */
  experienceListener: { closeExperience(base: CustomerBase, id: number, now: number): void } | null = null;

  /** Remember the latest need's outcome: e = ln M (from ExperienceLadder.logMultiplier) at time `now`. */
  recordExperience(id: number, logM: number, now: number): void {
    if (this.experienceListener !== null) this.experienceListener.closeExperience(this, id, now);
    this.experience[id] = logM;
    this.experienceAt[id] = now;
  }

  /** ln M_i(now) = e · 2^(−(now − t_e)/H): the remembered experience faded to `now` (0: none). */
  experienceNow(id: number, now: number, halfLife: number): number {
    const e = this.experience[id];
    if (e === 0) return 0;
    const age = now - this.experienceAt[id];
    return age > 0 ? e * Math.pow(2, -age / halfLife) : e;
  }

  /** M_i(now) = exp(e · 2^(−(now − t_e)/H)); exactly 1 while no (or a neutral) experience is recorded. */
  multiplierAt(id: number, now: number, halfLife: number): number {
    const e = this.experience[id];
    if (e === 0) return 1;
    const age = now - this.experienceAt[id];
    return Math.exp(age > 0 ? e * Math.pow(2, -age / halfLife) : e);
  }

  /** Forget every customer (for the next replication); keeps the capacity. Bumps `epoch`. */
  clear(): void {
    this.epoch++;
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
    this.experience = grow32f(this.experience, used, n);
    this.experienceAt = grow32f(this.experienceAt, used, n);
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
