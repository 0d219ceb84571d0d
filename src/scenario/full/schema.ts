/**
 * The FULL scenario format (the support-demand model): customers and their needs, channels,
 * tiers, agent pools, releases and fixes, with dates in a time zone. A scenario file is in
 * this form when it has a top-level `channels` field; otherwise it is the simple single-queue
 * form of ./schema.ts (unchanged).
 *
 * As for the simple form, the validator is this zod schema and the JSON Schema for editors is
 * generated from it. Every problem is one line "path: expected X, got Y" (or "unknown …;
 * expected one of …" with a did-you-mean), all problems are collected at once, and unknown
 * fields are errors. Units are in the field names (…Days, …Hours, …Minutes, …PerMonth,
 * …PerYear); ./buildSupport.ts turns a valid file into the model's `SupportConfig` (minutes).
 *
 * Type errors stop the cross-field checks (references by name, shares, routing, reachable
 * work, dates): zod runs them only once every field has the right type, so a file is fixed in
 * at most two rounds and no problem is reported twice.
 *
 * Conventions fixed here (see `SUPPORT_DEFAULTS` for the defaults):
 *  - a month is 525960 / 12 = 43830 minutes, a year 525960 minutes (365.25 days), a day 1440;
 *  - `churnPerYear` is the probability (0 <= p < 1) that a customer leaves within a year; the
 *    model's constant hazard is −ln(1 − p) / 525960 per minute (so p = 0.1 is 0.105 a year);
 *  - dates ("2027-01-20", local midnight, or a date-time; with an offset it is that instant,
 *    without one a wall-clock time in `timeZone`) must lie in [start, start + horizon];
 *  - `horizon.days` counts 24-hour days (1440 minutes), not calendar days across DST;
 *  - the dates of issue 4 (a vendor's `start`, hiring-plan dates, `hiring.freezeFrom`,
 *    `kcs.start`, `problemManagement.start`) must lie in [start, start + horizon] too: what
 *    happened before the start is the state at the start (headcount, coverage), not an event;
 *  - a pool has exactly one schedule: `agents` (with optional `hours`, the simple form),
 *    `shifts` or `staffingTable`, in local time of the pool's own `timeZone` (default the
 *    scenario's); shifts are checked here (start on the day, breaks within the shift and one
 *    after the other for every agent of the stagger) and by the staffing model's
 *    `scheduleProblems` once every field is in range;
 *  - money is in `currency` units; a pool without a cost is valid (0) but warned about
 *    (`supportWarnings` in ./buildSupport.ts).
 */
import { z } from "zod";
import { parseClock, parseDays, parseStartEpochMs } from "../../model/staffing/openingHours.js";
import { TimeZoneClock } from "../../forecast/history.js";
import { DEFAULT_ATTRITION_PER_YEAR, DEFAULT_COST_PER_HIRE, DEFAULT_LEAD_TIME_DAYS, DEFAULT_RAMP, DEFAULT_TRAINING_DAYS } from "../../model/staffing/workforceDefaults.js";
import { scheduleProblems } from "../../model/staffing/scheduleProblems.js";
import type { PoolSchedule, ShiftConfig, SupportConfig } from "../../model/config.js";
import { closest, formatPath } from "../load.js";
import { DEFAULTS, DurationSchema, type DurationInput } from "../simple/schema.js";
import {
  bool,
  expecting,
  finite,
  greaterThan,
  integerAtLeast,
  name,
  nameList,
  nonNegative,
  nonNegativeList,
  object,
  positive,
  positiveAtMost,
  probability,
  shareBelowOne,
  show,
  text,
  unitFraction,
} from "../fields.js";

export const MINUTES_PER_DAY = 1440;
/** A mean (Julian) year, as in the seasonality trend. */
export const MINUTES_PER_YEAR = 525_960;
/** A mean month: a twelfth of a year. */
export const MINUTES_PER_MONTH = MINUTES_PER_YEAR / 12;

export const SEASONALITY_PRESETS = ["b2b-business-hours", "consumer-24x7"] as const;
export const CHANNEL_KINDS = ["realtime", "deferred"] as const;
export const NEED_DRIVERS = ["expertise", "quality", "none"] as const;
export const SEVERITIES = ["minor", "major", "critical"] as const;
export const PLANS = ["free", "contract", "perIncident"] as const;
export const NEXT_MODES = ["transfer", "escalate"] as const;
export const OUTSIDE_HOURS = ["wait", "selfService", "drop"] as const;
export const OPERATING_MODELS = ["call-center", "help-desk", "support-desk", "service-desk"] as const satisfies readonly NonNullable<SupportConfig["operatingModel"]>[];
export const HIRING_MODES = ["replace", "plan", "none"] as const;
export const VENDOR_ROUTINGS = ["pool", "share", "overflow"] as const;
export const KCS_SHAPES = ["linear", "s-curve"] as const;
export const RETENTION_CALIBRATIONS = ["tarp", "optimistic", "pessimistic"] as const;
/** The four rows of the retention ladder, in order (for messages). */
export const RETENTION_ROWS = ["resolved quickly", "resolved", "unresolved", "unserved"] as const;

/** Name of the segment that forecast arrivals belong to when a scenario has no `customers`. */
export const FORECAST_SEGMENT = "forecast";

/**
 * Defaults of the optional fields (values from docs/model.md §2–§8, or the format's own
 * conventions). Durations are in the file's form (minutes).
 */
export const SUPPORT_DEFAULTS = {
  seed: DEFAULTS.seed,
  replications: DEFAULTS.replications,
  timeZone: "UTC",
  horizon: { warmupDays: 0, warmupHours: 0, intervalMinutes: DEFAULTS.intervalMinutes },
  serviceLevel: { thresholdSeconds: DEFAULTS.thresholdSeconds },
  seasonality: {},
  priorityClasses: ["standard"],
  customers: {
    salesPerMonth: 0,
    learning: { noviceMultiplier: 2.5, timeConstantDays: 75 },
  },
  segment: {
    expertise: 0.5,
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
    handleTimeFactor: 1,
    resolveFactor: 1,
    /** No cost given: 0, with a warning (the costs leave the pool out). */
    costPerHour: 0,
    cost: { benefits: 0, overhead: 0 },
  },
  /**
   * Breaks staggered over 60 minutes [A]: agent i of n starts a break i·60/n minutes after
   * the first, so a break never empties the floor.
   */
  shift: { staggerMinutes: 60 },
  /**
   * The people behind a pool (workforce.ts). Sources via /work/shared/DOMAIN.md:
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
    ramp: DEFAULT_RAMP.map((p) => ({ afterDays: p.at / MINUTES_PER_DAY, proficiency: p.proficiency })),
    resolvePenalty: 0.5,
    costPerHire: DEFAULT_COST_PER_HIRE,
  },
  /**
   * An outsourcing vendor (outsourcing.ts, network.ts routing): no cost unless given (with a warning), routing like
   * any pool, no transition. experiencePenalty 0.5 rows [A]: customers who think the agent is
   * offshore are 2× (2007) to 3× (2009) more likely to defect (CFI Group, via
   * /work/shared/DOMAIN.md); half a row of the retention ladder is the assumed size.
   */
  vendor: {
    costPerHour: 0,
    costPerContact: 0,
    feePerMonth: 0,
    routing: "pool",
    transitionDays: 0,
    initialProficiency: 1,
    experiencePenalty: 0.5,
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
  /** Problem management: at most half of a need type's rate removed ("cutting incident volume 50 % … is not uncommon", MetricNet, via DOMAIN.md). */
  problemManagement: { maxReduction: 0.5, costPerFix: 0 },
  /** Retention: TARP's table (retention.ts has the tables, default weights and half-life). */
  retention: { calibration: "tarp" },
} as const;

// ---------------------------------------------------------------------------------------
// Field builders of this form

/** One of a fixed set of words, with a did-you-mean on a near miss. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (iss) => {
      const v = iss.input;
      if (v === undefined) return `missing: expected one of ${values.join(", ")}`;
      if (typeof v === "string") {
        const guess = closest(v, values);
        return `unknown value ${JSON.stringify(v)}${guess ? ` (did you mean "${guess}"?)` : ""}; expected one of ${values.join(", ")}`;
      }
      return `expected one of ${values.join(", ")}, got ${show(v)}`;
    },
  });
}

/** "expected at least one X, got none" for an empty list. */
const atLeastOne = (what: string) => ({ error: () => `expected at least one ${what}, got none` });

/** A text that `parse` must accept; its error message (one line) becomes the field's. */
const parsedText = (what: string, parse: (v: string) => unknown) =>
  z.string(expecting(what)).superRefine((v, ctx) => {
    try {
      parse(v);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message });
    }
  });

