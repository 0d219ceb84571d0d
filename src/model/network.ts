/**
 * The contact network: tiers of agent pools, work types and priority classes, routing
 * between tiers. The general form of the single-queue model in contactCenter.ts, in
 * the spirit of Ciw's network / node / individual split, with typed arrays instead of
 * objects.
 *
 * - A **work type** is what a contact needs done (e.g. "defect by phone"); a **pool**
 *   of agents belongs to one tier and serves some work types only (skills).
 * - A **priority class** orders the wait: an agent takes the highest class first, and
 *   within a class the contact that has waited longest (non-preemptive priority).
 * - A contact entering a tier is taken at once by an eligible agent with free
 *   capacity across that tier's pools (the least loaded, and among those the longest
 *   at that load: for one contact at a time, the longest idle); otherwise it waits in the line of its (tier, work type,
 *   class) and may abandon when its patience at that tier runs out.
 * - After service it is resolved with the tier's resolution probability for its work
 *   type; an unresolved contact is transferred to the tier's `next` tier (warm
 *   transfer: the customer keeps waiting, now in the next tier's line) or, at the last
 *   tier, leaves unresolved.
 *
 * - An agent of a chat pool handles up to `concurrency` contacts at once; each
 *   contact's handle time stretches by (1 + stretch·(n − 1)) when it starts with n in
 *   hand (fixed at its start). An agent counts as busy while it holds any contact.
 *
 * - In a pool that serves both, real-time work (phone, chat, warm transfers) goes before
 *   deferred work (e-mail, tickets, accepted callbacks keep their real-time place): an agent
 *   looks at real-time lines first, by class, then at deferred lines, by class.
 * - A pool's agent count can change during the run (`setAgents`: opening hours, shifts).
 *   An agent sent off shift finishes the contacts in hand and takes no new ones.
 * - A work type may offer a callback: a real-time contact that would wait longer than a
 *   threshold (predicted from the line ahead of it) accepts with a probability and keeps
 *   its place in line without abandoning (virtual hold).
 *
 * The network is a class that shares an event calendar and a contact store with the layer
 * above it (src/model/supportModel.ts); `simulateNetwork` runs it alone, fed by Poisson
 * streams, which is how it is validated against exact results.
 *
 * A contact's attributes are drawn from per-purpose streams as it enters each tier
 * (handle time, patience) and as it finishes (resolution), in that order, so scenarios
 * that differ in staffing see the same customers (common random numbers).
 *
 * Time unit: minutes.
 */
import { EventCalendar } from "../engine/calendar.js";
import { makeDistribution, specMean, type Distribution, type DistributionSpec } from "../engine/distributions.js";
import { PiecewisePoissonArrivals } from "../engine/arrivals.js";
import type { RandomStreams, Rng } from "../engine/random.js";
import { ContactState, ContactStore } from "./contacts.js";
import type { ArrivalConfig } from "./contactCenter.js";
import { TierCounters } from "./kpis.js";
import { LineSet } from "./lineSet.js";
import { TimeWeighted } from "../engine/statistics.js";

export interface NetworkTier {
  name: string;
  /** Handle time per work type (index = work type); a missing entry uses `handleTime`. */
  handleTimeByWork?: (DistributionSpec | undefined)[];
  handleTime: DistributionSpec;
  /** Patience while waiting at this tier; undefined: waits forever. */
  patience?: DistributionSpec;
  /** Patience per work type (index = work type); a missing entry uses `patience`. */
  patienceByWork?: (DistributionSpec | undefined)[];
  /** Probability that service here resolves the need, per work type (missing: `resolve`). */
  resolveByWork?: (number | undefined)[];
  resolve: number;
  /** Tier index an unresolved contact goes to; undefined: it leaves unresolved. */
  next?: number;
  /**
   * How it goes there: "transfer" (warm, real-time: the customer keeps waiting, with
   * the next tier's patience) or "escalate" (a ticket in the next tier's queue: the
   * customer does not wait on the line, so nobody abandons it). Default "transfer".
   */
  nextMode?: "transfer" | "escalate";
}

