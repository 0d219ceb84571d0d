/**
 * A need's path through a replication (simulation.ts), each step in the module named after it:
 *
 *   need arises (needs.ts: quality × expertise × seasonality, per customer)
 *     → known-issue notification deflects it?            (quality.ts)
 *     → tries the knowledge base first? contained?         (selfService.ts)
 *     → asks for help? on which channel?                   (accessibility.ts)
 *         no  → unserved; a share retries later
 *         yes, channel closed → waits for opening / self-service / dropped (access.outsideHours)
 *     → contact on the channel's entry tier                 (network.ts: pools, skills, priorities,
 *                                                            transfers, escalations, callbacks)
 *         resolved   → done (first-contact resolution if the first contact's first tier did it)
 *         unresolved → comes back after a delay (repeat contact, maybe another channel), or gives up
 *         abandoned  → redials after a delay, or gives up
 *
 * What the network tells about each contact is taken by contactOutcomes.ts, which hands the
 * need back here when its contact ends.
 *
 * A need keeps one slot in the ContactStore from when it arises to its last outcome (a
 * slot is "dormant" while the need waits for a retry, repeat, redial or opening), so
 * memory is bounded by needs in progress, not by the horizon.
 *
 * Common random numbers: every need draws the same number of uniforms when it arises,
 * from one stream, whatever branch it takes; retries, repeats, redials and delays draw
 * from their own streams; handle times and patience are drawn per tier by the network.
 * Two scenarios that differ in staffing therefore see the same needs and the same first
 * decisions.
 *
 * Counting: a need counts in the funnel if it arose at or after the warm-up; a contact counts
 * in contact statistics if it began at or after the warm-up. Retries, repeats and redials
 * happen only before the horizon.
 */
import type { EventCalendar } from "../../engine/calendar.js";
import { makeDistribution, type Distribution } from "../../engine/distributions.js";
import type { RandomStreams, Rng } from "../../engine/random.js";
import type { SupportConfig } from "../config.js";
import { AF, ATTEMPT_FIELDS, FF, type SupportCounters } from "../counters.js";
import type { CustomerBase } from "../customers/customerBase.js";
import { clampRow, isSatisfied, ROW_NOTICE, ROW_QUICK, ROW_RESOLVED, ROW_UNRESOLVED, ROW_UNSERVED, type ExperienceLadder } from "../customers/retention.js";
import type { Accessibility } from "../demand/accessibility.js";
import type { Quality } from "../demand/quality.js";
import { SelfServiceOutcome, type SelfService } from "../demand/selfService.js";
import { ContactState, NeedFlag, type ContactStore } from "../network/contacts.js";
import { Network } from "../network/network.js";
import type { NetworkConfig, NetworkTraceSink } from "../network/networkConfig.js";
import type { OpeningHours } from "../staffing/openingHours.js";
import { ContactOutcomes, type NeedHandback } from "./contactOutcomes.js";
import type { CostBook } from "./costBook.js";
import { K_OPENING, K_REDIAL, K_REPEAT, K_RETRY } from "./eventKinds.js";

/**
 * A need that waits for a closed channel to open comes back after the opening by an
 * exponential lag of this mean (minutes): customers call during the morning, not all at
 * the first second. [A]
 */
export const OPENING_LAG_MEAN = 60;

