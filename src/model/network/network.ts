/**
 * The contact network: tiers of agent pools, work types and priority classes, routing
 * between tiers, in the spirit of Ciw's network / node / individual split, with typed arrays
 * instead of objects.
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
 * Vendors, operating models and ramps (issue 4) add to each pool:
 *
 * - **Factors**, mutable during a run (`poolHandleFactor`, `poolResolveFactor` per pool,
 *   `workHandleFactor` and `resolveByTierWork` per (tier, work type)): the handle time drawn
 *   at entry is multiplied at service start by workHandleFactor[t,w] × poolHandleFactor[q]
 *   (and the chat stretch); service resolves with probability min(1, resolve[t,w] ×
 *   poolResolveFactor[q]), read at departure. A change applies to services starting
 *   (handle) or ending (resolution) after it.
 * - An **occupancy cap** (`occupancyCap`, see `Network.overCap`): an agent that finishes
 *   its last contact in hand with a busy share of the current interval window above the
 *   cap rests (staffed, neither busy nor available) until its share falls back to the cap
 *   or the window ends, whichever comes first.
 * - **Outsourcing routing** (`routing`): "share" pools take a fixed share of the contacts
 *   entering their tier for their work, and only those (two partitions of the tier's
 *   lines); "overflow" pools take only contacts that have waited `overflowAfter` minutes
 *   at the tier.
 * - **Per-pool statistics**: busy and staffed agent-minutes and handle time spent.
 *
 * With every factor 1, no cap and routing "pool", the run is the same as without these
 * features, number for number: no extra random draws, no extra events
 * (tests/networkVendor.test.ts pins a summary computed before they existed).
 *
 * The network is a class that shares an event calendar and a contact store with the layer
 * above it (src/model/supportModel.ts); `simulateNetwork` runs it alone, fed by Poisson
 * streams, which is how it is validated against exact results.
 *
 * A contact's attributes are drawn from per-purpose streams as it enters each tier
 * (handle time, patience, and its share partition where share pools serve its work: stream
 * "network:share") and as it finishes (resolution), in that order, so scenarios
 * that differ in staffing see the same customers (common random numbers).
 *
 * Time unit: minutes.
 */
import { EventCalendar } from "../../engine/calendar.js";
import { makeDistribution, specMean, type Distribution, type DistributionSpec } from "../../engine/distributions.js";
import { PiecewisePoissonArrivals } from "../../engine/arrivals.js";
import type { RandomStreams, Rng } from "../../engine/random.js";
import { ContactState, ContactStore } from "./contacts.js";
import type { ArrivalConfig } from "../../engine/arrivals.js";
import { TierCounters } from "./counters.js";
import { LineSet } from "./lineSet.js";
import { TimeWeighted } from "../../engine/statistics.js";

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
  /** Handle-time multiplier of its agents (> 0): the initial `Network.poolHandleFactor[q]`; default 1. */
  handleTimeFactor?: number;
  /** Resolution multiplier (>= 0): the initial `Network.poolResolveFactor[q]`; resolves min(1, resolve × factor). Default 1. */
  resolveFactor?: number;
  /** Occupancy cap in (0, 1] (see `Network.overCap`); default 1: no cap. */
  occupancyCap?: number;
  /**
   * How contacts reach it (default "pool"):
   * - "pool": its agents take work from the tier's lines like any pool;
   * - "share": of the contacts entering its tier for a work type it serves, a share `share`
   *   (one uniform from the stream "network:share" per such contact) goes to the tier's share
   *   pools only and the rest to the other pools only: a share contact waits for a share
   *   agent even when none is on shift (the vendor's queue);
   * - "overflow": it takes a contact only once that contact has waited `overflowAfter`
   *   minutes at this tier (not share contacts); the contact is offered to free overflow
   *   agents at joined + overflowAfter, and a freed overflow agent takes the best contact old
   *   enough (by band, then class, then longest waiting). With overflowAfter 0 it takes
   *   contacts like a "pool" pool, but checkNetwork still does not count it as one.
   */
  routing?: PoolRouting;
  /** "share" routing: the share in [0, 1]; share pools serving the same (tier, work type) must have the same share. */
  share?: number;
  /** "overflow" routing: minutes (>= 0); overflow pools serving the same (tier, work type) must have the same threshold. */
  overflowAfter?: number;
}

export type PoolRouting = "pool" | "share" | "overflow";

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
  /** Keep per-interval bins in the per-(tier, class) `series` (default true); false: totals only. */
  classIntervals?: boolean;
}

