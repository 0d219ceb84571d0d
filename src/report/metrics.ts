/**
 * What a metric is, for everything that writes about one: its name in a table row, an axis or a
 * chart panel ("Phone service level"), its name in a sentence ("phone service level", "the
 * monthly cost"), its unit (so src/report/numbers.ts can write its value), which way is better,
 * and whether it is a total over the run. The KPI tables, the charts (comparison, frontier), the
 * narrative and the compare text table all read it here, so a metric has one name and one format.
 *
 * Keys are the dotted names of src/analysis/supportRun.ts: `channel.<c>.serviceLevel`,
 * `tier.<t>.occupancy`, `cost.perMonth`, ... The headline metrics (src/analysis/compare.ts
 * HEADLINE_METRICS) are described one by one; any other key gets a name from its own words and a
 * unit from its ending (…Rate/Level/Share, occupancy, csat: share; cost.* and …Revenue/Cost:
 * money; …Seconds; …Hours; else a count).
 */
import type { Unit } from "./numbers.js";
import { titleCase } from "./words.js";

export type { Unit as MetricUnit } from "./numbers.js";

/** A metric, described. */
export interface MetricInfo {
  /** Name in a table row, on an axis or a panel: "Phone service level", "Monthly cost". */
  label: string;
  /** Name in a sentence: "phone service level", "the monthly cost". */
  noun: string;
  /** The channel, tier or pool the metric is about ("phone", "L1"), when it is about one. */
  entity?: string;
  /** The label's words without the entity: "service level" ("Monthly cost" when there is no entity). */
  measure: string;
  unit: Unit;
  /** Money written with cents (unit costs: $44.88). */
  cents: boolean;
  /** Which way is better: 1 higher, −1 lower, 0 neither (occupancy: too low wastes money, too high burns agents out). */
  better: 1 | -1 | 0;
  /** Order in which the narrative tells consequences (lower first). */
  rank: number;
  /** A total over the run, or a level at its end: not comparable across runs of different spans. */
  total: boolean;
}

type Described = Omit<MetricInfo, "label" | "entity" | "measure" | "noun"> & { measure: string; noun?: string };

/** Per-channel metrics: `channel.<c>.<metric>`. */
const CHANNEL: Record<string, Described> = {
  serviceLevel: { measure: "service level", unit: "share", cents: false, better: 1, rank: 1, total: false },
  withinTargetShare: { measure: "answered within target", unit: "share", cents: false, better: 1, rank: 2, total: false },
  abandonRate: { measure: "abandon rate", unit: "share", cents: false, better: -1, rank: 6, total: false },
  asaSeconds: { measure: "ASA", noun: "average speed of answer", unit: "seconds", cents: false, better: -1, rank: 7, total: false },
  meanResponseHours: { measure: "mean response time", unit: "hours", cents: false, better: -1, rank: 8, total: false },
};

/** Per-tier metrics: `tier.<t>.<metric>`. */
const TIER: Record<string, Described> = {
  occupancy: { measure: "occupancy", unit: "share", cents: false, better: 0, rank: 20, total: false },
};

/** Metrics of the whole run. */
const FIXED: Record<string, Described> = {
  "cost.perMonth": { measure: "Monthly cost", noun: "the monthly cost", unit: "money", cents: false, better: -1, rank: 0, total: false },
  "cost.total": { measure: "Total cost", noun: "the total cost", unit: "money", cents: false, better: -1, rank: 0, total: true },
  "retention.revenueAtRisk": { measure: "Revenue at risk next year", noun: "revenue at risk next year", unit: "money", cents: false, better: -1, rank: 3, total: false },
  "retention.csat": { measure: "CSAT proxy", noun: "the CSAT proxy", unit: "share", cents: false, better: 1, rank: 4, total: false },
  "funnel.fcrRate": { measure: "First-contact resolution", noun: "first-contact resolution", unit: "share", cents: false, better: 1, rank: 5, total: false },
  "funnel.unservedRate": { measure: "Needs left unserved", noun: "the share of needs left unserved", unit: "share", cents: false, better: -1, rank: 9, total: false },
  "retention.churned": { measure: "Customers churned", noun: "customer churn", unit: "count", cents: false, better: -1, rank: 10, total: true },
  "retention.netRecurringRevenue": { measure: "Net recurring revenue per year", noun: "net recurring revenue", unit: "money", cents: false, better: 1, rank: 11, total: true },
  "cost.perContact": { measure: "Cost per contact answered", noun: "the cost per contact answered", unit: "money", cents: true, better: -1, rank: 12, total: false },
  "cost.perResolvedNeed": { measure: "Cost per resolved need", noun: "the cost per resolved need", unit: "money", cents: true, better: -1, rank: 13, total: false },
};

/** The unit of a metric nobody described, from the ending of its key. */
function unitFromKey(key: string): Unit {
  if (/(Rate|Level|Share|occupancy|csat)$/.test(key)) return "share";
  if (/^cost\.|(Revenue|revenue|Cost|cost)$/.test(key)) return "money";
  if (/Seconds$/.test(key)) return "seconds";
  if (/Hours$/.test(key) && !/^pool\./.test(key)) return "hours"; // a pool's paid hours are an amount of work, not a wait
  return "count";
}

/** Metrics nobody described where less is better (waits, losses, unit costs), from the ending of the key. */
const LOWER_IS_BETTER = /(Seconds|abandonRate|unservedRate|WaitHours|ResponseHours|churned|Churn|revenueAtRisk|perContact|perResolvedNeed|contactsPerResolved|dissatisfaction)$/;

/** A metric, described; one nobody described reads as its own words ("tier.L1.realtimeAsaSeconds" → "L1 realtime ASA"). */
export function metricInfo(key: string): MetricInfo {
  const parts = key.split(".");
  const last = parts[parts.length - 1];
  const entity = parts.length > 2 ? parts.slice(1, -1).join(".") : undefined;
  const known = FIXED[key] ?? (entity !== undefined && parts[0] === "channel" ? CHANNEL[last] : entity !== undefined && parts[0] === "tier" ? TIER[last] : undefined);
  if (known) {
    const { noun, ...rest } = known;
    if (entity === undefined || FIXED[key]) return { ...rest, label: known.measure, noun: noun ?? known.measure.toLowerCase() };
    return { ...rest, entity, label: `${titleCase(entity)} ${known.measure}`, noun: `${entity} ${noun ?? known.measure}` };
  }
  const words = last
    .replace(/(.)(Seconds|Hours)$/, "$1")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/\basa\b/g, "ASA").replace(/\bfcr\b/g, "FCR").replace(/\bcsat\b/g, "CSAT").replace(/\barr\b/g, "ARR");
  const better = LOWER_IS_BETTER.test(key) ? -1 : 0;
  const base = { measure: words, unit: unitFromKey(key), cents: false, better, rank: 30, total: false } as const;
  return entity === undefined
    ? { ...base, label: titleCase(words), noun: words }
    : { ...base, entity, label: `${titleCase(entity)} ${words}`, noun: `${entity} ${words}` };
}

/** A metric's name in a table row, on an axis or a panel: "Phone service level". */
export function metricLabel(key: string): string {
  return metricInfo(key).label;
}

/** A metric's unit. */
export function metricUnit(key: string): Unit {
  return metricInfo(key).unit;
}

/** Which way is better for a metric: 1 higher, −1 lower, 0 neither (e.g. occupancy, or a metric nobody described). */
export function metricDirection(key: string): 1 | -1 | 0 {
  return metricInfo(key).better;
}