export class NeedPath implements NeedHandback {
  /** The contact network the requests go to; it reports to contactOutcomes.ts. */
  declare readonly net: Network;
  declare readonly weights: SupportConfig["retention"]["weights"];
  private declare readonly C: number;
  private declare readonly horizon: number;
  private declare readonly warmup: number;
  private declare readonly invLen: number;
  private declare readonly severity: Int32Array<ArrayBuffer>;
  private declare readonly isQualityNeed: Uint8Array<ArrayBuffer>;
  private declare readonly segClass: Int32Array<ArrayBuffer>;
  private declare readonly segPrice: Float64Array<ArrayBuffer>;
  private declare readonly segMask: Int32Array<ArrayBuffer>;
  private declare readonly deferredChannel: Uint8Array<ArrayBuffer>;
  private declare readonly entryTier: Int32Array<ArrayBuffer>;
  private declare readonly redialShare: Float64Array<ArrayBuffer>;
  private declare readonly major: Uint8Array<ArrayBuffer>;
  private declare readonly sessionCost: number;
  private declare readonly rDecide: Rng;
  private declare readonly rRetry: Rng;
  private declare readonly rRepeat: Rng;
  private declare readonly rRedial: Rng;
  private declare readonly openingLag: Distribution;
  private declare readonly retryDelay: Distribution;
  private declare readonly repeatDelay: Distribution;
  private declare readonly redialDelay: (Distribution | null)[];
  /** The customer being decided for (−1: a forecast contact), read by `expectedWait`. */
  private declare currentCustomer: number;
  /** The expected waits of the customer being decided for (a closure made once, not per need). */
  private declare readonly expectedWait: (c: number) => number;

  constructor(
    private readonly cfg: SupportConfig,
    private readonly cal: EventCalendar,
    private readonly store: ContactStore,
    private readonly counters: SupportCounters,
    private readonly customers: CustomerBase,
    private readonly ladder: ExperienceLadder,
    private readonly quality: Quality,
    private readonly access: Accessibility,
    private readonly selfService: SelfService,
    private readonly channelHours: readonly OpeningHours[],
    private readonly book: CostBook,
    initialWait: Float64Array<ArrayBuffer>,
    streams: RandomStreams,
    netCfg: NetworkConfig,
    trace: NetworkTraceSink | null,
  ) {
    this.weights = cfg.retention.weights;
    this.C = cfg.channels.length;
    this.horizon = cfg.horizon;
    this.warmup = cfg.warmup;
    this.invLen = 1 / cfg.intervalLength;
    this.severity = Int32Array.from(cfg.needTypes.map((n) => n.severity));
    this.isQualityNeed = Uint8Array.from(cfg.needTypes.map((n) => (n.driver === "quality" ? 1 : 0)));
    this.segClass = Int32Array.from(cfg.segments.map((s) => s.priorityClass));
    this.segPrice = Float64Array.from(cfg.segments.map((s) => (s.plan === "perIncident" ? s.pricePerIncident : 0)));
    this.segMask = Int32Array.from(cfg.segments.map((s) => s.channels.reduce((m, c) => m | (1 << c), 0)));
    this.deferredChannel = Uint8Array.from(cfg.channels.map((c) => (c.kind === "deferred" ? 1 : 0)));
    this.entryTier = Int32Array.from(cfg.channels.map((c) => c.entryTier));
    this.redialShare = Float64Array.from(cfg.channels.map((c) => c.redial?.share ?? 0));
    this.major = Uint8Array.from(cfg.needTypes.map((n) => (n.severity >= 1 ? 1 : 0)));
    this.sessionCost = cfg.costs.perSelfServiceSession;
    // random streams (one per purpose)
    this.rDecide = streams.stream("needs:decide");
    this.rRetry = streams.stream("needs:retry");
    this.rRepeat = streams.stream("needs:repeat");
    this.rRedial = streams.stream("needs:redial");
    this.openingLag = makeDistribution({ type: "exponential", mean: OPENING_LAG_MEAN }, streams.stream("needs:opening-lag"));
    this.retryDelay = makeDistribution(cfg.access.retryDelay, streams.stream("needs:retry-delay"));
    this.repeatDelay = makeDistribution(cfg.repeat.delay, streams.stream("needs:repeat-delay"));
    this.redialDelay = cfg.channels.map((c) => (c.redial ? makeDistribution(c.redial.delay, streams.stream(`channel:${c.name}:redial-delay`)) : null));
    this.currentCustomer = -1;
    this.expectedWait = (c: number) => (this.currentCustomer >= 0 ? this.customers.expectedWaitOf(this.currentCustomer, c) : initialWait[c]);
    this.net = new Network(netCfg, cal, store, streams, new ContactOutcomes(cfg, this, store, counters, customers, quality, book), 0, trace);
  }

  // --- a need arises ------------------------------------------------------------------------