export type NetworkOutcome = "resolved" | "unresolved" | "abandoned" | "transferred" | "escalated";

/**
 * One call per counted contact per tier visit, as it leaves the tier: `wait` at this tier
 * (until served, or until it abandoned), `joined` the time it entered this tier, `realtime`
 * whether it waited as real-time work (not a ticket or e-mail; a callback keeps its
 * real-time place), and the serving pool and agent (−1 if none).
 */
export interface NetworkTraceSink {
  visit(arrival: number, tier: number, workType: number, priorityClass: number, wait: number, outcome: NetworkOutcome, pool: number, agent: number, leave: number, joined: number, realtime: boolean): void;
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
  /** Per pool: agent-minutes busy (holding at least one contact) and staffed (on the floor) within [warmup, horizon). */
  poolBusy: Float64Array;
  poolStaffed: Float64Array;
  /** Per pool: Σ of the handle times (factored, stretched) of the counted contacts it served: AHT = poolHandleTime / servedByPool. */
  poolHandleTime: Float64Array;
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
  // per (tier, work type): the share of its share pools and the threshold of its overflow pools, which must agree
  const shareAt = new Map<number, { share: number; pool: number }>();
  const overflowAt = new Map<number, { after: number; pool: number }>();
  cfg.pools.forEach((p, i) => {
    if (p.tier < 0 || p.tier >= T) throw new RangeError(`pools[${i}].tier: expected a tier index, got ${p.tier}`);
    if (p.skills.length === 0) throw new RangeError(`pools[${i}] (${p.name}): serves no work type`);
    if (p.concurrency !== undefined && !(Number.isInteger(p.concurrency) && p.concurrency >= 1)) throw new RangeError(`pools[${i}].concurrency: expected an integer >= 1, got ${p.concurrency}`);
    if (p.stretch !== undefined && !(p.stretch >= 0)) throw new RangeError(`pools[${i}].stretch: expected a number >= 0, got ${p.stretch}`);
    for (const w of p.skills) if (w < 0 || w >= W) throw new RangeError(`pools[${i}].skills: unknown work type ${w}`);
    if (p.handleTimeFactor !== undefined && !(p.handleTimeFactor > 0 && p.handleTimeFactor < Infinity)) throw new RangeError(`pools[${i}].handleTimeFactor: expected a finite number > 0, got ${p.handleTimeFactor}`);
    if (p.resolveFactor !== undefined && !(p.resolveFactor >= 0 && p.resolveFactor < Infinity)) throw new RangeError(`pools[${i}].resolveFactor: expected a finite number >= 0, got ${p.resolveFactor}`);
    if (p.occupancyCap !== undefined && !(p.occupancyCap > 0 && p.occupancyCap <= 1)) throw new RangeError(`pools[${i}].occupancyCap: expected a share in (0, 1], got ${p.occupancyCap}`);
    const routing = p.routing ?? "pool";
    if (routing !== "pool" && routing !== "share" && routing !== "overflow") throw new RangeError(`pools[${i}].routing: expected "pool", "share" or "overflow", got ${String(routing)}`);
    if (routing === "share") {
      const share = p.share as number;
      if (!(share >= 0 && share <= 1)) throw new RangeError(`pools[${i}] (${p.name}): a "share" pool needs a share in [0, 1], got ${p.share}`);
      for (const w of p.skills) {
        const key = p.tier * W + w, other = shareAt.get(key);
        if (other === undefined) shareAt.set(key, { share, pool: i });
        else if (other.share !== share) throw new RangeError(`pools ${cfg.pools[other.pool].name} and ${p.name} take shares of work type ${cfg.workTypes[w]} at tier ${cfg.tiers[p.tier].name} with different shares (${other.share} vs ${share}): share pools of the same work split one partition, give them one share`);
      }
    }
    if (routing === "overflow") {
      const after = p.overflowAfter as number;
      if (!(after >= 0 && after < Infinity)) throw new RangeError(`pools[${i}] (${p.name}): an "overflow" pool needs overflowAfter in minutes >= 0, got ${p.overflowAfter}`);
      for (const w of p.skills) {
        const key = p.tier * W + w, other = overflowAt.get(key);
        if (other === undefined) overflowAt.set(key, { after, pool: i });
        else if (other.after !== after) throw new RangeError(`pools ${cfg.pools[other.pool].name} and ${p.name} overflow work type ${cfg.workTypes[w]} at tier ${cfg.tiers[p.tier].name} after different waits (${other.after} vs ${after} min): give them one threshold`);
      }
    }
  });
  // every (tier, work type) a contact can reach needs a pool that serves it: one with routing
  // "pool" (overflow pools wait, share pools take only their share), unless share pools take all of it
  const reach = new Set<string>();
  for (const s of cfg.streams) {
    for (let t: number | undefined = s.tier; t !== undefined; t = cfg.tiers[t].next) reach.add(`${t}:${s.workType}`);
    if (s.priorityClass < 0 || s.priorityClass >= P) throw new RangeError(`streams (${s.name}): unknown priority class ${s.priorityClass}`);
  }
  for (const key of reach) {
    const [t, w] = key.split(":").map(Number);
    const serving = cfg.pools.filter((p) => p.tier === t && p.skills.includes(w));
    if (serving.length === 0) {
      throw new RangeError(`no pool at tier ${cfg.tiers[t].name} serves work type ${cfg.workTypes[w]}, which reaches it`);
    }
    if (!serving.some((p) => (p.routing ?? "pool") === "pool") && shareAt.get(t * W + w)?.share !== 1) {
      throw new RangeError(`at tier ${cfg.tiers[t].name}, work type ${cfg.workTypes[w]} reaches it but only share or overflow pools serve it (${serving.map((p) => p.name).join(", ")}): it needs a pool with routing "pool", or share pools with share 1 (the whole tier's work outsourced)`);
    }
  }
}