/** A weekday set in planners' notation ("Mon-Fri", "Sat", "Mon,Wed,Fri", "daily", "weekdays", "weekends"). */
const daysText = () => parsedText('days such as "Mon-Fri", "Sat" or "weekdays"', parseDays);

/** A local clock time "HH:MM" (00:00 … 24:00). */
const clockText = () => parsedText('a time of day "HH:MM"', parseClock);

function clockOrUndefined(v: unknown): number | undefined {
  try {
    return parseClock(v as string);
  } catch {
    return undefined;
  }
}

/** close after open, reported at `close`. */
function closeAfterOpen(h: { open: string; close: string }, ctx: { addIssue(i: { code: "custom"; path: string[]; message: string }): void }): void {
  const open = clockOrUndefined(h.open), close = clockOrUndefined(h.close);
  if (open !== undefined && close !== undefined && !(close > open)) {
    ctx.addIssue({ code: "custom", path: ["close"], message: `expected a time after open (${JSON.stringify(h.open)}), got ${JSON.stringify(h.close)}` });
  }
}

/** One opening span of a weekly schedule, in local time of the scenario's time zone. */
export const HoursSpanSchema = object({ days: daysText(), open: clockText(), close: clockText() }).superRefine(closeAfterOpen);

/** Opening hours: a non-empty list of spans; absent = always open. */
const hoursList = () =>
  z
    .array(HoursSpanSchema, expecting('a list of opening spans such as { "days": "Mon-Fri", "open": "08:00", "close": "18:00" }'))
    .min(1, atLeastOne("opening span (leave hours out for always open)"));

/** A date ("2027-01-20", local midnight) or a date-time. */
const dateText = () => z.string(expecting('an ISO date such as "2027-01-20" or a date-time such as "2027-01-20T09:00"'));

/** A list of non-empty names, at least one. */
const someNames = (what: string) => nameList(`a list of ${what} names`).min(1, atLeastOne(`${what} name (leave the field out for all)`));

/** N weights >= 0. */
const weightList = (n: number, what: string) =>
  z.array(nonNegative(), expecting(`a list of ${n} numbers >= 0 (${what})`)).length(n, {
    error: (iss: { input?: unknown }) => `expected a list of exactly ${n} numbers >= 0 (${what}), got ${Array.isArray(iss.input) ? `${iss.input.length} numbers` : show(iss.input)}`,
  });

/** N weights >= 0, or a preset name. */
function weightsOrPreset(n: number, what: string) {
  const list = weightList(n, what);
  const expected = `a list of ${n} numbers >= 0 (${what}) or a preset (${SEASONALITY_PRESETS.join(", ")})`;
  return z.union([list, z.enum(SEASONALITY_PRESETS)], {
    error: (iss) => {
      const v = iss.input;
      if (v === undefined) return `missing: expected ${expected}`;
      if (typeof v === "string") {
        const guess = closest(v, SEASONALITY_PRESETS);
        return `unknown preset ${JSON.stringify(v)}${guess ? ` (did you mean "${guess}"?)` : ""}; expected ${expected}`;
      }
      return `expected ${expected}, got ${show(v)}`;
    },
  });
}

// ---------------------------------------------------------------------------------------
// The parts

export const SeasonalitySchema = object({
  intraday: weightsOrPreset(48, "one per local 30-minute slot from 00:00").optional(),
  weekly: weightsOrPreset(7, "Monday..Sunday").optional(),
  monthly: weightList(12, "January..December").optional(),
  annualGrowth: greaterThan(-1, "a growth fraction per year > -1").optional(),
});

export const TenureSchema = z.discriminatedUnion(
  "dist",
  [
    object({ dist: z.literal("exponential"), meanDays: positive("days") }),
    object({ dist: z.literal("uniform"), minDays: nonNegative("days"), maxDays: positive("days") }),
  ],
  { error: (iss) => (iss.input === undefined ? "missing: expected a tenure distribution object" : `expected a tenure distribution object, got ${show(iss.input)}`) },
);

const annualProbability = () => {
  const e = expecting("an annual churn probability >= 0 and < 1");
  return z.number(e).min(0, e).lt(1, e);
};

export const SegmentSchema = object({
  name: name(),
  share: probability(),
  expertise: probability().optional(),
  revenuePerYear: nonNegative("currency units per year").optional(),
  tenureAtStartDays: TenureSchema.optional(),
  churnPerYear: annualProbability().optional(),
  renewalRate: probability().optional(),
  termMonths: positive("months").optional(),
  priority: name().optional(),
  plan: oneOf(PLANS).optional(),
  pricePerIncident: nonNegative("currency units").optional(),
  channels: someNames("channel").optional(),
});

export const CustomersSchema = object({
  count: integerAtLeast(1, "a whole number of customers >= 1"),
  salesPerMonth: nonNegative("new customers per month").optional(),
  learning: object({
    noviceMultiplier: z.number(expecting("a number >= 1")).min(1, expecting("a number >= 1")).finite(expecting("a number >= 1")).optional(),
    timeConstantDays: positive("days").optional(),
  }).optional(),
  segments: z.array(SegmentSchema, expecting("a list of segments")).min(1, atLeastOne("segment")),
});

export const NeedTypeSchema = object({
  name: name(),
  perCustomerPerMonth: nonNegative("needs per customer per month"),
  driver: oneOf(NEED_DRIVERS).optional(),
  severity: oneOf(SEVERITIES).optional(),
  channels: z.record(z.string(), nonNegative("preference weight"), expecting('an object of channel weights such as { "phone": 0.6, "email": 0.4 }')),
  kbCoverage: probability().optional(),
});

export const ChannelSchema = object({
  name: name(),
  kind: oneOf(CHANNEL_KINDS),
  entryTier: name().optional(),
  hours: hoursList().optional(),
  waitWeightPerMinute: nonNegative("per minute of expected wait").optional(),
  expectedWaitMinutes: nonNegative("minutes").optional(),
  responseTargetHours: positive("hours").optional(),
  dissatisfactionWeight: nonNegative().optional(),
  callback: object({ afterPredictedWaitMinutes: nonNegative("minutes"), acceptShare: probability() }).optional(),
  redial: object({ share: probability(), delay: DurationSchema }).optional(),
  costPerContact: nonNegative("currency units per contact answered").optional(),
});

export const ReleaseSchema = object({
  name: name(),
  date: dateText(),
  spike: nonNegative("times the baseline defect rate"),
  halfLifeDays: positive("days"),
  hotfix: object({ date: dateText(), removes: probability() }).optional(),
  notify: object({ date: dateText(), deflect: probability(), soften: probability() }).optional(),
});

export const FixSchema = object({
  name: name(),
  reduction: probability(),
  rampDays: nonNegative("days").optional(),
  date: dateText().optional(),
  afterRequests: integerAtLeast(1, "a whole number of requests >= 1").optional(),
  leadDays: nonNegative("days").optional(),
});