  /** A new need of `cust` (or −1 for a forecast contact) of type k in segment g. */
  newNeed(cust: number, k: number, g: number, now: number): number {
    const s = this.store, id = s.allocate();
    const counted = now >= this.warmup;
    s.customer[id] = cust;
    s.need[id] = k;
    s.segment[id] = g;
    s.channel[id] = -1;
    s.attempts[id] = 0;
    s.flags[id] = counted ? NeedFlag.Counted : 0;
    s.state[id] = ContactState.Free;
    s.effort[id] = 0;
    // a counted need's funnel row, kept with it, and its count: funnel(id, FF.needs) written out
    const row = counted ? this.counters.funnelRow(g, k) : -1;
    s.funnelRow[id] = row;
    if (counted) {
      this.counters.funnel[row + FF.needs] += 1;
      // ⌊now / interval length⌋ by truncation to an integer (now ≥ 0 and the interval count fits 32 bits: the same number, without Math.floor's checks)
      this.counters.needsByInterval[(now * this.invLen) | 0]++;
    }
    if (cust >= 0) this.customers.countNeed(cust);
    return id;
  }

  /** A need of customer `cust`, type k, from the causal demand. */
  causalNeed(cust: number, k: number, now: number) {
    const id = this.newNeed(cust, k, this.customers.segment[cust], now);
    // six uniforms per need, whatever happens to it (common random numbers)
    const u0 = this.rDecide(), u1 = this.rDecide(), u2 = this.rDecide(), u3 = this.rDecide(), u4 = this.rDecide(), u5 = this.rDecide();
    if (this.isQualityNeed[k] === 1) {
      const spike = this.quality.spikeShare(now);
      if (spike > 0) {
        const n = this.quality.notification(now);
        if (u0 < n.share * n.deflect) {
          this.store.flags[id] |= NeedFlag.Softened; // told of the known issue: the notice's credit applies
          return this.finish(id, FF.deflected, now);
        }
        if (u0 < n.share) this.store.flags[id] |= NeedFlag.Softened;
      }
    }
    const o = this.selfService.attempt(k, u1, u2, u3);
    if (o !== SelfServiceOutcome.NotTried) {
      this.funnel(id, FF.triedSelfService);
      this.book.ledger.add(this.book.selfService, now, this.sessionCost);
      if (o === SelfServiceOutcome.Contained) return this.finish(id, FF.selfServed, now);
      this.store.flags[id] |= NeedFlag.SelfServiceFailed;
      this.store.effort[id] += this.weights.selfServiceFailed;
      if (o === SelfServiceOutcome.FailedGivesUp) return this.finish(id, FF.unserved, now);
    }
    this.decide(id, now, u4, u5);
  }

  /** Decide whether and where to ask, with two uniforms. */
  private decide(id: number, now: number, uChannel: number, uAsk: number) {
    const g = this.store.segment[id];
    this.currentCustomer = this.store.customer[id];
    this.access.evaluate(this.store.need[id], this.severity[this.store.need[id]], this.segPrice[g], this.segMask[g], this.expectedWait, uChannel);
    if (this.access.channel < 0 || !(uAsk < this.access.probability)) return this.notAsked(id, now);
    this.request(id, this.access.channel, now);
  }

  /** A request on channel c at time now, respecting its hours. */
  private request(id: number, c: number, now: number) {
    if (this.channelHours[c].isOpen(now)) return this.submit(id, c, now);
    const policy = this.cfg.access.outsideHours;
    if (policy === "wait") {
      const opens = this.channelHours[c].nextOpen(now);
      // during the lag the channel may close again: then the need comes at its next opening
      let at = opens + this.openingLag.sample();
      if (!this.channelHours[c].isOpen(at)) at = this.channelHours[c].nextOpen(at);
      if (at < this.horizon) {
        if ((this.store.flags[id] & NeedFlag.WaitedForOpening) === 0) this.funnel(id, FF.waitedForOpening);
        this.store.flags[id] |= NeedFlag.WaitedForOpening;
        this.store.channel[id] = c;
        this.sleep(id, at, K_OPENING);
        return;
      }
      return this.finish(id, FF.unserved, now);
    }
    if (policy === "selfService" && (this.store.flags[id] & NeedFlag.SelfServiceFailed) === 0 && this.store.attempts[id] === 0) {
      this.funnel(id, FF.triedSelfService);
      const o = this.selfService.attemptNow(this.store.need[id], this.rRetry(), 1); // uGoOn = 1: a failure here is not sent on
      this.book.ledger.add(this.book.selfService, now, this.sessionCost);
      if (o === SelfServiceOutcome.Contained) return this.finish(id, FF.selfServed, now);
      this.store.flags[id] |= NeedFlag.SelfServiceFailed;
      this.store.effort[id] += this.weights.selfServiceFailed;
    }
    this.notAsked(id, now);
  }

