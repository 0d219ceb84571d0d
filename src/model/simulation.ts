/**
 * The support-demand model: one replication of customers, their needs, the decisions that
 * turn needs into requests, and the contact network that serves them, on one event
 * calendar.
 *
 * The concerns, each a class in simulation/ that this one wires together and drives:
 *   needArrivals.ts     where needs come from: the customer base's causal demand, forecast streams
 *   needPath.ts         a need's path: deflected? self-served? asks? where? comes back? (the funnel)
 *   contactOutcomes.ts  what the network tells about each contact (statistics, waits, costs)
 *   poolStaffing.ts     who is on the floor, the factors of their work, paid time
 *   customerEvents.ts   sales, churn and renewals, and the recurring revenue
 *   costBook.ts         the cost ledger's categories and fixed fees
 *
 * Around the contacts (each in its own module):
 *   schedule (weeklyPattern.ts, roster.ts, timeShare.ts)  who is scheduled when (hours, shifts, a weekly table; breaks), per pool time zone
 *   workforce.ts    attrition, hiring lead time, training and ramp-up behind each pool
 *   kcs.ts          a shift-left / KCS program ramping in coverage, resolution and handle times
 *   customerTraining.ts  the segments' lasting expertise, raised by a customer-training program
 *   quality.ts      problem management: resolved defect needs lead to product fixes
 *   costs.ts        labour, vendor, per-contact, self-service, program, fix and hiring costs by month
 *   retention.ts    each need's outcome moves its customer's churn multiplier
 *   outsourcing.ts  a vendor's start, transition and their factors (routing in network.ts)
 *   operatingModel.ts  a first-line operating-model preset applied to the scenario
 * Daily (t = k·1440), the model refreshes the KCS ramp, workforce proficiency, vendor
 * transition, pool staffing, and processes contract renewals.
 *
 * Counting: a need counts in the funnel if it arose at or after the warm-up; a contact
 * counts in contact statistics if it began at or after the warm-up. Needs arise, and
 * retries, repeats and redials happen, only before the horizon; contacts in the system at
 * the horizon are followed to completion (pools keep their hours for up to 30 days more).
 */
import { EventCalendar } from "../engine/calendar.js";
import { RandomStreams } from "../engine/random.js";
import { Accessibility } from "./demand/accessibility.js";
import { MonthClock } from "../time/months.js";
import { ExpertiseLevels } from "./programs/customerTraining.js";
import { KcsProgram } from "./programs/kcs.js";
import { applyOperatingModel } from "./programs/operatingModel.js";
import { ExperienceLadder } from "./customers/retention.js";
import { WeeklyPattern } from "./staffing/weeklyPattern.js";
import { ContactStore } from "./network/contacts.js";
import { parseStartEpochMs } from "../time/iso.js";
import { CustomerBase, populate } from "./customers/customerBase.js";
import { ChurnExposure } from "./customers/churnExposure.js";
import { CustomerFlows } from "./customers/customerFlows.js";
import { seedExperience } from "./customers/initialExperience.js";
import { NeedGenerator } from "./demand/needs.js";
import { LearningCurve } from "./customers/expertise.js";
import type { Network } from "./network/network.js";
import type { NetworkTraceSink } from "./network/networkConfig.js";
import { NETWORK_KINDS } from "./network/networkEvents.js";
import { Quality } from "./demand/quality.js";
import { Seasonality } from "./demand/seasonality.js";
import { SelfService } from "./demand/selfService.js";
import { SupportCounters } from "./counters.js";
import type { SupportConfig } from "./config.js";
import { channelHoursOf } from "./simulation/channelHours.js";
import { CostBook } from "./simulation/costBook.js";
import { CustomerEvents } from "./simulation/customerEvents.js";
import { K_CHURN, K_DAY, K_FORECAST0, K_NEED, K_OPENING, K_POOL, K_REDIAL, K_REPEAT, K_RETRY, K_SALE, K_WINDOW, K_WORKFORCE, WINDOW } from "./simulation/eventKinds.js";
import { NeedArrivals } from "./simulation/needArrivals.js";
import { NeedPath } from "./simulation/needPath.js";
import { networkOf } from "./simulation/networkOf.js";
import { PoolStaffing } from "./simulation/poolStaffing.js";
import { LaneExit, qualifies, SingleQueueLane } from "./simulation/singleQueue.js";
import type { SupportResult } from "./simulation/supportResult.js";

/**
 * One replication (see the module header): the set-up in the constructor, the concerns as
 * collaborating classes (simulation/), the event loop in runEvents. Classes rather than
 * closures made afresh for every replication: the JIT's optimized code then belongs to methods
 * that every replication shares, instead of to closures that die with their replication, which
 * had it compile the hot paths again and again (deoptimized by a new closure as call target,
 * thrown away when the old closures were collected): up to half a core of compiling beside
 * every simulating thread.
 */