export const AccessSchema = object({
  askLogOdds: finite("a finite number (log-odds)").optional(),
  severityWeight: nonNegative("per severity level").optional(),
  priceWeight: nonNegative("per currency unit").optional(),
  accessWeight: nonNegative().optional(),
  waitMemory: probability().optional(),
  outsideHours: oneOf(OUTSIDE_HOURS).optional(),
  retry: object({ share: probability().optional(), delay: DurationSchema.optional() }).optional(),
});

export const SupportTierSchema = object({
  name: name(),
  handleTime: DurationSchema,
  handleTimes: z
    .array(object({ needType: name().optional(), channel: name().optional(), handleTime: DurationSchema }), expecting("a list of handle-time overrides"))
    .optional(),
  patience: z.record(z.string(), DurationSchema, expecting('an object of patience per real-time channel such as { "phone": { "dist": "exponential", "meanMinutes": 3 } }')).optional(),
  resolve: z.union([probability(), z.record(z.string(), probability())], {
    error: (iss) =>
      iss.input === undefined
        ? "missing: expected a probability between 0 and 1, or an object of probabilities per need type"
        : `expected a probability between 0 and 1, or an object of probabilities per need type, got ${show(iss.input)}`,
  }),
  next: name().optional(),
  nextMode: oneOf(NEXT_MODES).optional(),
});

/** A break of every agent of a shift: `minutes` long, `afterHours` into the shift, staggered over `staggerMinutes`. */
export const BreakSchema = object({
  afterHours: nonNegative("hours into the shift"),
  minutes: positive("minutes"),
  staggerMinutes: nonNegative("minutes").optional(),
});

/** A shift pattern: `agents` agents from `start` (local) for `lengthHours` on each of `days`. */
export const ShiftSchema = object({
  name: name(),
  days: daysText(),
  start: clockText(),
  lengthHours: positiveAtMost(24, "a shift length > 0 and <= 24 (hours, breaks included)"),
  agents: integerAtLeast(0, "a whole number of agents >= 0"),
  breaks: z.array(BreakSchema, expecting('a list of breaks such as { "afterHours": 2, "minutes": 15 }')).optional(),
});

/** One row of a weekly staffing table: `agents` scheduled from `open` to `close` (local) on `days`; rows add up. */
export const StaffingRowSchema = object({
  days: daysText(),
  open: clockText(),
  close: clockText(),
  agents: integerAtLeast(0, "a whole number of agents >= 0"),
}).superRefine(closeAfterOpen);

export const WorkforceSchema = object({
  headcount: integerAtLeast(0, "a whole number of employees >= 0").optional(),
  targetHeadcount: positive("employees (FTE)").optional(),
  hoursPerWeek: positiveAtMost(168, "a number of hours > 0 and <= 168").optional(),
  attritionPerYear: nonNegative("leavers per employee per year").optional(),
  hiring: object({
    mode: oneOf(HIRING_MODES).optional(),
    leadTimeDays: nonNegative("days").optional(),
    plan: z.array(object({ date: dateText(), hires: integerAtLeast(1, "a whole number of hires >= 1") }), expecting('a list of hires such as { "date": "2027-03-01", "hires": 4 }')).optional(),
    freezeFrom: dateText().optional(),
  }).optional(),
  trainingDays: nonNegative("days").optional(),
  ramp: z
    .array(object({ afterDays: nonNegative("days after training"), proficiency: unitFraction("a proficiency > 0 and <= 1") }), expecting('a list of ramp points such as { "afterDays": 0, "proficiency": 0.5 }'))
    .min(1, atLeastOne("ramp point (leave ramp out for the default)"))
    .optional(),
  resolvePenalty: probability().optional(),
  costPerHire: nonNegative("currency units per hire").optional(),
});

export const VendorSchema = object({
  costPerHour: nonNegative("currency units per paid agent hour").optional(),
  costPerContact: nonNegative("currency units per contact handled").optional(),
  feePerMonth: nonNegative("currency units per month").optional(),
  routing: oneOf(VENDOR_ROUTINGS).optional(),
  share: probability().optional(),
  overflowAfterSeconds: nonNegative("seconds").optional(),
  start: dateText().optional(),
  transitionDays: nonNegative("days").optional(),
  initialProficiency: unitFraction("a proficiency > 0 and <= 1").optional(),
  experiencePenalty: nonNegative("rows of the retention ladder").optional(),
});

export const PoolSchema = object({
  name: name(),
  tier: name(),
  agents: integerAtLeast(0, "a whole number of agents >= 0").optional(),
  shifts: z.array(ShiftSchema, expecting("a list of shifts")).min(1, atLeastOne("shift")).optional(),
  staffingTable: z.array(StaffingRowSchema, expecting('a list of staffing rows such as { "days": "Mon-Fri", "open": "08:00", "close": "10:00", "agents": 6 }')).min(1, atLeastOne("staffing row")).optional(),
  needTypes: someNames("need type").optional(),
  channels: someNames("channel").optional(),
  concurrency: integerAtLeast(1, "a whole number >= 1 (items an agent works at once)").optional(),
  stretch: nonNegative("relative handle-time increase per extra concurrent item").optional(),
  hours: hoursList().optional(),
  timeZone: name().optional(),
  shrinkage: shareBelowOne("a share of scheduled time >= 0 and < 1").optional(),
  occupancyCap: unitFraction("an occupancy > 0 and <= 1").optional(),
  handleTimeFactor: positive("times the tier's handle time").optional(),
  resolveFactor: nonNegative("times the tier's resolution probability").optional(),
  costPerHour: nonNegative("currency units per paid agent hour").optional(),
  cost: object({
    wagePerHour: nonNegative("currency units per paid hour"),
    benefits: nonNegative("a share of the wage").optional(),
    overhead: nonNegative("a share of the wage").optional(),
  }).optional(),
  workforce: WorkforceSchema.optional(),
  vendor: VendorSchema.optional(),
});

/** An object name → value, for references by name (need types, tiers). */
const byName = <T extends z.ZodType>(value: T, example: string) => z.record(z.string(), value, expecting(`an object ${example}`));

/** A probability for all need types, or an object need type → probability. */
const probabilityOrByNeed = (example: string) =>
  z.union([probability(), z.record(z.string(), probability())], {
    error: (iss) => {
      const what = `a probability between 0 and 1, or an object of probabilities per need type such as ${example}`;
      return iss.input === undefined ? `missing: expected ${what}` : `expected ${what}, got ${show(iss.input)}`;
    },
  });

export const KcsSchema = object({
  start: dateText().optional(),
  rampMonths: nonNegative("months").optional(),
  shape: oneOf(KCS_SHAPES).optional(),
  coverage: probabilityOrByNeed('{ "how-to": 0.6 }').optional(),
  resolveGain: byName(probability(), 'of probabilities per tier such as { "L1": 0.3 }').optional(),
  handleTimeFactor: byName(positive("times the handle time"), 'of handle-time factors per tier such as { "L1": 0.75 }').optional(),
  articleTime: byName(shareBelowOne("a share of floor time >= 0 and < 1"), 'of shares of floor time per tier such as { "L1": 0.05 }').optional(),
  complexityUplift: nonNegative("relative handle-time increase per unit of containment gained").optional(),
  costPerMonth: nonNegative("currency units per month").optional(),
});

export const ProblemManagementSchema = object({
  start: dateText().optional(),
  needTypes: someNames("need type").optional(),
  resolvedPerFix: integerAtLeast(1, "a whole number of resolved needs >= 1"),
  lagDays: nonNegative("days"),
  reductionPerFix: probability(),
  maxReduction: probability().optional(),
  costPerFix: nonNegative("currency units per fix").optional(),
});

