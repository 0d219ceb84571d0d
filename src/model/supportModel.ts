/**
 * The support-demand model: one replication of customers, their needs, the decisions that
 * turn needs into requests, and the contact network that serves them, on one event
 * calendar.
 *
 * A need's path (each step in the module named after it):
 *
 *   need arises (demand.ts: quality × expertise × seasonality, per customer)
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
 * Counting: a need counts in the funnel if it arose at or after the warm-up; a contact
 * counts in contact statistics if it began at or after the warm-up. Needs arise, and
 * retries, repeats and redials happen, only before the horizon; contacts in the system at
 * the horizon are followed to completion (pools keep their hours for up to 30 days more).
 */
import { EventCalendar } from "../engine/calendar.js";
import { makeDistribution, type Distribution } from "../engine/distributions.js";
import { PiecewisePoissonArrivals } from "../engine/arrivals.js";
import type { RandomStreams, Rng } from "../engine/random.js";
import { Accessibility } from "./accessibility.js";
import { ContactState, ContactStore, NeedFlag } from "./contacts.js";
import { OpeningHours, parseStartEpochMs } from "./coverage.js";
import { CustomerBase, CustomerFlows, populate } from "./customers.js";
import { NeedGenerator } from "./demand.js";
import { LearningCurve } from "./expertise.js";
import { Network, NETWORK_KINDS, type NetworkConfig, type NetworkObserver, type NetworkTraceSink } from "./network.js";
import { Quality } from "./quality.js";
import { Seasonality } from "./seasonality.js";
import { SelfService, SelfServiceOutcome } from "./selfService.js";
import { CF, FF, IF, SupportCounters } from "./supportKpis.js";
import type { SupportConfig } from "./supportConfig.js";

/** How long after the horizon pools keep their hours so that work in progress drains. */
export const DRAIN_MINUTES = 30 * 1440;
/**
 * A need that waits for a closed channel to open comes back after the opening by an
 * exponential lag of this mean (minutes): customers call during the morning, not all at
 * the first second. [A]
 */
export const OPENING_LAG_MEAN = 60;
/** What a failed self-service attempt costs the customer's sentiment (in the units of wait dissatisfaction: one "target's worth" of extra wait). [A] */
export const SELF_SERVICE_FRUSTRATION = 0.5;

const K_NEED = NETWORK_KINDS, K_SALE = K_NEED + 1, K_CHURN = K_NEED + 2, K_WINDOW = K_NEED + 3,
  K_RETRY = K_NEED + 4, K_OPENING = K_NEED + 5, K_REPEAT = K_NEED + 6, K_REDIAL = K_NEED + 7, K_POOL = K_NEED + 8, K_FORECAST0 = K_NEED + 9;
const WINDOW = 1440;

export interface SupportResult {
  counters: SupportCounters;
  network: Network;
  /** Active customers per segment at the end of the horizon, sales and churn over it. */
  activeBySegment: number[];
  sales: number;
  churned: number;
  customersBytes: number;
  events: number;
  /** Needs counted (after the warm-up) that were still open when the run ended, found by scanning the store. */
  openAtEnd: number;
}