export interface NetworkPool {
  name: string;
  tier: number;
  agents: number;
  /** Work types this pool serves. */
  skills: number[];
  /** Contacts an agent handles at once (chat); default 1. */
  concurrency?: number;
  /** Handle-time stretch per extra contact in hand: × (1 + stretch·(n − 1)); default 0. */
  stretch?: number;
}

export interface NetworkArrivals {
  name: string;
  arrivals: ArrivalConfig;
  workType: number;
  priorityClass: number;
  tier: number;
  /** Deferred work (email, web form, social): waits in a backlog without abandoning. */
  deferred?: boolean;
}

/** A callback offer for a real-time work type. */
export interface CallbackOffer {
  /** Offer when the predicted wait exceeds this many minutes. */
  afterPredictedWait: number;
  acceptShare: number;
}

export interface NetworkConfig {
  horizon: number;
  warmup: number;
  intervalLength: number;
  threshold: number;
  workTypes: string[];
  /** Priority classes, highest first. */
  classes: string[];
  tiers: NetworkTier[];
  pools: NetworkPool[];
  streams: NetworkArrivals[];
  /** Callback offers per work type (undefined: none). */
  callbackByWork?: (CallbackOffer | undefined)[];
}

export type NetworkOutcome = "resolved" | "unresolved" | "abandoned" | "transferred" | "escalated";

/** One call per counted contact per tier visit, as it leaves the tier. */
export interface NetworkTraceSink {
  visit(arrival: number, tier: number, workType: number, priorityClass: number, wait: number, outcome: NetworkOutcome, pool: number, agent: number, leave: number): void;
}

export interface NetworkResult {
  /** Counters per (tier, class): index tier × classes + class. Busy/staffed time is per tier (`tierBusy`, `tierStaffed`). */
  series: TierCounters[];
  tierBusy: TimeWeighted[];
  tierStaffed: TimeWeighted[];
  /** Per tier: counted contacts resolved there, sent on (warm transfer or escalation), leaving unresolved. */
  resolved: Float64Array;
  transferred: Float64Array;
  escalated: Float64Array;
  unresolved: Float64Array;
  /** Per pool: contacts served (counted ones). */
  servedByPool: Float64Array;
  /** Per pool × work type: contacts served (all, counted or not): for eligibility checks. */
  servedByPoolWork: Float64Array;
  /** Per tier: counted contacts that accepted a callback there. */
  callbacks: Float64Array;
  events: number;
  arrivals: number;
  leftInSystem: number;
}

/**
 * What the layer above hears from the network. `left` hands the contact back: from then
 * on its slot is the observer's (to release, or to keep for a later attempt).
 */
export interface NetworkObserver {
  /** Entered tier `tier` (first entry or transfer/escalation), before any agent is found. */
  entered(id: number, tier: number, now: number): void;
  /** An agent started it after `wait` minutes at this tier. */
  answered(id: number, tier: number, wait: number, now: number): void;
  /** It leaves the tier for the next (transferred or escalated). */
  moved(id: number, tier: number, outcome: "transferred" | "escalated", now: number): void;
  /** It leaves the network: resolved, unresolved (no next tier) or abandoned (after `wait`). */
  left(id: number, tier: number, outcome: "resolved" | "unresolved" | "abandoned", wait: number, now: number): void;
}


