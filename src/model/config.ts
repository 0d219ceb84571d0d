/**
 * The configuration of the support-demand model, in model units: time in minutes since
 * the scenario start (t = 0), rates per minute, money in the scenario's currency.
 *
 * Scenario files (src/scenario/) speak in planners' units (dates, days, hours, per month);
 * src/scenario/buildSupport.ts turns a validated file into this. Everything here is
 * already checked for ranges and references; `checkSupportConfig` re-checks the
 * structural rules the simulation relies on.
 */
import type { DistributionSpec } from "../engine/distributions.js";
import type { SeasonalityInput } from "./demand/seasonality.js";
import type { CustomerTrainingConfig, KcsConfig, ProblemManagementConfig } from "./programs/programConfig.js";
export type { CustomerTrainingConfig, KcsConfig, ProblemManagementConfig } from "./programs/programConfig.js";

/** A distribution of a duration in minutes (the engine's specs). */
export type Duration = DistributionSpec;

export type ChannelKind = "realtime" | "deferred";

/** A weekly opening schedule in the scenario's time zone; undefined means always open. */
export interface WeeklyHours {
  /** Opening spans: days 0 = Monday … 6 = Sunday; open/close in minutes after local midnight (close may be 1440). */
  spans: { days: number[]; open: number; close: number }[];
}

export interface ChannelConfig {
  name: string;
  kind: ChannelKind;
  /** When agents answer it (real-time channels can only be used then; deferred ones accept at any time). */
  hours?: WeeklyHours;
  /** Tier a request on this channel enters first. */
  entryTier: number;
  /** Weight of the expected wait in the channel choice and in the access term: utility −β·W (per minute). */
  waitWeightPerMinute: number;
  /**
   * Initial expected wait of every customer for this channel, minutes: the scenario's
   * `expectedWaitMinutes`, else the wait the status quo gives (analysis/experiments/statusQuo.ts),
   * else (before that calibration) the threshold or response target.
   */
  initialExpectedWait: number;
  /** Whether the scenario states the expected wait (`expectedWaitMinutes`): then it is not calibrated. */
  expectedWaitGiven: boolean;
  /** Minutes of wait an attempt that ended unanswered (abandoned at any tier) is remembered as, on top of the time held (docs/model.md §5.2). */
  abandonPenalty: number;
  /** Deferred channels: first-response target, minutes (response = wait until an agent starts it). */
  responseTarget?: number;
  /** Dissatisfaction weight of a wait on this channel (social: public, > 1). */
  dissatisfactionWeight: number;
  /** Phone: offer a callback when the predicted wait exceeds `afterPredictedWait` minutes. */
  callback?: { afterPredictedWait: number; acceptShare: number };
  /** Abandoned contacts try again on the same channel with this probability after `delay`. */
  redial?: { share: number; delay: Duration };
}

export interface SegmentConfig {
  name: string;
  /** Customers of this segment at t = 0. */
  customers: number;
  /** Lasting expertise of the segment's customers in [0, 1] (1 = expert): the level they learn toward and keep (expertise.ts). */
  expertise: number;
  /** Expertise of a new customer in [0, expertise] (0 = a complete novice). */
  startExpertise: number;
  revenuePerYear: number;
  /** Tenure of existing customers at t = 0, minutes. */
  tenureAtStart: Duration;
  /** New customers per minute (sales). */
  salesPerMinute: number;
  /** Base churn hazard per minute. */
  churnPerMinute: number;
  /** How churn happens: a constant hazard (× experience), or at contract renewals every `term` minutes since joining with probability (1 − renewalRate) × experience multiplier. */
  churnMode: "hazard" | "renewal";
  renewalRate: number;
  term: number;
  /** Priority class index (0 = served first). */
  priorityClass: number;
  /** Access: "free", "contract" (included) or "perIncident" (price paid per request). */
  plan: "free" | "contract" | "perIncident";
  pricePerIncident: number;
  /** Channels this segment may use (indices); all by default. */
  channels: number[];
}

export type NeedDriver = "expertise" | "quality" | "none";

export interface NeedTypeConfig {
  name: string;
  /** Needs per customer per minute at full expertise, baseline quality, seasonality 1. */
  ratePerMinute: number;
  /** What scales the rate: expertise (novices need more), quality (releases, fixes), or nothing. */
  driver: NeedDriver;
  /** 0 minor, 1 major, 2 critical: raises the odds of asking. */
  severity: number;
  /** Channel preference weights, one per channel (0 = never), summing to 1. */
  channelPreference: number[];
  /** Share of this need type answered by the knowledge base (containment if tried). */
  kbCoverage: number;
}

