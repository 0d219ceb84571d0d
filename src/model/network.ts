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
 * A contact's attributes are drawn from per-purpose streams as it enters each tier
 * (handle time, patience) and as it finishes (resolution), in that order, so scenarios
 * that differ in staffing see the same customers (common random numbers).
 *
 * Time unit: minutes.
 */
import { EventCalendar } from "../engine/calendar.js";
import { makeDistribution, type Distribution, type DistributionSpec } from "../engine/distributions.js";
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
  events: number;
  arrivals: number;
  leftInSystem: number;
}

const DEPARTURE = 0, ABANDON = 1, ARRIVAL0 = 2; // ARRIVAL0 + stream index

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

export function simulateNetwork(cfg: NetworkConfig, streams: RandomStreams, trace: NetworkTraceSink | null = null): NetworkResult {
  checkNetwork(cfg);
  const W = cfg.workTypes.length, P = cfg.classes.length, T = cfg.tiers.length, Q = cfg.pools.length;
  const { horizon, warmup, intervalLength } = cfg;
  const invLen = 1 / intervalLength;
  const totalAgents = cfg.pools.reduce((s, p) => s + p.agents, 0);

  const cal = new EventCalendar(Math.max(1024, totalAgents * 4));
  const contacts = new ContactStore(Math.max(1024, totalAgents * 4));
  const lines = new LineSet(T * W * P, contacts.capacity);

  // counters
  const series: TierCounters[] = [];
  for (let t = 0; t < T; t++) for (let p = 0; p < P; p++) series.push(new TierCounters(warmup, horizon, intervalLength, cfg.threshold));
  const tierBusy = cfg.tiers.map(() => new TimeWeighted(warmup, horizon, intervalLength));
  const tierStaffed = cfg.tiers.map(() => new TimeWeighted(warmup, horizon, intervalLength));
  cfg.pools.forEach((p) => tierStaffed[p.tier].add(0, p.agents));
  const resolved = new Float64Array(T), transferred = new Float64Array(T), escalated = new Float64Array(T), unresolved = new Float64Array(T);
  const servedByPool = new Float64Array(Q), servedByPoolWork = new Float64Array(Q * W);

  // distributions and streams, per tier (and work type)
  const handle: Distribution[] = []; // index t*W + w
  const patience: (Distribution | null)[] = [];
  const resolveP = new Float64Array(T * W);
  const resolveRng: Rng[] = [];
  cfg.tiers.forEach((tier, t) => {
    const hr = streams.stream(`tier:${tier.name}:handle`);
    const base = makeDistribution(tier.handleTime, hr);
    for (let w = 0; w < W; w++) {
      const spec = tier.handleTimeByWork?.[w];
      handle.push(spec ? makeDistribution(spec, hr) : base);
      resolveP[t * W + w] = tier.resolveByWork?.[w] ?? tier.resolve;
    }
    patience.push(tier.patience ? makeDistribution(tier.patience, streams.stream(`tier:${tier.name}:patience`)) : null);
    resolveRng.push(streams.stream(`tier:${tier.name}:resolve`));
  });

  // Agents: global index = pool offset + local index. An agent holds up to `concurrency`
  // contacts (chat); agents with free capacity wait in one FIFO per (pool, load level),
  // so the next contact goes to the least-loaded agent, and among equals to the one
  // that has been at that level longest (for concurrency 1: longest idle).
  const poolOffset = new Int32Array(Q + 1);
  const bucketBase = new Int32Array(Q + 1);
  cfg.pools.forEach((p, q) => {
    poolOffset[q + 1] = poolOffset[q] + p.agents;
    bucketBase[q + 1] = bucketBase[q] + (p.concurrency ?? 1);
  });
  const concurrency = Int32Array.from(cfg.pools.map((p) => p.concurrency ?? 1));
  const stretch = Float64Array.from(cfg.pools.map((p) => p.stretch ?? 0));
  const agentLines = new LineSet(bucketBase[Q], Math.max(1, totalAgents));
  const load = new Int32Array(totalAgents);
  const levelSince = new Float64Array(totalAgents);
  cfg.pools.forEach((p, q) => {
    for (let i = 0; i < p.agents; i++) agentLines.join(bucketBase[q], poolOffset[q] + i);
  });
  /** Lowest load level with an available agent in pool q, or -1. */
  const lowestLevel = (q: number): number => {
    const k = concurrency[q], b = bucketBase[q];
    for (let l = 0; l < k; l++) if (agentLines.length[b + l] > 0) return l;
    return -1;
  };
  /** Give one more contact to the first agent of pool q at level l. */
  const takeAgent = (q: number, l: number, now: number): number => {
    const a = agentLines.head[bucketBase[q] + l];
    agentLines.remove(a);
    const n = ++load[a];
    if (n < concurrency[q]) agentLines.join(bucketBase[q] + n, a);
    levelSince[a] = now;
    if (n === 1) tierBusy[cfg.pools[q].tier].add(now, 1);
    return a;
  };
  /** Agent a of pool q finishes a contact and takes none in its place. */
  const releaseAgent = (q: number, a: number, now: number): void => {
    if (load[a] < concurrency[q]) agentLines.remove(a);
    const n = --load[a];
    agentLines.join(bucketBase[q] + n, a);
    levelSince[a] = now;
    if (n === 0) tierBusy[cfg.pools[q].tier].add(now, -1);
  };

  // routing tables
  const poolsFor: number[][] = []; // index t*W + w → pools that can serve it
  for (let t = 0; t < T; t++) for (let w = 0; w < W; w++) poolsFor.push(cfg.pools.map((p, q) => (p.tier === t && p.skills.includes(w) ? q : -1)).filter((q) => q >= 0));
  // per pool, its lines grouped by class: linesByPoolClass[q][p] = line indices
  const lineIndex = (t: number, w: number, p: number) => (t * W + w) * P + p;
  const linesByPoolClass: Int32Array[][] = cfg.pools.map((pool) => cfg.classes.map((_, p) => Int32Array.from(pool.skills.map((w) => lineIndex(pool.tier, w, p)))));
  const counted = (id: number) => contacts.interval[id] >= 0;

  const sources = cfg.streams.map((s) => new PiecewisePoissonArrivals(s.arrivals.starts, s.arrivals.ratesPerMinute, streams.stream(`arrivals:${s.name}`), s.arrivals.cycle));

  let nArrivals = 0;

  const startService = (id: number, q: number, agent: number, now: number): void => {
    const t = contacts.tier[id];
    contacts.state[id] = ContactState.InService;
    contacts.agent[id] = agent;
    contacts.pool[id] = q;
    contacts.serviceStart[id] = now;
    servedByPoolWork[q * W + contacts.workType[id]]++;
    if (counted(id)) {
      series[t * P + contacts.priorityClass[id]].countAnswered(contacts.interval[id], now - contacts.joined[id]);
      servedByPool[q]++;
    }
    // a chat handled beside others takes longer: × (1 + stretch · (contacts in hand − 1))
    const inHand = load[agent];
    const h = inHand > 1 ? contacts.handle[id] * (1 + stretch[q] * (inHand - 1)) : contacts.handle[id];
    cal.schedule(now + h, DEPARTURE, id);
  };

  /** A contact enters tier t (first arrival or transfer) at time now. */
  const enterTier = (id: number, t: number, now: number): void => {
    const w = contacts.workType[id], p = contacts.priorityClass[id];
    contacts.tier[id] = t;
    contacts.joined[id] = now;
    contacts.handle[id] = handle[t * W + w].sample();
    const pat = patience[t];
    let patienceDraw = pat === null ? Infinity : pat.sample();
    // deferred work does not abandon (the draw is still made, keeping the stream aligned)
    if (contacts.deferred[id] === 1) patienceDraw = Infinity;
    const iv = contacts.interval[id];
    const ser = series[t * P + p];
    if (iv >= 0) ser.countOffered(iv);
    // the least-loaded eligible agent across the tier's pools, longest at that load first
    const cands = poolsFor[t * W + w];
    let best = -1, bestLevel = Infinity, bestSince = Infinity;
    for (let k = 0; k < cands.length; k++) {
      const q = cands[k];
      const l = lowestLevel(q);
      if (l < 0 || l > bestLevel) continue;
      const since = levelSince[agentLines.head[bucketBase[q] + l]];
      if (l < bestLevel || since < bestSince) { best = q; bestLevel = l; bestSince = since; }
    }
    if (best >= 0) {
      startService(id, best, takeAgent(best, bestLevel, now), now);
      return;
    }
    if (iv >= 0) ser.countDelayed(iv);
    contacts.state[id] = ContactState.Waiting;
    contacts.agent[id] = -1;
    lines.join(lineIndex(t, w, p), id);
    ser.queue.add(now, 1);
    contacts.abandonEvent[id] = patienceDraw === Infinity ? -1 : cal.schedule(now + patienceDraw, ABANDON, id);
  };

  /** The contact an agent of pool q should take next, or -1. */
  const nextFor = (q: number): number => {
    const byClass = linesByPoolClass[q];
    for (let p = 0; p < P; p++) {
      const ls = byClass[p];
      let best = -1, bestT = Infinity;
      for (let k = 0; k < ls.length; k++) {
        const h = lines.head[ls[k]];
        if (h >= 0 && contacts.joined[h] < bestT) { bestT = contacts.joined[h]; best = h; }
      }
      if (best >= 0) return best;
    }
    return -1;
  };

  const leave = (id: number, outcome: NetworkOutcome, now: number): void => {
    if (trace !== null && counted(id)) {
      const serving = contacts.state[id] === ContactState.InService;
      trace.visit(contacts.arrival[id], contacts.tier[id], contacts.workType[id], contacts.priorityClass[id], (serving ? contacts.serviceStart[id] : now) - contacts.joined[id], outcome, serving ? contacts.pool[id] : -1, serving ? contacts.agent[id] : -1, now);
    }
  };

  sources.forEach((src, s) => {
    const first = src.next(0);
    if (first < horizon) cal.schedule(first, ARRIVAL0 + s, 0);
  });

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
      contacts.interval[id] = now >= warmup ? Math.floor(now * invLen) : -1;
      enterTier(id, st.tier, now);
      const nx = sources[s].next(now);
      if (nx < horizon) cal.schedule(nx, kind, 0);
    } else if (kind === DEPARTURE) {
      const id = cal.data;
      const t = contacts.tier[id], w = contacts.workType[id];
      const q = contacts.pool[id], agent = contacts.agent[id];
      const ok = resolveRng[t]() < resolveP[t * W + w];
      const next = cfg.tiers[t].next;
      const isCounted = counted(id);
      if (ok || next === undefined) {
        if (isCounted) (ok ? resolved : unresolved)[t]++;
        leave(id, ok ? "resolved" : "unresolved", now);
        contacts.release(id);
      } else {
        const escalate = cfg.tiers[t].nextMode === "escalate";
        if (isCounted) (escalate ? escalated : transferred)[t]++;
        leave(id, escalate ? "escalated" : "transferred", now);
        if (escalate) contacts.deferred[id] = 1;
        enterTier(id, next, now);
      }
      // the freed agent takes the next eligible contact, or goes idle
      const nextId = nextFor(q);
      if (nextId >= 0) {
        lines.remove(nextId);
        series[t * P + contacts.priorityClass[nextId]].queue.add(now, -1);
        const ab = contacts.abandonEvent[nextId];
        if (ab >= 0) cal.cancel(ab);
        startService(nextId, q, agent, now);
      } else {
        releaseAgent(q, agent, now);
      }
    } else {
      // ABANDON
      const id = cal.data;
      const t = contacts.tier[id], p = contacts.priorityClass[id];
      lines.remove(id);
      series[t * P + p].queue.add(now, -1);
      if (counted(id)) series[t * P + p].countAbandoned(contacts.interval[id], now - contacts.joined[id]);
      leave(id, "abandoned", now);
      contacts.release(id);
    }
  }
  for (const s of series) s.finish();
  tierBusy.forEach((b) => b.close());
  tierStaffed.forEach((b) => b.close());
  return { series, tierBusy, tierStaffed, resolved, transferred, escalated, unresolved, servedByPool, servedByPoolWork, events: cal.fired, arrivals: nArrivals, leftInSystem: contacts.inSystem };
}
