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
import { Accessibility } from "./demand/accessibility.js";
import { CostLedger } from "./costs.js";
import { MonthClock } from "../time/months.js";
import { KcsProgram, MINUTES_PER_MONTH } from "./programs/kcs.js";
import { applyOperatingModel } from "./programs/operatingModel.js";
import { vendorHandleFactor, vendorResolveFactor, vendorStarted } from "./programs/outsourcing.js";
import { annualRevenue, clampRow, ExperienceLadder, isSatisfied, longWaitRows, revenueAtRisk, ROW_QUICK, ROW_RESOLVED, ROW_UNRESOLVED, ROW_UNSERVED } from "./customers/retention.js";
import { nextTimeShareChange, Roster, timeShared, WeeklyPattern } from "./staffing/schedule.js";
import { Workforce } from "./staffing/workforce.js";
import { ContactState, ContactStore, NeedFlag } from "./network/contacts.js";
import { OpeningHours } from "./staffing/openingHours.js";
import { parseStartEpochMs } from "../time/iso.js";
import { CustomerBase, CustomerFlows, populate } from "./customers/customers.js";
import { NeedGenerator } from "./demand/needs.js";
import { LearningCurve } from "./customers/expertise.js";
import { Network, NETWORK_KINDS, type NetworkConfig, type NetworkObserver, type NetworkTraceSink } from "./network/network.js";
import { Quality } from "./demand/quality.js";
import { Seasonality } from "./demand/seasonality.js";
import { SelfService, SelfServiceOutcome } from "./demand/selfService.js";
import { CF, FF, IF, SupportCounters } from "./counters.js";
import type { SupportConfig } from "./config.js";

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

/**
 * One replication (see the module header): the set-up in the constructor, the handlers as
 * methods (the network's observer among them), the event loop in runEvents. A class rather than
 * closures made afresh for every replication: the JIT's optimized code then belongs to methods
 * that every replication shares, instead of to closures that die with their replication, which
 * had it compile the hot paths again and again (deoptimized by a new closure as call target,
 * thrown away when the old closures were collected): up to half a core of compiling beside
 * every simulating thread.
 */
class SupportSimulation implements NetworkObserver {
  declare readonly cfg: SupportConfig;
  declare readonly C: number;
  declare readonly K: number;
  declare readonly T: number;
  declare readonly Q: number;
  declare readonly W: number;
  declare readonly horizon: number;
  declare readonly warmup: number;
  declare readonly invLen: number;
  declare readonly cal: EventCalendar;
  declare readonly store: ContactStore;
  declare readonly counters: SupportCounters;
  declare readonly initialWait: Float64Array<ArrayBuffer>;
  declare readonly customers: CustomerBase;
  declare readonly ladder: ExperienceLadder;
  declare readonly weights: { transfer: number; escalation: number; repeat: number; channelSwitch: number; longWait: number; selfServiceFailed: number; notified: number; };
  declare readonly flows: CustomerFlows;
  declare readonly quality: Quality;
  declare readonly demand: NeedGenerator;
  declare readonly access: Accessibility;
  declare readonly kcs: KcsProgram | null;
  declare readonly selfService: SelfService;
  declare readonly severity: Int32Array<ArrayBuffer>;
  declare readonly isQualityNeed: Uint8Array<ArrayBuffer>;
  declare readonly segClass: Int32Array<ArrayBuffer>;
  declare readonly segPrice: Float64Array<ArrayBuffer>;
  declare readonly segMask: Int32Array<ArrayBuffer>;
  declare readonly deferredChannel: Uint8Array<ArrayBuffer>;
  declare readonly entryTier: Int32Array<ArrayBuffer>;
  declare readonly target: Float64Array<ArrayBuffer>;
  declare readonly dissatisfactionWeight: Float64Array<ArrayBuffer>;
  declare readonly channelHours: OpeningHours[];
  declare readonly redialShare: Float64Array<ArrayBuffer>;
  declare readonly gamma: number;
  declare readonly rCandidate: Rng;
  declare readonly rPick: Rng;
  declare readonly rDecide: Rng;
  declare readonly rRetry: Rng;
  declare readonly rRepeat: Rng;
  declare readonly rRedial: Rng;
  declare readonly rSales: Rng;
  declare readonly rChurn: Rng;
  declare readonly rRenewal: Rng;
  declare readonly openingLag: Distribution;
  declare readonly retryDelay: Distribution;
  declare readonly repeatDelay: Distribution;
  declare readonly redialDelay: (Distribution | null)[];
  declare readonly ledger: CostLedger;
  declare readonly C_CONTACTS: number;
  declare readonly C_SELF: number;
  declare readonly C_PM: number;
  declare readonly contactCost: Float64Array<ArrayBuffer>;
  declare readonly sessionCost: number;
  declare readonly vendorPenalty: Float64Array<ArrayBuffer>;
  declare readonly vendorContactCost: Float64Array<ArrayBuffer>;
  declare readonly hourlyCost: Float64Array<ArrayBuffer>;
  declare readonly major: Uint8Array<ArrayBuffer>;
  declare currentCustomer: number;
  declare readonly expectedWait: (c: number) => number;
  declare readonly net: Network;
  declare readonly L: number;
  declare readonly rosters: Roster[];
  declare readonly maxOn: Int32Array<ArrayBuffer>;
  declare readonly workforces: (Workforce | null)[];
  declare readonly articleTime: Float64Array<ArrayBuffer>;
  declare readonly poolEvent: Float64Array<ArrayBuffer>;
  declare readonly workforceEvent: Float64Array<ArrayBuffer>;
  declare readonly paidLevel: Float64Array<ArrayBuffer>;
  declare readonly paidSince: Float64Array<ArrayBuffer>;
  declare readonly floorLevel: Float64Array<ArrayBuffer>;
  declare readonly paidMinutes: Float64Array<ArrayBuffer>;
  declare readonly floorMinutes: Float64Array<ArrayBuffer>;
  declare readonly headcountMin: Float64Array<ArrayBuffer>;
  declare readonly hiresAtWarmup: Float64Array<ArrayBuffer>;
  declare readonly leaversAtWarmup: Float64Array<ArrayBuffer>;
  declare needHandle: number;
  declare churnHandle: number;
  declare readonly forecast: PiecewisePoissonArrivals[];
  declare revenueLevel: number;
  declare revenueSince: number;
  declare revenueEarned: number;
  declare customerMinutes: number;
  declare readonly segRevenue: Float64Array<ArrayBuffer>;
  declare readonly renewalChurn: (id: number) => void;
  declare sales: number;
  declare churned: number;

