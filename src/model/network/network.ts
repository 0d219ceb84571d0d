/**
 * The contact network: tiers of agent pools, work types and priority classes, routing between tiers, in
 * the spirit of Ciw's network / node / individual split, with typed arrays instead of objects.
 *
 * - A **work type** is what a contact needs done (e.g. "defect by phone"); a **pool** of agents belongs
 *   to one tier and serves some work types only (skills).
 * - A **priority class** orders the wait: an agent takes the highest class first, and within a class the
 *   contact that has waited longest (non-preemptive priority).
 * - A contact entering a tier is taken at once by an eligible agent with free capacity across that tier's
 *   pools (the least loaded, and among those the longest at that load: for one contact at a time, the
 *   longest idle); otherwise it waits in the line of its (tier, work type, class) and may abandon when
 *   its patience at that tier runs out.
 * - After service it is resolved with the tier's resolution probability for its work type; an unresolved
 *   contact is transferred to the tier's `next` tier (warm transfer: the customer keeps waiting, now in
 *   the next tier's line) or, at the last tier, leaves unresolved.
 * - An agent of a chat pool handles up to `concurrency` contacts at once; each contact's handle time
 *   stretches by (1 + stretch·(n − 1)) when it starts with n in hand (fixed at its start). An agent
 *   counts as busy while it holds any contact.
 * - In a pool that serves both, real-time work (phone, chat, warm transfers) goes before deferred work
 *   (e-mail, tickets, accepted callbacks keep their real-time place): an agent looks at real-time lines
 *   first, by class, then at deferred lines, by class.
 * - A pool's agent count can change during the run (`setAgents`: opening hours, shifts). An agent sent
 *   off shift takes no new contacts and finishes the real-time ones in hand (overtime); with
 *   `handOverDeferred` it hands its deferred work back to the front of its line, with the work left on
 *   it, for the next agent to resume (handover.ts).
 * - A work type may offer a callback: a real-time contact that would wait longer than a threshold
 *   (predicted from the line ahead of it) accepts with a probability and keeps its place in line without
 *   abandoning (virtual hold).
 *
 * Vendors, operating models and ramps (issue 4) add to each pool:
 *
 * - **Factors**, mutable during a run (`poolHandleFactor`, `poolResolveFactor` per pool,
 *   `workHandleFactor` and `resolveByTierWork` per (tier, work type)): the handle time drawn at entry is
 *   multiplied at service start by workHandleFactor[t,w] × poolHandleFactor[q] (and the chat stretch);
 *   service resolves with probability min(1, resolve[t,w] × poolResolveFactor[q]), read at departure. A
 *   change applies to services starting (handle) or ending (resolution) after it.
 * - An **occupancy cap** (`occupancyCap`, see `Network.overCap`): an agent that finishes its last contact
 *   in hand with a busy share of the current interval window above the cap rests (staffed, neither busy
 *   nor available) until its share falls back to the cap or the window ends, whichever comes first.
 * - **Outsourcing routing** (`routing`): "share" pools take a fixed share of the contacts entering their
 *   tier for their work, and only those (two partitions of the tier's lines); "overflow" pools take only
 *   contacts that have waited `overflowAfter` minutes at the tier.
 * - **Per-pool statistics**: busy and staffed agent-minutes and handle time spent.
 *
 * With every factor 1, no cap and routing "pool", the run is the same as without these features, number
 * for number: no extra random draws, no extra events (tests/networkVendor.test.ts pins a summary computed
 * before they existed).
 *
 * The network is a class that shares an event calendar and a contact store with the layer above it
 * (src/model/simulation.ts); `simulateNetwork` runs it alone, fed by Poisson streams, which is how it is
 * validated against exact results.
 *
 * A contact's attributes are drawn from per-purpose streams as it enters each tier (handle time,
 * patience, and its share partition where share pools serve its work: stream "network:share") and as it
 * finishes (resolution), in that order, so scenarios that differ in staffing see the same customers
 * (common random numbers). Time unit: minutes.
 */
import type { EventCalendar } from "../../engine/calendar.js";
import type { RandomStreams, Rng } from "../../engine/random.js";
import type { TimeWeighted } from "../../engine/statistics.js";
import { AgentFloor } from "./agentFloor.js";
import { CallbackOffers } from "./callbackOffers.js";
import { checkNetwork } from "./checkNetwork.js";
import { ContactState, ContactStore } from "./contacts.js";
import { TierCounters } from "./counters.js";
import { LineSet } from "./lineSet.js";
import type { NetworkConfig, NetworkObserver, NetworkOutcome, NetworkTraceSink } from "./networkConfig.js";
import { ABANDON, DEPARTURE, HOLD_LIMIT, OVERFLOW, REST_END } from "./networkEvents.js";
import { Handover } from "./handover.js";
import { HoldLimits } from "./holdLimits.js";
import { RoutingTables } from "./routingTables.js";
import { TierDraws } from "./tierDraws.js";