/** Four churn multipliers > 0, one per row of the retention ladder. */
const multiplierRow = () => {
  const what = `a list of 4 numbers > 0 (${RETENTION_ROWS.join(", ")})`;
  return z.array(positive(), expecting(what)).length(4, {
    error: (iss: { input?: unknown }) => `expected ${what.replace("a list of 4", "a list of exactly 4")}, got ${Array.isArray(iss.input) ? `${iss.input.length} numbers` : show(iss.input)}`,
  });
};

export const RetentionSchema = object({
  calibration: oneOf(RETENTION_CALIBRATIONS).optional(),
  multipliers: object({ minor: multiplierRow().optional(), major: multiplierRow().optional() }).optional(),
  weights: object({
    transfer: finite("a finite number (rows)").optional(),
    escalation: finite("a finite number (rows)").optional(),
    repeat: finite("a finite number (rows)").optional(),
    channelSwitch: finite("a finite number (rows)").optional(),
    longWait: finite("a finite number (rows per target's worth of wait)").optional(),
    selfServiceFailed: finite("a finite number (rows)").optional(),
    notified: finite("a finite number (rows; negative: a credit)").optional(),
  }).optional(),
  halfLifeDays: positive("days").optional(),
});

export const ForecastArrivalsSchema = object({
  channel: name(),
  needType: name().optional(),
  segment: name().optional(),
  ratePerHour: positive("requests per hour").optional(),
  pattern: object({
    stepMinutes: positive("minutes"),
    ratesPerHour: nonNegativeList("requests per hour"),
    repeat: bool().optional(),
  }).optional(),
  history: object({ file: name(), channel: name() }).optional(),
});

const list = <T extends z.ZodType>(item: T, what: string) => z.array(item, expecting(`a list of ${what}`)).min(1, atLeastOne(what.replace(/s$/, "")));

export const SupportScenarioSchema = object({
  $schema: text().optional(),
  name: name(),
  description: text().optional(),
  seed: integerAtLeast(0, "an integer >= 0").optional(),
  replications: integerAtLeast(1, "an integer >= 1").optional(),
  start: z.string(expecting('an ISO 8601 date-time such as "2027-01-04T00:00"')),
  timeZone: name().optional(),
  horizon: object({
    days: positive("days").optional(),
    hours: positive("hours").optional(),
    warmupDays: nonNegative("days").optional(),
    warmupHours: nonNegative("hours").optional(),
    intervalMinutes: positive("minutes").optional(),
  }),
  serviceLevel: object({ thresholdSeconds: positive("seconds").optional() }).optional(),
  seasonality: SeasonalitySchema.optional(),
  priorityClasses: nameList("a list of priority class names, highest first").min(1, atLeastOne("priority class")).optional(),
  customers: CustomersSchema.optional(),
  needTypes: list(NeedTypeSchema, "need types"),
  channels: list(ChannelSchema, "channels"),
  quality: object({
    releases: z.array(ReleaseSchema, expecting("a list of releases")).optional(),
    fixes: z.array(FixSchema, expecting("a list of fixes")).optional(),
  }).optional(),
  access: AccessSchema.optional(),
  selfService: object({
    tryShare: probability().optional(),
    successAtFullCoverage: probability().optional(),
    goOnShare: probability().optional(),
    costPerSession: nonNegative("currency units per knowledge-base session").optional(),
  }).optional(),
  repeat: object({ share: probability().optional(), delay: DurationSchema.optional(), switchShare: probability().optional() }).optional(),
  tiers: list(SupportTierSchema, "tiers"),
  pools: list(PoolSchema, "pools"),
  currency: name().optional(),
  operatingModel: oneOf(OPERATING_MODELS).optional(),
  kcs: KcsSchema.optional(),
  problemManagement: ProblemManagementSchema.optional(),
  retention: RetentionSchema.optional(),
  arrivals: z.array(ForecastArrivalsSchema, expecting("a list of forecast arrival streams")).optional(),
  /** Compare the simulated volumes with a history CSV (a calibration target for the causal model). */
  calibration: object({
    history: object({
      file: name(),
      /** Scenario channel → channel name in the CSV; default: the same names. */
      channels: z.record(z.string(), name(), expecting("an object of scenario channel → CSV channel name")).optional(),
    }),
  }).optional(),
}).superRefine((s, ctx) => crossCheck(s as SupportScenarioShape, ctx));

export type SupportScenario = z.infer<typeof SupportScenarioSchema>;
type SupportScenarioShape = z.output<typeof SupportScenarioSchema>;

/** The JSON Schema of the full scenario format (for editors and `supportsim schema`). */
export function supportScenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SupportScenarioSchema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
  return { ...schema, title: "supportsim scenario (full form)" };
}

// ---------------------------------------------------------------------------------------
// Helpers shared with the builder

/** The horizon in minutes, or undefined if it is not exactly one valid length. */
export function horizonMinutes(h: { days?: number; hours?: number } | undefined): number | undefined {
  if (h === undefined) return undefined;
  const okNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v > 0;
  if (h.days !== undefined && h.hours === undefined && okNum(h.days)) return h.days * MINUTES_PER_DAY;
  if (h.hours !== undefined && h.days === undefined && okNum(h.hours)) return h.hours * 60;
  return undefined;
}

/** The warm-up in minutes (0 by default). */
export function warmupMinutes(h: { warmupDays?: number; warmupHours?: number }): number {
  if (h.warmupDays !== undefined) return h.warmupDays * MINUTES_PER_DAY;
  if (h.warmupHours !== undefined) return h.warmupHours * 60;
  return 0;
}

/**
 * A pool's schedule in model units (minutes): shifts, a staffing table, or agents with
 * optional opening hours (undefined: around the clock). Expects the fields to be valid.
 * @throws RangeError for a pool with no schedule.
 */
export function poolSchedule(p: Pick<PoolShape, "name" | "agents" | "hours" | "shifts" | "staffingTable">): PoolSchedule {
  if (p.shifts !== undefined) {
    return {
      type: "shifts",
      shifts: p.shifts.map(
        (sh): ShiftConfig => ({
          name: sh.name,
          days: parseDays(sh.days),
          start: parseClock(sh.start),
          length: sh.lengthHours * 60,
          agents: sh.agents,
          breaks: (sh.breaks ?? []).map((b) => ({ after: b.afterHours * 60, length: b.minutes, stagger: b.staggerMinutes ?? SUPPORT_DEFAULTS.shift.staggerMinutes })),
        }),
      ),
    };
  }
  if (p.staffingTable !== undefined) {
    return { type: "table", rows: p.staffingTable.map((r) => ({ days: parseDays(r.days), open: parseClock(r.open), close: parseClock(r.close), agents: r.agents })) };
  }
  if (p.agents === undefined) throw new RangeError(`pool "${p.name}": expected a schedule (agents, shifts or staffingTable), got none`);
  const out: PoolSchedule = { type: "hours", agents: p.agents };
  if (p.hours !== undefined) out.hours = { spans: p.hours.map((h) => ({ days: parseDays(h.days), open: parseClock(h.open), close: parseClock(h.close) })) };
  return out;
}

/** Local wall-clock "yyyy-mm-ddThh:mm" of an instant in a zone. */
function localText(clock: TimeZoneClock, ms: number): string {
  return new Date(clock.local(ms).localMs).toISOString().slice(0, 16);
}

/** "a, b, c" with at most `max` entries, then "…". */
function listing(items: readonly string[], max = 8): string {
  return items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")}, … (${items.length - max} more)`;
}

function sumOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** A sum for a message: 0.6 + 0.3 = 0.8999999999999999 shows as 0.9. */
function showSum(v: number): string {
  return String(+v.toPrecision(12));
}

// ---------------------------------------------------------------------------------------
// Cross-field checks

type Ctx = { addIssue(issue: { code: "custom"; path: Path; message: string }): void };
type Path = (string | number)[];