export interface ReleaseConfig {
  name: string;
  at: number;
  /** Extra defect-need rate right after the release, in units of the baseline defect rate. */
  spike: number;
  /** Half-life of the spike, minutes. */
  halfLife: number;
  /** A hotfix at `at` removes `removes` of what remains of the spike. */
  hotfix?: { at: number; removes: number };
  /** Proactive notification of the known issue: deflects a share of the spike's needs and softens the rest. */
  notify?: { at: number; deflect: number; soften: number };
}

export interface QualityFixConfig {
  name: string;
  /** Lowers the baseline defect rate by `reduction` (a share), ramping in over `ramp` minutes … */
  reduction: number;
  ramp: number;
  /** … from a date, */
  at?: number;
  /** … or, problem management fed by support (the listening post), `lead` minutes after
   *  `afterRequests` defect requests have been received. */
  afterRequests?: number;
  lead?: number;
}

export interface AccessConfig {
  /** α: log-odds of asking for a minor need with free, open, instant support. */
  askLogOdds: number;
  /** β_sev per severity level. */
  severityWeight: number;
  /** β_price per currency unit of price per incident. */
  priceWeight: number;
  /** β_IV: weight of the access inclusive value ln Σ π_c·exp(−β_c·W_c) over open channels. */
  accessWeight: number;
  /** γ: weight of the newest observed wait in a customer's expected wait (per contact). */
  waitMemory: number;
  /** A need whose chosen real-time channel is closed: wait for opening, try self-service, or drop. */
  outsideHours: "wait" | "selfService" | "drop";
  /** Unserved needs that try again later. */
  retryShare: number;
  retryDelay: Duration;
}

export interface SelfServiceConfig {
  /** Share of needs that try the knowledge base first. */
  tryShare: number;
  /** Containment at full coverage: P(contained) = successAtFullCoverage × kbCoverage. */
  successAtFullCoverage: number;
  /** Share of failed self-service attempts that go on to an assisted channel (the rest give up). */
  goOnShare: number;
}

export interface RepeatConfig {
  /** An unresolved need comes back with this probability after `delay` … */
  share: number;
  delay: Duration;
  /** … on another channel (re-chosen) with this probability. */
  switchShare: number;
}

export interface SupportTierConfig {
  name: string;
  /** Handle time per (need type, channel): index need × C + channel; undefined → `handleTime`. */
  handleTimeByWork: (Duration | undefined)[];
  handleTime: Duration;
  /** Patience per channel while waiting at this tier (real-time only); undefined → the channel's entry tier's (networkOf.ts), else waits forever. */
  patienceByChannel: (Duration | undefined)[];
  /** A real-time contact warm-transferred here and not answered within `minutes` becomes a callback (keeps its place) or a ticket (deferred work). */
  holdLimit?: { minutes: number; then: "callback" | "ticket" };
  resolveByNeed: number[]; // resolution probability per need type
  /** Where unresolved work goes: tier index, and how (a real-time contact: transfer or escalate; a deferred one is always a ticket). */
  next?: number;
  nextMode: "transfer" | "escalate";
}

/**
 * A shift pattern of a pool (staffing.ts): `agents` agents work from `start` (local minutes
 * after midnight, in the pool's time zone) for `length` minutes on each of `days`; a shift
 * may run past midnight into the next day. Length is paid time, breaks included.
 */
export interface ShiftConfig {
  name: string;
  days: number[];
  start: number;
  length: number;
  agents: number;
  /**
   * Each agent of the shift leaves the floor for `length` minutes once per break; agent i of n
   * starts it `after + i·stagger/n` minutes into the shift (breaks staggered evenly over
   * `stagger` minutes so the floor is never emptied at once; stagger 0: all together).
   */
  breaks: { after: number; length: number; stagger: number }[];
}

/** One row of a weekly staffing table: `agents` scheduled in [open, close) local time on `days`; rows add up. */
export interface StaffingRow {
  days: number[];
  open: number;
  close: number;
  agents: number;
}

/**
 * Who is scheduled when (paid time), in the pool's time zone:
 * - "hours": `agents` during `hours` (undefined: around the clock) — the simple form;
 * - "shifts": the sum of the shift patterns, breaks taken off;
 * - "table": the sum of the weekly table rows (e.g. the staffing solver's answer).
 */
export type PoolSchedule =
  | { type: "hours"; agents: number; hours?: WeeklyHours }
  | { type: "shifts"; shifts: ShiftConfig[] }
  | { type: "table"; rows: StaffingRow[] };

