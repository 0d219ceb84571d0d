/**
 * The results of a sweep: its identity (what makes two shard files parts of one sweep), one row
 * per grid point and the document an unsharded run writes. The document is a function of the
 * point rows alone (sorted by index; no time, host or thread count in it), so shards merge back
 * into exactly the same bytes.
 */
import { createHash } from "node:crypto";
import type { Estimate } from "../../confidence.js";
import { headlineKeys } from "../compare.js";
import type { Vary } from "./grid.js";

/** What makes two shard files parts of one sweep. */
export interface SweepIdentity {
  /** The scenario's `name`. */
  scenario: string;
  /** SHA-256 (hex) of the base scenario with its `extends` chain merged, as JSON text. */
  scenarioSha256: string;
  currency: string;
  seed: number;
  replications: number;
  vary: Vary[];
}

/** One grid point's results: its varied values (by path, in --vary order) and the headline estimates. */
export interface SweepPointRow {
  index: number;
  parameters: Record<string, number>;
  /** Metric key (sweepKeys: the headline KPIs, then costs, customers and retention) → mean and 95% interval. */
  estimates: Record<string, Estimate>;
}

/** The two metrics the sweep's frontier chart and narrative read, chosen with `sweep --x --y` (each one of `metrics`). */
export interface SweepAxes {
  x: string;
  y: string;
}

/** sweep.json: the identity, the metric columns, the chosen axes (when chosen) and every point in index order. */
export interface SweepDocument extends SweepIdentity {
  format: "supportsim-sweep";
  version: 1;
  /** The keys present at every point (sweepKeys order: the CSV's metric columns). */
  metrics: string[];
  /** The frontier's axes when chosen (absent: the default, src/report/sweepFrontier.ts sweepAxes). */
  axes?: SweepAxes;
  points: SweepPointRow[];
}

/** SHA-256 of the merged base scenario's JSON text (identifies the scenario in shard files). */
export function scenarioSha256(base: unknown): string {
  return createHash("sha256").update(JSON.stringify(base)).digest("hex");
}

/** The JSON form of a row (non-finite numbers become null, as in a file), so that rows from a run and rows read back from a shard are the same. */
function normalized<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** The money and customer families a sweep reports beside the headline KPIs: every cost, customer and retention KPI (not the per-month ones). */
const MONEY_AND_CUSTOMERS = /^(cost\.(?!byMonth\.)|customers\.|retention\.(?!byMonth\.))/;

/**
 * The keys a sweep reports, present in every key set: the headline KPIs (compare.ts), then every
 * other cost (by category too), customer and retention KPI — churn and revenue at risk with their
 * calibration band — in the order of the first set.
 */
export function sweepKeys(keySets: readonly (readonly string[])[]): string[] {
  const headline = headlineKeys(keySets);
  const sets = keySets.map((k) => new Set(k));
  const more = (keySets[0] ?? []).filter((k) => MONEY_AND_CUSTOMERS.test(k) && !headline.includes(k) && sets.every((s) => s.has(k)));
  return [...headline, ...more];
}

/** A point's row: its values by path and its estimates (sweepKeys). */
export function pointRow(vary: readonly Vary[], index: number, values: readonly number[], estimates: Record<string, Estimate>, keys: readonly string[]): SweepPointRow {
  const parameters: Record<string, number> = {};
  vary.forEach((v, j) => (parameters[v.path] = values[j]));
  const est: Record<string, Estimate> = {};
  for (const k of sweepKeys([keys])) est[k] = estimates[k] ?? { mean: null, ci95: null };
  return normalized({ index, parameters, estimates: est });
}

/** The sweep document for a complete set of rows (any order; sorted by index here), with the chosen axes when given. */
export function sweepDocument(identity: SweepIdentity, rows: readonly SweepPointRow[], axes?: SweepAxes): SweepDocument {
  const points = [...rows].sort((a, b) => a.index - b.index);
  const metrics = sweepKeys(points.map((p) => Object.keys(p.estimates)));
  return {
    format: "supportsim-sweep",
    version: 1,
    ...identityFields(identity),
    metrics,
    ...(axes !== undefined ? { axes: { x: axes.x, y: axes.y } } : {}),
    points: points.map((p) => {
      const estimates: Record<string, Estimate> = {};
      for (const k of metrics) estimates[k] = p.estimates[k];
      return { index: p.index, parameters: { ...p.parameters }, estimates };
    }),
  };
}

/** The identity's fields in their fixed order (the files' bytes depend on it). */
export function identityFields(id: SweepIdentity): SweepIdentity {
  return {
    scenario: id.scenario,
    scenarioSha256: id.scenarioSha256,
    currency: id.currency,
    seed: id.seed,
    replications: id.replications,
    vary: id.vary.map((v) => ({ path: v.path, values: [...v.values] })),
  };
}