function crossCheck(s: SupportScenarioShape, ctx: Ctx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: "custom", path, message });
  const fin = (v: unknown, min = 0): v is number => typeof v === "number" && Number.isFinite(v) && v >= min;

  /** Check a reference by name; report it with a did-you-mean. */
  let brokenRefs = 0;
  const ref = (value: string, options: readonly string[], what: string, path: Path): boolean => {
    if (options.includes(value)) return true;
    brokenRefs++;
    if (options.length === 0) {
      issue(path, `unknown ${what} ${JSON.stringify(value)}; there are none`);
      return false;
    }
    const guess = closest(value, options);
    issue(path, `unknown ${what} ${JSON.stringify(value)}; expected one of ${options.join(", ")}${guess ? ` (did you mean "${guess}"?)` : ""}`);
    return false;
  };

  /** Report repeated names; returns the names (valid strings only). */
  const uniqueNames = (items: readonly { name: string }[] | undefined, path: Path, what: string): string[] => {
    const names: string[] = [];
    (items ?? []).forEach((it, i) => {
      const seen = names.indexOf(it.name);
      if (seen >= 0) issue([...path, i, "name"], `expected a unique ${what} name, "${it.name}" is also ${formatPath([...path, seen])}`);
      names.push(it.name);
    });
    return names;
  };

  /** uniform: max > min (as in the simple form). */
  const checkDuration = (d: DurationInput | undefined, path: Path) => {
    if (d?.dist === "uniform" && fin(d.minMinutes) && fin(d.maxMinutes) && d.maxMinutes > 0 && !(d.maxMinutes > d.minMinutes)) {
      issue([...path, "maxMinutes"], `expected more than minMinutes (${d.minMinutes}), got ${d.maxMinutes}`);
    }
  };

  // ---- time: zone, start, horizon ------------------------------------------------------
  const timeZone = s.timeZone ?? SUPPORT_DEFAULTS.timeZone;
  let clock: TimeZoneClock | undefined;
  const zoneProblem = timeZoneProblem(timeZone);
  if (zoneProblem === undefined) clock = new TimeZoneClock(timeZone);
  else issue(["timeZone"], zoneProblem);
  let startMs: number | undefined;
  if (clock !== undefined) {
    try {
      startMs = parseStartEpochMs(s.start, timeZone);
    } catch (e) {
      issue(["start"], (e as Error).message.replace(/^seasonality: start: /, ""));
    }
  }
  const h = s.horizon;
  if (h.days === undefined && h.hours === undefined) issue(["horizon"], "missing: expected exactly one of days or hours");
  else if (h.days !== undefined && h.hours !== undefined) issue(["horizon"], `expected exactly one of days or hours, got both (days ${h.days}, hours ${h.hours})`);
  const H = horizonMinutes(h);
  if (h.warmupDays !== undefined && h.warmupHours !== undefined) {
    issue(["horizon"], `expected at most one of warmupDays or warmupHours, got both (warmupDays ${h.warmupDays}, warmupHours ${h.warmupHours})`);
  } else if (H !== undefined) {
    const key = h.warmupDays !== undefined ? "warmupDays" : "warmupHours";
    const w = h[key];
    if (fin(w) && w * (key === "warmupDays" ? MINUTES_PER_DAY : 60) >= H) {
      const hz = h.days !== undefined ? `${h.days} days` : `${h.hours} hours`;
      issue(["horizon", key], `expected less than the horizon (${hz}), got ${w}`);
    }
  }

  // ---- seasonality ---------------------------------------------------------------------
  for (const key of ["intraday", "weekly", "monthly"] as const) {
    const v = s.seasonality?.[key];
    if (Array.isArray(v) && v.length > 0 && v.every((x) => x === 0)) issue(["seasonality", key], "expected at least one positive weight, got all zeros");
  }

  // ---- names ---------------------------------------------------------------------------
  const classes = s.priorityClasses ?? [...SUPPORT_DEFAULTS.priorityClasses];
  classes.forEach((c, i) => {
    const seen = classes.indexOf(c);
    if (seen !== i) issue(["priorityClasses", i], `expected a unique class name, "${c}" is also priorityClasses[${seen}]`);
  });
  const segments = s.customers?.segments ?? [];
  const segNames = uniqueNames(segments, ["customers", "segments"], "segment");
  const needNames = uniqueNames(s.needTypes, ["needTypes"], "need type");
  const chanNames = uniqueNames(s.channels, ["channels"], "channel");
  const tierNames = uniqueNames(s.tiers, ["tiers"], "tier");
  uniqueNames(s.pools, ["pools"], "pool");
  uniqueNames(s.quality?.releases, ["quality", "releases"], "release");
  uniqueNames(s.quality?.fixes, ["quality", "fixes"], "fix");
  const kindOf = new Map(s.channels.map((c) => [c.name, c.kind]));
  const realtimeNames = s.channels.filter((c) => c.kind === "realtime").map((c) => c.name);

  // ---- customers -----------------------------------------------------------------------
  if (s.customers !== undefined) {
    const shares = segments.map((g) => g.share);
    if (shares.every((x) => fin(x))) {
      const sum = sumOf(shares);
      if (Math.abs(sum - 1) > 1e-6) issue(["customers", "segments"], `expected segment shares summing to 1, got ${showSum(sum)}`);
    }
    segments.forEach((g, i) => {
      const at: Path = ["customers", "segments", i];
      if (g.priority !== undefined) ref(g.priority, classes, "priority class", [...at, "priority"]);
      g.channels?.forEach((c, j) => ref(c, chanNames, "channel", [...at, "channels", j]));
      const plan = g.plan ?? SUPPORT_DEFAULTS.segment.plan;
      if (plan === "perIncident") {
        if (g.pricePerIncident === undefined) issue([...at, "pricePerIncident"], 'missing: expected a price > 0 for plan "perIncident"');
        else if (g.pricePerIncident === 0) issue([...at, "pricePerIncident"], 'expected a price > 0 for plan "perIncident", got 0');
      } else if (fin(g.pricePerIncident) && g.pricePerIncident > 0) {
        issue([...at, "pricePerIncident"], `expected no price (or 0) for plan "${plan}" (prices apply to plan "perIncident"), got ${g.pricePerIncident}`);
      }
      if (g.renewalRate !== undefined && g.churnPerYear !== undefined) {
        issue([...at, "renewalRate"], `expected at most one of churnPerYear (a constant hazard) or renewalRate (churn at contract renewals), got both (churnPerYear ${g.churnPerYear}, renewalRate ${g.renewalRate})`);
      } else if (g.termMonths !== undefined && g.renewalRate === undefined) {
        issue([...at, "termMonths"], `expected termMonths only with renewalRate (the contract term between renewals), got ${g.termMonths}`);
      }
      const t = g.tenureAtStartDays;
      if (t?.dist === "uniform" && fin(t.minDays) && fin(t.maxDays) && t.maxDays > 0 && !(t.maxDays > t.minDays)) {
        issue([...at, "tenureAtStartDays", "maxDays"], `expected more than minDays (${t.minDays}), got ${t.maxDays}`);
      }
    });
  }

  // ---- need types ----------------------------------------------------------------------
  s.needTypes.forEach((n, i) => {
    const entries = Object.entries(n.channels);
    for (const [c] of entries) ref(c, chanNames, "channel", ["needTypes", i, "channels", c]);
    const ws = entries.map(([, w]) => w);
    if (ws.every((w) => fin(w))) {
      const sum = sumOf(ws);
      if (Math.abs(sum - 1) > 1e-6) issue(["needTypes", i, "channels"], `expected channel weights summing to 1, got ${showSum(sum)}`);
    }
  });

  // ---- channels ------------------------------------------------------------------------
  s.channels.forEach((c, i) => {
    if (c.entryTier !== undefined) ref(c.entryTier, tierNames, "tier", ["channels", i, "entryTier"]);
    if (c.kind === "realtime") {
      if (c.responseTargetHours !== undefined) {
        issue(["channels", i, "responseTargetHours"], `expected no response target on a real-time channel (it applies to deferred ones), got ${c.responseTargetHours}`);
      }
    } else {
      if (c.callback !== undefined) issue(["channels", i, "callback"], `expected no callback on a deferred channel (callbacks are for real-time channels), got ${show(c.callback)}`);
      if (c.redial !== undefined) issue(["channels", i, "redial"], `expected no redial on a deferred channel (deferred work never abandons), got ${show(c.redial)}`);
    }
    checkDuration(c.redial?.delay, ["channels", i, "redial", "delay"]);
  });
  checkDuration(s.access?.retry?.delay, ["access", "retry", "delay"]);
  checkDuration(s.repeat?.delay, ["repeat", "delay"]);

  // ---- tiers ---------------------------------------------------------------------------
  const tierIndex = new Map<string, number>();
  s.tiers.forEach((t, i) => {
    if (!tierIndex.has(t.name)) tierIndex.set(t.name, i);
  });
  s.tiers.forEach((t, i) => {
    const at: Path = ["tiers", i];
    checkDuration(t.handleTime, [...at, "handleTime"]);
    const seen = new Map<string, number>();
    t.handleTimes?.forEach((o, j) => {
      const p: Path = [...at, "handleTimes", j];
      if (o.needType === undefined && o.channel === undefined) issue(p, "expected needType, channel or both, got neither");
      if (o.needType !== undefined) ref(o.needType, needNames, "need type", [...p, "needType"]);
      if (o.channel !== undefined) ref(o.channel, chanNames, "channel", [...p, "channel"]);
      checkDuration(o.handleTime, [...p, "handleTime"]);
      const key = `${o.needType ?? "*"}\u0000${o.channel ?? "*"}`;
      const first = seen.get(key);
      if (first !== undefined && (o.needType !== undefined || o.channel !== undefined)) {
        issue(p, `expected one entry per need type and channel, got the same as tiers[${i}].handleTimes[${first}]`);
      } else seen.set(key, j);
    });
    for (const [c, d] of Object.entries(t.patience ?? {})) {
      const p: Path = [...at, "patience", c];
      if (!ref(c, chanNames, "channel", p)) continue;
      if (kindOf.get(c) !== "realtime") {
        issue(p, `expected a real-time channel (${listing(realtimeNames) || "there are none"}), "${c}" is deferred (deferred work never abandons)`);
      }
      checkDuration(d, p);
    }
    if (typeof t.resolve === "object") {
      for (const n of Object.keys(t.resolve)) ref(n, needNames, "need type", [...at, "resolve", n]);
      const missing = needNames.filter((n) => !Object.hasOwn(t.resolve as object, n));
      if (missing.length > 0) issue([...at, "resolve"], `expected a probability for every need type, missing ${missing.map((n) => `"${n}"`).join(", ")}`);
    }
    if (t.next !== undefined) ref(t.next, tierNames, "tier", [...at, "next"]);
  });

  // routing loops: report each cycle once, at the tier of the cycle listed first
  const nextOf = (i: number): number | undefined => {
    const n = s.tiers[i].next;
    return n === undefined ? undefined : tierIndex.get(n);
  };
  let loops = false;
  const reported = new Set<number>();
  for (let i = 0; i < s.tiers.length; i++) {
    const path: number[] = [];
    let t: number | undefined = i;
    while (t !== undefined && !path.includes(t)) {
      path.push(t);
      t = nextOf(t);
    }
    if (t === undefined) continue;
    loops = true;
    const cycle = path.slice(path.indexOf(t));
    const first = Math.min(...cycle);
    if (reported.has(first)) continue;
    reported.add(first);
    const k = cycle.indexOf(first);
    const ordered = [...cycle.slice(k), ...cycle.slice(0, k), first].map((j) => s.tiers[j].name);
    issue(["tiers", first, "next"], `expected escalation to end at a last tier, got a routing loop ${ordered.join(" → ")}`);
  }

  // ---- pools ---------------------------------------------------------------------------
  s.pools.forEach((p, i) => {
    ref(p.tier, tierNames, "tier", ["pools", i, "tier"]);
    p.needTypes?.forEach((n, j) => ref(n, needNames, "need type", ["pools", i, "needTypes", j]));
    p.channels?.forEach((c, j) => ref(c, chanNames, "channel", ["pools", i, "channels", j]));
    checkPool(p, ["pools", i], issue);
  });

  // ---- KCS, problem management, retention ----------------------------------------------
  const kcs = s.kcs;
  if (kcs !== undefined) {
    if (typeof kcs.coverage === "object") for (const n of Object.keys(kcs.coverage)) ref(n, needNames, "need type", ["kcs", "coverage", n]);
    for (const key of ["resolveGain", "handleTimeFactor", "articleTime"] as const) {
      for (const t of Object.keys(kcs[key] ?? {})) ref(t, tierNames, "tier", ["kcs", key, t]);
    }
  }
  const pm = s.problemManagement;
  if (pm !== undefined) {
    const qualityNames = s.needTypes.filter((n) => n.driver === "quality").map((n) => n.name);
    if (pm.needTypes === undefined && qualityNames.length === 0) {
      issue(["problemManagement"], 'expected a need type with driver "quality" to fix, got none (no need type is quality-driven)');
    }
    pm.needTypes?.forEach((n, j) => {
      const at: Path = ["problemManagement", "needTypes", j];
      if (!ref(n, needNames, "need type", at)) return;
      if (!qualityNames.includes(n)) {
        issue(at, `expected a quality-driven need type (${listing(qualityNames) || 'none has driver "quality"'}), "${n}" has driver "${s.needTypes.find((x) => x.name === n)?.driver ?? SUPPORT_DEFAULTS.needType.driver}"`);
      }
    });
    const max = pm.maxReduction ?? SUPPORT_DEFAULTS.problemManagement.maxReduction;
    if (fin(pm.reductionPerFix) && fin(max) && pm.reductionPerFix > max) {
      issue(["problemManagement", "reductionPerFix"], `expected at most maxReduction (${max}${pm.maxReduction === undefined ? ", the default" : ""}), got ${pm.reductionPerFix}`);
    }
  }
  for (const row of ["minor", "major"] as const) {
    const m = s.retention?.multipliers?.[row];
    if (m === undefined || m.length !== RETENTION_ROWS.length) continue;
    if (m.some((x, k) => k > 0 && x < m[k - 1])) {
      issue(["retention", "multipliers", row], `expected non-decreasing multipliers (${RETENTION_ROWS.join(" <= ")}), got ${m.join(", ")}`);
    }
  }

  // ---- arrivals and the source of demand -----------------------------------------------
  const arrivals = s.arrivals ?? [];
  const noSource = s.customers === undefined && arrivals.length === 0;
  if (noSource) issue([], "expected customers (causal demand), arrivals (a volume forecast) or both, got neither");
  const arrivalSegments = s.customers === undefined ? [FORECAST_SEGMENT] : segNames;
  arrivals.forEach((a, i) => {
    const at: Path = ["arrivals", i];
    const chanOk = ref(a.channel, chanNames, "channel", [...at, "channel"]);
    if (a.needType !== undefined) ref(a.needType, needNames, "need type", [...at, "needType"]);
    if (a.segment !== undefined && ref(a.segment, arrivalSegments, "segment", [...at, "segment"]) && chanOk && s.customers !== undefined) {
      const g = segments.find((x) => x.name === a.segment);
      if (g?.channels !== undefined && !g.channels.includes(a.channel)) {
        issue([...at, "channel"], `expected a channel segment "${g.name}" uses (${listing(g.channels)}), got "${a.channel}"`);
      }
    }
    const given = (["ratePerHour", "pattern", "history"] as const).filter((k) => a[k] !== undefined);
    if (given.length !== 1) {
      issue(at, `expected exactly one of ratePerHour, pattern or history, got ${given.length === 0 ? "none" : given.join(" and ")}`);
    }
    const rates = a.pattern?.ratesPerHour;
    if (Array.isArray(rates) && rates.length > 0 && rates.every((r) => r === 0)) {
      issue([...at, "pattern", "ratesPerHour"], "expected at least one positive rate, got all zeros");
    }
  });

  // ---- quality: fixes' trigger and every date within the horizon ------------------------
  (s.quality?.fixes ?? []).forEach((f, i) => {
    const at: Path = ["quality", "fixes", i];
    if ((f.date === undefined) === (f.afterRequests === undefined)) {
      issue(at, `expected exactly one of date or afterRequests (with leadDays), got ${f.date === undefined ? "neither" : "both"}`);
    } else if (f.date !== undefined && f.leadDays !== undefined) {
      issue([...at, "leadDays"], `expected leadDays only with afterRequests (a fix with a date starts then), got ${f.leadDays}`);
    }
  });
  if (clock !== undefined && startMs !== undefined && H !== undefined) {
    const endMs = startMs + H * 60_000;
    const range = `${localText(clock, startMs)} to ${localText(clock, endMs)} (${timeZone})`;
    const date = (v: string | undefined, path: Path, notBefore?: { ms: number; what: string }): number | undefined => {
      if (v === undefined) return undefined;
      let ms: number;
      try {
        ms = parseStartEpochMs(v, timeZone);
      } catch {
        issue(path, `expected an ISO date such as "2027-01-20" or a date-time such as "2027-01-20T09:00", got ${show(v)}`);
        return undefined;
      }
      if (ms < startMs || ms > endMs) {
        issue(path, `expected a date within the horizon, ${range}, got ${show(v)}`);
        return undefined;
      }
      if (notBefore !== undefined && ms < notBefore.ms) {
        issue(path, `expected a date on or after ${notBefore.what}, got ${show(v)}`);
      }
      return ms;
    };
    (s.quality?.releases ?? []).forEach((r, i) => {
      const at: Path = ["quality", "releases", i];
      const ms = date(r.date, [...at, "date"]);
      const after = ms === undefined ? undefined : { ms, what: `the release date (${r.date})` };
      date(r.hotfix?.date, [...at, "hotfix", "date"], after);
      date(r.notify?.date, [...at, "notify", "date"], after);
    });
    (s.quality?.fixes ?? []).forEach((f, i) => date(f.date, ["quality", "fixes", i, "date"]));
    s.pools.forEach((p, i) => {
      const at: Path = ["pools", i];
      date(p.vendor?.start, [...at, "vendor", "start"]);
      p.workforce?.hiring?.plan?.forEach((h, j) => date(h.date, [...at, "workforce", "hiring", "plan", j, "date"]));
      date(p.workforce?.hiring?.freezeFrom, [...at, "workforce", "hiring", "freezeFrom"]);
    });
    date(s.kcs?.start, ["kcs", "start"]);
    date(s.problemManagement?.start, ["problemManagement", "start"]);
  }

  // ---- reachable work (only once routing, names and the source of demand are right) ----
  if (loops || brokenRefs > 0 || noSource) return;
  const reach = reachableWork(s);
  if (reach === undefined) return;
  const served = s.tiers.map(() => new Set<string>());
  s.pools.forEach((p, i) => {
    const t = tierIndex.get(p.tier);
    if (t === undefined) return;
    const needs = (p.needTypes ?? needNames).filter((n) => needNames.includes(n));
    const chans = (p.channels ?? chanNames).filter((c) => chanNames.includes(c));
    let eligible = false;
    for (const n of needs) {
      for (const c of chans) {
        const key = workKey(n, c);
        served[t].add(key);
        if (reach[t].has(key)) eligible = true;
      }
    }
    if (!eligible) {
      const gets = [...reach[t]].map(showWork);
      issue(
        ["pools", i],
        gets.length === 0
          ? `expected work this pool can serve, got none: no request reaches tier "${p.tier}" (no channel enters there and no tier passes work on to it)`
          : `expected work this pool can serve, got none: it serves need types ${listing(needs)} on channels ${listing(chans)}, but tier "${p.tier}" only receives ${listing(gets, 6)}`,
      );
    }
  });
  s.tiers.forEach((t, i) => {
    const missing = [...reach[i]].filter((k) => !served[i].has(k));
    if (missing.length > 0) {
      issue(["pools"], `expected a pool for all work reaching tier "${t.name}", got none for ${listing(missing.map(showWork), 6)}`);
    }
  });
}