  constructor(scenarioCfg: SupportConfig, streams: RandomStreams, trace: NetworkTraceSink | null) {
    this.cfg = applyOperatingModel(scenarioCfg);
    this.C = this.cfg.channels.length;
    this.K = this.cfg.needTypes.length;
    this.T = this.cfg.tiers.length;
    this.Q = this.cfg.pools.length;
    this.W = this.K * this.C;
    this.horizon = this.cfg.horizon;
    this.warmup = this.cfg.warmup;
    const intervalLength = this.cfg.intervalLength;
    this.invLen = 1 / intervalLength;
    const startMs = parseStartEpochMs(this.cfg.start, this.cfg.timeZone);
    const patterns = this.cfg.pools.map((p) => new WeeklyPattern(p.schedule));
    const netCfg: NetworkConfig = {
      horizon: this.horizon, warmup: this.warmup, intervalLength, threshold: this.cfg.threshold,
      workTypes: this.cfg.needTypes.flatMap((n) => this.cfg.channels.map((c) => `${n.name} by ${c.name}`)),
      classes: this.cfg.classes,
      tiers: this.cfg.tiers.map((t) => ({
        name: t.name,
        handleTime: t.handleTime,
        handleTimeByWork: t.handleTimeByWork,
        patienceByWork: this.cfg.needTypes.flatMap(() => this.cfg.channels.map((_, c) => t.patienceByChannel[c])),
        resolve: 1,
        resolveByWork: this.cfg.needTypes.flatMap((_, k) => this.cfg.channels.map(() => t.resolveByNeed[k])),
        next: t.next,
        nextMode: t.nextMode,
      })),
      pools: this.cfg.pools.map((p, q) => ({
        name: p.name, tier: p.tier, agents: Math.max(p.agents, patterns[q].maxFloor), skills: p.skills, concurrency: p.concurrency, stretch: p.stretch,
        handleTimeFactor: p.handleTimeFactor, resolveFactor: p.resolveFactor, occupancyCap: p.occupancyCap,
        routing: p.vendor?.routing ?? "pool", share: p.vendor?.share, overflowAfter: p.vendor?.overflowAfter,
      })),
      streams: [],
      callbackByWork: this.cfg.needTypes.flatMap(() => this.cfg.channels.map((c) => c.callback)),
      classIntervals: false, // intervals come from SupportCounters and the tier busy/staffed bins
    };
    const totalAgents = netCfg.pools.reduce((s, p) => s + p.agents, 0);
    this.cal = new EventCalendar(Math.max(4096, totalAgents * 8));
    this.store = new ContactStore(Math.max(4096, totalAgents * 8));
    this.counters = new SupportCounters(
      { segments: this.cfg.segments.map((s) => s.name), needTypes: this.cfg.needTypes.map((n) => n.name), channels: this.cfg.channels.map((c) => c.name), tiers: this.cfg.tiers.map((t) => t.name), intervals: Math.ceil(this.horizon / intervalLength) },
      this.warmup, this.horizon, intervalLength,
    );
    // --- customers, quality, demand -----------------------------------------------------
    this.initialWait = Float64Array.from(this.cfg.channels.map((c) => c.initialExpectedWait));
    const startCustomers = this.cfg.segments.reduce((s, g) => s + g.customers, 0);
    this.customers = new CustomerBase(this.C, this.initialWait, Math.max(1024, Math.ceil(startCustomers * 1.1)));
    populate(this.customers, this.cfg.segments, (name) => streams.stream(name));
    this.ladder = new ExperienceLadder(this.cfg.retention);
    this.weights = this.cfg.retention.weights;
    const months = new MonthClock(startMs, this.cfg.timeZone, this.horizon);
    this.flows = new CustomerFlows(this.cfg.segments, this.customers, { maxMultiplier: this.ladder.maxMultiplier, halfLife: this.cfg.retention.halfLife, countFrom: this.warmup, months });
    const learning = new LearningCurve(this.cfg.learning.noviceMultiplier, this.cfg.learning.timeConstant);
    this.quality = new Quality(this.cfg.quality.releases, this.cfg.quality.fixes, this.cfg.problemManagement, this.cfg.needTypes);
    const seasonality = new Seasonality(this.cfg.seasonality, this.cfg.start, this.cfg.timeZone);
    const pieces = seasonality.piecewise(0, this.horizon, 30);
    this.demand = new NeedGenerator(this.cfg.needTypes, this.cfg.segments, this.customers, learning, this.quality, Float64Array.from(pieces.starts), Float64Array.from(pieces.factors), this.horizon);
    this.access = new Accessibility(
      Float64Array.from(this.cfg.needTypes.flatMap((n) => n.channelPreference)),
      Float64Array.from(this.cfg.channels.map((c) => c.waitWeightPerMinute)),
      this.initialWait,
      this.C, this.cfg.access.askLogOdds, this.cfg.access.severityWeight, this.cfg.access.priceWeight, this.cfg.access.accessWeight,
    );
    this.kcs = this.cfg.kcs
      ? new KcsProgram(this.cfg.kcs, this.cfg.needTypes.map((n) => n.kbCoverage), (t, k) => this.cfg.tiers[t].resolveByNeed[k], this.T, this.K, this.cfg.selfService.successAtFullCoverage)
      : null;
    this.selfService = new SelfService(this.cfg.selfService, this.kcs ? this.kcs.coverage : Float64Array.from(this.cfg.needTypes.map((n) => n.kbCoverage)));
    this.severity = Int32Array.from(this.cfg.needTypes.map((n) => n.severity));
    this.isQualityNeed = Uint8Array.from(this.cfg.needTypes.map((n) => (n.driver === "quality" ? 1 : 0)));
    this.segClass = Int32Array.from(this.cfg.segments.map((s) => s.priorityClass));
    this.segPrice = Float64Array.from(this.cfg.segments.map((s) => (s.plan === "perIncident" ? s.pricePerIncident : 0)));
    this.segMask = Int32Array.from(this.cfg.segments.map((s) => s.channels.reduce((m, c) => m | (1 << c), 0)));
    this.deferredChannel = Uint8Array.from(this.cfg.channels.map((c) => (c.kind === "deferred" ? 1 : 0)));
    this.entryTier = Int32Array.from(this.cfg.channels.map((c) => c.entryTier));
    this.target = Float64Array.from(this.cfg.channels.map((c) => (c.kind === "deferred" ? c.responseTarget ?? 1440 : this.cfg.threshold)));
    this.dissatisfactionWeight = Float64Array.from(this.cfg.channels.map((c) => c.dissatisfactionWeight));
    // when each pool has someone on the floor (its own time zone), and so when each channel is
    // open: its own hours if the scenario gives them, else whenever a pool answering it at its
    // entry tier is (follow-the-sun pools in several zones extend the channel's hours)
    const poolOpen = this.cfg.pools.map((p, q) => new OpeningHours(patterns[q].staffedHours(), startMs, p.timeZone, this.horizon + DRAIN_MINUTES));
    this.channelHours = this.cfg.channels.map((c, ci) => {
      if (c.kind !== "realtime" || c.hours !== undefined) return new OpeningHours(c.kind === "realtime" ? c.hours : undefined, startMs, this.cfg.timeZone, this.horizon + DRAIN_MINUTES);
      const answering = this.cfg.pools.map((p, q) => (p.tier === c.entryTier && p.skills.some((w) => w % this.C === ci) ? poolOpen[q] : null)).filter((h): h is OpeningHours => h !== null);
      return answering.length > 0 ? OpeningHours.union(answering) : new OpeningHours(undefined, startMs, this.cfg.timeZone, this.horizon + DRAIN_MINUTES);
    });
    this.redialShare = Float64Array.from(this.cfg.channels.map((c) => c.redial?.share ?? 0));
    this.gamma = this.cfg.access.waitMemory;
    // random streams (one per purpose)
    this.rCandidate = streams.stream("needs:candidate");
    this.rPick = streams.stream("needs:pick");
    this.rDecide = streams.stream("needs:decide");
    this.rRetry = streams.stream("needs:retry");
    this.rRepeat = streams.stream("needs:repeat");
    this.rRedial = streams.stream("needs:redial");
    this.rSales = streams.stream("customers:sales");
    this.rChurn = streams.stream("customers:churn");
    this.rRenewal = streams.stream("customers:renewal");
    this.openingLag = makeDistribution({ type: "exponential", mean: OPENING_LAG_MEAN }, streams.stream("needs:opening-lag"));
    this.retryDelay = makeDistribution(this.cfg.access.retryDelay, streams.stream("needs:retry-delay"));
    this.repeatDelay = makeDistribution(this.cfg.repeat.delay, streams.stream("needs:repeat-delay"));
    this.redialDelay = this.cfg.channels.map((c) => (c.redial ? makeDistribution(c.redial.delay, streams.stream(`channel:${c.name}:redial-delay`)) : null));
    // --- costs ------------------------------------------------------------------------------
    this.ledger = new CostLedger([...this.cfg.pools.map((p) => p.name), ...COST_CATEGORIES], months, this.warmup, this.horizon);
    this.C_CONTACTS = this.Q;
    this.C_SELF = this.Q + 1;
    const C_KCS = this.Q + 2;
    this.C_PM = this.Q + 3;
    const C_HIRING = this.Q + 4;
    this.contactCost = Float64Array.from(this.cfg.costs.perContactByChannel);
    this.sessionCost = this.cfg.costs.perSelfServiceSession;
    this.vendorPenalty = Float64Array.from(this.cfg.pools.map((p) => p.vendor?.experiencePenalty ?? 0));
    this.vendorContactCost = Float64Array.from(this.cfg.pools.map((p) => p.vendor?.costPerContact ?? 0));
    this.hourlyCost = Float64Array.from(this.cfg.pools.map((p) => (p.vendor ? p.vendor.costPerHour : p.costPerHour)));
    this.cfg.pools.forEach((p, q) => {
      if (p.vendor && p.vendor.feePerMinute > 0) this.ledger.accrueMonthly(q, p.vendor.start, this.horizon, p.vendor.feePerMinute * MINUTES_PER_MONTH);
    });
    if (this.cfg.kcs && this.cfg.kcs.costPerMinute > 0) this.ledger.accrueMonthly(C_KCS, this.cfg.kcs.start, this.horizon, this.cfg.kcs.costPerMinute * MINUTES_PER_MONTH);
    this.major = Uint8Array.from(this.cfg.needTypes.map((n) => (n.severity >= 1 ? 1 : 0)));
    // the expected waits of the customer being decided for (a closure made once, not per need)
    this.currentCustomer = -1;
    this.expectedWait = (c: number) => (this.currentCustomer >= 0 ? this.customers.expectedWaitOf(this.currentCustomer, c) : this.initialWait[c]);
    this.net = new Network(netCfg, this.cal, this.store, streams, this, 0, trace);
    // --- staffing: schedules, shrinkage, workforce, vendors, KCS article time -------------------
    this.L = intervalLength;
    this.rosters = this.cfg.pools.map((p, q) => new Roster(patterns[q], startMs, p.timeZone));
    this.maxOn = Int32Array.from(netCfg.pools.map((p) => p.agents));
    this.workforces = this.cfg.pools.map((p) =>
      p.workforce
        ? new Workforce(p.workforce, { attrition: streams.stream(`pool:${p.name}:attrition`), leadTime: streams.stream(`pool:${p.name}:lead-time`) }, {
            onHire: (t) => this.ledger.add(C_HIRING, t, p.workforce!.costPerHire),
          })
        : null,
    );
    this.articleTime = new Float64Array(this.T);
    this.poolEvent = new Float64Array(this.Q).fill(-1);
    // pending K_POOL handle
    this.workforceEvent = new Float64Array(this.Q).fill(-1);
    this.paidLevel = new Float64Array(this.Q);
    this.paidSince = new Float64Array(this.Q);
    this.floorLevel = new Float64Array(this.Q);
    this.paidMinutes = new Float64Array(this.Q);
    this.floorMinutes = new Float64Array(this.Q);
    this.headcountMin = Float64Array.from(this.workforces.map((w) => (w ? w.employed : NaN)));
    // hires and leavers are reported after the warm-up: the counts at its end, taken before the
    // first workforce event at or after it (or at the end of the run)
    this.hiresAtWarmup = new Float64Array(this.Q).fill(NaN);
    this.leaversAtWarmup = new Float64Array(this.Q).fill(NaN);
    // --- initial events ---------------------------------------------------------------------
    this.needHandle = -1;
    this.churnHandle = -1;
    if (this.cfg.causal) {
      this.demand.setWindow(0, Math.min(WINDOW, this.horizon));
      this.scheduleNeed(0);
      if (WINDOW < this.horizon) this.cal.schedule(WINDOW, K_WINDOW, 0);
      const s0 = this.flows.nextSale(0, this.rSales);
      if (s0 < this.horizon) this.cal.schedule(s0, K_SALE, this.flows.saleSegment);
      this.scheduleChurn(0);
    }
    this.forecast = this.cfg.forecastStreams.map((f, s) => new PiecewisePoissonArrivals(f.starts, f.ratesPerMinute, streams.stream(`forecast:${s}`), f.cycle));
    this.forecast.forEach((src, s) => {
      const t = src.next(0);
      if (t < this.horizon) this.cal.schedule(t, K_FORECAST0 + s, 0);
    });
    this.daily(0);
    if (WINDOW < this.horizon) this.cal.schedule(WINDOW, K_DAY, 0);
    this.workforces.forEach((wf, q) => { if (wf) this.scheduleWorkforce(q); });
    // recurring revenue earned after the warm-up: Σ active revenuePerYear, integrated
    this.revenueLevel = annualRevenue(this.customers, this.cfg.segments);
    this.revenueSince = 0;
    this.revenueEarned = 0;
    this.customerMinutes = 0;
    this.segRevenue = Float64Array.from(this.cfg.segments.map((g) => g.revenuePerYear));
    /** A renewal churn found by the daily event leaves at once (up to a day before its anniversary). */
    this.renewalChurn = (id: number) => this.churnNow(id, this.cal.now);
    this.sales = 0;
    this.churned = 0;
  }