/** Check a network's structure; throws RangeError naming the problem. */
export function checkNetwork(cfg: NetworkConfig): void {
  const W = cfg.workTypes.length, P = cfg.classes.length, T = cfg.tiers.length;
  if (W < 1 || P < 1 || T < 1) throw new RangeError("network: needs at least one work type, class and tier");
  cfg.tiers.forEach((t, i) => {
    if (t.next !== undefined && (t.next < 0 || t.next >= T || t.next === i)) throw new RangeError(`tiers[${i}].next: expected another tier's index, got ${t.next}`);
    if (!(t.resolve >= 0 && t.resolve <= 1)) throw new RangeError(`tiers[${i}].resolve: expected a probability, got ${t.resolve}`);
  });
  // an unresolved contact must eventually leave: following `next` must not cycle
  cfg.tiers.forEach((_, i) => {
    const seen = new Set<number>();
    for (let t: number | undefined = i; t !== undefined; t = cfg.tiers[t].next) {
      if (seen.has(t)) throw new RangeError(`tiers[${i}]: routing loop with no exit (${[...seen, t].map((k) => cfg.tiers[k].name).join(" → ")})`);
      seen.add(t);
    }
  });
  cfg.pools.forEach((p, i) => {
    if (p.tier < 0 || p.tier >= T) throw new RangeError(`pools[${i}].tier: expected a tier index, got ${p.tier}`);
    if (p.skills.length === 0) throw new RangeError(`pools[${i}] (${p.name}): serves no work type`);
    if (p.concurrency !== undefined && !(Number.isInteger(p.concurrency) && p.concurrency >= 1)) throw new RangeError(`pools[${i}].concurrency: expected an integer >= 1, got ${p.concurrency}`);
    if (p.stretch !== undefined && !(p.stretch >= 0)) throw new RangeError(`pools[${i}].stretch: expected a number >= 0, got ${p.stretch}`);
    for (const w of p.skills) if (w < 0 || w >= W) throw new RangeError(`pools[${i}].skills: unknown work type ${w}`);
  });
  // every (tier, work type) a contact can reach needs a pool that serves it
  const reach = new Set<string>();
  for (const s of cfg.streams) {
    for (let t: number | undefined = s.tier; t !== undefined; t = cfg.tiers[t].next) reach.add(`${t}:${s.workType}`);
    if (s.priorityClass < 0 || s.priorityClass >= P) throw new RangeError(`streams (${s.name}): unknown priority class ${s.priorityClass}`);
  }
  for (const key of reach) {
    const [t, w] = key.split(":").map(Number);
    if (!cfg.pools.some((p) => p.tier === t && p.skills.includes(w))) {
      throw new RangeError(`no pool at tier ${cfg.tiers[t].name} serves work type ${cfg.workTypes[w]}, which reaches it`);
    }
  }
}

/** Event kinds the network uses, as offsets from its `kindBase`. */
export const NETWORK_KINDS = 2;
const DEPARTURE = 0, ABANDON = 1;

export class Network {
  readonly series: TierCounters[];
  readonly tierBusy: TimeWeighted[];
  readonly tierStaffed: TimeWeighted[];
  readonly resolved: Float64Array;
  readonly transferred: Float64Array;
  readonly escalated: Float64Array;
  readonly unresolved: Float64Array;
  readonly callbacks: Float64Array;
  /** Per work type: counted contacts that accepted a callback. */
  readonly callbacksByWork: Float64Array;
  readonly servedByPool: Float64Array;
  readonly servedByPoolWork: Float64Array;

  private readonly W: number;
  private readonly P: number;
  private readonly lines: LineSet;
  private readonly handle: Distribution[] = []; // t*W + w
  private readonly patience: (Distribution | null)[] = []; // t*W + w
  private readonly resolveP: Float64Array;
  private readonly resolveRng: Rng[] = [];
  private readonly callbackAfter: Float64Array; // per work type; Infinity: no offer
  private readonly callbackAccept: Float64Array;
  private readonly callbackRng: Rng;
  private readonly meanHandle: Float64Array; // t*W + w
  private readonly capacityFor: Float64Array; // t*W + w: agents × concurrency on shift in eligible pools
  // agents
  private readonly poolOffset: Int32Array;
  private readonly bucketBase: Int32Array;
  private readonly concurrency: Int32Array;
  private readonly stretch: Float64Array;
  private readonly agentLines: LineSet;
  private readonly load: Int32Array;
  private readonly levelSince: Float64Array;
  private readonly onShift: Int32Array; // per pool: agents with local index < onShift[q] are on shift
  private readonly poolTier: Int32Array;
  private readonly poolsFor: Int32Array[]; // t*W + w → eligible pools
  private readonly linesByPool: Int32Array[]; // per pool: its lines in the order an agent looks at them
  private readonly nextTier: Int32Array;
  private readonly escalates: Uint8Array;

