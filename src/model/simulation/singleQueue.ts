/**
 * The single-queue lane: the event loop of a replication that is one FIFO queue served by one
 * pool (the simple form's shape), with the network's and the need path's per-contact work
 * fused into one loop over compact state. It is the same model as the general path
 * (simulation.ts runEvents → needArrivals.ts → needPath.ts → network.ts → contactOutcomes.ts),
 * written for one case, and must give the same result number for number:
 *
 *  - the same calendar, events, kinds and order of scheduling, so every event fires at the same
 *    time and ties break the same way; the rare events (the daily refresh, pool events) still go
 *    to the general handlers (`rare`);
 *  - the same draws from the same streams in the same order (the arrival stream; per contact its
 *    handle time, then its patience), except the resolution draw, which is not made: every
 *    contact is resolved (probability ≥ 1) and nothing else reads that stream;
 *  - the same counters, time-weighted statistics and ledger entries: sums of times added to in
 *    the same order (the floating-point sums are then equal, not merely close), whole-number counts
 *    tallied per forecast stream and added at the end (the same integers).
 *
 * What the lane keeps instead of the general structures: a ring of the waiting contacts' ids
 * (FIFO: the longest waiting is served next; an abandoning contact's entry is blanked), and the
 * number of idle agents (agents are alike here: which one serves is not observable without a
 * trace, which the lane never runs with).
 *
 * `qualifies` says which configurations take the lane (checked before the run). Where the run
 * meets a case the lane does not model — a pool's staffing changing while contacts are in the
 * system, a handle-time factor other than 1 or a resolution probability below 1 (checked after
 * every event the general handlers take, the only ones that can change them: `check`) — it throws `LaneExit`, and the
 * replication is run again from its first event on the general path with the same streams
 * (simulation.ts `simulateSupport`): the result is still the general path's.
 * tests/properties/singleQueueLane.test.ts checks the two paths equal on random single queues.
 */
import type { EventCalendar } from "../../engine/calendar.js";
import type { Distribution } from "../../engine/distributions.js";
import type { PiecewisePoissonArrivals } from "../../engine/arrivals.js";
import type { TimeWeighted } from "../../engine/statistics.js";
import type { SupportConfig } from "../config.js";
import { AF, CF, FF, IF, INTERVAL_FIELDS, type SupportCounters } from "../counters.js";
import { ContactState, NeedFlag, type ContactStore } from "../network/contacts.js";
import type { Network } from "../network/network.js";
import type { NetworkConfig } from "../network/networkConfig.js";
import { ABANDON, DEPARTURE, NETWORK_KINDS } from "../network/networkEvents.js";
import type { WeeklyPattern } from "../staffing/weeklyPattern.js";
import type { CostBook } from "./costBook.js";
import { K_FORECAST0 } from "./eventKinds.js";
import { isSingleQueue } from "./networkOf.js";

/** Fields per interval row of `byInterval` (one channel: interval i's row is i · IFL). */
const IFL = INTERVAL_FIELDS.length;

/** Tally fields per forecast stream (SingleQueueLane.tally). */
const ARRIVED = 0, SERVED = 1, RESOLVED = 2, ABANDONED = 3, TALLY = 4;

/** Thrown where the run leaves what the lane models; the replication is run again on the general path. */
export class LaneExit extends Error {}

/** Whether a replication of `cfg` takes the lane (see the module header). */
export function qualifies(cfg: SupportConfig, patterns: readonly WeeklyPattern[], net: NetworkConfig, traced: boolean): boolean {
  if (traced || !isSingleQueue(cfg) || cfg.kcs || cfg.problemManagement || net.classes.length !== 1) return false;
  const ch = cfg.channels[0], tier = cfg.tiers[0], pool = cfg.pools[0];
  if (ch.kind !== "realtime" || ch.callback || ch.redial || ch.entryTier !== 0) return false;
  if (tier.next !== undefined || tier.holdLimit || !tier.resolveByNeed.every((r) => r >= 1)) return false;
  if (cfg.needTypes.some((n) => n.driver === "quality")) return false;
  if (!patterns[0].constant || pool.shrinkage !== 0 || pool.workforce || pool.vendor || pool.fill) return false;
  if (pool.concurrency !== 1 || pool.occupancyCap < 1 || pool.reserveForLive !== 0 || pool.handleTimeFactor !== 1 || pool.resolveFactor < 1) return false;
  return !net.handOverDeferred && cfg.forecastStreams.every((f) => f.channel === 0);
}

/** What the lane needs of a replication's parts (simulation.ts builds them). */
export interface LaneParts {
  cfg: SupportConfig;
  cal: EventCalendar;
  store: ContactStore;
  counters: SupportCounters;
  net: Network;
  book: CostBook;
  forecast: readonly PiecewisePoissonArrivals[];
  forecastNeed: Int32Array;
  forecastSegment: Int32Array;
}

