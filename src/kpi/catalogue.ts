/**
 * The KPI catalogue: every number a run reports, described once — its label (as the tables,
 * charts and narrative name it), its unit, the bounds its 95% interval is clipped to and which
 * way is better. The estimates clip by it (analysis/experiments/replications.ts) and the report
 * names and writes every metric by it (report/metrics.ts: tables, charts, narrative).
 *
 * A run's keys (kpi/values.ts) come in families. The element a key is about (a channel's, tier's,
 * segment's, need type's or pool's name, a cost category, a month) may contain dots — a tier
 * "L1.5" gives "tier.L1.5.occupancy" — while a metric's name never does, so a key is read by the
 * shape of its family, not split on every dot:
 *   funnel.<metric>   customers.<metric>   cost.<metric>   retention.<metric>
 *   channel.<c>.<metric>   tier.<t>.<metric>   segment.<s>.<metric>   needType.<k>.<metric>   pool.<p>.<metric>
 *   cost.byCategory.<category>   cost.byMonth.<yyyy-mm>   retention.byMonth.<yyyy-mm>.<metric>
 *   metric.<name>     (a user-defined metric, `--metric "name = formula"`)
 * The single-queue model's metrics (model/network/counters.ts METRICS) and the per-interval series
 * of a full-form run (analysis/experiments/replications.ts SERIES_METRICS) have tables of their own.
 *
 * Bounds: a share's estimate (its mean and interval) is clipped to [0, 1]; any other's to
 * [0, ∞), unless the KPI is signed (a net effect: churn caused by service experience, which good
 * service makes negative). `pool.<p>.lostShare` (realised shrinkage) is taken from the time on
 * shift (overtime after a shift's end is not floor time regained), so it is not negative but by
 * float rounding (−1e−16 with shrinkage 0) and the time-sharing of a change inside an interval
 * (within L/2 agent-minutes per change, docs/model.md §14.2: −4e−7 of a year), which the clipping reads as 0.
 */
import type { FunnelField } from "../model/counters.js";
import type { MetricName } from "../model/network/counters.js";

/** What a KPI's number measures. `number`: a ratio or mean with no unit of its own (contacts per resolved need). */
export type KpiUnit = "share" | "money" | "seconds" | "minutes" | "hours" | "count" | "number";

/** What a KPI's 95% interval is clipped to: [0, 1], [0, ∞) or nothing (a signed quantity). */
export type KpiBounds = "share" | "nonNegative" | "signed";

/** The interval each bounds stands for. */
export const BOUNDS: Readonly<Record<KpiBounds, readonly [number, number]>> = {
  share: [0, 1],
  nonNegative: [0, Infinity],
  signed: [-Infinity, Infinity],
};

/** Which way is better ("none": neither, e.g. occupancy — too low wastes money, too high burns agents out). */
export type Better = "higher" | "lower" | "none";

/** A KPI, described. */
export interface Kpi {
  /**
   * Its name, written as it follows an element's name: "service level" (shown "Phone service
   * level"); the report capitalises it where it stands alone ("Monthly cost").
   */
  label: string;
  /** Its name in a sentence, when that differs from the label: "the monthly cost", "average speed of answer". */
  noun?: string;
  unit: KpiUnit;
  bounds: KpiBounds;
  better: Better;
  /** A total over the run, or a level at its end: not comparable across runs of different spans. */
  total: boolean;
  /** Money written with cents (unit costs: $44.88). */
  cents: boolean;
  /** The order in which the narrative tells changes (lower first; 30 for the KPIs it does not single out). */
  rank: number;
}

type More = Partial<Pick<Kpi, "noun" | "bounds" | "total" | "cents" | "rank">>;

/** A KPI: bounds [0, 1] for a share, else [0, ∞), unless `more` says otherwise. */
function kpi(label: string, unit: KpiUnit, better: Better, more: More = {}): Kpi {
  return { label, unit, bounds: unit === "share" ? "share" : "nonNegative", better, total: false, cents: false, rank: 30, ...more };
}
const TOTAL = { total: true } as const;

// ---------------------------------------------------------------------------------------------
// The demand funnel, whole and split by segment and need type