  constructor(
    private readonly cfg: NetworkConfig,
    private readonly cal: EventCalendar,
    private readonly contacts: ContactStore,
    streams: RandomStreams,
    private readonly observer: NetworkObserver,
    private readonly kindBase = 0,
    private readonly trace: NetworkTraceSink | null = null,
  ) {
    checkNetwork(cfg);
    const W = (this.W = cfg.workTypes.length), P = (this.P = cfg.classes.length), T = cfg.tiers.length, Q = cfg.pools.length;
    const { horizon, warmup, intervalLength } = cfg;
    this.lines = new LineSet(T * W * 2 * P, contacts.capacity);
    this.series = [];
    for (let t = 0; t < T; t++) for (let p = 0; p < P; p++) this.series.push(new TierCounters(warmup, horizon, intervalLength, cfg.threshold));
    this.tierBusy = cfg.tiers.map(() => new TimeWeighted(warmup, horizon, intervalLength));
    this.tierStaffed = cfg.tiers.map(() => new TimeWeighted(warmup, horizon, intervalLength));
    cfg.pools.forEach((p) => this.tierStaffed[p.tier].add(0, p.agents));
    this.resolved = new Float64Array(T); this.transferred = new Float64Array(T); this.escalated = new Float64Array(T);
    this.unresolved = new Float64Array(T); this.callbacks = new Float64Array(T); this.callbacksByWork = new Float64Array(W);
    this.servedByPool = new Float64Array(Q); this.servedByPoolWork = new Float64Array(Q * W);

    this.resolveP = new Float64Array(T * W);
    this.meanHandle = new Float64Array(T * W);
    cfg.tiers.forEach((tier, t) => {
      const hr = streams.stream(`tier:${tier.name}:handle`);
      const base = makeDistribution(tier.handleTime, hr);
      for (let w = 0; w < W; w++) {
        const spec = tier.handleTimeByWork?.[w];
        this.handle.push(spec ? makeDistribution(spec, hr) : base);
        this.meanHandle[t * W + w] = specMean(spec ?? tier.handleTime);
        this.resolveP[t * W + w] = tier.resolveByWork?.[w] ?? tier.resolve;
      }
      const pr = streams.stream(`tier:${tier.name}:patience`);
      const basePatience = tier.patience ? makeDistribution(tier.patience, pr) : null;
      for (let w = 0; w < W; w++) {
        const spec = tier.patienceByWork?.[w];
        this.patience.push(spec ? makeDistribution(spec, pr) : basePatience);
      }
      this.resolveRng.push(streams.stream(`tier:${tier.name}:resolve`));
    });
    this.callbackAfter = new Float64Array(W).fill(Infinity);
    this.callbackAccept = new Float64Array(W);
    cfg.callbackByWork?.forEach((c, w) => {
      if (c) { this.callbackAfter[w] = c.afterPredictedWait; this.callbackAccept[w] = c.acceptShare; }
    });
    this.callbackRng = streams.stream("network:callback");

    // Agents: global index = pool offset + local index. An agent holds up to `concurrency`
    // contacts (chat); agents with free capacity wait in one FIFO per (pool, load level),
    // so the next contact goes to the least-loaded agent, and among equals to the one
    // that has been at that level longest (for concurrency 1: longest idle).
    this.poolOffset = new Int32Array(Q + 1);
    this.bucketBase = new Int32Array(Q + 1);
    cfg.pools.forEach((p, q) => {
      this.poolOffset[q + 1] = this.poolOffset[q] + p.agents;
      this.bucketBase[q + 1] = this.bucketBase[q] + (p.concurrency ?? 1);
    });
    const totalAgents = this.poolOffset[Q];
    this.concurrency = Int32Array.from(cfg.pools.map((p) => p.concurrency ?? 1));
    this.stretch = Float64Array.from(cfg.pools.map((p) => p.stretch ?? 0));
    this.agentLines = new LineSet(this.bucketBase[Q], Math.max(1, totalAgents));
    this.load = new Int32Array(totalAgents);
    this.levelSince = new Float64Array(totalAgents);
    this.onShift = Int32Array.from(cfg.pools.map((p) => p.agents));
    this.poolTier = Int32Array.from(cfg.pools.map((p) => p.tier));
    cfg.pools.forEach((p, q) => {
      for (let i = 0; i < p.agents; i++) this.agentLines.join(this.bucketBase[q], this.poolOffset[q] + i);
    });

    // routing tables
    this.poolsFor = [];
    this.capacityFor = new Float64Array(T * W);
    for (let t = 0; t < T; t++) for (let w = 0; w < W; w++) {
      this.poolsFor.push(Int32Array.from(cfg.pools.map((p, q) => (p.tier === t && p.skills.includes(w) ? q : -1)).filter((q) => q >= 0)));
    }
    this.linesByPool = cfg.pools.map((pool) => {
      const out: number[] = [];
      for (let band = 0; band < 2; band++) for (let p = 0; p < P; p++) for (const w of pool.skills) out.push(this.lineIndex(pool.tier, w, band, p));
      return Int32Array.from(out);
    });
    this.recomputeCapacity();
    this.nextTier = Int32Array.from(cfg.tiers.map((t) => t.next ?? -1));
    this.escalates = Uint8Array.from(cfg.tiers.map((t) => (t.nextMode === "escalate" ? 1 : 0)));
  }