/**
 * The people behind a pool over long horizons (workforce.ts). Employees leave (attrition),
 * are hired after a lead time, train off the floor, then ramp up in proficiency. The pool's
 * schedule is filled in proportion min(1, productive employees / `target`); proficiency p
 * stretches handle times by 1/p and lowers resolution to base × (1 − resolvePenalty·(1 − p)).
 */
export interface WorkforceConfig {
  /** Employees at t = 0 (all tenured, fully proficient). */
  headcount: number;
  /** Productive employees that fill the schedule completely (planned FTE). */
  target: number;
  /** Paid hours of one employee per week (for trainees and employees beyond the target). */
  hoursPerWeek: number;
  /** Leavers per employee per minute (annual attrition rate / 525960). */
  attritionPerMinute: number;
  /**
   * "replace": keep headcount (employed + hires in the pipeline) at `target`: a leaver opens a
   * requisition at once, filled after `leadTime`; "plan": hires only on the dates of `plan`;
   * "none": no hiring (a freeze). `freezeFrom`: no new requisitions from this time on.
   */
  hiring: { mode: "replace" | "plan" | "none"; leadTime: Duration; plan: { at: number; hires: number }[]; freezeFrom?: number };
  /** New hires are paid but off the floor for this many minutes (training, nesting). */
  training: number;
  /** Proficiency after training: piecewise linear in tenure since training ended (minutes), holding the last value; p in (0, 1]. */
  ramp: { at: number; proficiency: number }[];
  resolvePenalty: number;
  /** Recruiting and training cost per hire (currency). */
  costPerHire: number;
}

/**
 * An outsourcing vendor running a pool (outsourcing.ts): its cost model, routing and
 * transition. Its handle time and resolution are the pool's `handleTimeFactor` and
 * `resolveFactor`; its hours are the pool's schedule.
 */
export interface VendorConfig {
  /** Cost per paid (scheduled) agent hour, per contact handled, and a fixed fee per calendar month (given per minute of a mean month, 43830 minutes; costs.ts charges it per calendar month). */
  costPerHour: number;
  costPerContact: number;
  feePerMinute: number;
  /**
   * "pool": its agents take work from the tier's lines like any pool;
   * "share": a share of the contacts entering its tier (for work it serves) is routed to it alone;
   * "overflow": it takes only contacts that have waited at least `overflowAfter` minutes.
   */
  routing: "pool" | "share" | "overflow";
  share: number;
  overflowAfter: number;
  /** The vendor starts at `start` (no agents before); proficiency ramps linearly from `initialProficiency` to 1 over `transition` minutes. */
  start: number;
  transition: number;
  initialProficiency: number;
  /** Experience penalty (rows of the retention ladder) of a contact it handles: perceived offshore/outsourced service. */
  experiencePenalty: number;
}

export interface SupportPoolConfig {
  name: string;
  tier: number;
  /** Most agents on the floor at once (slots in the network): the schedule's maximum. */
  agents: number;
  /** Work this pool serves: work index need × C + channel. */
  skills: number[];
  concurrency: number;
  stretch: number;
  /** When the pool works (the schedule's union of spans); undefined: around the clock. Derived from `schedule`. */
  hours?: WeeklyHours;
  /** Scheduled (paid) agents over the week. */
  schedule: PoolSchedule;
  /** IANA time zone of the schedule (follow-the-sun pools have their own). */
  timeZone: string;
  /** Share of scheduled time not available for contacts (absence, training, meetings, unplanned); breaks written in shifts are not part of it. */
  shrinkage: number;
  /** An agent whose busy share of the current interval exceeds this rests until it falls back to it (1: no cap). */
  occupancyCap: number;
  /** Agents kept idle for real-time work while deferred work waits: deferred work starts only while min(this, on shift − 1) stay idle (0: none). */
  reserveForLive: number;
  /** Handle-time multiplier and resolution multiplier of this pool's agents (a vendor, an operating model), before proficiency. */
  handleTimeFactor: number;
  resolveFactor: number;
  /** Loaded cost per paid agent hour (salary, benefits, overhead); a vendor's own rate is in `vendor`. */
  costPerHour: number;
  /** Pay for work past a shift's end (finishing the contacts in hand), as a multiple of the hourly cost. */
  overtimeRate: number;
  workforce?: WorkforceConfig;
  vendor?: VendorConfig;
  /**
   * A step function scaling the pool's schedule over time (an analysis override, not a scenario
   * field: the budget-year plan's requirement search, src/analysis/plan): from `from[k]` (t,
   * minutes, increasing) on, floor and paid agents are the schedule's × `ratio[k]` (≥ 0; before
   * `from[0]`: × 1). Slots (`agents`) must hold the largest scaled floor.
   */
  fill?: { from: readonly number[]; ratio: readonly number[] };
}