export class SingleQueueLane {
  private readonly cal: EventCalendar;
  private readonly store: ContactStore;
  private readonly k: SupportCounters;
  private readonly net: Network;
  private readonly book: CostBook;
  private readonly forecast: readonly PiecewisePoissonArrivals[];
  private readonly fNeed: Int32Array;
  private readonly fSegment: Int32Array;
  /** Per forecast stream: its contacts' funnel row (segment × need type). */
  private readonly fRow: Int32Array;
  // the counters' arrays, read per contact
  private readonly funnel: Float64Array;
  private readonly contact: Float64Array;
  private readonly attempt: Float64Array;
  private readonly byInterval: Float64Array;
  private readonly needsByInterval: Float64Array;
  private readonly intervals: number;
  private readonly handle: Distribution[];
  private readonly patience: (Distribution | null)[];
  private readonly backlog: TimeWeighted;
  private readonly busy: TimeWeighted;
  private readonly horizon: number;
  private readonly warmup: number;
  private readonly invLen: number;
  private readonly target: number;
  private readonly dissatisfactionWeight: number;
  private readonly contactCost: number;
  private readonly W: number;
  /** Agents on shift, and of those not serving. */
  private onShift = 0;
  private idle = 0;
  /** The waiting contacts' ids, oldest at `head` (−1: abandoned); positions grow without bound, masked into the ring. */
  private ring: Int32Array;
  private head = 0;
  private tail = 0;
  /** Per contact slot: its position in the ring while it waits, and its forecast stream. */
  private ringPos: Float64Array;
  private streamOf: Int32Array;
  /**
   * The whole-number counters, tallied here and added to the counters at the end (`flush`): the
   * same integers, without a dozen increments per contact. Per forecast stream f, at f · TALLY +:
   * counted arrivals, services started (counted or not), counted resolutions, counted abandonments.
   */
  private readonly tally: Float64Array;
  private answered = 0; // counted contacts answered
  private withinTarget = 0; // of which within the target

  constructor(p: LaneParts) {
    const cfg = p.cfg;
    this.cal = p.cal; this.store = p.store; this.k = p.counters; this.net = p.net; this.book = p.book;
    this.forecast = p.forecast; this.fNeed = p.forecastNeed; this.fSegment = p.forecastSegment;
    this.fRow = Int32Array.from(p.forecastNeed, (w, f) => p.counters.funnelRow(p.forecastSegment[f], w));
    this.funnel = p.counters.funnel; this.contact = p.counters.contact; this.attempt = p.counters.attempt;
    this.byInterval = p.counters.byInterval; this.needsByInterval = p.counters.needsByInterval;
    this.intervals = p.counters.needsByInterval.length;
    this.W = cfg.needTypes.length; // one channel: work type w = need type
    this.handle = p.net.draws.handle.slice(0, this.W);
    this.patience = p.net.draws.patience.slice(0, this.W);
    this.backlog = p.counters.backlog[0];
    this.busy = p.net.tierBusy[0];
    this.horizon = cfg.horizon;
    this.warmup = cfg.warmup;
    this.invLen = 1 / cfg.intervalLength;
    this.target = cfg.threshold; // a real-time channel's target is the service-level threshold (contactOutcomes.ts)
    this.dissatisfactionWeight = cfg.channels[0].dissatisfactionWeight;
    this.contactCost = cfg.costs.perContactByChannel[0];
    this.ring = new Int32Array(1024);
    this.ringPos = new Float64Array(p.store.capacity);
    this.streamOf = new Int32Array(p.store.capacity);
    this.tally = new Float64Array(p.forecast.length * TALLY);
  }

  /**
   * The event loop; `rare` takes every event the lane does not (simulation.ts rareEvent: the daily
   * refresh, a pool event), after which what it may have changed is checked (`check`). The loop runs to the end in
   * one call: its optimised code is then used throughout (a loop entered afresh, say once a day,
   * would run in the interpreter until the JIT's on-stack replacement caught up each time).
   */
  run(rare: (kind: number, now: number) => void): void {
    const cal = this.cal;
    this.check();
    for (let kind = cal.next(); kind >= 0; kind = cal.next()) {
      const now = cal.now;
      if (kind === DEPARTURE) this.departure(cal.data, now);
      else if (kind >= K_FORECAST0) this.arrival(kind, now);
      else if (kind === ABANDON) this.abandon(cal.data, now);
      else this.other(kind, now, rare);
    }
    this.flush();
  }