  run(): SupportResult {
    this.runEvents();
    return this.result();
  }

  /** The event loop (a method of its own, so it is compiled apart from the set-up and the result). */
  private runEvents(): void {
    // contract renewals falling in the first day (the daily event takes each later day at its start)
    this.churned += this.flows.renewalsBetween(0, Math.min(WINDOW, this.horizon), this.rRenewal, this.renewalChurn);
    for (let kind = this.cal.next(); kind >= 0; kind = this.cal.next()) {
      const now = this.cal.now;
      if (kind < NETWORK_KINDS) {
        this.net.handleEvent(kind, this.cal.data, now);
      } else if (kind === K_NEED) {
        this.needHandle = -1;
        if (this.demand.draw(now, this.rPick(), this.rPick(), this.rPick())) this.causalNeed(this.demand.customer, this.demand.needType, now);
        this.scheduleNeed(now);
      } else if (kind === K_RETRY) {
        const id = this.cal.data;
        this.decide(id, now, this.rRetry(), this.rRetry());
      } else if (kind === K_OPENING) {
        const id = this.cal.data;
        this.request(id, this.store.channel[id], now);
      } else if (kind === K_REPEAT) {
        const id = this.cal.data;
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
      } else if (kind === K_REDIAL) {
        const id = this.cal.data;
        this.store.effort[id] += this.weights.repeat; // calling again is a repeat contact
        this.request(id, this.store.channel[id], now);
      } else if (kind === K_SALE) {
        this.revenueTo(now);
        this.revenueLevel += this.segRevenue[this.cal.data];
        this.customers.add(this.cal.data, now);
        this.sales++;
        if (this.demand.resizeSlots()) this.scheduleNeed(now);
        this.scheduleChurn(now);
        const t = this.flows.nextSale(now, this.rSales);
        if (t < this.horizon) this.cal.schedule(t, K_SALE, this.flows.saleSegment);
      } else if (kind === K_CHURN) {
        this.churnHandle = -1;
        const id = this.flows.churnCandidate(this.rChurn());
        if (id >= 0 && this.flows.acceptChurn(id, this.rChurn(), now)) {
          this.churnNow(id, now);
          this.flows.churn(id, now);
          this.churned++;
        }
        this.scheduleChurn(now);
      } else if (kind === K_WINDOW) {
        this.demand.setWindow(now, Math.min(now + WINDOW, this.horizon));
        this.scheduleNeed(now);
        if (now + WINDOW < this.horizon) this.cal.schedule(now + WINDOW, K_WINDOW, 0);
      } else if (kind === K_POOL) {
        const q = this.cal.data;
        this.poolEvent[q] = -1;
        this.staff(q, now);
      } else if (kind === K_DAY) {
        this.daily(now);
        // contract renewals falling today (churns are processed at the start of the day)
        const renewalChurns = this.flows.renewalsBetween(now, Math.min(now + WINDOW, this.horizon), this.rRenewal, this.renewalChurn);
        if (renewalChurns > 0) {
          this.churned += renewalChurns;
          this.scheduleChurn(now);
        }
        if (now + WINDOW < this.horizon) this.cal.schedule(now + WINDOW, K_DAY, 0);
      } else if (kind === K_WORKFORCE) {
        const q = this.cal.data, wf = this.workforces[q]!;
        this.workforceEvent[q] = -1;
        if (now >= this.warmup) this.warmupSnapshot(q);
        wf.handle(now);
        if (wf.employed < this.headcountMin[q]) this.headcountMin[q] = wf.employed;
        this.poolFactors(q, now);
        this.staff(q, now);
        this.scheduleWorkforce(q);
      } else {
        const s = kind - K_FORECAST0, f = this.cfg.forecastStreams[s];
        const id = this.newNeed(-1, f.needType, f.segment, now);
        this.submit(id, f.channel, now);
        const t = this.forecast[s].next(now);
        if (t < this.horizon) this.cal.schedule(t, kind, 0);
      }
    }
  }