  /** Line of (tier, work type, band 0 real-time / 1 deferred, class). */
  private lineIndex(t: number, w: number, band: number, p: number): number {
    return ((t * this.W + w) * 2 + band) * this.P + p;
  }

  private recomputeCapacity(): void {
    for (let k = 0; k < this.poolsFor.length; k++) {
      let c = 0;
      for (const q of this.poolsFor[k]) c += this.onShift[q] * this.concurrency[q];
      this.capacityFor[k] = c;
    }
  }

  private counted(id: number): boolean {
    return this.contacts.interval[id] >= 0;
  }

  /** Agents of pool q currently on shift. */
  agentsOnShift(q: number): number {
    return this.onShift[q];
  }

  /** Lowest load level with an available agent in pool q, or -1. */
  private lowestLevel(q: number): number {
    const k = this.concurrency[q], b = this.bucketBase[q];
    for (let l = 0; l < k; l++) if (this.agentLines.length[b + l] > 0) return l;
    return -1;
  }

  /** Give one more contact to the first agent of pool q at level l. */
  private takeAgent(q: number, l: number, now: number): number {
    const a = this.agentLines.head[this.bucketBase[q] + l];
    this.agentLines.remove(a);
    const n = ++this.load[a];
    if (n < this.concurrency[q]) this.agentLines.join(this.bucketBase[q] + n, a);
    this.levelSince[a] = now;
    if (n === 1) this.tierBusy[this.poolTier[q]].add(now, 1);
    return a;
  }

  /** Agent a of pool q finishes a contact and takes none in its place. */
  private releaseAgent(q: number, a: number, now: number): void {
    const on = a - this.poolOffset[q] < this.onShift[q];
    if (on && this.load[a] < this.concurrency[q]) this.agentLines.remove(a);
    const n = --this.load[a];
    this.levelSince[a] = now;
    if (on) this.agentLines.join(this.bucketBase[q] + n, a);
    if (n === 0) {
      this.tierBusy[this.poolTier[q]].add(now, -1);
      if (!on) this.tierStaffed[this.poolTier[q]].add(now, -1); // off shift: goes home now
    }
  }

