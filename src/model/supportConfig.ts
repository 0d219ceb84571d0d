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
import type { SeasonalityInput } from "./seasonality.js";

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
  /** Initial expected wait of every customer for this channel, minutes (e.g. the target). */
  initialExpectedWait: number;
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
  /** Expertise of a new customer in [0, 1] (1 = expert). */
  expertise: number;
  revenuePerYear: number;
  /** Tenure of existing customers at t = 0, minutes. */
  tenureAtStart: Duration;
  /** New customers per minute (sales). */
  salesPerMinute: number;
  /** Base churn hazard per minute. */
  churnPerMinute: number;
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
  /** Patience per channel while waiting at this tier (real-time only); undefined → waits forever. */
  patienceByChannel: (Duration | undefined)[];
  /** Resolution probability per need type. */
  resolveByNeed: number[];
  /** Where unresolved work goes: tier index, and how (a real-time contact: transfer or escalate; a deferred one is always a ticket). */
  next?: number;
  nextMode: "transfer" | "escalate";
}

export interface SupportPoolConfig {
  name: string;
  tier: number;
  agents: number;
  /** Work this pool serves: work index need × C + channel. */
  skills: number[];
  concurrency: number;
  stretch: number;
  /** When the pool works; undefined: around the clock. */
  hours?: WeeklyHours;
}

export interface SupportConfig {
  /** ISO date-time of t = 0 and the IANA time zone of local times. */
  start: string;
  timeZone: string;
  horizon: number;
  warmup: number;
  intervalLength: number;
  /** Service-level threshold for real-time channels, minutes. */
  threshold: number;
  seasonality: SeasonalityInput;
  /** Expertise learning curve: a novice's expertise-driven need rate is `noviceMultiplier` × an expert's, decaying with time constant `timeConstant` (minutes) of tenure. */
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
}

/** Work index of (need type, channel). */
export function workIndex(cfg: Pick<SupportConfig, "channels">, need: number, channel: number): number {
  return need * cfg.channels.length + channel;
}