/** funnel.<field>, segment.<s>.<field>, needType.<k>.<field>: the funnel's counts (model/counters.ts FUNNEL_FIELDS). */
const FUNNEL_COUNTS: Readonly<Record<FunnelField, Kpi>> = {
  needs: kpi("needs", "count", "none", TOTAL),
  deflected: kpi("deflected", "count", "none", TOTAL),
  triedSelfService: kpi("tried self-service", "count", "none", TOTAL),
  selfServed: kpi("self-served", "count", "none", TOTAL),
  asked: kpi("asked", "count", "none", TOTAL),
  requests: kpi("requests", "count", "none", TOTAL),
  waitedForOpening: kpi("waited for opening hours", "count", "none", TOTAL),
  retries: kpi("retries", "count", "none", TOTAL),
  unserved: kpi("unserved", "count", "lower", TOTAL),
  resolved: kpi("resolved", "count", "none", TOTAL),
  resolvedFirstContact: kpi("resolved at the first contact", "count", "none", TOTAL),
  unresolved: kpi("gave up unresolved", "count", "lower", TOTAL),
  abandoned: kpi("abandoned", "count", "lower", TOTAL),
  repeats: kpi("repeat contacts", "count", "lower", TOTAL),
  redials: kpi("redials", "count", "lower", TOTAL),
  openAtEnd: kpi("open at the end", "count", "none", TOTAL),
  supportRevenue: kpi("support revenue", "money", "none", TOTAL),
  dissatisfaction: kpi("wait dissatisfaction", "number", "lower", TOTAL),
  experienced: kpi("needs with an experience", "count", "none", TOTAL),
  churnMultiplier: kpi("sum of churn multipliers", "number", "none", TOTAL),
  rated: kpi("rated", "count", "none", TOTAL),
  satisfied: kpi("satisfied", "count", "higher", TOTAL),
  experienceRows: kpi("sum of experience rows", "number", "none", TOTAL),
};

const FCR = kpi("first-contact resolution", "share", "higher", { rank: 5 });
const UNSERVED_RATE = kpi("needs left unserved", "share", "lower", { noun: "the share of needs left unserved", rank: 9 });

/** funnel.<metric>. */
const FUNNEL: Readonly<Record<string, Kpi>> = {
  ...FUNNEL_COUNTS,
  requestRate: kpi("request rate", "share", "none"),
  selfServiceRate: kpi("self-service rate", "share", "none"),
  containmentRate: kpi("self-service containment", "share", "higher"),
  unservedRate: UNSERVED_RATE,
  resolvedRate: kpi("resolved rate", "share", "higher"),
  fcrRate: FCR,
  resolutionRate: kpi("end-to-end resolution rate", "share", "higher", { noun: "the end-to-end resolution rate (needs resolved of those that asked)" }),
  contactsPerResolved: kpi("contacts per resolved need", "number", "lower"),
  needsPerDay: kpi("needs per day", "count", "none"),
  requestsPerDay: kpi("requests per day", "count", "none"),
};

/** segment.<s>.<metric> and needType.<k>.<metric>: the funnel split. */
const SPLIT: Readonly<Record<string, Kpi>> = {
  needs: FUNNEL_COUNTS.needs,
  deflected: FUNNEL_COUNTS.deflected,
  selfServed: FUNNEL_COUNTS.selfServed,
  asked: FUNNEL_COUNTS.asked,
  unserved: FUNNEL_COUNTS.unserved,
  resolved: FUNNEL_COUNTS.resolved,
  abandoned: FUNNEL_COUNTS.abandoned,
  supportRevenue: FUNNEL_COUNTS.supportRevenue,
  dissatisfaction: FUNNEL_COUNTS.dissatisfaction,
  unservedRate: UNSERVED_RATE,
  fcrRate: FCR,
};

const SEGMENT: Readonly<Record<string, Kpi>> = {
  ...SPLIT,
  activeAtEnd: kpi("customers at the end", "count", "none", TOTAL),
  churnVsInput: kpi("churn against the input churn rate", "number", "lower"),
};

// ---------------------------------------------------------------------------------------------
// Channels (at their entry tier), tiers (every visit), pools

const OFFERED = kpi("offered", "count", "none", TOTAL);
const ANSWERED = kpi("answered", "count", "none", TOTAL);
const ABANDONED = kpi("abandoned", "count", "lower", TOTAL);
const OCCUPANCY = kpi("occupancy", "share", "none", { rank: 20 });
const AHT = kpi("average handle time", "minutes", "none");
const ALLOCATED_COST = kpi("cost", "money", "lower", TOTAL);
const COST_PER_CONTACT = kpi("cost per contact handled", "money", "lower", { rank: 14, cents: true });

