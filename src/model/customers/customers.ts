/**
 * The customer base: customers as entities, sales and churn (docs/model.md §2, N_σ(t)).
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
 * Flows (`CustomerFlows`): events an event loop schedules.
 * - Sales: segment σ gains customers as a Poisson process of rate s_σ (`salesPerMinute`);
 *   their superposition is Poisson with rate S = Σ s_σ, and each sale belongs to σ with
 *   probability s_σ / S. `nextSale(now, rng)` draws the next one (time now + Exp(S), then
 *   the segment), writing `saleTime` and `saleSegment`.
 * - Hazard churn (segments with churnMode "hazard"): active customer i leaves at hazard
 *   h_σ(i) · M_i(t) (`churnPerMinute` times its experience multiplier, `multiplierAt`). Every
 *   M_i(t) ≤ M̄ = max(1, maxMultiplier) — a recorded e ≤ ln maxMultiplier only fades toward
 *   0 — so with n active customers the total intensity is ≤ n · h_max · M̄, and churn is drawn
 *   by Lewis–Shedler thinning: candidates arrive at rate n · h_max · M̄
 *   (`churnCandidateRate`, next time from `nextChurn(now, rng)`); at a candidate pick a
 *   uniformly random active customer i (`churnCandidate(u)`) and accept with probability
 *   h_σ(i) · M_i(t) / (h_max · M̄) (`acceptChurn(i, u, t)`). Each customer is then churned at
 *   intensity n·h_max·M̄ · (1/n) · h_σ(i)·M_i(t)/(h_max·M̄) = h_σ(i)·M_i(t): exact, also with
 *   M_i varying in time (thinning only needs the bound). M_i is clamped to M̄ (it can exceed
 *   it only by the Float32 rounding of e, or if experience was recorded beyond the ladder
 *   the flows were given). Customers of renewal segments have hazard 0 (always rejected).
 *   The bound n · h_max · M̄ is only valid while n does not change, so the caller MUST redraw
 *   the next churn candidate (discarding the pending one) whenever the active count changes:
 *   after every sale and every churn, renewal churns included. By the memoryless property of
 *   the exponential, restarting the candidate clock at such a moment is exact. After a
 *   rejected candidate nothing changed; just draw the next one. Remove an accepted candidate
 *   with `churn(i, t)` (books it for the reports; `base.remove` alone does not).
 * - Renewal churn (churnMode "renewal", term T, renewal rate R): customer i churns at each
 *   anniversary a = joined + k·T, k ≥ 1, with probability min(1, (1 − R) · M_i(a)); one draw
 *   per anniversary. `renewalsBetween(t0, t1, rng, onChurn)` processes every anniversary in
 *   [t0, t1), called for contiguous windows (e.g. once per simulated day) no longer than the
 *   shortest term. It visits only the customers whose anniversary phase falls in the window:
 *   customers sit in per-segment buckets by phase ⌊φ/180⌋ (eighths of a day), φ = ((joined
 *   mod T) + T) mod T, each bucket a growable Int32Array of ids in insertion order (4–8
 *   bytes per renewal customer), so a day's window examines its 8 buckets and a neighbour
 *   each side: ≈ 1.25 customers per anniversary (contiguous ids rather than linked lists let
 *   the memory loads overlap; a linked list serialises one cache miss per customer). New
 *   ids (ids only grow, see `add`) are bucketed at the next call; customers who left are
 *   dropped lazily (the bucket is compacted) when it is next visited; `clear()` (the only
 *   way ids restart) bumps `base.epoch`, which empties the buckets. The window's phase range is widened by a minute each side (so the
 *   buckets next to it are visited too) and each visited customer's anniversary is computed
 *   exactly as a = joined + k·T and processed iff t0 ≤ a < t1, so floating-point rounding of
 *   phases can neither lose nor repeat an anniversary. A churn removes the customer at once
 *   with left = a (the exact anniversary, possibly later in the window) and calls
 *   `onChurn(id, a)`. Experience recorded after the call but before a is not seen.
 * - Bookkeeping from `countFrom` (warm-up) on, per segment: churns, their annual revenue,
 *   and the excess churn Σ (1 − 1/M) with M the effective multiplier of the churn (hazard:
 *   M_i(t); renewal: p/(1 − R) with p = min(1, (1 − R)·M_i(a)), so a capped probability
 *   counts only what was possible) — the expected churns caused by experience beyond
 *   neutral (negative when good service kept customers) — also weighted by revenue.
 *
 * Nothing here allocates per customer or per event except `add` when the capacity doubles
 * and a renewal bucket doubling when a new customer is bucketed into a full one.
 */
