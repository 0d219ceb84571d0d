/**
 * The shape of a contact network (network.ts): tiers, pools, work types, priority classes,
 * arrival streams and callback offers, and what the network reports and tells the layer above
 * it (the observer, a trace sink, the result of a run alone). Time unit: minutes.
 */
import type { DistributionSpec } from "../../engine/distributions.js";
import type { TimeWeighted } from "../../engine/statistics.js";
import type { ArrivalConfig } from "../../engine/arrivals.js";
import type { TierCounters } from "./counters.js";

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
  /**
   * A real-time contact warm-transferred here that has waited `holdLimit` minutes unanswered
   * becomes deferred: a callback (keeps its place in the line) or, with `holdLimitTicket`, a
   * ticket (moves to the deferred line of its work type and class). Undefined: no limit.
   */
  holdLimit?: number;
  holdLimitTicket?: boolean;
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
   * Reserve for live work (a whole number >= 0; default 0: none): the pool starts deferred work
   * (its lines' deferred band) only while at least min(R, agents on shift − 1) of its agents stay
   * idle for real-time work (agentFloor.ts `mayDefer`; a threshold policy, Bhulai & Koole 2003).
   */
  reserveForLive?: number;
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
  /**
   * Count the per-(tier, class) `series` at all (default true); false: `series` is empty and
   * nothing is counted there (the support model reports from its own counters).
   */
  classSeries?: boolean;
  /**
   * Deferred work at a shift's end (default false): an agent sent off shift hands its deferred
   * contacts (e-mail, tickets; not a callback under way) back to the front of their lines, with the
   * work left on them, instead of finishing them in overtime (handover.ts).
   */
  handOverDeferred?: boolean;
}

export type NetworkOutcome = "resolved" | "unresolved" | "abandoned" | "transferred" | "escalated";

/**
 * `visit`: one call per counted contact per tier visit, as it leaves the tier: `wait` at this tier
 * (until served, or until it abandoned), `joined` the time it entered this tier, `realtime`
 * whether it waited as real-time work (not a ticket or e-mail; a callback keeps its
 * real-time place), the serving pool and agent (−1 if none), and `workStart`, when the last spell
 * of work on it began (its answer, or its resumption after a handover; `leave` if not served).
 * `handedBack` (optional): a counted contact's spell of work [start, end] by pool q ended at a
 * shift's end, its work handed back (handover.ts).
 */
export interface NetworkTraceSink {
  visit(arrival: number, tier: number, workType: number, priorityClass: number, wait: number, outcome: NetworkOutcome, pool: number, agent: number, leave: number, joined: number, realtime: boolean, workStart: number): void;
  handedBack?(pool: number, start: number, end: number): void;
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
  /** A warm transfer waited `wait` minutes, the tier's hold limit, unanswered: it is now a callback or a ticket (deferred). */
  heldToLimit(id: number, tier: number, wait: number, now: number): void;
  /** It leaves the tier for the next (transferred or escalated). */
  moved(id: number, tier: number, outcome: "transferred" | "escalated", now: number): void;
  /** It leaves the network: resolved, unresolved (no next tier) or abandoned (after `wait`). */
  left(id: number, tier: number, outcome: "resolved" | "unresolved" | "abandoned", wait: number, now: number): void;
}