/** channel.<c>.<metric>. */
const CHANNEL: Readonly<Record<string, Kpi>> = {
  offered: OFFERED,
  answered: ANSWERED,
  abandoned: ABANDONED,
  abandonRate: kpi("abandon rate", "share", "lower", { rank: 6 }),
  resolutionRate: kpi("contacts resolved at any tier", "share", "higher"),
  cost: kpi("end-to-end cost", "money", "lower", TOTAL),
  costPerContact: kpi("end-to-end cost per contact", "money", "lower", { rank: 14, cents: true }),
  entryCostPerContact: kpi("entry-tier cost per contact", "money", "lower", { cents: true }),
  serviceLevel: kpi("service level", "share", "higher", { rank: 1 }),
  asaSeconds: kpi("ASA", "seconds", "lower", { noun: "average speed of answer", rank: 7 }),
  callbacks: kpi("callbacks accepted", "count", "none", TOTAL),
  withinTargetShare: kpi("answered within target", "share", "higher", { rank: 2 }),
  meanResponseHours: kpi("mean response time", "hours", "lower", { rank: 8 }),
  meanBacklog: kpi("mean backlog", "number", "lower"),
  choiceShare: kpi("share of needs asking here first", "share", "none"),
  meanHoldMinutes: kpi("time held per contact, all tiers", "minutes", "lower"),
  resolvedFirstLineShare: kpi("contacts resolved in the first line", "share", "higher"),
  meanHoursToResolution: kpi("time to resolution", "hours", "lower"),
};

/** tier.<t>.<metric>. */
const TIER: Readonly<Record<string, Kpi>> = {
  offered: OFFERED,
  answered: ANSWERED,
  abandoned: ABANDONED,
  resolved: kpi("resolved", "count", "none", TOTAL),
  resolvedNeeds: kpi("needs resolved here", "count", "none", TOTAL),
  transferred: kpi("warm transfers", "count", "none", TOTAL),
  escalated: kpi("escalated", "count", "none", TOTAL),
  heldToLimit: kpi("warm transfers held to the hold limit", "count", "none", TOTAL),
  resolutionRate: kpi("resolution rate", "share", "higher"),
  cost: ALLOCATED_COST,
  costPerContact: COST_PER_CONTACT,
  realtimeAnswered: kpi("real-time contacts answered", "count", "none", TOTAL),
  realtimeAsaSeconds: kpi("real-time ASA", "seconds", "lower"),
  deferredAnswered: kpi("deferred contacts answered", "count", "none", TOTAL),
  deferredMeanWaitHours: kpi("deferred mean wait", "hours", "lower"),
  occupancy: OCCUPANCY,
  agentHours: kpi("agent hours on the floor", "hours", "none", TOTAL),
  ahtMinutes: AHT,
};

/** pool.<p>.<metric>. */
const POOL: Readonly<Record<string, Kpi>> = {
  paidHours: kpi("paid hours", "hours", "none", TOTAL),
  floorHours: kpi("hours on the floor", "hours", "none", TOTAL),
  lostShare: kpi("scheduled floor time lost", "share", "lower"),
  paidShrinkage: kpi("realised shrinkage of paid time", "share", "lower"),
  overtimeHours: kpi("overtime hours (finishing contacts after the shift)", "hours", "lower", TOTAL),
  overtimeCost: kpi("overtime cost", "money", "lower", TOTAL),
  occupancy: OCCUPANCY,
  served: kpi("contacts handled", "count", "none", TOTAL),
  ahtMinutes: AHT,
  cost: kpi("cost", "money", "lower", TOTAL),
  costPerPaidHour: kpi("cost per paid hour", "money", "lower", { cents: true }),
  headcountEnd: kpi("employees at the end", "count", "none", TOTAL),
  headcountMin: kpi("fewest employees", "count", "none"),
  hires: kpi("hires", "count", "none", TOTAL),
  leavers: kpi("leavers", "count", "lower", TOTAL),
};

// ---------------------------------------------------------------------------------------------
// Customers, costs, retention

/** customers.<metric>. */
const CUSTOMERS: Readonly<Record<string, Kpi>> = {
  activeAtEnd: kpi("customers at the end", "count", "higher", TOTAL),
  sales: kpi("sales", "count", "higher", TOTAL),
  churned: kpi("customers lost", "count", "lower", TOTAL),
};