  /** Close the books at the end of the run and gather the result. */
  private result(): SupportResult {
    this.net.finish();
    this.counters.backlog.forEach((b) => b.close());
    for (let q = 0; q < this.Q; q++) this.accruePaid(q, Math.max(this.horizon, this.paidSince[q]));
    if (this.revenueSince < this.horizon) this.revenueTo(this.horizon);
    // needs still open: allocated slots of counted needs (found by scanning, independently of the counters)
    let openAtEnd = 0;
    for (let id = 0; id < this.store.capacity; id++) {
      if (this.store.state[id] !== ContactState.Free && this.counted(id)) {
        openAtEnd++;
        this.counters.addFunnel(this.store.segment[id], this.store.need[id], FF.openAtEnd);
      }
    }
    const totals = this.flows.churnTotals();
    const riskParts = { atRisk: 0, protected: 0, excessChurners: 0 };
    revenueAtRisk(this.customers, this.cfg.segments, this.ladder, this.horizon, undefined, undefined, riskParts);
    const measured = this.horizon - this.warmup;
    const retention: RetentionStats = {
      churned: totals.churned,
      churnedRevenue: totals.churnedRevenue,
      serviceChurn: totals.excessChurn,
      serviceChurnRevenue: totals.excessRevenue,
      byMonth: this.flows.byMonth,
      revenueEarned: this.revenueEarned,
      arrEnd: annualRevenue(this.customers, this.cfg.segments),
      revenueAtRisk: riskParts.atRisk,
      revenueProtected: riskParts.protected,
      excessChurnNextYear: riskParts.excessChurners,
      meanCustomers: measured > 0 ? this.customerMinutes / measured : this.customers.activeCount,
    };
    const pools: PoolStats[] = this.cfg.pools.map((_, q) => {
      const wf = this.workforces[q];
      if (wf) this.warmupSnapshot(q);
      return {
        paidMinutes: this.paidMinutes[q],
        scheduledFloorMinutes: this.floorMinutes[q],
        headcountEnd: wf ? wf.employed : NaN,
        headcountMin: this.headcountMin[q],
        hires: wf ? wf.hires - this.hiresAtWarmup[q] : 0,
        leavers: wf ? wf.leavers - this.leaversAtWarmup[q] : 0,
      };
    });
    return {
      config: this.cfg, costs: this.ledger, pools, retention,
      counters: this.counters, network: this.net,
      activeBySegment: this.cfg.segments.map((_, g) => this.customers.activeBySegment[g]),
      sales: this.sales, churned: this.churned, customersBytes: this.customers.memoryBytes(), events: this.cal.fired, openAtEnd,
    };
  }

