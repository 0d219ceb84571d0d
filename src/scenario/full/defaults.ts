/**
 * The defaults of the full form's optional fields (the simple form's run settings default to
 * the same seed, replications, interval and service-level threshold), and the name of the
 * synthetic segment of a scenario without customers.
 */
import { DEFAULT_ATTRITION_PER_YEAR, DEFAULT_COST_PER_HIRE, DEFAULT_LEAD_TIME_DAYS, DEFAULT_RAMP, DEFAULT_TRAINING_DAYS } from "../../model/staffing/workforceDefaults.js";
import { DAY_MINUTES } from "../../time/units.js";

/** Name of the segment that forecast arrivals belong to when a scenario has no `customers`. */
export const FORECAST_SEGMENT = "forecast";

/**
 * Defaults of the optional fields (values from docs/model.md §2–§8, or the format's own
 * conventions). Durations are in the file's form (minutes).
 */
export const SUPPORT_DEFAULTS = {
  seed: 1,
  replications: 10,
  timeZone: "UTC",
  horizon: { warmupDays: 0, warmupHours: 0, intervalMinutes: 30 },
  serviceLevel: { thresholdSeconds: 20 },
  seasonality: {},
  priorityClasses: ["standard"],
  customers: {
    salesPerMonth: 0,
    learning: { noviceMultiplier: 2.5, timeConstantDays: 75 },
  },
  segment: {
    /** Lasting expertise 0.5 [A]; a new customer starts a complete novice, 0 [A] (docs/model.md §3). */
    expertise: 0.5,
    startExpertise: 0,
    revenuePerYear: 0,
    churnPerYear: 0.1,
    /** Tenure at start: exponential with mean 365.25 / churnPerYear days, or this when churn is 0. */
    tenureMeanDaysWithoutChurn: 730,
    // priority: the last (lowest) class; channels: all
    plan: "free",
    pricePerIncident: 0,
    /** Contract term of a segment with `renewalRate` (churn at renewals), months. */
    termMonths: 12,
  },
  needType: { driver: "none", severity: "minor", kbCoverage: 0.22 },
  channel: {
    /** Entry tier: the first tier. Expected wait: thresholdSeconds / 60 (real-time) or the response target (deferred). */
    waitWeightPerMinute: { realtime: 0.1, deferred: 0.1 / 60 },
    /** An abandoned attempt is remembered as this much more wait (β·A = 3 at the default weights: docs/model.md §5.2, [A]). */
    abandonPenaltyMinutes: { realtime: 30, deferred: 30 * 60 },
    responseTargetHours: 24,
    dissatisfactionWeight: 1,
  },
  fix: { rampDays: 14, leadDays: 30 },
  access: {
    askLogOdds: 0.53,
    severityWeight: 0.8,
    priceWeight: 0.02,
    accessWeight: 1,
    waitMemory: 0.3,
    outsideHours: "wait",
    retry: { share: 0.2, delay: { dist: "exponential", meanMinutes: 1440 } },
  },
  selfService: { tryShare: 0.7, successAtFullCoverage: 0.6, goOnShare: 0.75 },
  repeat: { share: 0.8, delay: { dist: "exponential", meanMinutes: 1440 }, switchShare: 0.2 },
  tier: { nextMode: "escalate" },
  pool: {
    concurrency: 1,
    stretch: 0,
    /** Shrinkage 0, no occupancy cap, no handle-time or resolution change: the pool as the tier describes it. */
    shrinkage: 0,
    occupancyCap: 1,
    /**
     * Agents kept idle for live work while deferred work waits: none, so a scenario routes as
     * written and the shipped results stay those of the code before the rule (docs/model.md §8.1;
     * `staff` sizes blended pools with its own default, staffDefaults.ts).
     */
    reserveForLive: 0,
    handleTimeFactor: 1,
    resolveFactor: 1,
    /** No cost given: 0, with a warning (the costs leave the pool out). */
    costPerHour: 0,
    cost: { benefits: 0, overhead: 0 },
    /** Work past the shift's end is paid at time and a half [A] (the common overtime premium; e.g. the US FLSA's 1.5× for hours over 40 a week). */
    overtimeRate: 1.5,
  },
  /**
   * Breaks staggered over 60 minutes [A]: agent i of n starts a break i·60/n minutes after
   * the first, so a break never empties the floor.
   */
  shift: { staggerMinutes: 60 },
  /**
   * The people behind a pool (workforce.ts). Sources in docs/sources.md:
   *  - attritionPerYear 0.35: agent attrition of 30–45 % a year (callcentrehelper.com, "True
   *    Cost of Agent Attrition");
   *  - hiring lead time 34 days to fill, then about 40 days of training and nesting
   *    (cinareo.com, "Myth #4");
   *  - ramp: a new hire works at 53 % of a tenured agent's efficiency in month 1 and reaches
   *    100 % in 8–12 months (cinareo.com, same): 0.53 when training ends, 1.0 ten months later
   *    (workforce.ts DEFAULT_RAMP, where the year-one average it implies is worked out);
   *  - costPerHire 12,500: replacement cost of $10–15k per agent (SWPP via callcentrehelper.com);
   *  - hoursPerWeek 40 and resolvePenalty 0.5 (a novice at proficiency p resolves
   *    base × (1 − 0.5·(1 − p))) are [A].
   * The target headcount defaults to ceil(paid agent-minutes per week / (hoursPerWeek · 60))
   * and the headcount at the start to the target.
   */
  workforce: {
    hoursPerWeek: 40,
    attritionPerYear: DEFAULT_ATTRITION_PER_YEAR,
    hiring: { mode: "replace", leadTimeDays: DEFAULT_LEAD_TIME_DAYS },
    trainingDays: DEFAULT_TRAINING_DAYS,
    ramp: DEFAULT_RAMP.map((p) => ({ afterDays: p.at / DAY_MINUTES, proficiency: p.proficiency })),
    resolvePenalty: 0.5,
    costPerHire: DEFAULT_COST_PER_HIRE,
  },
  /**
   * An outsourcing vendor (outsourcing.ts, network.ts routing): no cost unless given (with a warning), routing like
   * any pool, no transition. experiencePenalty 0.4 rows: customers who think the agent is
   * offshore are almost twice as likely to defect (CFI Group, docs/sources.md [CFI-Offshore]),
   * read as M = 2 on a minor need resolved at once: 6^p = 2, p = 0.39. Not 0.5: with a failed
   * self-service attempt (0.5) that lands exactly on row 1, "resolved slowly", and the CSAT
   * proxy (row < 1) jumped by 25 points at the default (docs/model.md §16).
   */
  vendor: {
    costPerHour: 0,
    costPerContact: 0,
    feePerMonth: 0,
    routing: "pool",
    transitionDays: 0,
    initialProficiency: 1,
    experiencePenalty: 0.4,
  },
  currency: "USD",
  costs: { costPerContact: 0, costPerSession: 0 },
  /**
   * A KCS programme (kcs.ts): starting at the scenario start, ramping in over 9 months
   * along an S-curve (KCS v6 "KCS Benefits": first benefits within 3–9 months; the S shape
   * is [A]). Tiers not named keep their resolution (gain 0), handle time (factor 1) and spend
   * no time on articles; complexityUplift 0.5 is [A] (as KCS_DEFAULTS in kcs.ts).
   */
  kcs: { rampMonths: 9, shape: "s-curve", resolveGain: 0, handleTimeFactor: 1, articleTime: 0, complexityUplift: 0.5, costPerMonth: 0 },
  /** Customer training (customerTraining.ts): from the scenario start, ramping in linearly over 3 months [A], no cost unless given. */
  customerTraining: { rampMonths: 3, costPerMonth: 0 },
  /** Problem management: at most half of a need type's rate removed ("cutting incident volume 50 % … is not uncommon", MetricNet; docs/sources.md). */
  problemManagement: { maxReduction: 0.5, costPerFix: 0 },
  /** Retention: TARP's table (retention.ts has the tables, default weights and half-life). */
  retention: { calibration: "tarp" },
} as const;
