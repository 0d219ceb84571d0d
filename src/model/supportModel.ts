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
 * Around the contacts (each in its own module):
 *   staffing.ts     who is scheduled when (hours, shifts, a weekly table; breaks), per pool time zone
 *   workforce.ts    attrition, hiring lead time, training and ramp-up behind each pool
 *   kcs.ts          a shift-left / KCS program ramping in coverage, resolution and handle times
 *   quality.ts      problem management: resolved defect needs lead to product fixes
 *   costs.ts        labour, vendor, per-contact, self-service, program, fix and hiring costs by month
 *   retention.ts    each need's outcome moves its customer's churn multiplier
 *   outsourcing.ts  a vendor's start, transition and their factors (routing in network.ts)
 *   operatingModel.ts  a first-line operating-model preset applied to the scenario
 * Agents on the floor in pool q at time t (supportModel's `staff`):
 *   x = scheduled_floor(t) · (1 − shrinkage − articleTime_tier(t)) · staffingRatio(t) · [vendor started]
 * and the network gets ⌊x⌋ agents plus one for frac(x) of every interval (staffing.ts
 * `timeShared`), so each interval gets exactly x agent-minutes. Paid agents (for cost) are the
 * schedule's paid count (breaks included) × staffingRatio, plus trainees and any surplus.
 * Daily (t = k·1440), the model refreshes the KCS ramp, workforce proficiency, vendor
 * transition, pool staffing, and processes contract renewals.
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
import { CostLedger, MonthClock } from "./costs.js";
import { KcsProgram, MINUTES_PER_MONTH } from "./kcs.js";
import { applyOperatingModel } from "./operatingModel.js";
import { vendorHandleFactor, vendorResolveFactor, vendorStarted } from "./outsourcing.js";
import { annualRevenue, clampRow, ExperienceLadder, isSatisfied, longWaitRows, revenueAtRisk, ROW_QUICK, ROW_RESOLVED, ROW_UNRESOLVED, ROW_UNSERVED } from "./retention.js";
import { nextTimeShareChange, Roster, timeShared, WeeklyPattern } from "./staffing.js";
import { Workforce } from "./workforce.js";
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

const MINUTES_PER_YEAR = 12 * MINUTES_PER_MONTH;

/** How long after the horizon pools keep their hours so that work in progress drains. */
export const DRAIN_MINUTES = 30 * 1440;
/**
 * A need that waits for a closed channel to open comes back after the opening by an
 * exponential lag of this mean (minutes): customers call during the morning, not all at
 * the first second. [A]
 */
export const OPENING_LAG_MEAN = 60;
/** Cost categories besides one per pool (labour or vendor charges). */
export const COST_CATEGORIES = ["contacts", "self-service", "KCS program", "problem management", "hiring"] as const;

const K_NEED = NETWORK_KINDS, K_SALE = K_NEED + 1, K_CHURN = K_NEED + 2, K_WINDOW = K_NEED + 3,
  K_RETRY = K_NEED + 4, K_OPENING = K_NEED + 5, K_REPEAT = K_NEED + 6, K_REDIAL = K_NEED + 7, K_POOL = K_NEED + 8,
  K_DAY = K_NEED + 9, K_WORKFORCE = K_NEED + 10, K_FORECAST0 = K_NEED + 11;
const WINDOW = 1440;

/** Per pool, over [warm-up, horizon). */
export interface PoolStats {
  /** Paid agent-minutes (schedule × fill, breaks included, plus trainees and surplus staff). */
  paidMinutes: number;
  /** Scheduled agent-minutes on the floor (before shrinkage, vacancies and article time). */
  scheduledFloorMinutes: number;
  /** Employees at the horizon; fewest employed, hires and leavers after the warm-up (pools with a workforce; else NaN / 0). */
  headcountEnd: number;
  headcountMin: number;
  hires: number;
  leavers: number;
}

export interface RetentionStats {
  /** Churns after the warm-up (hazard and renewals), their annual revenue, and the part the service experience caused: Σ (1 − 1/M). */
  churned: number;
  churnedRevenue: number;
  serviceChurn: number;
  serviceChurnRevenue: number;
  /** The same four per calendar month of `r.costs.months` (customers.ts CHURN_MONTH_FIELDS): month · 4 + field. */
  byMonth: Float64Array;
  /** Recurring revenue earned over [warm-up, horizon), and the annual recurring revenue of the base at the horizon. */
  revenueEarned: number;
  arrEnd: number;
  /**
   * Over the year after the horizon, the expected annual revenue lost through customers whose
   * experience raised their churn (at risk), and kept through those whose experience lowered it
   * (protected), against a neutral experience (retention.ts revenueAtRisk).
   */
  revenueAtRisk: number;
  revenueProtected: number;
  /** Customers expected to churn within the year after the horizon because of their experience, net (Σ P(M) − P(1)). */
  excessChurnNextYear: number;
  /** Active customers averaged over [warm-up, horizon) (for cost per customer). */
  meanCustomers: number;
}

export interface SupportResult {
  /** The configuration simulated (with its operating-model preset applied). */
  config: SupportConfig;
  counters: SupportCounters;
  network: Network;
  costs: CostLedger;
  pools: PoolStats[];
  retention: RetentionStats;
  /** Active customers per segment at the end of the horizon, sales and churn over it. */
  activeBySegment: number[];
  sales: number;
  churned: number;
  customersBytes: number;
  events: number;
  /** Needs counted (after the warm-up) that were still open when the run ended, found by scanning the store. */
  openAtEnd: number;
}

export function simulateSupport(scenarioCfg: SupportConfig, streams: RandomStreams, trace: NetworkTraceSink | null = null): SupportResult {
  const cfg = applyOperatingModel(scenarioCfg);
  const C = cfg.channels.length, K = cfg.needTypes.length, T = cfg.tiers.length, Q = cfg.pools.length;
  const W = K * C;
  const { horizon, warmup, intervalLength } = cfg;
  const invLen = 1 / intervalLength;
  const startMs = parseStartEpochMs(cfg.start, cfg.timeZone);

  const patterns = cfg.pools.map((p) => new WeeklyPattern(p.schedule));
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
    pools: cfg.pools.map((p, q) => ({
      name: p.name, tier: p.tier, agents: Math.max(p.agents, patterns[q].maxFloor), skills: p.skills, concurrency: p.concurrency, stretch: p.stretch,
      handleTimeFactor: p.handleTimeFactor, resolveFactor: p.resolveFactor, occupancyCap: p.occupancyCap,
      routing: p.vendor?.routing ?? "pool", share: p.vendor?.share, overflowAfter: p.vendor?.overflowAfter,
    })),
    streams: [],
    callbackByWork: cfg.needTypes.flatMap(() => cfg.channels.map((c) => c.callback)),
    classIntervals: false, // intervals come from SupportCounters and the tier busy/staffed bins
  };
  const totalAgents = netCfg.pools.reduce((s, p) => s + p.agents, 0);
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
  const ladder = new ExperienceLadder(cfg.retention);
  const weights = cfg.retention.weights;
  const months = new MonthClock(startMs, cfg.timeZone, horizon);
  const flows = new CustomerFlows(cfg.segments, customers, { maxMultiplier: ladder.maxMultiplier, halfLife: cfg.retention.halfLife, countFrom: warmup, months });
  const learning = new LearningCurve(cfg.learning.noviceMultiplier, cfg.learning.timeConstant);
  const quality = new Quality(cfg.quality.releases, cfg.quality.fixes, cfg.problemManagement, cfg.needTypes);
  const seasonality = new Seasonality(cfg.seasonality, cfg.start, cfg.timeZone);
  const pieces = seasonality.piecewise(0, horizon, 30);
  const demand = new NeedGenerator(cfg.needTypes, cfg.segments, customers, learning, quality, Float64Array.from(pieces.starts), Float64Array.from(pieces.factors), horizon);

  const access = new Accessibility(
    Float64Array.from(cfg.needTypes.flatMap((n) => n.channelPreference)),
    Float64Array.from(cfg.channels.map((c) => c.waitWeightPerMinute)),
    initialWait,
    C, cfg.access.askLogOdds, cfg.access.severityWeight, cfg.access.priceWeight, cfg.access.accessWeight,
  );
  const kcs = cfg.kcs
    ? new KcsProgram(cfg.kcs, cfg.needTypes.map((n) => n.kbCoverage), (t, k) => cfg.tiers[t].resolveByNeed[k], T, K, cfg.selfService.successAtFullCoverage)
    : null;
  const selfService = new SelfService(cfg.selfService, kcs ? kcs.coverage : Float64Array.from(cfg.needTypes.map((n) => n.kbCoverage)));
  const severity = Int32Array.from(cfg.needTypes.map((n) => n.severity));
  const isQualityNeed = Uint8Array.from(cfg.needTypes.map((n) => (n.driver === "quality" ? 1 : 0)));
  const segClass = Int32Array.from(cfg.segments.map((s) => s.priorityClass));
  const segPrice = Float64Array.from(cfg.segments.map((s) => (s.plan === "perIncident" ? s.pricePerIncident : 0)));
  const segMask = Int32Array.from(cfg.segments.map((s) => s.channels.reduce((m, c) => m | (1 << c), 0)));
  const deferredChannel = Uint8Array.from(cfg.channels.map((c) => (c.kind === "deferred" ? 1 : 0)));
  const entryTier = Int32Array.from(cfg.channels.map((c) => c.entryTier));
  const target = Float64Array.from(cfg.channels.map((c) => (c.kind === "deferred" ? c.responseTarget ?? 1440 : cfg.threshold)));
  const dissatisfactionWeight = Float64Array.from(cfg.channels.map((c) => c.dissatisfactionWeight));
  // when each pool has someone on the floor (its own time zone), and so when each channel is
  // open: its own hours if the scenario gives them, else whenever a pool answering it at its
  // entry tier is (follow-the-sun pools in several zones extend the channel's hours)
  const poolOpen = cfg.pools.map((p, q) => new OpeningHours(patterns[q].staffedHours(), startMs, p.timeZone, horizon + DRAIN_MINUTES));
  const channelHours = cfg.channels.map((c, ci) => {
    if (c.kind !== "realtime" || c.hours !== undefined) return new OpeningHours(c.kind === "realtime" ? c.hours : undefined, startMs, cfg.timeZone, horizon + DRAIN_MINUTES);
    const answering = cfg.pools.map((p, q) => (p.tier === c.entryTier && p.skills.some((w) => w % C === ci) ? poolOpen[q] : null)).filter((h): h is OpeningHours => h !== null);
    return answering.length > 0 ? OpeningHours.union(answering) : new OpeningHours(undefined, startMs, cfg.timeZone, horizon + DRAIN_MINUTES);
  });
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
  const rRenewal = streams.stream("customers:renewal");
  const openingLag = makeDistribution({ type: "exponential", mean: OPENING_LAG_MEAN }, streams.stream("needs:opening-lag"));
  const retryDelay = makeDistribution(cfg.access.retryDelay, streams.stream("needs:retry-delay"));
  const repeatDelay = makeDistribution(cfg.repeat.delay, streams.stream("needs:repeat-delay"));
  const redialDelay: (Distribution | null)[] = cfg.channels.map((c) => (c.redial ? makeDistribution(c.redial.delay, streams.stream(`channel:${c.name}:redial-delay`)) : null));

  // --- costs ------------------------------------------------------------------------------
  const ledger = new CostLedger([...cfg.pools.map((p) => p.name), ...COST_CATEGORIES], months, warmup, horizon);
  const C_CONTACTS = Q, C_SELF = Q + 1, C_KCS = Q + 2, C_PM = Q + 3, C_HIRING = Q + 4;
  const contactCost = Float64Array.from(cfg.costs.perContactByChannel);
  const sessionCost = cfg.costs.perSelfServiceSession;
  const vendorPenalty = Float64Array.from(cfg.pools.map((p) => p.vendor?.experiencePenalty ?? 0));
  const vendorContactCost = Float64Array.from(cfg.pools.map((p) => p.vendor?.costPerContact ?? 0));
  const hourlyCost = Float64Array.from(cfg.pools.map((p) => (p.vendor ? p.vendor.costPerHour : p.costPerHour)));
  cfg.pools.forEach((p, q) => {
    if (p.vendor && p.vendor.feePerMinute > 0) ledger.accrueMonthly(q, p.vendor.start, horizon, p.vendor.feePerMinute * MINUTES_PER_MONTH);
  });
  if (cfg.kcs && cfg.kcs.costPerMinute > 0) ledger.accrueMonthly(C_KCS, cfg.kcs.start, horizon, cfg.kcs.costPerMinute * MINUTES_PER_MONTH);

  // --- bookkeeping helpers ---------------------------------------------------------------
  const counted = (id: number) => (store.flags[id] & NeedFlag.Counted) !== 0;
  const funnel = (id: number, field: number, amount = 1) => {
    if (counted(id)) counters.addFunnel(store.segment[id], store.need[id], field, amount);
  };
  const major = Uint8Array.from(cfg.needTypes.map((n) => (n.severity >= 1 ? 1 : 0)));
  /**
   * A need's last outcome: count it, move its customer's experience (retention.ts: the
   * outcome's row on the ladder plus the effort on the way) and free its slot.
   */
  const finish = (id: number, field: number, now: number) => {
    funnel(id, field);
    const cust = store.customer[id];
    if (cust >= 0) {
      if (field === FF.unserved) customers.countUnserved(cust);
      else if (field === FF.resolved) customers.countResolved(cust);
      else if (field === FF.abandoned) customers.countAbandoned(cust);
      const asked = store.attempts[id] > 0;
      const base =
        field === FF.resolved ? (store.attempts[id] === 1 && (store.flags[id] & NeedFlag.Moved) === 0 ? ROW_QUICK : ROW_RESOLVED)
        : field === FF.selfServed ? ROW_QUICK
        : field === FF.deflected ? ROW_RESOLVED
        : field === FF.unserved && !asked ? ROW_UNSERVED
        : ROW_UNRESOLVED;
      let effort = store.effort[id];
      if ((store.flags[id] & NeedFlag.Softened) !== 0) effort += weights.notified;
      const row = clampRow(base + effort);
      const logM = ladder.logMultiplier(row, major[store.need[id]] === 1);
      customers.recordExperience(cust, logM, now);
      funnel(id, FF.experienced);
      funnel(id, FF.churnMultiplier, Math.exp(logM));
      if (asked) {
        funnel(id, FF.rated);
        funnel(id, FF.experienceRows, row);
        if (isSatisfied(row)) funnel(id, FF.satisfied);
      }
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
      return finish(id, FF.unserved, now);
    }
    if (policy === "selfService" && (store.flags[id] & NeedFlag.SelfServiceFailed) === 0 && store.attempts[id] === 0) {
      funnel(id, FF.triedSelfService);
      const o = selfService.attemptNow(store.need[id], rRetry(), 1); // uGoOn = 1: a failure here is not sent on
      ledger.add(C_SELF, now, sessionCost);
      if (o === SelfServiceOutcome.Contained) return finish(id, FF.selfServed, now);
      store.flags[id] |= NeedFlag.SelfServiceFailed;
      store.effort[id] += weights.selfServiceFailed;
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
    finish(id, last, now);
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
    store.effort[id] = 0;
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
        if (u0 < n.share * n.deflect) {
          store.flags[id] |= NeedFlag.Softened; // told of the known issue: the notice's credit applies
          return finish(id, FF.deflected, now);
        }
        if (u0 < n.share) store.flags[id] |= NeedFlag.Softened;
      }
    }
    const o = selfService.attempt(k, u1, u2, u3);
    if (o !== SelfServiceOutcome.NotTried) {
      funnel(id, FF.triedSelfService);
      ledger.add(C_SELF, now, sessionCost);
      if (o === SelfServiceOutcome.Contained) return finish(id, FF.selfServed, now);
      store.flags[id] |= NeedFlag.SelfServiceFailed;
      store.effort[id] += weights.selfServiceFailed;
      if (o === SelfServiceOutcome.FailedGivesUp) return finish(id, FF.unserved, now);
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
        const soften = softenOf(id, now);
        funnel(id, FF.dissatisfaction, dissatisfactionWeight[c] * (over / target[c]) * soften);
        store.effort[id] += longWaitRows(wait, target[c], weights.longWait) * dissatisfactionWeight[c] * soften;
      }
      const q = store.pool[id];
      if (vendorPenalty[q] !== 0) store.effort[id] += vendorPenalty[q];
      if (vendorContactCost[q] !== 0) ledger.add(q, now, vendorContactCost[q]);
      if (tier === entryTier[c] && contactCost[c] !== 0) ledger.add(C_CONTACTS, now, contactCost[c]);
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
        counters.addInterval(iv, c, IF.waitAnswered, wait);
        counters.backlog[c].add(now, -1);
      }
    },
    moved(id, tier, outcome) {
      store.flags[id] |= NeedFlag.Moved;
      store.effort[id] += outcome === "transferred" ? weights.transfer : weights.escalation;
      if (store.interval[id] >= 0) counters.addContact(tier, store.channel[id], outcome === "transferred" ? CF.transferred : CF.escalated);
    },
    left(id, tier, outcome, wait, now) {
      const c = store.channel[id];
      const isCounted = store.interval[id] >= 0;
      if (outcome === "resolved") {
        if (isCounted) counters.addContact(tier, c, CF.resolved);
        if (store.attempts[id] === 1 && (store.flags[id] & NeedFlag.Moved) === 0) funnel(id, FF.resolvedFirstContact);
        if (quality.recordResolved(store.need[id], now)) ledger.add(C_PM, now, quality.costPerFix);
        return finish(id, FF.resolved, now);
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

  // --- staffing: schedules, shrinkage, workforce, vendors, KCS article time -------------------
  const L = intervalLength;
  const rosters = cfg.pools.map((p, q) => new Roster(patterns[q], startMs, p.timeZone));
  const maxOn = Int32Array.from(netCfg.pools.map((p) => p.agents));
  const workforces = cfg.pools.map((p) =>
    p.workforce
      ? new Workforce(p.workforce, { attrition: streams.stream(`pool:${p.name}:attrition`), leadTime: streams.stream(`pool:${p.name}:lead-time`) }, {
          onHire: (t) => ledger.add(C_HIRING, t, p.workforce!.costPerHire),
        })
      : null,
  );
  const articleTime = new Float64Array(T);
  const poolEvent = new Float64Array(Q).fill(-1); // pending K_POOL handle
  const workforceEvent = new Float64Array(Q).fill(-1);
  const paidLevel = new Float64Array(Q), paidSince = new Float64Array(Q);
  const floorLevel = new Float64Array(Q);
  const paidMinutes = new Float64Array(Q), floorMinutes = new Float64Array(Q);
  const headcountMin = Float64Array.from(workforces.map((w) => (w ? w.employed : NaN)));
  // hires and leavers are reported after the warm-up: the counts at its end, taken before the
  // first workforce event at or after it (or at the end of the run)
  const hiresAtWarmup = new Float64Array(Q).fill(NaN), leaversAtWarmup = new Float64Array(Q).fill(NaN);
  const warmupSnapshot = (q: number) => {
    const wf = workforces[q]!;
    if (hiresAtWarmup[q] === hiresAtWarmup[q]) return;
    hiresAtWarmup[q] = wf.hires;
    leaversAtWarmup[q] = wf.leavers;
    headcountMin[q] = wf.employed;
  };
  const clip = (a: number, b: number) => Math.max(0, Math.min(b, horizon) - Math.max(a, warmup));
  /** Book pool q's paid time (and its cost) and scheduled floor time up to `now`. */
  const accruePaid = (q: number, now: number) => {
    const from = paidSince[q];
    if (now > from) {
      const span = clip(from, now);
      paidMinutes[q] += paidLevel[q] * span;
      floorMinutes[q] += floorLevel[q] * span;
      if (paidLevel[q] > 0 && hourlyCost[q] > 0) ledger.accrue(q, from, now, (paidLevel[q] * hourlyCost[q]) / 60);
    }
    paidSince[q] = now;
  };
  /** Put pool q's agents for time `now` on the floor and schedule its next change. */
  const staff = (q: number, now: number) => {
    accruePaid(q, now);
    const p = cfg.pools[q], r = rosters[q], wf = workforces[q];
    r.advance(now);
    const started = p.vendor === undefined || vendorStarted(p.vendor, now);
    const availability = started ? Math.max(0, 1 - p.shrinkage - articleTime[p.tier]) * (wf ? wf.staffingRatio : 1) : 0;
    const x = r.floor * availability;
    const on = timeShared(x, now, L);
    net.setAgents(q, on < maxOn[q] ? on : maxOn[q], now);
    paidLevel[q] = started ? (wf ? wf.paidAgents(r.paid) : r.paid) : 0;
    floorLevel[q] = started ? r.floor : 0;
    let next = r.next;
    const share = nextTimeShareChange(x, now, L);
    if (share < next) next = share;
    if (!started && p.vendor!.start < next) next = p.vendor!.start;
    if (poolEvent[q] >= 0) cal.cancel(poolEvent[q]);
    poolEvent[q] = next < horizon + DRAIN_MINUTES ? cal.schedule(next, K_POOL, q) : -1;
  };
  /** Refresh pool q's handle-time and resolution factors: its own, its workforce's proficiency, a vendor's transition. */
  const poolFactors = (q: number, now: number) => {
    const p = cfg.pools[q], wf = workforces[q];
    let h = p.handleTimeFactor, res = p.resolveFactor;
    if (wf) {
      wf.update(now);
      h *= wf.handleFactor;
      res *= wf.resolveFactor;
    }
    const v = p.vendor;
    if (v) {
      h *= vendorHandleFactor(v, now);
      res *= vendorResolveFactor(v, now);
    }
    net.poolHandleFactor[q] = h;
    net.poolResolveFactor[q] = res;
  };
  const scheduleWorkforce = (q: number) => {
    const wf = workforces[q]!;
    if (workforceEvent[q] >= 0) cal.cancel(workforceEvent[q]);
    const t = wf.nextEvent();
    workforceEvent[q] = t < horizon ? cal.schedule(t, K_WORKFORCE, q) : -1;
  };
  /** The KCS program's state for time `now`, into the self-service coverage (shared array) and the network's tables. */
  const kcsUpdate = (now: number) => {
    if (kcs === null) return;
    kcs.update(now);
    for (let t = 0; t < T; t++) {
      articleTime[t] = kcs.articleTime[t];
      for (let k = 0; k < K; k++) {
        const res = kcs.resolve[t * K + k], hf = kcs.handleFactor[t * K + k];
        for (let c = 0; c < C; c++) {
          net.resolveByTierWork[t * W + k * C + c] = res;
          net.workHandleFactor[t * W + k * C + c] = hf;
        }
      }
    }
  };
  /** The daily refresh: KCS ramp, proficiencies, staffing of every pool. */
  const daily = (now: number) => {
    kcsUpdate(now);
    for (let q = 0; q < Q; q++) poolFactors(q, now);
    for (let q = 0; q < Q; q++) staff(q, now);
  };

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
  daily(0);
  if (WINDOW < horizon) cal.schedule(WINDOW, K_DAY, 0);
  workforces.forEach((wf, q) => { if (wf) scheduleWorkforce(q); });
  // recurring revenue earned after the warm-up: Σ active revenuePerYear, integrated
  let revenueLevel = annualRevenue(customers, cfg.segments), revenueSince = 0, revenueEarned = 0;
  let customerMinutes = 0;
  const revenueTo = (now: number) => {
    const span = clip(revenueSince, now);
    revenueEarned += (revenueLevel * span) / MINUTES_PER_YEAR;
    customerMinutes += customers.activeCount * span;
    revenueSince = now;
  };
  const segRevenue = Float64Array.from(cfg.segments.map((g) => g.revenuePerYear));
  const churnNow = (id: number, now: number) => {
    revenueTo(now);
    revenueLevel -= segRevenue[customers.segment[id]];
  };
  /** A renewal churn found by the daily event leaves at once (up to a day before its anniversary). */
  const renewalChurn = (id: number) => churnNow(id, cal.now);

  // --- the event loop ---------------------------------------------------------------------
  let sales = 0, churned = 0;
  // contract renewals falling in the first day (the daily event takes each later day at its start)
  churned += flows.renewalsBetween(0, Math.min(WINDOW, horizon), rRenewal, renewalChurn);
  // The loop is a function of its own, so the JIT compiles it (with the handlers it inlines) apart
  // from the set-up above: compiled together, every deoptimization in set-up code that runs once
  // per replication threw away and recompiled the whole (the most expensive compilation here).
  const runEvents = (): void => {
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
        store.effort[id] += weights.repeat;
        if (rRepeat() < cfg.repeat.switchShare && store.customer[id] >= 0) {
          const g = store.segment[id];
          currentCustomer = store.customer[id];
          access.evaluate(store.need[id], severity[store.need[id]], segPrice[g], segMask[g], expectedWait, 0.5);
          const before = c;
          c = access.otherChannel(c, rRepeat);
          if (c !== before) store.effort[id] += weights.channelSwitch;
        }
        request(id, c, now);
      } else if (kind === K_REDIAL) {
        const id = cal.data;
        store.effort[id] += weights.repeat; // calling again is a repeat contact
        request(id, store.channel[id], now);
      } else if (kind === K_SALE) {
        revenueTo(now);
        revenueLevel += segRevenue[cal.data];
        customers.add(cal.data, now);
        sales++;
        if (demand.resizeSlots()) scheduleNeed(now);
        scheduleChurn(now);
        const t = flows.nextSale(now, rSales);
        if (t < horizon) cal.schedule(t, K_SALE, flows.saleSegment);
      } else if (kind === K_CHURN) {
        churnHandle = -1;
        const id = flows.churnCandidate(rChurn());
        if (id >= 0 && flows.acceptChurn(id, rChurn(), now)) {
          churnNow(id, now);
          flows.churn(id, now);
          churned++;
        }
        scheduleChurn(now);
      } else if (kind === K_WINDOW) {
        demand.setWindow(now, Math.min(now + WINDOW, horizon));
        scheduleNeed(now);
        if (now + WINDOW < horizon) cal.schedule(now + WINDOW, K_WINDOW, 0);
      } else if (kind === K_POOL) {
        const q = cal.data;
        poolEvent[q] = -1;
        staff(q, now);
      } else if (kind === K_DAY) {
        daily(now);
        // contract renewals falling today (churns are processed at the start of the day)
        const renewalChurns = flows.renewalsBetween(now, Math.min(now + WINDOW, horizon), rRenewal, renewalChurn);
        if (renewalChurns > 0) {
          churned += renewalChurns;
          scheduleChurn(now);
        }
        if (now + WINDOW < horizon) cal.schedule(now + WINDOW, K_DAY, 0);
      } else if (kind === K_WORKFORCE) {
        const q = cal.data, wf = workforces[q]!;
        workforceEvent[q] = -1;
        if (now >= warmup) warmupSnapshot(q);
        wf.handle(now);
        if (wf.employed < headcountMin[q]) headcountMin[q] = wf.employed;
        poolFactors(q, now);
        staff(q, now);
        scheduleWorkforce(q);
      } else {
        const s = kind - K_FORECAST0, f = cfg.forecastStreams[s];
        const id = newNeed(-1, f.needType, f.segment, now);
        submit(id, f.channel, now);
        const t = forecast[s].next(now);
        if (t < horizon) cal.schedule(t, kind, 0);
      }
    }
  };
  runEvents();
  net.finish();
  counters.backlog.forEach((b) => b.close());
  for (let q = 0; q < Q; q++) accruePaid(q, Math.max(horizon, paidSince[q]));
  if (revenueSince < horizon) revenueTo(horizon);

  // needs still open: allocated slots of counted needs (found by scanning, independently of the counters)
  let openAtEnd = 0;
  for (let id = 0; id < store.capacity; id++) {
    if (store.state[id] !== ContactState.Free && counted(id)) {
      openAtEnd++;
      counters.addFunnel(store.segment[id], store.need[id], FF.openAtEnd);
    }
  }

  const totals = flows.churnTotals();
  const riskParts = { atRisk: 0, protected: 0, excessChurners: 0 };
  revenueAtRisk(customers, cfg.segments, ladder, horizon, undefined, undefined, riskParts);
  const measured = horizon - warmup;
  const retention: RetentionStats = {
    churned: totals.churned,
    churnedRevenue: totals.churnedRevenue,
    serviceChurn: totals.excessChurn,
    serviceChurnRevenue: totals.excessRevenue,
    byMonth: flows.byMonth,
    revenueEarned,
    arrEnd: annualRevenue(customers, cfg.segments),
    revenueAtRisk: riskParts.atRisk,
    revenueProtected: riskParts.protected,
    excessChurnNextYear: riskParts.excessChurners,
    meanCustomers: measured > 0 ? customerMinutes / measured : customers.activeCount,
  };
  const pools: PoolStats[] = cfg.pools.map((_, q) => {
    const wf = workforces[q];
    if (wf) warmupSnapshot(q);
    return {
      paidMinutes: paidMinutes[q],
      scheduledFloorMinutes: floorMinutes[q],
      headcountEnd: wf ? wf.employed : NaN,
      headcountMin: headcountMin[q],
      hires: wf ? wf.hires - hiresAtWarmup[q] : 0,
      leavers: wf ? wf.leavers - leaversAtWarmup[q] : 0,
    };
  });

  return {
    config: cfg, costs: ledger, pools, retention,
    counters, network: net,
    activeBySegment: cfg.segments.map((_, g) => customers.activeBySegment[g]),
    sales, churned, customersBytes: customers.memoryBytes(), events: cal.fired, openAtEnd,
  };
}
