/**
 * What the charts read: the results the commands write (`results.json` of run, compare and
 * staff, `sweep.json` of sweep), typed. Every chart is a pure function from these to a
 * Vega-Lite spec (src/report/charts/*.ts); `supportsim chart DIR` reads them back from disk.
 *
 * Estimates are means over replications with a Student-t 95% interval (src/analysis/confidence.ts);
 * `null` where a metric is undefined (no contact offered in an interval, say).
 */
import type { ScenarioSizing } from "../../analysis/experiments/compare.js";
import type { Estimate } from "../../analysis/confidence.js";
import type { RunReport } from "../../analysis/experiments/run.js";
import type { StaffingSolution } from "../../analysis/staffing/solution.js";
import type { SweepDocument } from "../../analysis/experiments/sweep/index.js";
import type { ShiftPlan } from "../../analysis/staffing/shiftPlan.js";

export type { Estimate };

/** The average week of a run and its per-interval bands: defined with the code that computes them. */
export type { Band, WeekProfile } from "../../analysis/experiments/weekProfile.js";
import type { WeekProfile } from "../../analysis/experiments/weekProfile.js";
import type { WeeklyTrend } from "../../analysis/experiments/weeklyTrend.js";
export type { WeeklyTrend } from "../../analysis/experiments/weeklyTrend.js";

/**
 * One scenario's run, as `supportsim run --out` writes it in results.json, with the metrics
 * flattened back to their dotted names (see src/kpi/values.ts for the list):
 * `channel.<c>.serviceLevel`, `funnel.needs`, `cost.byCategory.<category>`, `cost.byMonth.<yyyy-mm>`,
 * `retention.byMonth.<yyyy-mm>.churnedRevenue`, ... — the run's own result, less what charts do
 * not read (warnings, engine counts, calibration); the week profile may be absent.
 */
export type ScenarioResult = Omit<RunReport, "form" | "warnings" | "engine" | "calibration" | "profile" | "trend"> & { profile?: WeekProfile; trend?: WeeklyTrend };

/** A difference against the first scenario from paired replications (src/analysis/compare.ts). */
export interface DifferenceResult {
  against: string;
  mean: number | null;
  ci95: [number, number] | null;
  significant: boolean;
}

/** `supportsim compare --out`: the compared metrics, and each scenario's full run. */
export interface CompareResult {
  scenarios: string[];
  seed: number;
  replications: number;
  /** Metric (dotted name) → each scenario's estimate (scenario order) and each later one's difference against the first. */
  metrics: Record<string, { values: Estimate[]; differences: DifferenceResult[] }>;
  /** Each scenario's run (same order as `scenarios`). */
  runs: ScenarioResult[];
  /** How staffing was set (analysis/experiments/compare.ts `mode`); absent in results written before it was recorded. */
  mode?: string;
  /** Equal-service mode: what each scenario was sized to. */
  sizing?: ScenarioSizing[];
}

/** `supportsim sweep --out`: sweep.json. */
export type SweepResult = SweepDocument;

/** `supportsim staff --out`: results.json (the solution plus the shift plan per pool). */
export interface StaffResult extends StaffingSolution {
  scenario: string;
  /** The scenario file sized and the seed of its runs. */
  file?: string;
  seed: number;
  /** Currency code of the scenario's costs. */
  currency?: string;
  fteHours: number;
  shifts: { pool: string; plan: ShiftPlan }[];
}