export class Network {
  readonly series: TierCounters[];
  readonly tierBusy: TimeWeighted[];
  readonly tierStaffed: TimeWeighted[];
  readonly resolved: Float64Array;
  readonly transferred: Float64Array;
  readonly escalated: Float64Array;
  readonly unresolved: Float64Array;
  readonly callbacks: Float64Array;
  readonly delayed: Float64Array; // per tier: counted contacts that entered it and found no agent free at once (P(wait)'s numerator)
  readonly holdLimited: Float64Array; // per tier: counted warm transfers held to its hold limit (then a callback or a ticket)
  readonly callbacksByWork: Float64Array; // per work type: counted contacts that accepted a callback
  readonly servedByPool: Float64Array;
  readonly servedByPoolWork: Float64Array;
  /** Per pool: agent-minutes holding at least one contact within [warmup, horizon) (complete after `finish`). */
  readonly poolBusy: Float64Array;
  /** Per pool: agent-minutes on the floor (on shift, or finishing a contact after it) within [warmup, horizon) (complete after `finish`). */
  readonly poolStaffed: Float64Array;
  /** Per pool: Σ of the handle times (factored, stretched: as served) of the counted contacts it started. */
  readonly poolHandleTime: Float64Array;
  readonly poolHandleTimeByWork: Float64Array; // per pool × work type (q × W + w): the same, by the work served (kpi/costAllocation.ts)
  /** Per pool: agent-minutes worked off shift, finishing the contacts in hand, within [warmup, horizon) (agentFloor.ts overtime). */
  readonly poolOvertime: Float64Array;

  /** Told of each span an agent of pool q works off shift, as it ends (the support model pays it as overtime). */
  set onOvertime(f: ((q: number, from: number, to: number) => void) | null) { this.floor.onOvertime = f; }

  /**
   * Mutable during a run (set them between events, e.g. daily for ramps): `poolHandleFactor[q]`,
   * `workHandleFactor[t × W + w]`: the handle time drawn at entry is multiplied by both when service starts
   * (and by the chat stretch); `resolveByTierWork[t × W + w]` (initially the tier's `resolveByWork` /
   * `resolve`) and `poolResolveFactor[q]`: service resolves with probability min(1, resolve × factor), with
   * the same single uniform draw at departure as without factors. Handle factors also scale the callback
   * offer's predicted wait.
   */
  readonly poolHandleFactor: Float64Array;
  readonly poolResolveFactor: Float64Array;
  readonly workHandleFactor: Float64Array;
  readonly resolveByTierWork: Float64Array;