type PoolShape = SupportScenarioShape["pools"][number];

/**
 * Checks of one pool that need no other part of the file: exactly one schedule (agents with
 * optional hours, shifts, or a staffing table); shifts that start on the day (00:00–23:59),
 * have unique names, and breaks that lie within the shift for every agent of the stagger and
 * follow each other without overlap; a known time zone; the cost in one form (none on a vendor
 * pool, whose cost is in `vendor`); a vendor's share or overflow wait exactly with its
 * routing; a hiring plan exactly with mode "plan"; a ramp with increasing afterDays.
 */
function checkPool(p: PoolShape, at: Path, report: (path: Path, message: string) => void): void {
  let problems = 0;
  const issue = (path: Path, message: string) => {
    problems++;
    report(path, message);
  };
  const given = (["agents", "shifts", "staffingTable"] as const).filter((k) => p[k] !== undefined);
  if (given.length !== 1) {
    issue(at, `expected exactly one schedule for pool "${p.name}": agents (with optional hours), shifts or staffingTable, got ${given.length === 0 ? "none" : given.join(" and ")}`);
  } else if (p.hours !== undefined && p.agents === undefined) {
    issue([...at, "hours"], `expected hours only with agents (${given[0] === "shifts" ? "shifts" : "staffing rows"} carry their own times), got ${show(p.hours)}`);
  }

  // shifts
  const shiftNames: string[] = [];
  p.shifts?.forEach((sh, k) => {
    const sp: Path = [...at, "shifts", k];
    const seen = shiftNames.indexOf(sh.name);
    if (seen >= 0) issue([...sp, "name"], `expected a unique shift name, "${sh.name}" is also ${formatPath([...at, "shifts", seen])}`);
    shiftNames.push(sh.name);
    if (clockOrUndefined(sh.start) === MINUTES_PER_DAY) issue([...sp, "start"], `expected a start time from 00:00 to 23:59, got ${show(sh.start)}`);
    const L = sh.lengthHours * 60;
    const n = sh.agents;
    let prev: { end0: number; endLast: number } | undefined;
    sh.breaks?.forEach((b, j) => {
      const bp: Path = [...sp, "breaks", j];
      const a = b.afterHours * 60;
      const stagger = b.staggerMinutes ?? SUPPORT_DEFAULTS.shift.staggerMinutes;
      const lastOffset = n > 1 ? (stagger * (n - 1)) / n : 0;
      if (a + b.minutes > L) {
        issue(bp, `expected a break within the shift (lengthHours ${sh.lengthHours}), got afterHours ${b.afterHours} + ${b.minutes} minutes = ${num((a + b.minutes) / 60)} hours into it`);
      } else if (a + lastOffset + b.minutes > L) {
        issue(
          bp,
          `expected a break within the shift (lengthHours ${sh.lengthHours}) for every agent, got the last of ${n} agents' break ending ${num((a + lastOffset + b.minutes) / 60)} hours into it (staggerMinutes ${stagger})`,
        );
      }
      if (prev !== undefined) {
        if (a < prev.end0) {
          issue(bp, `expected a break after the end of breaks[${j - 1}] (${num(prev.end0 / 60)} hours into the shift), got afterHours ${b.afterHours}`);
        } else if (a + lastOffset < prev.endLast) {
          issue(bp, `expected a break after the end of breaks[${j - 1}] for every agent, got an overlap for the last of ${n} agents (its breaks[${j - 1}] ends ${num(prev.endLast / 60)} hours into the shift, this one starts at ${num((a + lastOffset) / 60)})`);
        }
      }
      prev = { end0: a + b.minutes, endLast: a + lastOffset + b.minutes };
    });
  });

  // what the staffing model checks beyond the above (a backstop: the checks above should catch it all, with better paths)
  if (problems === 0 && given.length === 1 && p.agents === undefined && scheduleFieldsValid(p)) {
    let found: string[];
    try {
      found = scheduleProblems(poolSchedule(p));
    } catch (e) {
      found = [(e as Error).message];
    }
    for (const m of found) issue([...at, given[0]], m);
  }

  // time zone
  const zoneProblem = p.timeZone === undefined ? undefined : timeZoneProblem(p.timeZone);
  if (zoneProblem !== undefined) issue([...at, "timeZone"], zoneProblem);

  // cost
  if (p.costPerHour !== undefined && p.cost !== undefined) {
    issue(at, `expected at most one of costPerHour or cost (wagePerHour, benefits, overhead), got both`);
  } else if (p.vendor !== undefined) {
    const key = p.costPerHour !== undefined ? "costPerHour" : p.cost !== undefined ? "cost" : undefined;
    if (key !== undefined) issue([...at, key], `expected no pool cost on a vendor pool (its cost is vendor.costPerHour, costPerContact and feePerMonth), got ${show(p[key])}`);
  }

  // vendor routing
  const v = p.vendor;
  if (v !== undefined) {
    const routing = v.routing ?? SUPPORT_DEFAULTS.vendor.routing;
    if (routing === "share" && v.share === undefined) issue([...at, "vendor", "share"], 'missing: expected a probability between 0 and 1 (the share of the tier\'s contacts routed to the vendor) for routing "share"');
    if (routing !== "share" && v.share !== undefined) issue([...at, "vendor", "share"], `expected share only with routing "share", got ${show(v.share)} with routing "${routing}"`);
    if (routing === "overflow" && v.overflowAfterSeconds === undefined) issue([...at, "vendor", "overflowAfterSeconds"], 'missing: expected a number >= 0 (seconds a contact waits before the vendor may take it) for routing "overflow"');
    if (routing !== "overflow" && v.overflowAfterSeconds !== undefined) {
      issue([...at, "vendor", "overflowAfterSeconds"], `expected overflowAfterSeconds only with routing "overflow", got ${show(v.overflowAfterSeconds)} with routing "${routing}"`);
    }
  }

  // workforce
  const w = p.workforce;
  if (w !== undefined) {
    const mode = w.hiring?.mode ?? SUPPORT_DEFAULTS.workforce.hiring.mode;
    if (mode === "plan" && w.hiring?.plan === undefined) issue([...at, "workforce", "hiring", "plan"], 'missing: expected a list of hires such as { "date": "2027-03-01", "hires": 4 } for mode "plan"');
    if (mode !== "plan" && w.hiring?.plan !== undefined) issue([...at, "workforce", "hiring", "plan"], `expected plan only with mode "plan", got a list with mode "${mode}"`);
    w.ramp?.forEach((r, j) => {
      const before = w.ramp?.[j - 1];
      if (before !== undefined && !(r.afterDays > before.afterDays)) {
        issue([...at, "workforce", "ramp", j, "afterDays"], `expected more than the previous point's afterDays (${before.afterDays}), got ${r.afterDays}`);
      }
    });
  }
}