import { makeDistribution } from "../../engine/distributions.js";
import type { Rng } from "../../engine/random.js";
import { DEFAULT_HALF_LIFE_DAYS } from "./retention.js";
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

  /** Remember the latest need's outcome: e = ln M (from ExperienceLadder.logMultiplier) at time `now`. */
  recordExperience(id: number, logM: number, now: number): void {
    this.experience[id] = logM;
    this.experienceAt[id] = now;
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

/** How the flows see experience: the ladder's bound and half-life (an ExperienceLadder fits). */
export interface FlowExperience {
  /** Largest churn multiplier a recorded experience can give (ExperienceLadder.maxMultiplier); default 1. */
  maxMultiplier?: number;
  /** Half-life of experience, minutes (ExperienceLadder.halfLife); default DEFAULT_HALF_LIFE_DAYS. */
  halfLife?: number;
  /** Churns at or after this time are booked (the warm-up's end); default 0. */
  countFrom?: number;
  /** Calendar months (costs.ts MonthClock) to book churns by month as well; none by default. */
  months?: { readonly count: number; monthOf(t: number): number };
}

/** Fields of `CustomerFlows.byMonth`, per month: churns, their annual revenue, Σ(1 − 1/M), Σ(1 − 1/M)·revenue. */
export const CHURN_MONTH_FIELDS = ["churned", "churnedRevenue", "serviceChurn", "serviceChurnRevenue"] as const;

/** Phase-range margin of a renewal window, minutes (see the header). */
const RENEWAL_MARGIN = 1;
/** Width of a renewal bucket in phase, minutes (an eighth of a day). */
const BUCKET_MINUTES = 180;
/** The shared storage of every bucket nothing was put in yet (never written: length 0). */
const EMPTY_BUCKET = new Int32Array(0);

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
  /** h_max = max_σ h_σ over hazard segments, per minute. */
  readonly maxHazard: number;
  /** M̄ = max(1, maxMultiplier), the bound of every customer's churn multiplier. */
  readonly maxMultiplier: number;
  /** Half-life of experience, minutes. */
  readonly halfLife: number;
  /** Churns at or after this time are booked. */
  countFrom: number;
  /** Booked churns per segment. */
  readonly churned: Float64Array;
  /** Booked churns' revenuePerYear per segment. */
  readonly churnedRevenue: Float64Array;
  /** Σ (1 − 1/M) over booked churns, per segment. */
  readonly excessChurn: Float64Array;
  /** Σ (1 − 1/M) · revenuePerYear over booked churns, per segment. */
  readonly excessRevenue: Float64Array;
  /** The same four sums (CHURN_MONTH_FIELDS) per calendar month: month · 4 + field (empty without `months`). */
  readonly byMonth: Float64Array;
  private readonly months: FlowExperience["months"];
  /** Bucket entries examined by `renewalsBetween` so far (a diagnostic of its cost). */
  renewalChecks = 0;

  private readonly salesCumulative: Float64Array;
  private readonly hazard: Float64Array;
  private readonly revenue: Float64Array;
  /** h_max · M̄. */
  private readonly candidateBound: number;
  /** Renewal segments: their indices, term, 1 − R, buckets (ids and fill) and visit stamps. */
  private readonly renewalSegments: number[] = [];
  private readonly term: Float64Array;
  private readonly lapse: Float64Array;
  private readonly buckets: (Int32Array[] | null)[];
  private readonly fill: (Int32Array | null)[];
  private readonly stamps: (Int32Array | null)[];
  private readonly minTerm: number;
  private synced = 0;
  private syncedEpoch: number;
  private renewedUntil = NaN;
  private stamp = 0;

  constructor(segments: readonly SegmentConfig[], readonly base: CustomerBase, experience: FlowExperience = {}) {
    if (segments.length > MAX_SEGMENTS) throw new RangeError(`at most ${MAX_SEGMENTS} segments, got ${segments.length}`);
    const G = segments.length;
    const maxM = experience.maxMultiplier ?? 1;
    if (!(maxM > 0) || !Number.isFinite(maxM)) throw new RangeError(`maxMultiplier must be a finite number > 0, got ${maxM}`);
    const H = experience.halfLife ?? DEFAULT_HALF_LIFE_DAYS * 1440;
    if (!(H > 0)) throw new RangeError(`halfLife must be > 0 minutes, got ${H}`);
    const from = experience.countFrom ?? 0;
    if (from !== from) throw new RangeError("countFrom is NaN");
    this.maxMultiplier = maxM > 1 ? maxM : 1;
    this.halfLife = H;
    this.countFrom = from;
    this.salesCumulative = new Float64Array(G);
    this.hazard = new Float64Array(MAX_SEGMENTS);
    this.revenue = new Float64Array(MAX_SEGMENTS);
    this.term = new Float64Array(MAX_SEGMENTS);
    this.lapse = new Float64Array(MAX_SEGMENTS);
    this.buckets = new Array<Int32Array[] | null>(G).fill(null);
    this.fill = new Array<Int32Array | null>(G).fill(null);
    this.stamps = new Array<Int32Array | null>(G).fill(null);
    this.churned = new Float64Array(G);
    this.churnedRevenue = new Float64Array(G);
    this.excessChurn = new Float64Array(G);
    this.excessRevenue = new Float64Array(G);
    this.months = experience.months;
    this.byMonth = new Float64Array((experience.months?.count ?? 0) * CHURN_MONTH_FIELDS.length);
    let sum = 0, hmax = 0, minTerm = Infinity;
    for (let k = 0; k < G; k++) {
      const s = segments[k];
      if (!(s.salesPerMinute >= 0) || !Number.isFinite(s.salesPerMinute)) {
        throw new RangeError(`segment ${s.name}: salesPerMinute must be a finite number >= 0, got ${s.salesPerMinute}`);
      }
      if (!(s.churnPerMinute >= 0) || !Number.isFinite(s.churnPerMinute)) {
        throw new RangeError(`segment ${s.name}: churnPerMinute must be a finite number >= 0, got ${s.churnPerMinute}`);
      }
      sum += s.salesPerMinute;
      this.salesCumulative[k] = sum;
      this.revenue[k] = s.revenuePerYear;
      if (s.churnMode === "renewal") {
        if (!(s.term > 0) || !Number.isFinite(s.term)) throw new RangeError(`segment ${s.name}: term must be a finite number > 0 minutes, got ${s.term}`);
        if (!(s.renewalRate >= 0 && s.renewalRate <= 1)) throw new RangeError(`segment ${s.name}: renewalRate must be in [0, 1], got ${s.renewalRate}`);
        this.renewalSegments.push(k);
        this.term[k] = s.term;
        this.lapse[k] = 1 - s.renewalRate;
        const B = Math.max(1, Math.ceil(s.term / BUCKET_MINUTES));
        this.buckets[k] = new Array<Int32Array>(B).fill(EMPTY_BUCKET); // allocated on first use
        this.fill[k] = new Int32Array(B);
        this.stamps[k] = new Int32Array(B);
        if (s.term < minTerm) minTerm = s.term;
      } else {
        this.hazard[k] = s.churnPerMinute;
        if (s.churnPerMinute > hmax) hmax = s.churnPerMinute;
      }
    }
    this.totalSalesRate = sum;
    this.maxHazard = hmax;
    this.candidateBound = hmax * this.maxMultiplier;
    this.minTerm = minTerm;
    this.syncedEpoch = base.epoch;
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

  /** Rate of churn candidates now: activeCount · h_max · M̄ (valid until the active count changes). */
  churnCandidateRate(): number {
    return this.base.activeCount * this.candidateBound;
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

  /** min(M̄, M_i(now)): the multiplier of customer `id`'s churn hazard at `now`. */
  churnMultiplier(id: number, now: number): number {
    const m = this.base.multiplierAt(id, now, this.halfLife);
    return m < this.maxMultiplier ? m : this.maxMultiplier;
  }

  /** Accept candidate `id` at time `now` with probability h_σ(id) · M_id(now) / (h_max · M̄), given u ∈ [0, 1). */
  acceptChurn(id: number, u: number, now: number): boolean {
    const h = this.hazard[this.base.segment[id]];
    if (h === 0) return false;
    return u * this.candidateBound < h * this.churnMultiplier(id, now);
  }

  /** Remove hazard-churned customer `id` at `at` and book it (M = churnMultiplier(id, at)). */
  churn(id: number, at: number): void {
    const m = this.churnMultiplier(id, at);
    this.base.remove(id, at);
    this.book(this.base.segment[id], at, m);
  }

  /** The hazard churn rate of a segment, per minute (0 for renewal segments). */
  hazardOf(segment: number): number {
    return this.hazard[segment];
  }

  /** Whether a segment churns at renewals. */
  isRenewal(segment: number): boolean {
    return this.buckets[segment] != null;
  }

  /**
   * Process every renewal anniversary in [t0, t1) (see the header): each customer of a renewal
   * segment with an anniversary a there churns with probability min(1, (1 − R)·M_i(a)) (one
   * draw from `rng` per anniversary), is removed with left = a, booked, and reported to
   * `onChurn(id, a)`. Windows must be contiguous (t0 = the previous call's t1) and no longer
   * than the shortest term. Returns the number of churns (redraw the churn candidate if > 0).
   */
  renewalsBetween(t0: number, t1: number, rng: Rng, onChurn?: (id: number, at: number) => void): number {
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

  /** Zero the bookkeeping and count from `from` on. */
  resetCounts(from = this.countFrom): void {
    this.countFrom = from;
    this.churned.fill(0);
    this.churnedRevenue.fill(0);
    this.excessChurn.fill(0);
    this.excessRevenue.fill(0);
    this.byMonth.fill(0);
  }

  /** Totals of the bookkeeping over segments. */
  churnTotals(): { churned: number; churnedRevenue: number; excessChurn: number; excessRevenue: number } {
    return { churned: sum(this.churned), churnedRevenue: sum(this.churnedRevenue), excessChurn: sum(this.excessChurn), excessRevenue: sum(this.excessRevenue) };
  }

  /** Bytes held by the renewal buckets' typed arrays (ids with their growth slack, fills, stamps). */
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

  private book(g: number, at: number, m: number): void {
    if (!(at >= this.countFrom)) return;
    const x = 1 - 1 / m, r = this.revenue[g];
    this.churned[g]++;
    this.churnedRevenue[g] += r;
    this.excessChurn[g] += x;
    this.excessRevenue[g] += x * r;
    if (this.months) {
      const k = this.months.monthOf(at);
      if (k >= 0) {
        const b = k * CHURN_MONTH_FIELDS.length;
        this.byMonth[b]++;
        this.byMonth[b + 1] += r;
        this.byMonth[b + 2] += x;
        this.byMonth[b + 3] += x * r;
      }
    }
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
        const p = lapse * base.multiplierAt(id, a, H);
        if (rng() < p) {
          base.remove(id, a);
          this.book(g, a, (p < 1 ? p : 1) / lapse);
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

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
