/**
 * What the charts and the narrative need to know about the runs they put side by side: each
 * run's measured window (horizon less warm-up) and its length in months, whether the runs'
 * windows or spans differ (then totals are not like for like), their one currency, distinct
 * names, an estimate's mean when it has one, and whether a run has customers and costs at all (a
 * volume forecast or the simple single-queue form has neither: no funnel, retention or cost to show).
 */
import type { Estimate } from "../analysis/confidence.js";
import { FORECAST_SEGMENT } from "../scenario/full/defaults.js";
import { HOURS_PER_MONTH } from "../time/units.js";
import type { CompareResult, ScenarioResult } from "./charts/inputs.js";

/** What a window is measured from: the horizon and its warm-up, in hours. */
export interface Span {
  horizonHours: number;
  warmupHours: number;
}

/** Hours measured after the warm-up. */
export function measuredHours(r: Span): number {
  return r.horizonHours - r.warmupHours;
}

/** Measured months of a run: (horizon − warm-up) / 730.5 h. Throws when the window is empty. */
export function measuredMonths(r: Span & { scenario: string }): number {
  const h = measuredHours(r);
  if (!(h > 0)) throw new RangeError(`scenario "${r.scenario}": no measured window (horizon ${r.horizonHours} h, warm-up ${r.warmupHours} h)`);
  return h / HOURS_PER_MONTH;
}

/**
 * Whether the measured windows differ in length: then totals over the window (costs, needs,
 * customers churned) are not like for like, and charts show them per month.
 */
export function windowsDiffer(runs: readonly Span[]): boolean {
  return runs.some((r) => measuredHours(r) !== measuredHours(runs[0]));
}

/**
 * Whether the horizons or the warm-ups differ. Stricter than `windowsDiffer`: two runs measured
 * for as long but ending at different times also differ in what they hold at the end (recurring
 * revenue, the customer base), so the narrative and the compare table compare totals only when
 * the spans are the same.
 */
export function spansDiffer(runs: readonly Span[]): boolean {
  return runs.some((r) => r.horizonHours !== runs[0].horizonHours || r.warmupHours !== runs[0].warmupHours);
}

/** Whether every run of a comparison covers the same span (unknown, and so not assumed, without the runs). */
export function sameSpans(c: Pick<CompareResult, "scenarios" | "runs">): boolean {
  const runs = c.runs ?? [];
  return runs.length === c.scenarios.length && runs.length > 0 && !spansDiffer(runs);
}

/** The one currency of the runs; charts that add money across scenarios refuse mixed currencies. */
export function commonCurrency(runs: readonly ScenarioResult[]): string {
  const cur = runs[0].currency;
  const other = runs.find((r) => r.currency.toUpperCase() !== cur.toUpperCase());
  if (other) throw new RangeError(`scenarios are in different currencies (${runs[0].scenario}: ${cur}, ${other.scenario}: ${other.currency}); convert before comparing costs`);
  return cur;
}

/** Refuse an empty list and repeated scenario names (colours and groups are keyed by name). */
export function checkRuns(runs: readonly ScenarioResult[], chart: string): void {
  if (runs.length === 0) throw new RangeError(`${chart}: no scenario to draw`);
  const seen = new Set<string>();
  for (const r of runs) {
    if (seen.has(r.scenario)) throw new RangeError(`${chart}: scenario "${r.scenario}" appears twice; give the scenarios distinct names`);
    seen.add(r.scenario);
  }
}

/** The union of items in first-appearance order (`key` names an item; default String). */
export function union<T>(lists: readonly (readonly T[])[], key: (x: T) => string = String): T[] {
  const out: T[] = [], seen = new Set<string>();
  for (const l of lists) for (const x of l) if (!seen.has(key(x))) { seen.add(key(x)); out.push(x); }
  return out;
}

/** An estimate's mean, or null when the estimate or its mean is missing or not finite. */
export function meanOf(e: Estimate | undefined): number | null {
  return e && e.mean !== null && Number.isFinite(e.mean) ? e.mean : null;
}

/** Whether a run has customers (else only forecast arrivals: their one synthetic segment, nobody in it). */
export function hasCustomers(r: Pick<ScenarioResult, "segments" | "estimates">): boolean {
  return !(r.segments.length === 1 && r.segments[0] === FORECAST_SEGMENT && (r.estimates["customers.activeAtEnd"]?.mean ?? 0) === 0);
}

/** Whether a run spent anything (its total cost is not exactly zero in every replication). */
export function hasCosts(r: Pick<ScenarioResult, "estimates">): boolean {
  const e = r.estimates["cost.total"];
  return e !== undefined && !(e.mean === 0 && (e.ci95 === null || (e.ci95[0] === 0 && e.ci95[1] === 0)));
}