/** Costs not tied to a pool (costs.ts). Currency is a label. */
export interface CostConfig {
  currency: string;
  /** Per contact answered, by channel (telephony, licences, per-ticket tooling). */
  perContactByChannel: number[];
  /** Per self-service session (knowledge-base attempt). */
  perSelfServiceSession: number;
}

/**
 * Experience and retention (retention.ts). Each need's outcome gets a row on the ladder
 * 0 = resolved quickly (first contact, within target; or self-served), 1 = resolved otherwise,
 * 2 = contacted but unresolved or abandoned, 3 = never contacted (unserved), plus effort
 * weights (rows) for what happened on the way, clamped to [0, 3]. A row maps to a churn
 * multiplier M by log-linear interpolation in the calibration table (minor needs, and major
 * or critical ones), and the customer's experience is the latest need's ln M, fading toward 0
 * (no need: M = 1) with a half-life. Churn: base hazard × M, or at contract renewals base lapse × M,
 * the base rates calibrated so that the status quo reproduces the input churn.
 */
export interface RetentionConfig {
  calibration: string;
  multipliers: { minor: number[]; major: number[] };
  weights: {
    transfer: number;
    escalation: number;
    repeat: number;
    channelSwitch: number;
    /** Per target's worth of wait beyond the channel's target. */
    longWait: number;
    selfServiceFailed: number;
    /** A known-issue notice reached the customer (negative: a credit). */
    notified: number;
  };
  halfLife: number;
  /** The band around the central table: log scales [optimistic, 1, pessimistic] (retention.ts BAND_SCALES). */
  bandScales: number[];
  /**
   * Per segment and band (g · 3 + band): the factor on the segment's input churn hazard or lapse that makes the
   * status quo reproduce its input churn (analysis/experiments/statusQuo.ts); empty: not calibrated, the
   * input rates are the base rates.
   */
  baseFactors: number[];
  /** Per segment, quantiles of the ln M its customers present at t = 0 start with (the status quo's settled state: customers/initialExperience.ts); empty: they start with none. */
  initialExperience: number[][];
}

export interface SupportConfig {
  /** How the status quo calibrated this configuration (analysis/experiments/statusQuo.ts: expected waits, base churn), a sentence for the output; empty when it was not. */
  calibratedBy?: string;
  /** ISO date-time of t = 0 and the IANA time zone of local times. */
  start: string;
  timeZone: string;
  horizon: number;
  warmup: number;
  intervalLength: number;
  /** Service-level threshold for real-time channels, minutes. */
  threshold: number;
  seasonality: SeasonalityInput;
  /** Expertise learning curve: a complete novice's expertise-driven need rate is `noviceMultiplier` × an expert's; a customer's expertise moves from its segment's start to its segment's lasting level with time constant `timeConstant` (minutes) of tenure. */
  learning: { noviceMultiplier: number; timeConstant: number };
  segments: SegmentConfig[];
  /** Priority classes, highest first. */
  classes: string[];
  needTypes: NeedTypeConfig[];
  channels: ChannelConfig[];
  quality: { releases: ReleaseConfig[]; fixes: QualityFixConfig[] };
  access: AccessConfig;
  selfService: SelfServiceConfig;
  repeat: RepeatConfig;
  tiers: SupportTierConfig[];
  pools: SupportPoolConfig[];
  /** A direct volume forecast instead of (or beside) the causal demand: requests per minute as piecewise rates per channel and need type. */
  forecastStreams: { channel: number; needType: number; segment: number; starts: number[]; ratesPerMinute: number[]; cycle?: number }[];
  /** false: only forecastStreams make requests (no causal needs). */
  causal: boolean;
  /** A support operating model preset (operatingModel.ts) applied on top of tiers, pools and retention weights. */
  operatingModel?: "call-center" | "help-desk" | "support-desk" | "service-desk";
  kcs?: KcsConfig;
  problemManagement?: ProblemManagementConfig;
  customerTraining?: CustomerTrainingConfig;
  costs: CostConfig;
  retention: RetentionConfig;
}

/** Whether pool `p` takes channel c's contacts where they enter: its tier is the channel's entry tier and it has a skill on the channel. */
export function servesAtEntry(cfg: Pick<SupportConfig, "channels">, p: Pick<SupportPoolConfig, "tier" | "skills">, c: number): boolean {
  const C = cfg.channels.length;
  return p.tier === cfg.channels[c].entryTier && p.skills.some((w) => w % C === c);
}

/** Work index of (need type, channel). */
export function workIndex(cfg: Pick<SupportConfig, "channels">, need: number, channel: number): number {
  return need * cfg.channels.length + channel;
}