  /** The request goes to channel c now. */
  submit(id: number, c: number, now: number) {
    const s = this.store;
    const first = s.attempts[id] === 0;
    const k = s.need[id], g = s.segment[id], cust = s.customer[id];
    s.attempts[id]++;
    s.channel[id] = c;
    s.state[id] = ContactState.Free; // the network sets Waiting / InService
    s.flags[id] &= ~NeedFlag.Moved;
    // funnel(id, …) written out: the row is read once for the (up to) three fields
    const row = s.funnelRow[id];
    if (row >= 0) {
      const f = this.counters.funnel;
      if (first) {
        f[row + FF.asked] += 1;
        const price = this.segPrice[g];
        if (price > 0 && cust >= 0) f[row + FF.supportRevenue] += price;
      }
      f[row + FF.requests] += 1;
    }
    if (cust >= 0) this.customers.countRequest(cust);
    if (this.isQualityNeed[k] === 1) this.quality.recordDefectRequest(now);
    s.arrival[id] = now;
    s.workType[id] = k * this.C + c;
    s.priorityClass[id] = this.segClass[g];
    s.deferred[id] = this.deferredChannel[c];
    s.callback[id] = 0;
    s.held[id] = 0;
    s.interval[id] = now >= this.warmup ? (now * this.invLen) | 0 : -1; // ⌊…⌋ by truncation, as in newNeed
    if (first && now >= this.warmup) this.counters.attempt[c * ATTEMPT_FIELDS.length + AF.chosen] += 1;
    this.net.enter(id, this.entryTier[c], now);
  }

  // --- it comes back ------------------------------------------------------------------------

  /**
  * With probability `share` (one draw from `rng`) the need comes back after a `delay`, as
  * event `kind`, counted in `field` — if that is before the horizon; otherwise it ends as
  * `last`. No delay: it ends at once, without a draw.
  */
  private comeBackOrEnd(id: number, now: number, rng: Rng, share: number, delay: Distribution | null, field: number, kind: number, last: number) {
    if (delay !== null && rng() < share) {
      const at = now + delay.sample();
      if (at < this.horizon) {
        this.funnel(id, field);
        this.sleep(id, at, kind);
        return;
      }
    }
    this.finish(id, last, now);
  }

  /** The customer does not ask (now): a share retries later, the rest is unserved demand. */
  private notAsked(id: number, now: number) {
    return this.comeBackOrEnd(id, now, this.rRetry, this.cfg.access.retryShare, this.retryDelay, FF.retries, K_RETRY, FF.unserved);
  }

  /** Its contact ended unresolved: a share comes back as a repeat contact, the rest gives up. */
  unresolved(id: number, now: number) {
    this.comeBackOrEnd(id, now, this.rRepeat, this.cfg.repeat.share, this.repeatDelay, FF.repeats, K_REPEAT, FF.unresolved);
  }

  /** Its contact on channel c was abandoned: a share redials, the rest gives up. */
  abandoned(id: number, c: number, now: number) {
    this.comeBackOrEnd(id, now, this.rRedial, this.redialShare[c], this.redialDelay[c], FF.redials, K_REDIAL, FF.abandoned);
  }

  /** A need that did not ask tries again (its K_RETRY event). */
  retry(id: number, now: number) {
    this.decide(id, now, this.rRetry(), this.rRetry());
  }