/**
 * Whether every field of a pool's shifts or staffing rows is in range (zod reports range
 * errors but still runs the cross-field checks; the staffing model's check runs only on
 * fields that are right, so that nothing is reported twice).
 */
function scheduleFieldsValid(p: PoolShape): boolean {
  const fin = (v: unknown, min: number, strict = false): boolean => typeof v === "number" && Number.isFinite(v) && (strict ? v > min : v >= min);
  const count = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
  const days = (v: string): boolean => {
    try {
      return parseDays(v).length > 0;
    } catch {
      return false;
    }
  };
  const shiftsOk = (p.shifts ?? []).every(
    (sh) =>
      days(sh.days) &&
      clockOrUndefined(sh.start) !== undefined &&
      fin(sh.lengthHours, 0, true) &&
      sh.lengthHours <= 24 &&
      count(sh.agents) &&
      (sh.breaks ?? []).every((b) => fin(b.afterHours, 0) && fin(b.minutes, 0, true) && (b.staggerMinutes === undefined || fin(b.staggerMinutes, 0))),
  );
  const rowsOk = (p.staffingTable ?? []).every((r) => {
    const open = clockOrUndefined(r.open), close = clockOrUndefined(r.close);
    return days(r.days) && open !== undefined && close !== undefined && close > open && count(r.agents);
  });
  return shiftsOk && rowsOk;
}