  private readonly W: number;
  private readonly P: number;
  private readonly T: number;
  private readonly lines: LineSet;
  /** Handle time and patience per (tier, work type), resolution streams per tier. */
  readonly draws: TierDraws;
  private readonly offers: CallbackOffers;
  /** Whether `series` is counted at all (NetworkConfig.classSeries). */
  private readonly classSeries: boolean;
  private readonly stretch: Float64Array;
  private readonly nextTier: Int32Array;
  private readonly escalates: Uint8Array;
  private readonly holds: HoldLimits; // per tier: a warm transfer's hold limit, and what it then becomes
  /** The agents of every pool: shifts, loads, rests, busy and staffed time. */
  private readonly floor: AgentFloor;
  /** Lines and the pools that may take each contact. */
  private readonly route: RoutingTables;
  private readonly shareRng: Rng;
  private readonly handover: Handover | null; // deferred work handed back at a shift's end (`handOverDeferred`), else null

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
    this.route = new RoutingTables(cfg);
    this.lines = new LineSet(this.route.lines, contacts.capacity);
    this.series = [];
    this.classSeries = cfg.classSeries ?? true;
    if (this.classSeries) for (let t = 0; t < T; t++) for (let p = 0; p < P; p++) this.series.push(new TierCounters(warmup, horizon, intervalLength, cfg.threshold));
    this.floor = new AgentFloor(cfg.pools, T, warmup, horizon, intervalLength, cal, kindBase + REST_END);
    this.tierBusy = this.floor.tierBusy;
    this.tierStaffed = this.floor.tierStaffed;
    this.poolBusy = this.floor.poolBusy;
    this.poolStaffed = this.floor.poolStaffed;
    this.poolOvertime = this.floor.overtime;
    this.resolved = new Float64Array(T); this.transferred = new Float64Array(T); this.escalated = new Float64Array(T);
    this.unresolved = new Float64Array(T); this.callbacks = new Float64Array(T); this.delayed = new Float64Array(T); this.callbacksByWork = new Float64Array(W);
    this.servedByPool = new Float64Array(Q); this.servedByPoolWork = new Float64Array(Q * W); this.poolHandleTime = new Float64Array(Q);
    this.poolHandleTimeByWork = new Float64Array(Q * W); this.holdLimited = new Float64Array(T);
    this.draws = new TierDraws(cfg.tiers, W, streams);
    this.resolveByTierWork = Float64Array.from(this.draws.resolve);
    this.workHandleFactor = new Float64Array(TW).fill(1);
    this.poolHandleFactor = Float64Array.from(cfg.pools.map((p) => p.handleTimeFactor ?? 1));
    this.poolResolveFactor = Float64Array.from(cfg.pools.map((p) => p.resolveFactor ?? 1));
    this.offers = new CallbackOffers(cfg.callbackByWork, W, streams);
    this.shareRng = streams.stream("network:share");
    this.stretch = Float64Array.from(cfg.pools.map((p) => p.stretch ?? 0));
    this.nextTier = Int32Array.from(cfg.tiers.map((t) => t.next ?? -1));
    this.escalates = Uint8Array.from(cfg.tiers.map((t) => (t.nextMode === "escalate" ? 1 : 0)));
    this.holds = new HoldLimits(cfg.tiers, this.holdLimited);
    const host = { contacts, cal, floor: this.floor, route: this.route, lines: this.lines, trace, poolHandleTime: this.poolHandleTime, poolHandleTimeByWork: this.poolHandleTimeByWork, series: this.series, P, W, T, startService: (id: number, q: number, a: number, now: number) => this.startService(id, q, a, now) };
    this.handover = cfg.handOverDeferred === true ? new Handover(host) : null;
  }

  private counted(id: number): boolean { return this.contacts.interval[id] >= 0; }

  agentsOnShift(q: number): number { return this.floor.onShift[q]; } // agents of pool q on shift now
  /** Of the contacts waiting in tier t's lines now, those answered and then handed back at a shift's end (only counted ones: `counted`). */
  handedBackAt(t: number, counted: boolean): number { return this.handover === null ? 0 : this.handover.waitingAt(t, counted); }

  /** Contacts waiting in tier t's lines now (every work type, band and class; counted or not). */
  waitingAt(t: number): number { return this.route.linesOfTier(t).reduce((n, line) => n + this.lines.length[line], 0); }

  agentsResting(q: number): number { return this.floor.agentsResting(q); } // agents of pool q resting (occupancy cap): on the floor, neither busy nor available

  /** Agent a's rest ends: it becomes available and takes waiting work (up to its concurrency). */
  private endRest(a: number, now: number): void {
    const f = this.floor;
    const q = f.endRest(a, now);
    while (f.load[a] < f.concurrency[q]) {
      const id = this.nextFor(q, now, f.load[a]);
      if (id < 0) break;
      this.takeFromLine(id, now);
      f.occupy(q, a, now);
      this.startService(id, q, a, now);
    }
  }

  /**
   * Put `n` agents of pool q on shift (0 ≤ n ≤ the pool's `agents`). Agents leaving finish the contacts in
   * hand (staffed until then; deferred work is handed back where `handOverDeferred`, handover.ts); resting
   * agents leave at once; agents arriving take waiting work at once.
   */
  setAgents(q: number, n: number, now: number): void {
    const f = this.floor;
    // the new agents take waiting work (with a reserve for live work, fewer agents may free idle ones for deferred work)
    const before = f.onShift[q], arrived = f.setShift(q, n, now);
    if (n < before && this.handover !== null) this.handover.handBack(q, n, before, now);
    if (!arrived && !f.hasReserve(q)) return;
    for (;;) {
      const l = f.lowestLevel(q);
      if (l < 0) break;
      const id = this.nextFor(q, now, l);
      if (id < 0) break;
      this.takeFromLine(id, now);
      this.startService(id, q, f.takeAgent(q, l, now), now);
    }
  }

  private startService(id: number, q: number, agent: number, now: number): void {
    const c = this.contacts;
    const t = c.tier[id], w = c.workType[id];
    c.state[id] = ContactState.InService;
    c.agent[id] = agent;
    c.pool[id] = q;
    // the drawn handle time (what is left of it, resumed) × the (tier, work) and pool factors; a chat
    // handled beside others takes longer: × (1 + stretch · (contacts in hand − 1))
    let rate = this.workHandleFactor[t * this.W + w] * this.poolHandleFactor[q];
    const inHand = this.floor.load[agent];
    if (inHand > 1) rate *= 1 + this.stretch[q] * (inHand - 1);
    const h = c.handle[id] * rate;
    const counted = this.counted(id);
    if (counted) {
      this.poolHandleTime[q] += h;
      this.poolHandleTimeByWork[q * this.W + w] += h;
    }
    if (c.resumed[id] === 0) {
      // answered: its wait ends (a resumed contact was answered before it was handed back)
      c.serviceStart[id] = now;
      this.servedByPoolWork[q * this.W + w]++;
      const wait = now - c.joined[id];
      if (counted) {
        if (this.classSeries) this.series[t * this.P + c.priorityClass[id]].countAnswered(c.interval[id], wait);
        this.servedByPool[q]++;
      }
      this.observer.answered(id, t, wait, now);
    } else c.resumed[id] = 2;
    // a departure is cancelled only where deferred work is handed back at a shift's end (its handle kept there)
    if (this.handover !== null) this.handover.started(agent, id, now + h, rate, this.cal.schedule(now + h, this.kindBase + DEPARTURE, id));
    else this.cal.post(now + h, this.kindBase + DEPARTURE, id);
  }

  /** Remove a waiting contact from its line (it is about to be served). */
  private takeFromLine(id: number, now: number): void {
    const c = this.contacts;
    this.lines.remove(id);
    if (this.classSeries) this.series[c.tier[id] * this.P + c.priorityClass[id]].queue.add(now, -1);
    const ab = c.abandonEvent[id];
    if (ab >= 0) this.cal.cancel(ab);
    const ov = c.overflowEvent[id];
    if (ov >= 0) this.cal.cancel(ov);
  }

  /**
   * A contact enters tier t (first arrival or transfer) at time now. The caller has set
   * its workType, priorityClass, deferred flag and interval (−1: not counted). `transferred`:
   * it comes from another tier (a warm transfer's hold is bounded by the tier's hold limit).
   */
  enter(id: number, t: number, now: number, transferred = false): void {
    const c = this.contacts, W = this.W;
    const w = c.workType[id], p = c.priorityClass[id], k = t * W + w;
    c.tier[id] = t;
    c.joined[id] = now;
    c.handle[id] = this.draws.handle[k].sample();
    const pat = this.draws.patience[k];
    let patienceDraw = pat === null ? Infinity : pat.sample();
    // deferred work does not abandon (the draw is still made, keeping the stream aligned)
    if (c.deferred[id] === 1) patienceDraw = Infinity;
    // share routing: partition 1 (the share pools' lines) or 0 (the other pools')
    const share = this.route.shareTW[k];
    const part = share >= 0 && this.shareRng() < share ? 1 : 0;
    c.part[id] = part;
    c.resumed[id] = 0;
    const iv = c.interval[id];
    const ser = this.classSeries ? this.series[t * this.P + p] : null;
    if (ser !== null && iv >= 0) ser.countOffered(iv);
    this.observer.entered(id, t, now);
    // the least-loaded eligible agent across the tier's pools, longest at that load first
    const f = this.floor;
    const best = f.pickPool(this.route.entryPools[part * this.T * W + k], c.deferred[id] === 1);
    if (best >= 0) {
      this.startService(id, best, f.takeAgent(best, f.pickLevel, now), now);
      return;
    }
    if (iv >= 0) this.delayed[t]++;
    if (ser !== null && iv >= 0) ser.countDelayed(iv);
    c.state[id] = ContactState.Waiting;
    c.agent[id] = -1;
    const line = this.route.lineIndex(part, t, w, c.deferred[id], p);
    // a callback offer when the wait ahead looks long (real-time work only)
    if (c.deferred[id] === 0 && this.offers.offered(w)) {
      // service capacity of the pools that may serve it (overflow pools included: they take it after their threshold)
      const cap = f.capacity(this.route.servePools[part * this.T * W + k], this.poolHandleFactor);
      const predicted = cap > 0 ? ((this.lines.length[line] + 1) * this.draws.meanHandle[k] * this.workHandleFactor[k]) / cap : Infinity;
      if (this.offers.accepts(w, predicted)) {
        c.deferred[id] = 1; // keeps its real-time place, no longer abandons
        c.callback[id] = 1;
        patienceDraw = Infinity;
        if (iv >= 0) { this.callbacks[t]++; this.callbacksByWork[w]++; }
      }
    }
    this.lines.join(line, id);
    if (ser !== null) ser.queue.add(now, 1);
    // a warm transfer on hold: its hold limit, if that comes before its patience runs out (the event then takes the abandonment's slot)
    const limit = this.holds.limit[t];
    if (transferred && c.deferred[id] === 0 && limit <= patienceDraw) c.abandonEvent[id] = this.cal.schedule(now + limit, this.kindBase + HOLD_LIMIT, id);
    else c.abandonEvent[id] = patienceDraw === Infinity ? -1 : this.cal.schedule(now + patienceDraw, this.kindBase + ABANDON, id);
    // overflow pools may take it once it has waited their threshold here
    const after = this.route.overflowAfterTW[k];
    c.overflowEvent[id] = part === 0 && after !== Infinity ? this.cal.schedule(now + after, this.kindBase + OVERFLOW, id) : -1;
  }

  /** The contact an agent of pool q at load `level` should take next at `now`, or -1 (routingTables.ts `nextFor`; agentFloor.ts `mayDefer`). */
  private nextFor(q: number, now: number, level: number): number { return this.route.nextFor(q, now, this.lines, this.contacts, this.floor.mayDefer(q, level)); }

  private traceLeave(id: number, outcome: NetworkOutcome, now: number): void {
    const c = this.contacts;
    if (this.trace !== null && this.counted(id)) {
      const serving = c.state[id] === ContactState.InService, wait = (serving ? c.serviceStart[id] : now) - c.joined[id];
      const workStart = serving && c.resumed[id] === 2 ? this.handover!.workStart(id) : c.joined[id] + wait;
      this.trace.visit(c.arrival[id], c.tier[id], c.workType[id], c.priorityClass[id], wait, outcome, serving ? c.pool[id] : -1, serving ? c.agent[id] : -1, now, c.joined[id], c.deferred[id] === 0 || c.callback[id] === 1, workStart);
    }
  }

  /** Handle one of the network's events (kind relative to kindBase; data = contact id, or agent index for a rest end). */
  handleEvent(kind: number, id: number, now: number): void {
    const c = this.contacts;
    if (kind === DEPARTURE) {
      const t = c.tier[id], w = c.workType[id];
      const q = c.pool[id], agent = c.agent[id];
      if (this.handover !== null) this.handover.drop(agent, id);
      let pr = this.resolveByTierWork[t * this.W + w] * this.poolResolveFactor[q];
      if (pr > 1) pr = 1;
      const ok = this.draws.resolveRng[t]() < pr;
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
        this.enter(id, next, now, true);
      }
      // the freed agent rests (over its occupancy cap), takes the next eligible contact
      // (if still on shift), or goes idle
      const onShift = this.floor.isOnShift(q, agent);
      if (onShift && this.floor.restsAfter(q, agent, now)) {
        this.floor.rest(q, agent, now);
        return;
      }
      const nextId = onShift ? this.nextFor(q, now, this.floor.load[agent]) : -1;
      if (nextId >= 0) {
        this.takeFromLine(nextId, now);
        this.startService(nextId, q, agent, now);
      } else {
        this.floor.releaseAgent(q, agent, now);
      }
    } else if (kind === ABANDON) {
      const t = c.tier[id], p = c.priorityClass[id];
      this.lines.remove(id);
      if (this.classSeries) this.series[t * this.P + p].queue.add(now, -1);
      const ov = c.overflowEvent[id];
      if (ov >= 0) this.cal.cancel(ov);
      const wait = now - c.joined[id];
      if (this.classSeries && this.counted(id)) this.series[t * this.P + p].countAbandoned(c.interval[id], wait);
      this.traceLeave(id, "abandoned", now);
      c.state[id] = ContactState.Free;
      this.observer.left(id, t, "abandoned", wait, now);
    } else if (kind === HOLD_LIMIT) {
      const t = c.tier[id];
      this.holds.expire(id, t, c, this.lines, this.P, this.counted(id));
      this.observer.heldToLimit(id, t, now - c.joined[id], now);
    } else if (kind === OVERFLOW) {
      // it has waited `overflowAfter` here: a free overflow agent takes it (else it waits
      // on, and the next overflow agent to free up finds it old enough)
      c.overflowEvent[id] = -1;
      const f = this.floor;
      const best = f.pickPool(this.route.overflowPools[c.tier[id] * this.W + c.workType[id]], c.deferred[id] === 1 && c.callback[id] === 0);
      if (best >= 0) {
        this.takeFromLine(id, now);
        this.startService(id, best, f.takeAgent(best, f.pickLevel, now), now);
      }
    } else {
      this.endRest(id, now);
    }
  }

  /** Close the statistics at the end of the run. */
  finish(): void {
    for (const s of this.series) s.finish();
    this.floor.finish();
  }
}