  /**
   * Put `n` agents of pool q on shift (0 ≤ n ≤ the pool's `agents`). Agents leaving finish
   * the contacts in hand (they count as staffed until then); agents arriving take waiting
   * work at once.
   */
  setAgents(q: number, n: number, now: number): void {
    const max = this.cfg.pools[q].agents;
    if (!(Number.isInteger(n) && n >= 0 && n <= max)) throw new RangeError(`pools[${q}] (${this.cfg.pools[q].name}): expected 0..${max} agents on shift, got ${n}`);
    const old = this.onShift[q], off = this.poolOffset[q], k = this.concurrency[q], tier = this.poolTier[q];
    if (n === old) return;
    if (n < old) {
      for (let i = n; i < old; i++) {
        const a = off + i;
        if (this.load[a] < k) this.agentLines.remove(a);
        if (this.load[a] === 0) this.tierStaffed[tier].add(now, -1);
      }
      this.onShift[q] = n;
    } else {
      for (let i = old; i < n; i++) {
        const a = off + i;
        if (this.load[a] === 0) this.tierStaffed[tier].add(now, 1); // busy ones were still counted
        if (this.load[a] < k) this.agentLines.join(this.bucketBase[q] + this.load[a], a);
        this.levelSince[a] = now;
      }
      this.onShift[q] = n;
      // the new agents take waiting work
      for (;;) {
        const l = this.lowestLevel(q);
        if (l < 0) break;
        const id = this.nextFor(q);
        if (id < 0) break;
        this.takeFromLine(id, now);
        this.startService(id, q, this.takeAgent(q, l, now), now);
      }
    }
    this.recomputeCapacity();
  }

  private startService(id: number, q: number, agent: number, now: number): void {
    const c = this.contacts;
    const t = c.tier[id];
    c.state[id] = ContactState.InService;
    c.agent[id] = agent;
    c.pool[id] = q;
    c.serviceStart[id] = now;
    this.servedByPoolWork[q * this.W + c.workType[id]]++;
    const wait = now - c.joined[id];
    if (this.counted(id)) {
      this.series[t * this.P + c.priorityClass[id]].countAnswered(c.interval[id], wait);
      this.servedByPool[q]++;
    }
    this.observer.answered(id, t, wait, now);
    // a chat handled beside others takes longer: × (1 + stretch · (contacts in hand − 1))
    const inHand = this.load[agent];
    const h = inHand > 1 ? c.handle[id] * (1 + this.stretch[q] * (inHand - 1)) : c.handle[id];
    this.cal.schedule(now + h, this.kindBase + DEPARTURE, id);
  }

  /** Remove a waiting contact from its line (it is about to be served). */
  private takeFromLine(id: number, now: number): void {
    const c = this.contacts;
    this.lines.remove(id);
    this.series[c.tier[id] * this.P + c.priorityClass[id]].queue.add(now, -1);
    const ab = c.abandonEvent[id];
    if (ab >= 0) this.cal.cancel(ab);
  }