class SupportSimulation {
  declare readonly cfg: SupportConfig;
  declare readonly cal: EventCalendar;
  declare readonly store: ContactStore;
  declare readonly counters: SupportCounters;
  declare readonly customers: CustomerBase;
  declare readonly book: CostBook;
  declare readonly path: NeedPath;
  declare readonly net: Network;
  declare readonly pools: PoolStaffing;
  declare readonly clients: CustomerEvents;
  declare readonly arrivals: NeedArrivals;
  /** The single-queue lane's loop (simulation/singleQueue.ts) where the configuration takes it, else null. */
  declare readonly lane: SingleQueueLane | null;

  /** @param lane false: the general path even where the single-queue lane applies (its tests compare the two). */
  constructor(scenarioCfg: SupportConfig, streams: RandomStreams, trace: NetworkTraceSink | null, lane: boolean) {
    const cfg = (this.cfg = applyOperatingModel(scenarioCfg));
    const horizon = cfg.horizon, intervalLength = cfg.intervalLength;
    const startMs = parseStartEpochMs(cfg.start, cfg.timeZone);
    const patterns = cfg.pools.map((p) => new WeeklyPattern(p.schedule));
    const netCfg = networkOf(cfg, patterns);
    const totalAgents = netCfg.pools.reduce((s, p) => s + p.agents, 0);
    this.cal = new EventCalendar(Math.max(4096, totalAgents * 8));
    this.store = new ContactStore(Math.max(4096, totalAgents * 8));
    this.counters = new SupportCounters(
      { segments: cfg.segments.map((s) => s.name), needTypes: cfg.needTypes.map((n) => n.name), channels: cfg.channels.map((c) => c.name), tiers: cfg.tiers.map((t) => t.name), intervals: Math.ceil(horizon / intervalLength) },
      cfg.warmup, horizon, intervalLength,
    );
    // --- customers, quality, demand -----------------------------------------------------
    const initialWait = Float64Array.from(cfg.channels.map((c) => c.initialExpectedWait));
    const startCustomers = cfg.segments.reduce((s, g) => s + g.customers, 0);
    this.customers = new CustomerBase(cfg.channels.length, initialWait, Math.max(1024, Math.ceil(startCustomers * 1.1)));
    populate(this.customers, cfg.segments, (name) => streams.stream(name));
    // the customers present at the start remember what the status quo's settled state gives them
    if (cfg.retention.initialExperience.length > 0) seedExperience(this.customers, cfg.segments, cfg.retention.initialExperience, this.customers.total, (name) => streams.stream(name));
    const ladder = new ExperienceLadder(cfg.retention);
    const months = new MonthClock(startMs, cfg.timeZone, horizon);
    // what the calibration of the base churn rates and the band need (churnExposure.ts)
    const exposure = new ChurnExposure(cfg.segments.length, cfg.retention.bandScales, cfg.retention.halfLife, cfg.warmup, horizon);
    this.customers.experienceListener = exposure;
    const baseFactors = cfg.retention.baseFactors.length > 0 ? cfg.retention.baseFactors : undefined;
    const flows = new CustomerFlows(cfg.segments, this.customers, { maxMultiplier: ladder.maxMultiplier, halfLife: cfg.retention.halfLife, countFrom: cfg.warmup, months, baseFactors, exposure });
    const learning = new LearningCurve(cfg.learning.noviceMultiplier, cfg.learning.timeConstant);
    const quality = new Quality(cfg.quality.releases, cfg.quality.fixes, cfg.problemManagement, cfg.needTypes);
    const seasonality = new Seasonality(cfg.seasonality, cfg.start, cfg.timeZone);
    // the customers' demand (seasonality in 30-minute pieces over the horizon) only when the scenario is causal
    const pieces = cfg.causal ? seasonality.piecewise(0, horizon, 30) : null;
    const levels = new ExpertiseLevels(cfg.segments, cfg.customerTraining);
    const demand = pieces ? new NeedGenerator(cfg.needTypes, cfg.segments, this.customers, learning, levels, quality, Float64Array.from(pieces.starts), Float64Array.from(pieces.factors), horizon) : null;
    const access = new Accessibility(
      Float64Array.from(cfg.needTypes.flatMap((n) => n.channelPreference)),
      Float64Array.from(cfg.channels.map((c) => c.waitWeightPerMinute)),
      initialWait,
      cfg.channels.length, cfg.access.askLogOdds, cfg.access.severityWeight, cfg.access.priceWeight, cfg.access.accessWeight,
    );
    const kcs = cfg.kcs
      ? new KcsProgram(cfg.kcs, cfg.needTypes.map((n) => n.kbCoverage), (t, k) => cfg.tiers[t].resolveByNeed[k], cfg.tiers.length, cfg.needTypes.length, cfg.selfService.successAtFullCoverage)
      : null;
    const selfService = new SelfService(cfg.selfService, kcs ? kcs.coverage : Float64Array.from(cfg.needTypes.map((n) => n.kbCoverage)));
    // --- the need's path and the network, costs, staffing, customer events ----------------------
    this.book = new CostBook(cfg, months);
    const channelHours = channelHoursOf(cfg, patterns, startMs);
    this.path = new NeedPath(cfg, this.cal, this.store, this.counters, this.customers, ladder, quality, access, selfService, channelHours, this.book, initialWait, streams, netCfg, trace);
    this.net = this.path.net;
    this.pools = new PoolStaffing(cfg, patterns, netCfg.pools, startMs, this.cal, this.net, this.book, streams, kcs);
    this.clients = new CustomerEvents(cfg, this.cal, this.customers, flows, ladder, exposure, streams);
    this.arrivals = new NeedArrivals(cfg, this.cal, demand, this.path, streams);
    this.lane = lane && qualifies(cfg, patterns, netCfg, trace !== null)
      ? new SingleQueueLane({ cfg, cal: this.cal, store: this.store, counters: this.counters, net: this.net, book: this.book, forecast: this.arrivals.forecast, forecastNeed: this.arrivals.fNeed, forecastSegment: this.arrivals.fSegment })
      : null;
    // --- initial events (in this order: events at equal times fire in the order scheduled) ---
    if (cfg.causal) {
      this.arrivals.startDemand();
      this.clients.start();
    }
    this.arrivals.startForecast();
    this.pools.refresh(0);
    if (WINDOW < horizon) this.cal.post(WINDOW, K_DAY, 0);
    this.pools.start();
  }