/** cost.<metric>. */
const COST: Readonly<Record<string, Kpi>> = {
  total: kpi("total cost", "money", "lower", { noun: "the total cost", rank: 0, total: true }),
  perMonth: kpi("monthly cost", "money", "lower", { noun: "the monthly cost", rank: 0 }),
  perContact: kpi("cost per contact answered", "money", "lower", { noun: "the cost per contact answered", rank: 12, cents: true }),
  perResolvedNeed: kpi("cost per resolved need", "money", "lower", { noun: "the cost per resolved need", rank: 13, cents: true }),
  perCustomerMonth: kpi("cost per customer per month", "money", "lower", { noun: "the cost per customer per month", cents: true }),
  perNeed: kpi("cost per need", "money", "lower", { noun: "the cost per need", cents: true }),
  unallocated: kpi("cost of no tier (self-service, programmes)", "money", "lower", TOTAL),
  paidFte: kpi("paid staff (FTE of 40 h a week)", "number", "lower", { noun: "the paid staff" }),
};

const SIGNED = { bounds: "signed" } as const;

/** retention.byMonth.<yyyy-mm>.<field> (model/customers/customers.ts CHURN_MONTH_FIELDS), and the same over the run. */
const CHURN: Readonly<Record<string, Kpi>> = {
  churned: kpi("customers churned", "count", "lower", { noun: "customer churn", rank: 10, total: true }),
  churnedRevenue: kpi("annual revenue churned", "money", "lower", TOTAL),
  serviceChurn: kpi("churn caused by service", "number", "lower", { ...SIGNED, total: true }),
  serviceChurnRevenue: kpi("revenue churned because of service", "money", "lower", { ...SIGNED, total: true }),
};

/** retention.<metric>. */
const RETENTION: Readonly<Record<string, Kpi>> = {
  ...CHURN,
  csat: kpi("CSAT proxy", "share", "higher", { noun: "the CSAT proxy", rank: 4 }),
  meanExperienceRow: kpi("mean experience row", "number", "lower"),
  meanChurnMultiplier: kpi("mean churn multiplier", "number", "lower"),
  revenueEarned: kpi("recurring revenue earned", "money", "higher", TOTAL),
  netRecurringRevenue: kpi("net recurring revenue per year", "money", "higher", { noun: "net recurring revenue", rank: 11, total: true }),
  revenueAtRisk: kpi("revenue at risk next year", "money", "lower", { rank: 3 }),
  revenueAtRiskOptimistic: kpi("revenue at risk next year (optimistic calibration)", "money", "lower"),
  revenueAtRiskPessimistic: kpi("revenue at risk next year (pessimistic calibration)", "money", "lower"),
  churnedOptimistic: kpi("customers churned (optimistic calibration)", "count", "lower"),
  churnedPessimistic: kpi("customers churned (pessimistic calibration)", "count", "lower"),
  churnedRevenueOptimistic: kpi("annual revenue churned (optimistic calibration)", "money", "lower"),
  churnedRevenuePessimistic: kpi("annual revenue churned (pessimistic calibration)", "money", "lower"),
  revenueProtected: kpi("revenue protected next year", "money", "higher"),
  netRevenueAtRisk: kpi("net revenue at risk next year", "money", "lower", { ...SIGNED, noun: "the revenue at risk next year net of the revenue protected" }),
  excessChurnNextYear: kpi("excess churn next year", "number", "lower", SIGNED),
};

// ---------------------------------------------------------------------------------------------
// Looking a key up by its family

/** A family of keys: a prefix, then a metric, an element and a metric, or an element alone (the family is one KPI). */
interface Family {
  prefix: string;
  shape: "metric" | "element.metric" | "element";
  metrics: Readonly<Record<string, Kpi>>;
}

/** The families, longer prefixes first ("cost.byCategory." before "cost."). */
const FAMILIES: readonly Family[] = [
  // user-defined metrics (analysis/experiments/userMetrics.ts): a formula's value, any sign
  { prefix: "metric.", shape: "element", metrics: { metric: kpi("(your metric)", "number", "none", SIGNED) } },
  { prefix: "cost.byCategory.", shape: "element", metrics: { byCategory: kpi("cost", "money", "lower", TOTAL) } },
  { prefix: "cost.byMonth.", shape: "element", metrics: { byMonth: kpi("cost", "money", "lower", TOTAL) } },
  { prefix: "retention.byMonth.", shape: "element.metric", metrics: CHURN },
  { prefix: "funnel.", shape: "metric", metrics: FUNNEL },
  { prefix: "channel.", shape: "element.metric", metrics: CHANNEL },
  { prefix: "tier.", shape: "element.metric", metrics: TIER },
  { prefix: "segment.", shape: "element.metric", metrics: SEGMENT },
  { prefix: "needType.", shape: "element.metric", metrics: SPLIT },
  { prefix: "customers.", shape: "metric", metrics: CUSTOMERS },
  { prefix: "pool.", shape: "element.metric", metrics: POOL },
  { prefix: "cost.", shape: "metric", metrics: COST },
  { prefix: "retention.", shape: "metric", metrics: RETENTION },
];