  /**
   * A contact enters tier t (first arrival or transfer) at time now. The caller has set
   * its workType, priorityClass, deferred flag and interval (−1: not counted).
   */
  enter(id: number, t: number, now: number): void {
    const c = this.contacts, W = this.W;
    const w = c.workType[id], p = c.priorityClass[id];
    c.tier[id] = t;
    c.joined[id] = now;
    c.handle[id] = this.handle[t * W + w].sample();
    const pat = this.patience[t * W + w];
    let patienceDraw = pat === null ? Infinity : pat.sample();
    // deferred work does not abandon (the draw is still made, keeping the stream aligned)
    if (c.deferred[id] === 1) patienceDraw = Infinity;
    const iv = c.interval[id];
    const ser = this.series[t * this.P + p];
    if (iv >= 0) ser.countOffered(iv);
    this.observer.entered(id, t, now);
    // the least-loaded eligible agent across the tier's pools, longest at that load first
    const cands = this.poolsFor[t * W + w];
    let best = -1, bestLevel = Infinity, bestSince = Infinity;
    for (let k = 0; k < cands.length; k++) {
      const q = cands[k];
      const l = this.lowestLevel(q);
      if (l < 0 || l > bestLevel) continue;
      const since = this.levelSince[this.agentLines.head[this.bucketBase[q] + l]];
      if (l < bestLevel || since < bestSince) { best = q; bestLevel = l; bestSince = since; }
    }
    if (best >= 0) {
      this.startService(id, best, this.takeAgent(best, bestLevel, now), now);
      return;
    }
    if (iv >= 0) ser.countDelayed(iv);
    c.state[id] = ContactState.Waiting;
    c.agent[id] = -1;
    const line = this.lineIndex(t, w, c.deferred[id], p);
    // a callback offer when the wait ahead looks long (real-time work only)
    if (c.deferred[id] === 0 && this.callbackAfter[w] !== Infinity) {
      const cap = this.capacityFor[t * W + w];
      const predicted = cap > 0 ? ((this.lines.length[line] + 1) * this.meanHandle[t * W + w]) / cap : Infinity;
      if (predicted > this.callbackAfter[w] && this.callbackRng() < this.callbackAccept[w]) {
        c.deferred[id] = 1; // keeps its real-time place, no longer abandons
        c.callback[id] = 1;
        patienceDraw = Infinity;
        if (iv >= 0) { this.callbacks[t]++; this.callbacksByWork[w]++; }
      }
    }
    this.lines.join(line, id);
    ser.queue.add(now, 1);
    c.abandonEvent[id] = patienceDraw === Infinity ? -1 : this.cal.schedule(now + patienceDraw, this.kindBase + ABANDON, id);
  }

  /** The contact an agent of pool q should take next, or -1: real-time lines before deferred, by class, then longest waiting. */
  private nextFor(q: number): number {
    const ls = this.linesByPool[q];
    const perGroup = this.cfg.pools[q].skills.length;
    const c = this.contacts;
    for (let g = 0; g < ls.length; g += perGroup) {
      let best = -1, bestT = Infinity;
      for (let k = g; k < g + perGroup; k++) {
        const h = this.lines.head[ls[k]];
        if (h >= 0 && c.joined[h] < bestT) { bestT = c.joined[h]; best = h; }
      }
      if (best >= 0) return best;
    }
    return -1;
  }

  private traceLeave(id: number, outcome: NetworkOutcome, now: number): void {
    const c = this.contacts;
    if (this.trace !== null && this.counted(id)) {
      const serving = c.state[id] === ContactState.InService;
      this.trace.visit(c.arrival[id], c.tier[id], c.workType[id], c.priorityClass[id], (serving ? c.serviceStart[id] : now) - c.joined[id], outcome, serving ? c.pool[id] : -1, serving ? c.agent[id] : -1, now);
    }
  }