/** Why `zone` is not a usable IANA time zone (with a did-you-mean), or undefined if it is. */
export function timeZoneProblem(zone: string): string | undefined {
  try {
    new TimeZoneClock(zone);
    return undefined;
  } catch (e) {
    const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    const guess = closest(zone, [...known, "UTC"]);
    return `${(e as Error).message}${guess ? ` (did you mean "${guess}"?)` : ""}`;
  }
}

/** Hours into a shift for a message: at most 2 decimals (10.66), no float noise. */
function num(v: number): string {
  return String(+v.toFixed(2));
}

function workKey(need: string, channel: string): string {
  return `${need}\u0000${channel}`;
}

function showWork(key: string): string {
  const [n, c] = key.split("\u0000");
  return `need type "${n}" on channel "${c}"`;
}

/**
 * The (need type, channel) work that can reach each tier: on each channel, the need types
 * with a positive weight there (when there are customers and some segment uses the channel)
 * and the need types of forecast arrivals on it, enter at the channel's entry tier; work
 * moves on along `next` while the tier's resolution probability for its need type is < 1.
 * Returns per tier index the set of work keys, or undefined if references are broken.
 */
function reachableWork(s: SupportScenarioShape): Set<string>[] | undefined {
  if (s.tiers.length === 0) return undefined;
  const tierIndex = new Map(s.tiers.map((t, i) => [t.name, i] as const));
  const needNames = s.needTypes.map((n) => n.name);
  const reach = s.tiers.map(() => new Set<string>());
  const segments = s.customers?.segments ?? [];
  for (const ch of s.channels) {
    const entry = ch.entryTier === undefined ? 0 : tierIndex.get(ch.entryTier);
    if (entry === undefined) return undefined;
    const needs = new Set<string>();
    const usedBySomeSegment = segments.some((g) => g.channels === undefined || g.channels.includes(ch.name));
    if (s.customers !== undefined && usedBySomeSegment) {
      for (const n of s.needTypes) if ((n.channels[ch.name] ?? 0) > 0) needs.add(n.name);
    }
    for (const a of s.arrivals ?? []) {
      if (a.channel !== ch.name) continue;
      const n = a.needType ?? needNames[0];
      if (needNames.includes(n)) needs.add(n);
    }
    let current = [...needs];
    const visited = new Set<number>();
    for (let t: number | undefined = entry; t !== undefined && current.length > 0 && !visited.has(t); ) {
      visited.add(t);
      const tier = s.tiers[t];
      for (const n of current) reach[t].add(workKey(n, ch.name));
      const resolve = tier.resolve;
      // work moves on unless the tier resolves all of it (an out-of-range value is reported elsewhere)
      current = current.filter((n) => (typeof resolve === "number" ? resolve : resolve[n]) !== 1);
      if (tier.next === undefined) break;
      t = tierIndex.get(tier.next);
    }
  }
  return reach;
}