  // --- bookkeeping helpers ---------------------------------------------------------------
  private counted(id: number) {
    return (this.store.flags[id] & NeedFlag.Counted) !== 0;
  }

  private funnel(id: number, field: number, amount = 1) {
    if (this.counted(id)) this.counters.addFunnel(this.store.segment[id], this.store.need[id], field, amount);
  }

  /**
  * A need's last outcome: count it, move its customer's experience (retention.ts: the
  * outcome's row on the ladder plus the effort on the way) and free its slot.
  */
  private finish(id: number, field: number, now: number) {
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
        : field === FF.deflected ? ROW_RESOLVED
        : field === FF.unserved && !asked ? ROW_UNSERVED
        : ROW_UNRESOLVED;
      let effort = this.store.effort[id];
      if ((this.store.flags[id] & NeedFlag.Softened) !== 0) effort += this.weights.notified;
      const row = clampRow(base + effort);
      const logM = this.ladder.logMultiplier(row, this.major[this.store.need[id]] === 1);
      this.customers.recordExperience(cust, logM, now);
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
    this.cal.schedule(at, kind, id);
  }

  /** The request goes to channel c now. */
  private submit(id: number, c: number, now: number) {
    const first = this.store.attempts[id] === 0;
    this.store.attempts[id]++;
    this.store.channel[id] = c;
    this.store.state[id] = ContactState.Free; // the network sets Waiting / InService
    this.store.flags[id] &= ~NeedFlag.Moved;
    if (first) {
      this.funnel(id, FF.asked);
      const price = this.segPrice[this.store.segment[id]];
      if (price > 0 && this.store.customer[id] >= 0) this.funnel(id, FF.supportRevenue, price);
    }
    this.funnel(id, FF.requests);
    if (this.store.customer[id] >= 0) this.customers.countRequest(this.store.customer[id]);
    if (this.isQualityNeed[this.store.need[id]] === 1) this.quality.recordDefectRequest(now);
    this.store.arrival[id] = now;
    this.store.workType[id] = this.store.need[id] * this.C + c;
    this.store.priorityClass[id] = this.segClass[this.store.segment[id]];
    this.store.deferred[id] = this.deferredChannel[c];
    this.store.callback[id] = 0;
    this.store.interval[id] = now >= this.warmup ? Math.floor(now * this.invLen) : -1;
    this.net.enter(id, this.entryTier[c], now);
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
      this.ledger.add(this.C_SELF, now, this.sessionCost);
      if (o === SelfServiceOutcome.Contained) return this.finish(id, FF.selfServed, now);
      this.store.flags[id] |= NeedFlag.SelfServiceFailed;
      this.store.effort[id] += this.weights.selfServiceFailed;
    }
    this.notAsked(id, now);
  }

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

  /** Decide whether and where to ask, with two uniforms. */
  private decide(id: number, now: number, uChannel: number, uAsk: number) {
    const g = this.store.segment[id];
    this.currentCustomer = this.store.customer[id];
    this.access.evaluate(this.store.need[id], this.severity[this.store.need[id]], this.segPrice[g], this.segMask[g], this.expectedWait, uChannel);
    if (this.access.channel < 0 || !(uAsk < this.access.probability)) return this.notAsked(id, now);
    this.request(id, this.access.channel, now);
  }

  /** A new need of `cust` (or −1 for a forecast contact) of type k in segment g. */
  private newNeed(cust: number, k: number, g: number, now: number): number {
    const id = this.store.allocate();
    this.store.customer[id] = cust;
    this.store.need[id] = k;
    this.store.segment[id] = g;
    this.store.channel[id] = -1;
    this.store.attempts[id] = 0;
    this.store.flags[id] = now >= this.warmup ? NeedFlag.Counted : 0;
    this.store.state[id] = ContactState.Free;
    this.store.effort[id] = 0;
    this.funnel(id, FF.needs);
    if (now >= this.warmup) this.counters.needsByInterval[Math.floor(now * this.invLen)]++;
    if (cust >= 0) this.customers.countNeed(cust);
    return id;
  }

  private causalNeed(cust: number, k: number, now: number) {
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
      this.ledger.add(this.C_SELF, now, this.sessionCost);
      if (o === SelfServiceOutcome.Contained) return this.finish(id, FF.selfServed, now);
      this.store.flags[id] |= NeedFlag.SelfServiceFailed;
      this.store.effort[id] += this.weights.selfServiceFailed;
      if (o === SelfServiceOutcome.FailedGivesUp) return this.finish(id, FF.unserved, now);
    }
    this.decide(id, now, u4, u5);
  }

  // --- the network and what it tells us ---------------------------------------------------
  private softenOf(id: number, now: number) {
    return ((this.store.flags[id] & NeedFlag.Softened) !== 0 ? 1 - this.quality.notification(now).soften : 1);
  }

  entered(id: number, tier: number, now: number): void {
    if (this.store.interval[id] < 0) return;
    const c = this.store.channel[id];
    this.counters.addContact(tier, c, CF.offered);
    if (tier === this.entryTier[c]) {
      this.counters.addInterval(this.store.interval[id], c, IF.offered);
      this.counters.backlog[c].add(now, 1);
    }
  }

  answered(id: number, tier: number, wait: number, now: number): void {
    const c = this.store.channel[id];
    const cust = this.store.customer[id];
    if (tier === this.entryTier[c] && cust >= 0) this.customers.observeWait(cust, c, wait, this.gamma);
    // dissatisfaction grows with the wait beyond the channel's target
    const over = wait - this.target[c];
    if (over > 0 && tier === this.entryTier[c]) {
      const soften = this.softenOf(id, now);
      this.funnel(id, FF.dissatisfaction, this.dissatisfactionWeight[c] * (over / this.target[c]) * soften);
      this.store.effort[id] += longWaitRows(wait, this.target[c], this.weights.longWait) * this.dissatisfactionWeight[c] * soften;
    }
    const q = this.store.pool[id];
    if (this.vendorPenalty[q] !== 0) this.store.effort[id] += this.vendorPenalty[q];
    if (this.vendorContactCost[q] !== 0) this.ledger.add(q, now, this.vendorContactCost[q]);
    if (tier === this.entryTier[c] && this.contactCost[c] !== 0) this.ledger.add(this.C_CONTACTS, now, this.contactCost[c]);
    if (this.store.interval[id] < 0) return;
    this.counters.addContact(tier, c, CF.answered);
    this.counters.addContact(tier, c, CF.waitAnswered, wait);
    this.counters.addContact(tier, c, CF.waitAll, wait);
    if (this.store.deferred[id] === 1) {
      this.counters.addContact(tier, c, CF.answeredDeferred);
      this.counters.addContact(tier, c, CF.waitAnsweredDeferred, wait);
    }
    if (tier === this.entryTier[c]) {
      const iv = this.store.interval[id];
      const ok = wait <= this.target[c];
      if (ok) this.counters.addContact(tier, c, CF.withinTarget);
      this.counters.addInterval(iv, c, IF.answered);
      if (ok) this.counters.addInterval(iv, c, IF.withinTarget);
      this.counters.addInterval(iv, c, IF.waitAll, wait);
      this.counters.addInterval(iv, c, IF.waitAnswered, wait);
      this.counters.backlog[c].add(now, -1);
    }
  }

  moved(id: number, tier: number, outcome: "transferred" | "escalated"): void {
    this.store.flags[id] |= NeedFlag.Moved;
    this.store.effort[id] += outcome === "transferred" ? this.weights.transfer : this.weights.escalation;
    if (this.store.interval[id] >= 0) this.counters.addContact(tier, this.store.channel[id], outcome === "transferred" ? CF.transferred : CF.escalated);
  }

  left(id: number, tier: number, outcome: "resolved" | "unresolved" | "abandoned", wait: number, now: number): void {
    const c = this.store.channel[id];
    const isCounted = this.store.interval[id] >= 0;
    if (outcome === "resolved") {
      if (isCounted) this.counters.addContact(tier, c, CF.resolved);
      if (this.store.attempts[id] === 1 && (this.store.flags[id] & NeedFlag.Moved) === 0) this.funnel(id, FF.resolvedFirstContact);
      if (this.quality.recordResolved(this.store.need[id], now)) this.ledger.add(this.C_PM, now, this.quality.costPerFix);
      return this.finish(id, FF.resolved, now);
    }
    if (outcome === "unresolved") {
      if (isCounted) this.counters.addContact(tier, c, CF.unresolved);
      return this.comeBackOrEnd(id, now, this.rRepeat, this.cfg.repeat.share, this.repeatDelay, FF.repeats, K_REPEAT, FF.unresolved);
    }
    // abandoned
    if (isCounted) {
      this.counters.addContact(tier, c, CF.abandoned);
      this.counters.addContact(tier, c, CF.waitAll, wait);
    }
    if (tier === this.entryTier[c]) {
      if (isCounted) {
        this.counters.addInterval(this.store.interval[id], c, IF.abandoned);
        this.counters.addInterval(this.store.interval[id], c, IF.waitAll, wait);
        this.counters.backlog[c].add(now, -1);
      }
      const cust = this.store.customer[id];
      if (cust >= 0) this.customers.observeWait(cust, c, wait, this.gamma);
    }
    this.comeBackOrEnd(id, now, this.rRedial, this.redialShare[c], this.redialDelay[c], FF.redials, K_REDIAL, FF.abandoned);
  }

  private warmupSnapshot(q: number) {
    const wf = this.workforces[q]!;
    if (this.hiresAtWarmup[q] === this.hiresAtWarmup[q]) return;
    this.hiresAtWarmup[q] = wf.hires;
    this.leaversAtWarmup[q] = wf.leavers;
    this.headcountMin[q] = wf.employed;
  }

  private clip(a: number, b: number) {
    return Math.max(0, Math.min(b, this.horizon) - Math.max(a, this.warmup));
  }

  /** Book pool q's paid time (and its cost) and scheduled floor time up to `now`. */
  private accruePaid(q: number, now: number) {
    const from = this.paidSince[q];
    if (now > from) {
      const span = this.clip(from, now);
      this.paidMinutes[q] += this.paidLevel[q] * span;
      this.floorMinutes[q] += this.floorLevel[q] * span;
      if (this.paidLevel[q] > 0 && this.hourlyCost[q] > 0) this.ledger.accrue(q, from, now, (this.paidLevel[q] * this.hourlyCost[q]) / 60);
    }
    this.paidSince[q] = now;
  }

  /** Put pool q's agents for time `now` on the floor and schedule its next change. */
  private staff(q: number, now: number) {
    this.accruePaid(q, now);
    const p = this.cfg.pools[q], r = this.rosters[q], wf = this.workforces[q];
    r.advance(now);
    const started = p.vendor === undefined || vendorStarted(p.vendor, now);
    const availability = started ? Math.max(0, 1 - p.shrinkage - this.articleTime[p.tier]) * (wf ? wf.staffingRatio : 1) : 0;
    const x = r.floor * availability;
    const on = timeShared(x, now, this.L);
    this.net.setAgents(q, on < this.maxOn[q] ? on : this.maxOn[q], now);
    this.paidLevel[q] = started ? (wf ? wf.paidAgents(r.paid) : r.paid) : 0;
    this.floorLevel[q] = started ? r.floor : 0;
    let next = r.next;
    const share = nextTimeShareChange(x, now, this.L);
    if (share < next) next = share;
    if (!started && p.vendor!.start < next) next = p.vendor!.start;
    if (this.poolEvent[q] >= 0) this.cal.cancel(this.poolEvent[q]);
    this.poolEvent[q] = next < this.horizon + DRAIN_MINUTES ? this.cal.schedule(next, K_POOL, q) : -1;
  }

  /** Refresh pool q's handle-time and resolution factors: its own, its workforce's proficiency, a vendor's transition. */
  private poolFactors(q: number, now: number) {
    const p = this.cfg.pools[q], wf = this.workforces[q];
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
    this.net.poolHandleFactor[q] = h;
    this.net.poolResolveFactor[q] = res;
  }

  private scheduleWorkforce(q: number) {
    const wf = this.workforces[q]!;
    if (this.workforceEvent[q] >= 0) this.cal.cancel(this.workforceEvent[q]);
    const t = wf.nextEvent();
    this.workforceEvent[q] = t < this.horizon ? this.cal.schedule(t, K_WORKFORCE, q) : -1;
  }

  /** The KCS program's state for time `now`, into the self-service coverage (shared array) and the network's tables. */
  private kcsUpdate(now: number) {
    if (this.kcs === null) return;
    this.kcs.update(now);
    for (let t = 0; t < this.T; t++) {
      this.articleTime[t] = this.kcs.articleTime[t];
      for (let k = 0; k < this.K; k++) {
        const res = this.kcs.resolve[t * this.K + k], hf = this.kcs.handleFactor[t * this.K + k];
        for (let c = 0; c < this.C; c++) {
          this.net.resolveByTierWork[t * this.W + k * this.C + c] = res;
          this.net.workHandleFactor[t * this.W + k * this.C + c] = hf;
        }
      }
    }
  }

  /** The daily refresh: KCS ramp, proficiencies, staffing of every pool. */
  private daily(now: number) {
    this.kcsUpdate(now);
    for (let q = 0; q < this.Q; q++) this.poolFactors(q, now);
    for (let q = 0; q < this.Q; q++) this.staff(q, now);
  }

  private scheduleNeed(now: number) {
    if (this.needHandle >= 0) this.cal.cancel(this.needHandle);
    const t = this.demand.nextCandidate(now, this.rCandidate);
    this.needHandle = t < this.horizon ? this.cal.schedule(t, K_NEED, 0) : -1;
  }

  private scheduleChurn(now: number) {
    if (this.churnHandle >= 0) this.cal.cancel(this.churnHandle);
    const t = this.flows.nextChurn(now, this.rChurn);
    this.churnHandle = t < this.horizon ? this.cal.schedule(t, K_CHURN, 0) : -1;
  }

  private revenueTo(now: number) {
    const span = this.clip(this.revenueSince, now);
    this.revenueEarned += (this.revenueLevel * span) / MINUTES_PER_YEAR;
    this.customerMinutes += this.customers.activeCount * span;
    this.revenueSince = now;
  }

  private churnNow(id: number, now: number) {
    this.revenueTo(now);
    this.revenueLevel -= this.segRevenue[this.customers.segment[id]];
  }
}

export function simulateSupport(scenarioCfg: SupportConfig, streams: RandomStreams, trace: NetworkTraceSink | null = null): SupportResult {
  return new SupportSimulation(scenarioCfg, streams, trace).run();
}