  /** Handle one of the network's events (kind relative to kindBase, data = contact id). */
  handleEvent(kind: number, id: number, now: number): void {
    const c = this.contacts;
    if (kind === DEPARTURE) {
      const t = c.tier[id], w = c.workType[id];
      const q = c.pool[id], agent = c.agent[id];
      const ok = this.resolveRng[t]() < this.resolveP[t * this.W + w];
      const next = this.nextTier[t];
      const isCounted = this.counted(id);
      if (ok || next < 0) {
        if (isCounted) (ok ? this.resolved : this.unresolved)[t]++;
        this.traceLeave(id, ok ? "resolved" : "unresolved", now);
        c.state[id] = ContactState.Free;
        this.observer.left(id, t, ok ? "resolved" : "unresolved", c.serviceStart[id] - c.joined[id], now);
      } else {
        const escalate = this.escalates[t] === 1;
        if (isCounted) (escalate ? this.escalated : this.transferred)[t]++;
        this.traceLeave(id, escalate ? "escalated" : "transferred", now);
        if (escalate) c.deferred[id] = 1;
        else if (c.callback[id] === 1) c.deferred[id] = 0; // called back, now on the line: a warm transfer waits in real time again
        c.callback[id] = 0;
        this.observer.moved(id, t, escalate ? "escalated" : "transferred", now);
        this.enter(id, next, now);
      }
      // the freed agent takes the next eligible contact (if still on shift), or goes idle
      const onShift = agent - this.poolOffset[q] < this.onShift[q];
      const nextId = onShift ? this.nextFor(q) : -1;
      if (nextId >= 0) {
        this.takeFromLine(nextId, now);
        this.startService(nextId, q, agent, now);
      } else {
        this.releaseAgent(q, agent, now);
      }
    } else {
      // ABANDON
      const t = c.tier[id], p = c.priorityClass[id];
      this.lines.remove(id);
      this.series[t * this.P + p].queue.add(now, -1);
      const wait = now - c.joined[id];
      if (this.counted(id)) this.series[t * this.P + p].countAbandoned(c.interval[id], wait);
      this.traceLeave(id, "abandoned", now);
      c.state[id] = ContactState.Free;
      this.observer.left(id, t, "abandoned", wait, now);
    }
  }

  /** Close the statistics at the end of the run. */
  finish(): void {
    for (const s of this.series) s.finish();
    this.tierBusy.forEach((b) => b.close());
    this.tierStaffed.forEach((b) => b.close());
  }
}

/** Run the network alone, fed by its Poisson `streams`; every contact is released as it leaves. */
export function simulateNetwork(cfg: NetworkConfig, streams: RandomStreams, trace: NetworkTraceSink | null = null): NetworkResult {
  checkNetwork(cfg);
  const { horizon, warmup, intervalLength } = cfg;
  const invLen = 1 / intervalLength;
  const totalAgents = cfg.pools.reduce((s, p) => s + p.agents, 0);
  const cal = new EventCalendar(Math.max(1024, totalAgents * 4));
  const contacts = new ContactStore(Math.max(1024, totalAgents * 4));
  const release: NetworkObserver = {
    entered() {},
    answered() {},
    moved() {},
    left(id) { contacts.release(id); },
  };
  const net = new Network(cfg, cal, contacts, streams, release, 0, trace);
  const ARRIVAL0 = NETWORK_KINDS;
  const sources = cfg.streams.map((s) => new PiecewisePoissonArrivals(s.arrivals.starts, s.arrivals.ratesPerMinute, streams.stream(`arrivals:${s.name}`), s.arrivals.cycle));
  sources.forEach((src, s) => {
    const first = src.next(0);
    if (first < horizon) cal.schedule(first, ARRIVAL0 + s, 0);
  });
  let nArrivals = 0;
  for (let kind = cal.next(); kind >= 0; kind = cal.next()) {
    const now = cal.now;
    if (kind >= ARRIVAL0) {
      const s = kind - ARRIVAL0;
      const st = cfg.streams[s];
      nArrivals++;
      const id = contacts.allocate();
      contacts.arrival[id] = now;
      contacts.workType[id] = st.workType;
      contacts.priorityClass[id] = st.priorityClass;
      contacts.deferred[id] = st.deferred ? 1 : 0;
      contacts.callback[id] = 0;
      contacts.interval[id] = now >= warmup ? Math.floor(now * invLen) : -1;
      net.enter(id, st.tier, now);
      const nx = sources[s].next(now);
      if (nx < horizon) cal.schedule(nx, kind, 0);
    } else {
      net.handleEvent(kind, cal.data, now);
    }
  }
  net.finish();
  return {
    series: net.series, tierBusy: net.tierBusy, tierStaffed: net.tierStaffed,
    resolved: net.resolved, transferred: net.transferred, escalated: net.escalated, unresolved: net.unresolved,
    callbacks: net.callbacks, servedByPool: net.servedByPool, servedByPoolWork: net.servedByPoolWork,
    events: cal.fired, arrivals: nArrivals, leftInSystem: contacts.inSystem,
  };
}