/** Event kinds the network uses, as offsets from its `kindBase` (data: contact id, or agent index for REST_END). */
export const NETWORK_KINDS = 4;
const DEPARTURE = 0, ABANDON = 1, REST_END = 2, OVERFLOW = 3;
const ROUTE_POOL = 0, ROUTE_SHARE = 1, ROUTE_OVERFLOW = 2;

/**
 * Time integrals of one level per item (agents busy or staffed, per pool) within
 * [start, end): totals only, so memory does not grow with pools × intervals.
 */
class LevelTotals {
  readonly level: Float64Array;
  readonly total: Float64Array;
  private readonly last: Float64Array;

  constructor(n: number, private readonly start: number, private readonly end: number) {
    this.level = new Float64Array(n);
    this.total = new Float64Array(n);
    this.last = new Float64Array(n);
  }

  /** Item i's level changes by `delta` at `now` (non-decreasing per item). */
  add(i: number, now: number, delta: number): void {
    const lv = this.level[i];
    if (lv !== 0) {
      const a = this.last[i] > this.start ? this.last[i] : this.start;
      const b = now < this.end ? now : this.end;
      if (b > a) this.total[i] += lv * (b - a);
    }
    this.last[i] = now;
    this.level[i] = lv + delta;
  }

  close(): void {
    for (let i = 0; i < this.level.length; i++) if (this.last[i] < this.end) this.add(i, this.end, 0);
  }
}

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
  /** Per pool: agent-minutes holding at least one contact within [warmup, horizon) (complete after `finish`). */
  readonly poolBusy: Float64Array;
  /** Per pool: agent-minutes on the floor (on shift, or finishing a contact after it) within [warmup, horizon) (complete after `finish`). */
  readonly poolStaffed: Float64Array;
  /** Per pool: Σ of the handle times (factored, stretched: as served) of the counted contacts it started. */
  readonly poolHandleTime: Float64Array;

  /**
   * Mutable during a run (set them between events, e.g. daily for ramps):
   * - `poolHandleFactor[q]`, `workHandleFactor[t × W + w]`: the handle time drawn at entry
   *   is multiplied by both when service starts (and by the chat stretch);
   * - `resolveByTierWork[t × W + w]` (initially the tier's `resolveByWork` / `resolve`) and
   *   `poolResolveFactor[q]`: service resolves with probability min(1, resolve × factor),
   *   with the same single uniform draw at departure as without factors.
   * Handle factors also scale the callback offer's predicted wait.
   */
  readonly poolHandleFactor: Float64Array;
  readonly poolResolveFactor: Float64Array;
  readonly workHandleFactor: Float64Array;
  readonly resolveByTierWork: Float64Array;

  private readonly W: number;
  private readonly P: number;
  private readonly T: number;
  private readonly lines: LineSet;
  private readonly handle: Distribution[] = []; // t*W + w
  private readonly patience: (Distribution | null)[] = []; // t*W + w
  private readonly resolveRng: Rng[] = [];
  private readonly callbackAfter: Float64Array; // per work type; Infinity: no offer
  private readonly callbackAccept: Float64Array;
  private readonly callbackRng: Rng;
  private readonly meanHandle: Float64Array; // t*W + w
  // agents
  /** Whether `series` keeps per-interval bins (NetworkConfig.classIntervals). */
  private readonly classBins: boolean;
  private readonly poolOffset: Int32Array;
  private readonly bucketBase: Int32Array;
  private readonly concurrency: Int32Array;
  private readonly stretch: Float64Array;
  private readonly agentLines: LineSet;
  private readonly load: Int32Array;
  private readonly levelSince: Float64Array;
  private readonly onShift: Int32Array; // per pool: agents with local index < onShift[q] are on shift
  private readonly poolTier: Int32Array;
  private readonly agentPool: Int32Array; // per agent: its pool
  private readonly linesByPool: Int32Array[]; // per pool: its lines in the order an agent looks at them
  private readonly nextTier: Int32Array;
  private readonly escalates: Uint8Array;
  private readonly busyTotals: LevelTotals;
  private readonly staffedTotals: LevelTotals;
  // routing: partition 0 (pool and overflow pools) and 1 (share pools) of each (tier, work type)
  private readonly entryPools: Int32Array[]; // part·T·W + t·W + w → pools that may take a contact as it enters
  private readonly servePools: Int32Array[]; // part·T·W + t·W + w → pools that may serve it at all (callback prediction)
  private readonly overflowPools: Int32Array[]; // t·W + w → overflow pools that wait (overflowAfter > 0)
  private readonly overflowAfterTW: Float64Array; // t·W + w → their threshold, or Infinity
  private readonly overflowAfterPool: Float64Array; // per pool: minutes a contact must have waited (0 unless overflow)
  private readonly shareTW: Float64Array; // t·W + w → share of its share pools, or −1
  private readonly shareRng: Rng;
  // occupancy cap (only for pools with cap < 1)
  private readonly capOf: Float64Array;
  private readonly busyFrom: Float64Array; // per agent: start of its current busy period
  private readonly winIdx: Int32Array; // per agent: the interval window `winBusy` belongs to
  private readonly winBusy: Float64Array; // per agent: busy time of finished busy periods within that window
  private readonly restEvent: Float64Array; // per agent: calendar handle of its rest end, or −1

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
    const W = (this.W = cfg.workTypes.length), P = (this.P = cfg.classes.length), T = (this.T = cfg.tiers.length), Q = cfg.pools.length;
    const TW = T * W;
    const { horizon, warmup, intervalLength } = cfg;
    this.lines = new LineSet(2 * TW * 2 * P, contacts.capacity);
    this.series = [];
    // per-class interval bins only when asked for (one bin covering the window otherwise: the
    // support model reports intervals from its own counters, and memory then grows less with the horizon)
    this.classBins = cfg.classIntervals ?? true;
    const seriesLength = this.classBins ? intervalLength : Math.max(horizon, intervalLength);
    for (let t = 0; t < T; t++) for (let p = 0; p < P; p++) this.series.push(new TierCounters(warmup, horizon, seriesLength, cfg.threshold));
    this.tierBusy = cfg.tiers.map(() => new TimeWeighted(warmup, horizon, intervalLength));
    this.tierStaffed = cfg.tiers.map(() => new TimeWeighted(warmup, horizon, intervalLength));
    this.busyTotals = new LevelTotals(Q, warmup, horizon);
    this.staffedTotals = new LevelTotals(Q, warmup, horizon);
    this.poolBusy = this.busyTotals.total;
    this.poolStaffed = this.staffedTotals.total;
    cfg.pools.forEach((p, q) => this.staffedDelta(q, p.tier, 0, p.agents));
    this.resolved = new Float64Array(T); this.transferred = new Float64Array(T); this.escalated = new Float64Array(T);
    this.unresolved = new Float64Array(T); this.callbacks = new Float64Array(T); this.callbacksByWork = new Float64Array(W);
    this.servedByPool = new Float64Array(Q); this.servedByPoolWork = new Float64Array(Q * W); this.poolHandleTime = new Float64Array(Q);

    this.resolveByTierWork = new Float64Array(TW);
    this.workHandleFactor = new Float64Array(TW).fill(1);
    this.poolHandleFactor = Float64Array.from(cfg.pools.map((p) => p.handleTimeFactor ?? 1));
    this.poolResolveFactor = Float64Array.from(cfg.pools.map((p) => p.resolveFactor ?? 1));
    this.meanHandle = new Float64Array(TW);
    cfg.tiers.forEach((tier, t) => {
      const hr = streams.stream(`tier:${tier.name}:handle`);
      const base = makeDistribution(tier.handleTime, hr);
      for (let w = 0; w < W; w++) {
        const spec = tier.handleTimeByWork?.[w];
        this.handle.push(spec ? makeDistribution(spec, hr) : base);
        this.meanHandle[t * W + w] = specMean(spec ?? tier.handleTime);
        this.resolveByTierWork[t * W + w] = tier.resolveByWork?.[w] ?? tier.resolve;
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
    this.shareRng = streams.stream("network:share");

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
    this.agentPool = new Int32Array(totalAgents);
    cfg.pools.forEach((p, q) => {
      for (let i = 0; i < p.agents; i++) {
        this.agentLines.join(this.bucketBase[q], this.poolOffset[q] + i);
        this.agentPool[this.poolOffset[q] + i] = q;
      }
    });
    this.capOf = Float64Array.from(cfg.pools.map((p) => p.occupancyCap ?? 1));
    this.busyFrom = new Float64Array(totalAgents);
    this.winIdx = new Int32Array(totalAgents).fill(-1);
    this.winBusy = new Float64Array(totalAgents);
    this.restEvent = new Float64Array(totalAgents).fill(-1);

    // routing tables
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
    this.nextTier = Int32Array.from(cfg.tiers.map((t) => t.next ?? -1));
    this.escalates = Uint8Array.from(cfg.tiers.map((t) => (t.nextMode === "escalate" ? 1 : 0)));
  }

  /** Line of (partition 0 regular / 1 share, tier, work type, band 0 real-time / 1 deferred, class). */
  private lineIndex(part: number, t: number, w: number, band: number, p: number): number {
    return ((((part * this.T + t) * this.W + w) * 2 + band) * this.P) + p;
  }

  private counted(id: number): boolean {
    return this.contacts.interval[id] >= 0;
  }

  private busyDelta(q: number, now: number, d: number): void {
    this.tierBusy[this.poolTier[q]].add(now, d);
    this.busyTotals.add(q, now, d);
  }

  private staffedDelta(q: number, tier: number, now: number, d: number): void {
    this.tierStaffed[tier].add(now, d);
    this.staffedTotals.add(q, now, d);
  }

  /** Agents of pool q currently on shift. */
  agentsOnShift(q: number): number {
    return this.onShift[q];
  }

  /** Agents of pool q resting now (occupancy cap): on the floor, neither busy nor available. */
  agentsResting(q: number): number {
    let n = 0;
    for (let a = this.poolOffset[q]; a < this.poolOffset[q + 1]; a++) if (this.restEvent[a] >= 0) n++;
    return n;
  }

  /** Lowest load level with an available agent in pool q, or -1. */
  private lowestLevel(q: number): number {
    const k = this.concurrency[q], b = this.bucketBase[q];
    for (let l = 0; l < k; l++) if (this.agentLines.length[b + l] > 0) return l;
    return -1;
  }

  /** Agent a of pool q (on shift, available, at level load[a]) takes one more contact. */
  private occupy(q: number, a: number, now: number): void {
    this.agentLines.remove(a);
    const n = ++this.load[a];
    if (n < this.concurrency[q]) this.agentLines.join(this.bucketBase[q] + n, a);
    this.levelSince[a] = now;
    if (n === 1) {
      this.busyDelta(q, now, 1);
      if (this.capOf[q] < 1) this.busyFrom[a] = now;
    }
  }

  /** Give one more contact to the first agent of pool q at level l. */
  private takeAgent(q: number, l: number, now: number): number {
    const a = this.agentLines.head[this.bucketBase[q] + l];
    this.occupy(q, a, now);
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
      this.busyDelta(q, now, -1);
      if (this.capOf[q] < 1) this.closeBusy(a, now);
      if (!on) this.staffedDelta(q, this.poolTier[q], now, -1); // off shift: goes home now
    }
  }

  /**
   * Busy time of agent a within the interval window [k·L, now], k = ⌊now / L⌋, L =
   * cfg.intervalLength: its busy periods that ended in this window (`winBusy`) plus the
   * current one since max(busyFrom, k·L). Only kept for pools with a cap.
   */
  private busyInWindow(a: number, now: number, k: number): number {
    const ws = k * this.cfg.intervalLength;
    return (this.winIdx[a] === k ? this.winBusy[a] : 0) + now - (this.busyFrom[a] > ws ? this.busyFrom[a] : ws);
  }

  /** Agent a's busy period ends at `now`: fold it into its window's busy time. */
  private closeBusy(a: number, now: number): void {
    const k = Math.floor(now / this.cfg.intervalLength);
    this.winBusy[a] = this.busyInWindow(a, now, k);
    this.winIdx[a] = k;
  }

  /**
   * Occupancy cap. Agent a of pool q finishes its last contact in hand at `now` (for a chat
   * pool: its load goes from 1 to 0; an agent still holding other chats keeps working, its
   * busy time runs on anyway). With window start s = ⌊now / L⌋·L and B its busy time in
   * [s, now], it is over the cap when B > cap·(now − s). It then rests until
   *   min(s + B / cap, s + L):
   * s + B / cap is when its busy share of the window, B / (τ − s) while it rests, falls back to
   * the cap; at the window's end a new window starts with no busy time, so the share no longer
   * exceeds the cap there and resting longer would follow no rule. The cap is checked only
   * when a contact ends, so a contact running past the window's end can still leave that
   * window above the cap (tests/networkVendor.test.ts: cap 0.8, 10-minute contacts, L = 30
   * give 25 busy minutes in every window, 5/6).
   */
  private overCap(a: number, q: number, now: number): boolean {
    const k = Math.floor(now / this.cfg.intervalLength);
    return this.busyInWindow(a, now, k) > this.capOf[q] * (now - k * this.cfg.intervalLength);
  }

  /** Agent a of pool q lets go of its last contact and rests (see `overCap`). */
  private rest(q: number, a: number, now: number): void {
    if (this.concurrency[q] > 1) this.agentLines.remove(a); // load 1 < k: it was available at level 1
    this.load[a] = 0;
    this.levelSince[a] = now;
    this.busyDelta(q, now, -1);
    this.closeBusy(a, now);
    const L = this.cfg.intervalLength, k = this.winIdx[a];
    let end = k * L + this.winBusy[a] / this.capOf[q];
    if (end > (k + 1) * L) end = (k + 1) * L;
    if (end < now) end = now; // rounding
    this.restEvent[a] = this.cal.schedule(end, this.kindBase + REST_END, a);
  }

  /** Agent a's rest ends: it becomes available and takes waiting work (up to its concurrency). */
  private endRest(a: number, now: number): void {
    const q = this.agentPool[a];
    this.restEvent[a] = -1;
    // on shift: an agent sent off shift while resting had its rest end cancelled
    this.agentLines.join(this.bucketBase[q], a);
    this.levelSince[a] = now;
    while (this.load[a] < this.concurrency[q]) {
      const id = this.nextFor(q, now);
      if (id < 0) break;
      this.takeFromLine(id, now);
      this.occupy(q, a, now);
      this.startService(id, q, a, now);
    }
  }

  /**
   * Put `n` agents of pool q on shift (0 ≤ n ≤ the pool's `agents`). Agents leaving finish
   * the contacts in hand (they count as staffed until then); resting agents leave at once;
   * agents arriving take waiting work at once.
   */
  setAgents(q: number, n: number, now: number): void {
    const max = this.cfg.pools[q].agents;
    if (!(Number.isInteger(n) && n >= 0 && n <= max)) throw new RangeError(`pools[${q}] (${this.cfg.pools[q].name}): expected 0..${max} agents on shift, got ${n}`);
    const old = this.onShift[q], off = this.poolOffset[q], k = this.concurrency[q], tier = this.poolTier[q];
    if (n === old) return;
    if (n < old) {
      for (let i = n; i < old; i++) {
        const a = off + i;
        if (this.restEvent[a] >= 0) {
          // resting: holds nothing and is in no line; goes home now
          this.cal.cancel(this.restEvent[a]);
          this.restEvent[a] = -1;
          this.staffedDelta(q, tier, now, -1);
          continue;
        }
        if (this.load[a] < k) this.agentLines.remove(a);
        if (this.load[a] === 0) this.staffedDelta(q, tier, now, -1);
      }
      this.onShift[q] = n;
    } else {
      for (let i = old; i < n; i++) {
        const a = off + i;
        if (this.load[a] === 0) this.staffedDelta(q, tier, now, 1); // busy ones were still counted
        if (this.load[a] < k) this.agentLines.join(this.bucketBase[q] + this.load[a], a);
        this.levelSince[a] = now;
      }
      this.onShift[q] = n;
      // the new agents take waiting work
      for (;;) {
        const l = this.lowestLevel(q);
        if (l < 0) break;
        const id = this.nextFor(q, now);
        if (id < 0) break;
        this.takeFromLine(id, now);
        this.startService(id, q, this.takeAgent(q, l, now), now);
      }
    }
  }

  private startService(id: number, q: number, agent: number, now: number): void {
    const c = this.contacts;
    const t = c.tier[id], w = c.workType[id];
    c.state[id] = ContactState.InService;
    c.agent[id] = agent;
    c.pool[id] = q;
    c.serviceStart[id] = now;
    this.servedByPoolWork[q * this.W + w]++;
    const wait = now - c.joined[id];
    // the drawn handle time × the (tier, work) and pool factors; a chat handled beside
    // others takes longer: × (1 + stretch · (contacts in hand − 1))
    let h = c.handle[id] * this.workHandleFactor[t * this.W + w] * this.poolHandleFactor[q];
    const inHand = this.load[agent];
    if (inHand > 1) h *= 1 + this.stretch[q] * (inHand - 1);
    if (this.counted(id)) {
      this.series[t * this.P + c.priorityClass[id]].countAnswered(this.classBins ? c.interval[id] : 0, wait);
      this.servedByPool[q]++;
      this.poolHandleTime[q] += h;
    }
    this.observer.answered(id, t, wait, now);
    this.cal.schedule(now + h, this.kindBase + DEPARTURE, id);
  }

  /** Remove a waiting contact from its line (it is about to be served). */
  private takeFromLine(id: number, now: number): void {
    const c = this.contacts;
    this.lines.remove(id);
    this.series[c.tier[id] * this.P + c.priorityClass[id]].queue.add(now, -1);
    const ab = c.abandonEvent[id];
    if (ab >= 0) this.cal.cancel(ab);
    const ov = c.overflowEvent[id];
    if (ov >= 0) this.cal.cancel(ov);
  }

  /** The pool among `cands` with an available agent at the lowest load level, longest at that level first; sets `pickLevel`. */
  private pickPool(cands: Int32Array): number {
    let best = -1, bestLevel = Infinity, bestSince = Infinity;
    for (let k = 0; k < cands.length; k++) {
      const q = cands[k];
      const l = this.lowestLevel(q);
      if (l < 0 || l > bestLevel) continue;
      const since = this.levelSince[this.agentLines.head[this.bucketBase[q] + l]];
      if (l < bestLevel || since < bestSince) { best = q; bestLevel = l; bestSince = since; }
    }
    this.pickLevel = bestLevel;
    return best;
  }
  private pickLevel = 0;

  /**
   * A contact enters tier t (first arrival or transfer) at time now. The caller has set
   * its workType, priorityClass, deferred flag and interval (−1: not counted).
   */
  enter(id: number, t: number, now: number): void {
    const c = this.contacts, W = this.W;
    const w = c.workType[id], p = c.priorityClass[id], k = t * W + w;
    c.tier[id] = t;
    c.joined[id] = now;
    c.handle[id] = this.handle[k].sample();
    const pat = this.patience[k];
    let patienceDraw = pat === null ? Infinity : pat.sample();
    // deferred work does not abandon (the draw is still made, keeping the stream aligned)
    if (c.deferred[id] === 1) patienceDraw = Infinity;
    // share routing: partition 1 (the share pools' lines) or 0 (the other pools')
    const share = this.shareTW[k];
    const part = share >= 0 && this.shareRng() < share ? 1 : 0;
    const iv = c.interval[id];
    const ser = this.series[t * this.P + p];
    if (iv >= 0) ser.countOffered(this.classBins ? iv : 0);
    this.observer.entered(id, t, now);
    // the least-loaded eligible agent across the tier's pools, longest at that load first
    const best = this.pickPool(this.entryPools[part * this.T * W + k]);
    if (best >= 0) {
      this.startService(id, best, this.takeAgent(best, this.pickLevel, now), now);
      return;
    }
    if (iv >= 0) ser.countDelayed(this.classBins ? iv : 0);
    c.state[id] = ContactState.Waiting;
    c.agent[id] = -1;
    const line = this.lineIndex(part, t, w, c.deferred[id], p);
    // a callback offer when the wait ahead looks long (real-time work only)
    if (c.deferred[id] === 0 && this.callbackAfter[w] !== Infinity) {
      // service capacity of the pools that may serve it (overflow pools included: they take it
      // after their threshold): Σ agents on shift × concurrency / pool handle factor
      const pools = this.servePools[part * this.T * W + k];
      let cap = 0;
      for (let j = 0; j < pools.length; j++) cap += (this.onShift[pools[j]] * this.concurrency[pools[j]]) / this.poolHandleFactor[pools[j]];
      const predicted = cap > 0 ? ((this.lines.length[line] + 1) * this.meanHandle[k] * this.workHandleFactor[k]) / cap : Infinity;
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
    // overflow pools may take it once it has waited their threshold here
    const after = this.overflowAfterTW[k];
    c.overflowEvent[id] = part === 0 && after !== Infinity ? this.cal.schedule(now + after, this.kindBase + OVERFLOW, id) : -1;
  }

  /**
   * The contact an agent of pool q should take next at `now`, or -1: real-time lines before
   * deferred, by class, then longest waiting. An overflow pool takes only contacts that have
   * waited its `overflowAfter` at the tier; a line's head has waited longest, so checking
   * heads is enough (an old enough contact in a lower class or band is taken when no higher
   * one is old enough).
   */
  private nextFor(q: number, now: number): number {
    const ls = this.linesByPool[q];
    const perGroup = this.cfg.pools[q].skills.length;
    const after = this.overflowAfterPool[q];
    const c = this.contacts;
    for (let g = 0; g < ls.length; g += perGroup) {
      let best = -1, bestT = Infinity;
      for (let k = g; k < g + perGroup; k++) {
        const h = this.lines.head[ls[k]];
        if (h >= 0 && c.joined[h] < bestT && (after === 0 || c.joined[h] + after <= now)) { bestT = c.joined[h]; best = h; }
      }
      if (best >= 0) return best;
    }
    return -1;
  }

  private traceLeave(id: number, outcome: NetworkOutcome, now: number): void {
    const c = this.contacts;
    if (this.trace !== null && this.counted(id)) {
      const serving = c.state[id] === ContactState.InService;
      this.trace.visit(c.arrival[id], c.tier[id], c.workType[id], c.priorityClass[id], (serving ? c.serviceStart[id] : now) - c.joined[id], outcome, serving ? c.pool[id] : -1, serving ? c.agent[id] : -1, now, c.joined[id], c.deferred[id] === 0 || c.callback[id] === 1);
    }
  }

  /** Handle one of the network's events (kind relative to kindBase; data = contact id, or agent index for a rest end). */
  handleEvent(kind: number, id: number, now: number): void {
    const c = this.contacts;
    if (kind === DEPARTURE) {
      const t = c.tier[id], w = c.workType[id];
      const q = c.pool[id], agent = c.agent[id];
      let pr = this.resolveByTierWork[t * this.W + w] * this.poolResolveFactor[q];
      if (pr > 1) pr = 1;
      const ok = this.resolveRng[t]() < pr;
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
      // the freed agent rests (over its occupancy cap), takes the next eligible contact
      // (if still on shift), or goes idle
      const onShift = agent - this.poolOffset[q] < this.onShift[q];
      if (onShift && this.capOf[q] < 1 && this.load[agent] === 1 && this.overCap(agent, q, now)) {
        this.rest(q, agent, now);
        return;
      }
      const nextId = onShift ? this.nextFor(q, now) : -1;
      if (nextId >= 0) {
        this.takeFromLine(nextId, now);
        this.startService(nextId, q, agent, now);
      } else {
        this.releaseAgent(q, agent, now);
      }
    } else if (kind === ABANDON) {
      const t = c.tier[id], p = c.priorityClass[id];
      this.lines.remove(id);
      this.series[t * this.P + p].queue.add(now, -1);
      const ov = c.overflowEvent[id];
      if (ov >= 0) this.cal.cancel(ov);
      const wait = now - c.joined[id];
      if (this.counted(id)) this.series[t * this.P + p].countAbandoned(this.classBins ? c.interval[id] : 0, wait);
      this.traceLeave(id, "abandoned", now);
      c.state[id] = ContactState.Free;
      this.observer.left(id, t, "abandoned", wait, now);
    } else if (kind === OVERFLOW) {
      // it has waited `overflowAfter` here: a free overflow agent takes it (else it waits
      // on, and the next overflow agent to free up finds it old enough)
      c.overflowEvent[id] = -1;
      const best = this.pickPool(this.overflowPools[c.tier[id] * this.W + c.workType[id]]);
      if (best >= 0) {
        this.takeFromLine(id, now);
        this.startService(id, best, this.takeAgent(best, this.pickLevel, now), now);
      }
    } else {
      this.endRest(id, now);
    }
  }

  /** Close the statistics at the end of the run. */
  finish(): void {
    for (const s of this.series) s.finish();
    this.tierBusy.forEach((b) => b.close());
    this.tierStaffed.forEach((b) => b.close());
    this.busyTotals.close();
    this.staffedTotals.close();
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
    poolBusy: net.poolBusy, poolStaffed: net.poolStaffed, poolHandleTime: net.poolHandleTime,
    events: cal.fired, arrivals: nArrivals, leftInSystem: contacts.inSystem,
  };
}