  /** Any other event: the general handler's, then what it may have changed checked; another of the network's events is a LaneExit. */
  private other(kind: number, now: number, rare: (kind: number, now: number) => void): void {
    if (kind < NETWORK_KINDS) throw new LaneExit(`the network's event kind ${kind}`);
    rare(kind, now);
    this.check();
  }

  /**
   * What the lane takes for granted, which only the general handlers change (the set-up, the daily
   * refresh, a pool event): the agents on shift change only while no contact is in the system
   * (the floor then holds them all idle, as the lane does); the handle-time factors are 1 and every
   * contact is resolved (the general path multiplies each handle time by the factors and draws
   * the resolution against min(1, resolve × factor)). Otherwise a LaneExit: the floor may have
   * acted on agents it holds idle that the lane has serving, but the replication is run again.
   */
  private check(): void {
    const n = this.net, on = n.agentsOnShift(0);
    if (on !== this.onShift) {
      if (this.store.inSystem > 0) throw new LaneExit("a pool's staffing changes with contacts in the system");
      this.onShift = this.idle = on;
    }
    for (let w = 0; w < this.W; w++) {
      if (n.workHandleFactor[w] !== 1 || n.poolHandleFactor[0] !== 1 || !(n.resolveByTierWork[w] * n.poolResolveFactor[0] >= 1)) throw new LaneExit("a handle-time factor other than 1 or a resolution below 1");
    }
  }

  /** At the end of the run: add the tallies to the counters (the general path's increments, summed). */
  private flush(): void {
    const fu = this.funnel, a = this.attempt, c = this.contact, n = this.net;
    for (let f = 0; f < this.fRow.length; f++) {
      const row = this.fRow[f], t = f * TALLY;
      const arrived = this.tally[t + ARRIVED], resolved = this.tally[t + RESOLVED], abandoned = this.tally[t + ABANDONED];
      fu[row + FF.needs] += arrived;
      fu[row + FF.asked] += arrived;
      fu[row + FF.requests] += arrived;
      a[AF.chosen] += arrived;
      c[CF.offered] += arrived;
      n.servedByPoolWork[this.fNeed[f]] += this.tally[t + SERVED];
      n.resolved[0] += resolved;
      a[AF.ended] += resolved + abandoned;
      a[AF.resolved] += resolved;
      a[AF.firstLine] += resolved;
      c[CF.resolved] += resolved;
      fu[row + FF.resolvedFirstContact] += resolved;
      fu[row + FF.resolved] += resolved;
      this.k.resolvedNeeds[0] += resolved;
      a[AF.unanswered] += abandoned;
      c[CF.abandoned] += abandoned;
      fu[row + FF.abandoned] += abandoned;
    }
    // contacts still waiting when the calendar runs dry (no agent to take them): what the general
    // path keeps with each contact and its count of needs open at the end reads (the lane keeps it
    // in its own arrays while it runs)
    const s = this.store, mask = this.ring.length - 1;
    for (let i = this.head; i < this.tail; i++) {
      const id = this.ring[i & mask];
      if (id < 0) continue;
      s.state[id] = ContactState.Waiting;
      s.flags[id] = s.interval[id] >= 0 ? NeedFlag.Counted : 0;
      s.need[id] = this.fNeed[this.streamOf[id]];
      s.segment[id] = this.fSegment[this.streamOf[id]];
    }
    n.servedByPool[0] += this.answered;
    c[CF.answered] += this.answered;
    c[CF.withinTarget] += this.withinTarget;
  }

  /** Forecast stream `kind − K_FORECAST0` brings a contact (needArrivals.ts forecastContact, needPath.ts newNeed and submit, network.ts enter). */
  private arrival(kind: number, now: number): void {
    const s = this.store, f = kind - K_FORECAST0;
    const w = this.fNeed[f];
    const id = s.allocate();
    if (id >= this.streamOf.length) this.grow();
    const counted = now >= this.warmup;
    const iv = counted ? (now * this.invLen) | 0 : -1;
    s.interval[id] = iv;
    s.arrival[id] = now;
    this.streamOf[id] = f;
    if (counted) {
      this.tally[f * TALLY + ARRIVED]++;
      this.needsByInterval[iv]++;
      if (iv < this.intervals) this.byInterval[iv * IFL + IF.offered] += 1;
    }
    const h = this.handle[w].sample();
    s.handle[id] = h;
    const pat = this.patience[w];
    const patienceDraw = pat === null ? Infinity : pat.sample();
    if (this.idle > 0) {
      this.idle--;
      // the general path counts it into the backlog and out at the same instant; with an agent idle
      // nobody waits (one FIFO line, one pool), so the backlog is at 0, where that changes nothing
      this.busy.add(now, 1);
      this.serve(id, f, now, now);
    } else {
      if (counted) this.net.delayed[0]++;
      this.backlog.add(now, 1);
      this.join(id);
      s.abandonEvent[id] = patienceDraw === Infinity ? -1 : this.cal.schedule(now + patienceDraw, ABANDON, id);
    }
    const t = this.forecast[f].next(now);
    if (t < this.horizon) this.cal.post(t, kind, 0);
  }

