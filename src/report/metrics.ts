/**
 * What a metric is, for everything that writes about one: its name in a table row, an axis or a
 * chart panel ("Phone service level"), its name in a sentence ("phone service level", "the
 * monthly cost"), its unit (so src/report/numbers.ts can write its value), which way is better,
 * and whether it is a total over the run. The KPI tables, the charts (comparison, frontier), the
 * narrative and the compare text table all read it here, so a metric has one name and one format.
 *
 * Every fact about a KPI comes from the KPI catalogue (src/kpi/catalogue.ts); this module only
 * puts the element a key is about in front of the KPI's label ("Phone" + "service level"). A key
 * the catalogue does not know (from an older results file) is named by itself, a count with no
 * better direction.
 */
import { findKpi, type Better, type KpiUnit } from "../kpi/catalogue.js";
import { titleCase } from "./words.js";

export type MetricUnit = KpiUnit;

/** A metric, described. */
export interface MetricInfo {
  /** Name in a table row, on an axis or a panel: "Phone service level", "Monthly cost". */
  label: string;
  /** Name in a sentence: "phone service level", "the monthly cost". */
  noun: string;
  /** The channel, tier, pool … the metric is about ("phone", "L1"), when it is about one. */
  entity?: string;
  /** The label's words without the entity: "service level" ("Monthly cost" when there is no entity). */
  measure: string;
  unit: MetricUnit;
  /** Money written with cents (unit costs: $44.88). */
  cents: boolean;
  /** Which way is better: 1 higher, −1 lower, 0 neither (occupancy: too low wastes money, too high burns agents out). */
  better: 1 | -1 | 0;
  /** Order in which the narrative tells consequences (lower first). */
  rank: number;
  /** A total over the run, or a level at its end: not comparable across runs of different spans. */
  total: boolean;
}

const SIGN: Readonly<Record<Better, 1 | -1 | 0>> = { higher: 1, lower: -1, none: 0 };

/** A metric, described (src/kpi/catalogue.ts). */
export function metricInfo(key: string): MetricInfo {
  const k = findKpi(key);
  if (k === undefined) return { label: key, noun: key, measure: key, unit: "count", cents: false, better: 0, rank: 30, total: false };
  const base = { unit: k.unit, cents: k.cents, better: SIGN[k.better], rank: k.rank, total: k.total };
  const noun = k.noun ?? k.label;
  if (k.element === undefined) {
    const label = titleCase(k.label);
    return { ...base, label, measure: label, noun };
  }
  return { ...base, entity: k.element, measure: k.label, label: `${titleCase(k.element)} ${k.label}`, noun: `${k.element} ${noun}` };
}

/** A metric's name in a table row, on an axis or a panel: "Phone service level". */
export function metricLabel(key: string): string {
  return metricInfo(key).label;
}

/** A metric's unit. */
export function metricUnit(key: string): MetricUnit {
  return metricInfo(key).unit;
}

/** Which way is better for a metric: 1 higher, −1 lower, 0 neither (e.g. occupancy, or a metric the catalogue does not know). */
export function metricDirection(key: string): 1 | -1 | 0 {
  return metricInfo(key).better;
}