export function simulateSupport(cfg: SupportConfig, streams: RandomStreams, trace: NetworkTraceSink | null = null): SupportResult {
  const C = cfg.channels.length;
  const { horizon, warmup, intervalLength } = cfg;
  const invLen = 1 / intervalLength;
  const startMs = parseStartEpochMs(cfg.start, cfg.timeZone);

  const netCfg: NetworkConfig = {
    horizon, warmup, intervalLength, threshold: cfg.threshold,
    workTypes: cfg.needTypes.flatMap((n) => cfg.channels.map((c) => `${n.name} by ${c.name}`)),
    classes: cfg.classes,
    tiers: cfg.tiers.map((t) => ({
      name: t.name,
      handleTime: t.handleTime,
      handleTimeByWork: t.handleTimeByWork,
      patienceByWork: cfg.needTypes.flatMap(() => cfg.channels.map((_, c) => t.patienceByChannel[c])),
      resolve: 1,
      resolveByWork: cfg.needTypes.flatMap((_, k) => cfg.channels.map(() => t.resolveByNeed[k])),
      next: t.next,
      nextMode: t.nextMode,
    })),
    pools: cfg.pools.map((p) => ({ name: p.name, tier: p.tier, agents: p.agents, skills: p.skills, concurrency: p.concurrency, stretch: p.stretch })),
    streams: [],
    callbackByWork: cfg.needTypes.flatMap(() => cfg.channels.map((c) => c.callback)),
  };
  const totalAgents = cfg.pools.reduce((s, p) => s + p.agents, 0);
  const cal = new EventCalendar(Math.max(4096, totalAgents * 8));
  const store = new ContactStore(Math.max(4096, totalAgents * 8));
  const counters = new SupportCounters(
    { segments: cfg.segments.map((s) => s.name), needTypes: cfg.needTypes.map((n) => n.name), channels: cfg.channels.map((c) => c.name), tiers: cfg.tiers.map((t) => t.name), intervals: Math.ceil(horizon / intervalLength) },
    warmup, horizon, intervalLength,
  );

  // --- customers, quality, demand -----------------------------------------------------
  const initialWait = Float64Array.from(cfg.channels.map((c) => c.initialExpectedWait));
  const startCustomers = cfg.segments.reduce((s, g) => s + g.customers, 0);
  const customers = new CustomerBase(C, initialWait, Math.max(1024, Math.ceil(startCustomers * 1.1)));
  populate(customers, cfg.segments, (name) => streams.stream(name));
  const flows = new CustomerFlows(cfg.segments, customers);
  const learning = new LearningCurve(cfg.learning.noviceMultiplier, cfg.learning.timeConstant);
  const quality = new Quality(cfg.quality.releases, cfg.quality.fixes);
  const seasonality = new Seasonality(cfg.seasonality, cfg.start, cfg.timeZone);
  const pieces = seasonality.piecewise(0, horizon, 30);
  const demand = new NeedGenerator(cfg.needTypes, cfg.segments, customers, learning, quality, Float64Array.from(pieces.starts), Float64Array.from(pieces.factors), horizon);

  const access = new Accessibility(
    Float64Array.from(cfg.needTypes.flatMap((n) => n.channelPreference)),
    Float64Array.from(cfg.channels.map((c) => c.waitWeightPerMinute)),
    initialWait,
    C, cfg.access.askLogOdds, cfg.access.severityWeight, cfg.access.priceWeight, cfg.access.accessWeight,
  );
  const selfService = new SelfService(cfg.selfService, Float64Array.from(cfg.needTypes.map((n) => n.kbCoverage)));
  const severity = Int32Array.from(cfg.needTypes.map((n) => n.severity));
  const isQualityNeed = Uint8Array.from(cfg.needTypes.map((n) => (n.driver === "quality" ? 1 : 0)));
  const segClass = Int32Array.from(cfg.segments.map((s) => s.priorityClass));
  const segPrice = Float64Array.from(cfg.segments.map((s) => (s.plan === "perIncident" ? s.pricePerIncident : 0)));
  const segMask = Int32Array.from(cfg.segments.map((s) => s.channels.reduce((m, c) => m | (1 << c), 0)));
  const deferredChannel = Uint8Array.from(cfg.channels.map((c) => (c.kind === "deferred" ? 1 : 0)));
  const entryTier = Int32Array.from(cfg.channels.map((c) => c.entryTier));
  const target = Float64Array.from(cfg.channels.map((c) => (c.kind === "deferred" ? c.responseTarget ?? 1440 : cfg.threshold)));
  const dissatisfactionWeight = Float64Array.from(cfg.channels.map((c) => c.dissatisfactionWeight));
  const channelHours = cfg.channels.map((c) => new OpeningHours(c.kind === "realtime" ? c.hours : undefined, startMs, cfg.timeZone, horizon + DRAIN_MINUTES));
  const poolHours = cfg.pools.map((p) => new OpeningHours(p.hours, startMs, cfg.timeZone, horizon + DRAIN_MINUTES));
  const redialShare = Float64Array.from(cfg.channels.map((c) => c.redial?.share ?? 0));
  const gamma = cfg.access.waitMemory;

  // random streams (one per purpose)
  const rCandidate = streams.stream("needs:candidate");
  const rPick = streams.stream("needs:pick");
  const rDecide = streams.stream("needs:decide");
  const rRetry = streams.stream("needs:retry");
  const rRepeat = streams.stream("needs:repeat");
  const rRedial = streams.stream("needs:redial");
  const rSales = streams.stream("customers:sales");
  const rChurn = streams.stream("customers:churn");
  const openingLag = makeDistribution({ type: "exponential", mean: OPENING_LAG_MEAN }, streams.stream("needs:opening-lag"));
  const retryDelay = makeDistribution(cfg.access.retryDelay, streams.stream("needs:retry-delay"));
  const repeatDelay = makeDistribution(cfg.repeat.delay, streams.stream("needs:repeat-delay"));
  const redialDelay: (Distribution | null)[] = cfg.channels.map((c) => (c.redial ? makeDistribution(c.redial.delay, streams.stream(`channel:${c.name}:redial-delay`)) : null));

  // --- bookkeeping helpers ---------------------------------------------------------------
  const counted = (id: number) => (store.flags[id] & NeedFlag.Counted) !== 0;
  const funnel = (id: number, field: number, amount = 1) => {
    if (counted(id)) counters.addFunnel(store.segment[id], store.need[id], field, amount);
  };
  /** A need's last outcome: count it and free its slot. */
  const finish = (id: number, field: number) => {
    funnel(id, field);
    const cust = store.customer[id];
    if (cust >= 0) {
      if (field === FF.unserved) customers.countUnserved(cust);
      else if (field === FF.resolved) customers.countResolved(cust);
      else if (field === FF.abandoned) customers.countAbandoned(cust);
    }
    store.release(id);
  };
  const sleep = (id: number, at: number, kind: number) => {
    store.state[id] = ContactState.Dormant;
    cal.schedule(at, kind, id);
  };

  // the expected waits of the customer being decided for (a closure made once, not per need)
  let currentCustomer = -1;
  const expectedWait = (c: number) => (currentCustomer >= 0 ? customers.expectedWaitOf(currentCustomer, c) : initialWait[c]);

  /** The request goes to channel c now. */
  const submit = (id: number, c: number, now: number) => {
    const first = store.attempts[id] === 0;
    store.attempts[id]++;
    store.channel[id] = c;
    store.state[id] = ContactState.Free; // the network sets Waiting / InService
    store.flags[id] &= ~NeedFlag.Moved;
    if (first) {
      funnel(id, FF.asked);
      const price = segPrice[store.segment[id]];
      if (price > 0 && store.customer[id] >= 0) funnel(id, FF.supportRevenue, price);
    }
    funnel(id, FF.requests);
    if (store.customer[id] >= 0) customers.countRequest(store.customer[id]);
    if (isQualityNeed[store.need[id]] === 1) quality.recordDefectRequest(now);
    store.arrival[id] = now;
    store.workType[id] = store.need[id] * C + c;
    store.priorityClass[id] = segClass[store.segment[id]];
    store.deferred[id] = deferredChannel[c];
    store.callback[id] = 0;
    store.interval[id] = now >= warmup ? Math.floor(now * invLen) : -1;
    net.enter(id, entryTier[c], now);
  };

  /** A request on channel c at time now, respecting its hours. */
  const request = (id: number, c: number, now: number) => {
    if (channelHours[c].isOpen(now)) return submit(id, c, now);
    const policy = cfg.access.outsideHours;
    if (policy === "wait") {
      const opens = channelHours[c].nextOpen(now);
      // during the lag the channel may close again: then the need comes at its next opening
      let at = opens + openingLag.sample();
      if (!channelHours[c].isOpen(at)) at = channelHours[c].nextOpen(at);
      if (at < horizon) {
        if ((store.flags[id] & NeedFlag.WaitedForOpening) === 0) funnel(id, FF.waitedForOpening);
        store.flags[id] |= NeedFlag.WaitedForOpening;
        store.channel[id] = c;
        sleep(id, at, K_OPENING);
        return;
      }
      return finish(id, FF.unserved);
    }
    if (policy === "selfService" && (store.flags[id] & NeedFlag.SelfServiceFailed) === 0 && store.attempts[id] === 0) {
      funnel(id, FF.triedSelfService);
      const o = selfService.attemptNow(store.need[id], rRetry(), 1); // uGoOn = 1: a failure here is not sent on
      if (o === SelfServiceOutcome.Contained) return finish(id, FF.selfServed);
      store.flags[id] |= NeedFlag.SelfServiceFailed;
      if (store.customer[id] >= 0) customers.sentiment[store.customer[id]] -= SELF_SERVICE_FRUSTRATION;
    }
    notAsked(id, now);
  };

  /**
   * With probability `share` (one draw from `rng`) the need comes back after a `delay`, as
   * event `kind`, counted in `field` — if that is before the horizon; otherwise it ends as
   * `last`. No delay: it ends at once, without a draw.
   */
  const comeBackOrEnd = (id: number, now: number, rng: Rng, share: number, delay: Distribution | null, field: number, kind: number, last: number) => {
    if (delay !== null && rng() < share) {
      const at = now + delay.sample();
      if (at < horizon) {
        funnel(id, field);
        sleep(id, at, kind);
        return;
      }
    }
    finish(id, last);
  };

  /** The customer does not ask (now): a share retries later, the rest is unserved demand. */
  const notAsked = (id: number, now: number) => comeBackOrEnd(id, now, rRetry, cfg.access.retryShare, retryDelay, FF.retries, K_RETRY, FF.unserved);

  /** Decide whether and where to ask, with two uniforms. */
  const decide = (id: number, now: number, uChannel: number, uAsk: number) => {
    const g = store.segment[id];
    currentCustomer = store.customer[id];
    access.evaluate(store.need[id], severity[store.need[id]], segPrice[g], segMask[g], expectedWait, uChannel);
    if (access.channel < 0 || !(uAsk < access.probability)) return notAsked(id, now);
    request(id, access.channel, now);
  };

  /** A new need of `cust` (or −1 for a forecast contact) of type k in segment g. */
  const newNeed = (cust: number, k: number, g: number, now: number): number => {
    const id = store.allocate();
    store.customer[id] = cust;
    store.need[id] = k;
    store.segment[id] = g;
    store.channel[id] = -1;
    store.attempts[id] = 0;
    store.flags[id] = now >= warmup ? NeedFlag.Counted : 0;
    store.state[id] = ContactState.Free;
    funnel(id, FF.needs);
    if (now >= warmup) counters.needsByInterval[Math.floor(now * invLen)]++;
    if (cust >= 0) customers.countNeed(cust);
    return id;
  };

  const causalNeed = (cust: number, k: number, now: number) => {
    const id = newNeed(cust, k, customers.segment[cust], now);
    // six uniforms per need, whatever happens to it (common random numbers)
    const u0 = rDecide(), u1 = rDecide(), u2 = rDecide(), u3 = rDecide(), u4 = rDecide(), u5 = rDecide();
    if (isQualityNeed[k] === 1) {
      const spike = quality.spikeShare(now);
      if (spike > 0) {
        const n = quality.notification(now);
        if (u0 < n.share * n.deflect) return finish(id, FF.deflected);
        if (u0 < n.share) store.flags[id] |= NeedFlag.Softened;
      }
    }
    const o = selfService.attempt(k, u1, u2, u3);
    if (o !== SelfServiceOutcome.NotTried) {
      funnel(id, FF.triedSelfService);
      if (o === SelfServiceOutcome.Contained) return finish(id, FF.selfServed);
      store.flags[id] |= NeedFlag.SelfServiceFailed;
      customers.sentiment[cust] -= SELF_SERVICE_FRUSTRATION;
      if (o === SelfServiceOutcome.FailedGivesUp) return finish(id, FF.unserved);
    }
    decide(id, now, u4, u5);
  };

  // --- the network and what it tells us ---------------------------------------------------
  const softenOf = (id: number, now: number) => ((store.flags[id] & NeedFlag.Softened) !== 0 ? 1 - quality.notification(now).soften : 1);
  const observer: NetworkObserver = {
    entered(id, tier, now) {
      if (store.interval[id] < 0) return;
      const c = store.channel[id];
      counters.addContact(tier, c, CF.offered);
      if (tier === entryTier[c]) {
        counters.addInterval(store.interval[id], c, IF.offered);
        counters.backlog[c].add(now, 1);
      }
    },
    answered(id, tier, wait, now) {
      const c = store.channel[id];
      const cust = store.customer[id];
      if (tier === entryTier[c] && cust >= 0) customers.observeWait(cust, c, wait, gamma);
      // dissatisfaction grows with the wait beyond the channel's target
      const over = wait - target[c];
      if (over > 0 && tier === entryTier[c]) {
        const d = dissatisfactionWeight[c] * (over / target[c]) * softenOf(id, now);
        funnel(id, FF.dissatisfaction, d);
        if (cust >= 0) customers.sentiment[cust] -= d;
      }
      if (store.interval[id] < 0) return;
      counters.addContact(tier, c, CF.answered);
      counters.addContact(tier, c, CF.waitAnswered, wait);
      counters.addContact(tier, c, CF.waitAll, wait);
      if (store.deferred[id] === 1) {
        counters.addContact(tier, c, CF.answeredDeferred);
        counters.addContact(tier, c, CF.waitAnsweredDeferred, wait);
      }
      if (tier === entryTier[c]) {
        const iv = store.interval[id];
        const ok = wait <= target[c];
        if (ok) counters.addContact(tier, c, CF.withinTarget);
        counters.addInterval(iv, c, IF.answered);
        if (ok) counters.addInterval(iv, c, IF.withinTarget);
        counters.addInterval(iv, c, IF.waitAll, wait);
        counters.backlog[c].add(now, -1);
      }
    },
    moved(id, tier, outcome) {
      store.flags[id] |= NeedFlag.Moved;
      if (store.interval[id] >= 0) counters.addContact(tier, store.channel[id], outcome === "transferred" ? CF.transferred : CF.escalated);
    },
    left(id, tier, outcome, wait, now) {
      const c = store.channel[id];
      const isCounted = store.interval[id] >= 0;
      if (outcome === "resolved") {
        if (isCounted) counters.addContact(tier, c, CF.resolved);
        if (store.attempts[id] === 1 && (store.flags[id] & NeedFlag.Moved) === 0) funnel(id, FF.resolvedFirstContact);
        return finish(id, FF.resolved);
      }
      if (outcome === "unresolved") {
        if (isCounted) counters.addContact(tier, c, CF.unresolved);
        return comeBackOrEnd(id, now, rRepeat, cfg.repeat.share, repeatDelay, FF.repeats, K_REPEAT, FF.unresolved);
      }
      // abandoned
      if (isCounted) {
        counters.addContact(tier, c, CF.abandoned);
        counters.addContact(tier, c, CF.waitAll, wait);
      }
      if (tier === entryTier[c]) {
        if (isCounted) {
          counters.addInterval(store.interval[id], c, IF.abandoned);
          counters.addInterval(store.interval[id], c, IF.waitAll, wait);
          counters.backlog[c].add(now, -1);
        }
        const cust = store.customer[id];
        if (cust >= 0) customers.observeWait(cust, c, wait, gamma);
      }
      comeBackOrEnd(id, now, rRedial, redialShare[c], redialDelay[c], FF.redials, K_REDIAL, FF.abandoned);
    },
  };
  const net = new Network(netCfg, cal, store, streams, observer, 0, trace);

  // --- initial events ---------------------------------------------------------------------
  let needHandle = -1;
  const scheduleNeed = (now: number) => {
    if (needHandle >= 0) cal.cancel(needHandle);
    const t = demand.nextCandidate(now, rCandidate);
    needHandle = t < horizon ? cal.schedule(t, K_NEED, 0) : -1;
  };
  let churnHandle = -1;
  const scheduleChurn = (now: number) => {
    if (churnHandle >= 0) cal.cancel(churnHandle);
    const t = flows.nextChurn(now, rChurn);
    churnHandle = t < horizon ? cal.schedule(t, K_CHURN, 0) : -1;
  };
  if (cfg.causal) {
    demand.setWindow(0, Math.min(WINDOW, horizon));
    scheduleNeed(0);
    if (WINDOW < horizon) cal.schedule(WINDOW, K_WINDOW, 0);
    const s0 = flows.nextSale(0, rSales);
    if (s0 < horizon) cal.schedule(s0, K_SALE, flows.saleSegment);
    scheduleChurn(0);
  }
  const forecast = cfg.forecastStreams.map((f, s) => new PiecewisePoissonArrivals(f.starts, f.ratesPerMinute, streams.stream(`forecast:${s}`), f.cycle));
  forecast.forEach((src, s) => {
    const t = src.next(0);
    if (t < horizon) cal.schedule(t, K_FORECAST0 + s, 0);
  });
  cfg.pools.forEach((p, q) => {
    const h = poolHours[q];
    if (h.alwaysOpen) return;
    if (!h.isOpen(0)) net.setAgents(q, 0, 0);
    const nextChange = h.isOpen(0) ? h.nextClose(0) : h.nextOpen(0);
    if (nextChange < horizon + DRAIN_MINUTES) cal.schedule(nextChange, K_POOL, q);
  });

  // --- the event loop ---------------------------------------------------------------------
  let sales = 0, churned = 0;
  for (let kind = cal.next(); kind >= 0; kind = cal.next()) {
    const now = cal.now;
    if (kind < NETWORK_KINDS) {
      net.handleEvent(kind, cal.data, now);
    } else if (kind === K_NEED) {
      needHandle = -1;
      if (demand.draw(now, rPick(), rPick(), rPick())) causalNeed(demand.customer, demand.needType, now);
      scheduleNeed(now);
    } else if (kind === K_RETRY) {
      const id = cal.data;
      decide(id, now, rRetry(), rRetry());
    } else if (kind === K_OPENING) {
      const id = cal.data;
      request(id, store.channel[id], now);
    } else if (kind === K_REPEAT) {
      const id = cal.data;
      let c = store.channel[id];
      if (rRepeat() < cfg.repeat.switchShare && store.customer[id] >= 0) {
        const g = store.segment[id];
        currentCustomer = store.customer[id];
        access.evaluate(store.need[id], severity[store.need[id]], segPrice[g], segMask[g], expectedWait, 0.5);
        c = access.otherChannel(c, rRepeat);
      }
      request(id, c, now);
    } else if (kind === K_REDIAL) {
      const id = cal.data;
      request(id, store.channel[id], now);
    } else if (kind === K_SALE) {
      customers.add(cal.data, now);
      sales++;
      if (demand.resizeSlots()) scheduleNeed(now);
      scheduleChurn(now);
      const t = flows.nextSale(now, rSales);
      if (t < horizon) cal.schedule(t, K_SALE, flows.saleSegment);
    } else if (kind === K_CHURN) {
      churnHandle = -1;
      const id = flows.churnCandidate(rChurn());
      if (id >= 0 && flows.acceptChurn(id, rChurn())) {
        customers.remove(id, now);
        churned++;
      }
      scheduleChurn(now);
    } else if (kind === K_WINDOW) {
      demand.setWindow(now, Math.min(now + WINDOW, horizon));
      scheduleNeed(now);
      if (now + WINDOW < horizon) cal.schedule(now + WINDOW, K_WINDOW, 0);
    } else if (kind === K_POOL) {
      const q = cal.data, h = poolHours[q];
      const open = h.isOpen(now);
      net.setAgents(q, open ? cfg.pools[q].agents : 0, now);
      const nextChange = open ? h.nextClose(now) : h.nextOpen(now);
      if (nextChange < horizon + DRAIN_MINUTES) cal.schedule(nextChange, K_POOL, q);
    } else {
      const s = kind - K_FORECAST0, f = cfg.forecastStreams[s];
      const id = newNeed(-1, f.needType, f.segment, now);
      submit(id, f.channel, now);
      const t = forecast[s].next(now);
      if (t < horizon) cal.schedule(t, kind, 0);
    }
  }
  net.finish();
  counters.backlog.forEach((b) => b.close());

  // needs still open: allocated slots of counted needs (found by scanning, independently of the counters)
  let openAtEnd = 0;
  for (let id = 0; id < store.capacity; id++) {
    if (store.state[id] !== ContactState.Free && counted(id)) {
      openAtEnd++;
      counters.addFunnel(store.segment[id], store.need[id], FF.openAtEnd);
    }
  }

  return {
    counters, network: net,
    activeBySegment: cfg.segments.map((_, g) => customers.activeBySegment[g]),
    sales, churned, customersBytes: customers.memoryBytes(), events: cal.fired, openAtEnd,
  };
}