  /** Service starts (network.ts startService, contactOutcomes.ts answered); `joined`: when it arrived. */
  private serve(id: number, f: number, joined: number, now: number): void {
    const s = this.store, n = this.net, w = this.fNeed[f];
    const h = s.handle[id]; // × the factors, which are 1 (check)
    const iv = s.interval[id];
    if (iv >= 0) {
      n.poolHandleTime[0] += h;
      n.poolHandleTimeByWork[w] += h;
    }
    this.tally[f * TALLY + SERVED]++;
    const wait = now - joined;
    const over = wait - this.target;
    if (over > 0 && iv >= 0) this.funnel[this.fRow[f] + FF.dissatisfaction] += this.dissatisfactionWeight * (over / this.target); // × the notice's softening: 1, no forecast contact is told of one
    if (this.contactCost !== 0) this.book.ledger.add(this.book.contacts, now, this.contactCost);
    s.held[id] = wait;
    if (iv >= 0) {
      const c = this.contact;
      this.answered++;
      c[CF.waitAnswered] += wait;
      c[CF.waitAll] += wait;
      const ok = wait <= this.target;
      if (ok) this.withinTarget++;
      if (iv < this.intervals) {
        const b = this.byInterval, ir = iv * IFL;
        b[ir + IF.answered] += 1;
        if (ok) b[ir + IF.withinTarget] += 1;
        b[ir + IF.waitAll] += wait;
        b[ir + IF.waitAnswered] += wait;
      }
    }
    this.cal.post(now + h, DEPARTURE, id);
  }

  /** Service ends, resolved (network.ts handleEvent DEPARTURE, contactOutcomes.ts left, needPath.ts finish); the agent takes the oldest waiting contact or goes idle. */
  private departure(id: number, now: number): void {
    const s = this.store;
    const f = this.streamOf[id]; // resolved: the probability is 1 (check)
    if (s.interval[id] >= 0) {
      this.tally[f * TALLY + RESOLVED]++;
      const a = this.attempt;
      a[AF.held] += s.held[id];
      a[AF.toResolution] += now - s.arrival[id];
    }
    s.release(id);
    const next = this.take();
    if (next >= 0) {
      const ab = s.abandonEvent[next];
      if (ab >= 0) this.cal.cancel(ab);
      this.backlog.add(now, -1);
      this.serve(next, this.streamOf[next], s.arrival[next], now);
    } else {
      this.idle++;
      this.busy.add(now, -1);
    }
  }

  /** Its patience runs out while it waits (network.ts handleEvent ABANDON, contactOutcomes.ts left, needPath.ts abandoned with no redial). */
  private abandon(id: number, now: number): void {
    const s = this.store;
    this.ring[this.ringPos[id] & (this.ring.length - 1)] = -1;
    const wait = now - s.arrival[id];
    const iv = s.interval[id];
    if (iv >= 0) {
      this.tally[this.streamOf[id] * TALLY + ABANDONED]++;
      this.attempt[AF.held] += wait; // held until it left: none at an earlier tier
      this.contact[CF.waitAll] += wait;
    }
    this.backlog.add(now, -1);
    if (iv >= 0 && iv < this.intervals) {
      const b = this.byInterval, ir = iv * IFL;
      b[ir + IF.abandoned] += 1;
      b[ir + IF.waitAll] += wait;
    }
    s.release(id);
  }

  private join(id: number): void {
    if (this.tail - this.head === this.ring.length) this.growRing();
    this.ring[this.tail & (this.ring.length - 1)] = id;
    this.ringPos[id] = this.tail++;
  }

  /** The oldest waiting contact, taken off the ring, or −1. */
  private take(): number {
    const mask = this.ring.length - 1;
    while (this.head < this.tail) {
      const id = this.ring[this.head++ & mask];
      if (id >= 0) return id;
    }
    this.head = this.tail = 0; // empty: positions start again (small integers for the JIT)
    return -1;
  }

  /** The contact store grew: so do the per-slot arrays. */
  private grow(): void {
    const n = this.store.capacity;
    const p = new Float64Array(n); p.set(this.ringPos); this.ringPos = p;
    const q = new Int32Array(n); q.set(this.streamOf); this.streamOf = q;
  }

  private growRing(): void {
    const old = this.ring, mask = old.length - 1, ring = new Int32Array(old.length * 2);
    for (let i = this.head; i < this.tail; i++) ring[i & (ring.length - 1)] = old[i & mask];
    this.ring = ring;
  }
}