  /** A need that waited for its channel to open asks again (its K_OPENING event). */
  opening(id: number, now: number) {
    this.request(id, this.store.channel[id], now);
  }

  /** An unresolved need comes back (its K_REPEAT event), maybe on another channel. */
  repeat(id: number, now: number) {
    let c = this.store.channel[id];
    this.store.effort[id] += this.weights.repeat;
    if (this.rRepeat() < this.cfg.repeat.switchShare && this.store.customer[id] >= 0) {
      const g = this.store.segment[id];
      this.currentCustomer = this.store.customer[id];
      this.access.evaluate(this.store.need[id], this.severity[this.store.need[id]], this.segPrice[g], this.segMask[g], this.expectedWait, 0.5);
      const before = c;
      c = this.access.otherChannel(c, this.rRepeat);
      if (c !== before) this.store.effort[id] += this.weights.channelSwitch;
    }
    this.request(id, c, now);
  }

  /** An abandoned need calls again (its K_REDIAL event): a repeat contact. */
  redial(id: number, now: number) {
    this.store.effort[id] += this.weights.repeat; // calling again is a repeat contact
    this.request(id, this.store.channel[id], now);
  }

  // --- bookkeeping ----------------------------------------------------------------------------

  counted(id: number) {
    return (this.store.flags[id] & NeedFlag.Counted) !== 0;
  }

  /** Count `amount` in funnel field `field` of a counted need (its row is kept with it: ContactStore.funnelRow). */
  funnel(id: number, field: number, amount = 1) {
    const r = this.store.funnelRow[id];
    if (r >= 0) this.counters.funnel[r + field] += amount;
  }

  /**
  * A need's last outcome: count it, move its customer's experience (retention.ts: the
  * outcome's row on the ladder plus the effort on the way) and free its slot.
  */
  finish(id: number, field: number, now: number) {
    this.funnel(id, field);
    const cust = this.store.customer[id];
    if (cust >= 0) {
      if (field === FF.unserved) this.customers.countUnserved(cust);
      else if (field === FF.resolved) this.customers.countResolved(cust);
      else if (field === FF.abandoned) this.customers.countAbandoned(cust);
      const asked = this.store.attempts[id] > 0;
      const base =
        field === FF.resolved ? (this.store.attempts[id] === 1 && (this.store.flags[id] & NeedFlag.Moved) === 0 ? ROW_QUICK : ROW_RESOLVED)
        : field === FF.selfServed ? ROW_QUICK
        : field === FF.deflected ? ROW_NOTICE
        : field === FF.unserved && !asked ? ROW_UNSERVED
        : ROW_UNRESOLVED;
      let effort = this.store.effort[id];
      if ((this.store.flags[id] & NeedFlag.Softened) !== 0) effort += this.weights.notified;
      const row = clampRow(base + effort);
      const logM = this.ladder.logMultiplier(row, this.major[this.store.need[id]] === 1);
      // the worst recent outcome is remembered (retention.ts combine); a need that leaves M = 1 changes nothing
      if (logM !== 0) this.customers.recordExperience(cust, this.ladder.combine(this.customers.experienceNow(cust, now, this.ladder.halfLife), logM), now);
      this.funnel(id, FF.experienced);
      this.funnel(id, FF.churnMultiplier, Math.exp(logM));
      if (asked) {
        this.funnel(id, FF.rated);
        this.funnel(id, FF.experienceRows, row);
        if (isSatisfied(row)) this.funnel(id, FF.satisfied);
      }
    }
    this.store.release(id);
  }

  private sleep(id: number, at: number, kind: number) {
    this.store.state[id] = ContactState.Dormant;
    this.cal.post(at, kind, id);
  }

  /** Needs still open at the end: allocated slots of counted needs (found by scanning, independently of the counters), counted as openAtEnd. */
  openAtEnd(): number {
    let open = 0;
    for (let id = 0; id < this.store.capacity; id++) {
      if (this.store.state[id] !== ContactState.Free && this.counted(id)) {
        open++;
        this.counters.addFunnel(this.store.segment[id], this.store.need[id], FF.openAtEnd);
      }
    }
    return open;
  }
}