  run(): SupportResult {
    this.runEvents();
    return this.result();
  }

  /** The event loop (a method of its own, so it is compiled apart from the set-up and the result). */
  private runEvents(): void {
    const horizon = this.cfg.horizon;
    // contract renewals falling in the first day (the daily event takes each later day at its start)
    this.clients.renewFirstDay();
    if (this.lane !== null) {
      this.lane.run((kind, now) => this.rareEvent(kind, now, horizon));
      return;
    }
    for (let kind = this.cal.next(); kind >= 0; kind = this.cal.next()) {
      const now = this.cal.now;
      // the kinds by how often they fire: the network's (departures, abandonments), then the
      // forecast streams' contacts (the other half of a queue's events), then the rest by a
      // jump table — each event is still handled alone, in calendar order
      if (kind < NETWORK_KINDS) {
        this.net.handleEvent(kind, this.cal.data, now);
      } else if (kind >= K_FORECAST0) {
        this.arrivals.forecastContact(kind, now);
      } else {
        this.rareEvent(kind, now, horizon);
      }
    }
  }

  /** Every support event but a forecast contact (see runEvents). */
  private rareEvent(kind: number, now: number, horizon: number): void {
    switch (kind) {
      case K_NEED:
        this.arrivals.candidate(now);
        break;
      case K_RETRY:
        this.path.retry(this.cal.data, now);
        break;
      case K_OPENING:
        this.path.opening(this.cal.data, now);
        break;
      case K_REPEAT:
        this.path.repeat(this.cal.data, now);
        break;
      case K_REDIAL:
        this.path.redial(this.cal.data, now);
        break;
      case K_SALE:
        this.clients.sale(this.cal.data, now);
        this.arrivals.customersGrew(now);
        this.clients.afterSale(now);
        break;
      case K_CHURN:
        this.clients.churnCandidate(now);
        break;
      case K_WINDOW:
        this.arrivals.window(now);
        break;
      case K_POOL:
        this.pools.onPoolEvent(this.cal.data, now);
        break;
      case K_DAY:
        this.pools.refresh(now);
        // contract renewals falling today (churns are processed at the start of the day)
        this.clients.renewDay(now);
        if (now + WINDOW < horizon) this.cal.post(now + WINDOW, K_DAY, 0);
        break;
      case K_WORKFORCE:
        this.pools.onWorkforceEvent(this.cal.data, now);
        break;
    }
  }

  /** Close the books at the end of the run and gather the result. */
  private result(): SupportResult {
    this.net.finish();
    this.counters.backlog.forEach((b) => b.close());
    const pools = this.pools.close();
    const retention = this.clients.close();
    const openAtEnd = this.path.openAtEnd();
    return {
      config: this.cfg, costs: this.book.ledger, pools, retention,
      counters: this.counters, network: this.net,
      activeBySegment: this.cfg.segments.map((_, g) => this.customers.activeBySegment[g]),
      sales: this.clients.sales, churned: this.clients.churned, customersBytes: this.customers.memoryBytes(), events: this.cal.fired, openAtEnd,
    };
  }
}

/**
 * One replication. A single queue runs on the single-queue lane (simulation/singleQueue.ts); where
 * its run leaves what the lane models (LaneExit), it runs again from the start on the general
 * path with fresh streams of the same seed and replication: the same result either way.
 * @param options.lane false: the general path only (the lane's tests compare the two).
 */
export function simulateSupport(scenarioCfg: SupportConfig, streams: RandomStreams, trace: NetworkTraceSink | null = null, options: { lane?: boolean } = {}): SupportResult {
  if (options.lane === false) return new SupportSimulation(scenarioCfg, streams, trace, false).run();
  try {
    return new SupportSimulation(scenarioCfg, streams, trace, true).run();
  } catch (e) {
    if (!(e instanceof LaneExit)) throw e;
    return new SupportSimulation(scenarioCfg, new RandomStreams(streams.seed, streams.replication), trace, false).run();
  }
}