/** A key's parts: its family (the prefix without its dot), the element it is about (when its family has one) and its metric. */
export interface KpiKey {
  family: string;
  element?: string;
  metric: string;
}

/** A catalogued KPI with the parts of the key it was found by. */
export type KpiEntry = Kpi & KpiKey;

/** The KPI of a run's key, or undefined when the catalogue has none. */
export function findKpi(key: string): KpiEntry | undefined {
  for (const f of FAMILIES) {
    if (!key.startsWith(f.prefix)) continue;
    const rest = key.slice(f.prefix.length);
    const family = f.prefix.slice(0, -1);
    let element: string | undefined, metric: string;
    if (f.shape === "metric") {
      if (rest.includes(".")) return undefined;
      metric = rest;
    } else if (f.shape === "element") {
      element = rest;
      metric = family.slice(family.lastIndexOf(".") + 1);
    } else {
      const dot = rest.lastIndexOf(".");
      if (dot <= 0) return undefined;
      element = rest.slice(0, dot);
      metric = rest.slice(dot + 1);
    }
    if (element === "" || !Object.hasOwn(f.metrics, metric)) return undefined;
    return { ...f.metrics[metric], family, ...(element !== undefined ? { element } : {}), metric };
  }
  return undefined;
}

/** The KPI of a run's key; a key the catalogue lacks is a bug (every key kpi/values.ts makes has an entry). */
export function kpiOf(key: string): KpiEntry {
  const k = findKpi(key);
  if (k === undefined) throw new Error(`KPI ${JSON.stringify(key)} is not in the catalogue (src/kpi/catalogue.ts)`);
  return k;
}

/** Whether a run's KPI is a share, its interval clipped to [0, 1]. */
export function isShareKpi(key: string): boolean {
  return kpiOf(key).bounds === "share";
}

/** Whether a run's KPI is signed, its interval not clipped at 0. */
export function isSignedKpi(key: string): boolean {
  return kpiOf(key).bounds === "signed";
}

// ---------------------------------------------------------------------------------------------
// The single queue, and a full-form run's per-interval series

/** The single-queue model's metrics (model/network/counters.ts metricsFrom), labelled as its KPI table shows them. */
export const QUEUE_KPIS: Readonly<Record<MetricName, Kpi>> = {
  offered: kpi("Offered", "count", "none", TOTAL),
  answered: kpi("Answered", "count", "none", TOTAL),
  abandoned: kpi("Abandoned", "count", "lower", TOTAL),
  abandonRate: kpi("Abandon rate", "share", "lower"),
  serviceLevel: kpi("Service level", "share", "higher"),
  asaSeconds: kpi("ASA (answered)", "seconds", "lower"),
  meanWaitSeconds: kpi("Mean wait (all)", "seconds", "lower"),
  occupancy: kpi("Occupancy", "share", "none"),
  probWait: kpi("Had to wait", "share", "lower"),
  meanQueueLength: kpi("Mean queue length", "number", "lower"),
};

/**
 * A full-form run's per-interval series (analysis/experiments/replications.ts SERIES_METRICS), per
 * channel (at its entry tier), per tier or for the needs: the single queue's metrics where they
 * mean the same (a deferred channel's "serviceLevel" is its share answered within the response target).
 */
export const SERIES_KPIS: Readonly<Record<string, Kpi>> = {
  offered: QUEUE_KPIS.offered,
  serviceLevel: QUEUE_KPIS.serviceLevel,
  meanWaitSeconds: QUEUE_KPIS.meanWaitSeconds,
  abandonRate: QUEUE_KPIS.abandonRate,
  needs: kpi("Needs", "count", "none", TOTAL),
  occupancy: QUEUE_KPIS.occupancy,
  agents: kpi("Agents on the floor", "number", "none"),
};

/** Whether a per-interval series metric is a share, its interval clipped to [0, 1]. */
export function isShareSeries(metric: string): boolean {
  const k = SERIES_KPIS[metric];
  if (k === undefined) throw new Error(`series metric ${JSON.stringify(metric)} is not in the catalogue (src/kpi/catalogue.ts)`);
  return k.bounds === "share";
}
