/**
 * Running a scenario: build the model, run the replications, and shape the result
 * object that `supportsim run --json` prints.
 */
import type { TraceSink } from "../model/contactCenter.js";
import { METRICS } from "../model/network/counters.js";
import { buildModel, runSettings } from "../scenario/simple/build.js";
import type { RunSettings } from "../scenario/full/runSettings.js";
import type { Scenario } from "../scenario/simple/schema.js";
import { analyticCheck, type AnalyticCheck } from "./experiments/analyticCheck.js";
import type { Estimate } from "./confidence.js";
import { meanOf, runReplications, type MetricEstimates, type ReplicationRun } from "./replications.js";

/** The result object (`run --json`): the run's settings, then its estimates. */
export interface RunResult extends Omit<RunSettings, "name"> {
  scenario: string;
  tiers: Record<string, MetricEstimates>;
  total: MetricEstimates;
  /** Exact steady-state values, when the scenario has an exact solution (else absent). */
  analytic?: AnalyticCheck;
  engine: { eventsPerReplication: number; arrivalsPerReplication: number };
}

export interface RunOutput {
  settings: RunSettings;
  result: RunResult;
  run: ReplicationRun;
}

export interface RunOptions {
  seed?: number;
  replications?: number;
  trace?: (replication: number) => TraceSink | null;
  onReplication?: (done: number, total: number) => void;
}

export function runScenario(s: Scenario, opts: RunOptions = {}): RunOutput {
  const settings = runSettings(s, { seed: opts.seed, replications: opts.replications });
  const model = buildModel(s);
  const run = runReplications(model, { seed: settings.seed, replications: settings.replications, trace: opts.trace, onReplication: opts.onReplication });
  const analytic = analyticCheck(model);
  const { name, ...rest } = settings;
  const result: RunResult = {
    scenario: name,
    ...rest,
    tiers: run.tiers,
    total: run.total,
    ...(analytic ? { analytic } : {}),
    engine: {
      eventsPerReplication: meanOf(run.replications.map((r) => r.events)),
      arrivalsPerReplication: meanOf(run.replications.map((r) => r.arrivals)),
    },
  };
  return { settings, result, run };
}

/** One row per reporting interval (from the end of warm-up) and series (tiers, then "total"). */
export interface IntervalRow {
  interval: number;
  startHour: number;
  series: string;
  metrics: Record<string, Estimate>;
}

export function intervalRows(out: RunOutput): IntervalRow[] {
  const { run, settings } = out;
  const names = [...run.tierNames, "total"];
  const rows: IntervalRow[] = [];
  for (let i = run.firstInterval; i < run.intervals.intervals; i++) {
    names.forEach((series, s) => {
      const metrics: Record<string, Estimate> = {};
      METRICS.forEach((m, k) => { metrics[m] = run.intervals.get(i, s, k); });
      rows.push({ interval: i, startHour: (i * settings.intervalMinutes) / 60, series, metrics });
    });
  }
  return rows;
}
