/**
 * Running a scenario through the library: its replications (on `threads` threads; the results
 * do not depend on the count), every KPI as a mean with its 95% interval, the average week and
 * the week-by-week trend.
 */
import type { NetworkTraceSink } from "../model/network/networkConfig.js";
import { runScenarioParallel, intervalRows, nestedResultJson, type RunOutput, type RunReport } from "../analysis/experiments/run.js";
import type { Estimate } from "../analysis/confidence.js";
import type { MetricName } from "../model/network/counters.js";
import { chooseWarmup, WARMUP_PILOTS } from "../analysis/experiments/warmup.js";
import { parseUserMetrics, runWithUserMetrics } from "../analysis/experiments/userMetrics.js";
import { runSettings } from "../scenario/full/runSettings.js";
import { numberProblem, runSettingsProblems, throwIfAny, type RunSettingsOptions } from "./options.js";
import { withWarmupDays, type Scenario } from "./scenario.js";

/** The result of `simulate`: what `supportsim run --json` prints (`resultJson` nests it), and two parts it leaves out. */
export type RunResult = RunReport & {
  /** How `warmup: "auto"` chose the warm-up (when it did). */
  warmupChoice?: string;
  /**
   * For a single queue (one channel, tier and pool, no customers: the simple form's shape), its
   * queueing metrics as an Erlang model defines them (P(wait), the time-average queue counting
   * every waiting contact, …) by tier, each with its 95% interval.
   */
  queue?: Record<string, Record<MetricName, Estimate>>;
  /** Per reporting interval (from the end of the warm-up) and series, each KPI with its 95% interval (only with `intervals: true`). */
  intervals?: IntervalRow[];
};

export interface IntervalRow {
  interval: number;
  /** Local start time of the interval (ISO 8601 with offset). */
  start: string;
  /** A channel, a tier, or "needs". */
  series: string;
  metrics: Record<string, Estimate>;
}

export interface SimulateOptions extends RunSettingsOptions {
  /** Also the per-interval KPIs (`RunResult.intervals`). */
  intervals?: boolean;
  /** A trace sink for replication k (runs on one thread). */
  trace?: (replication: number) => NetworkTraceSink | null;
  /** Called as replications finish. */
  onProgress?: (done: number, total: number) => void;
  /**
   * The warm-up instead of the scenario's: whole days, or "auto" for MSER's truncation point on
   * daily batch means of pilot replications (analysis/experiments/warmup.ts).
   */
  warmup?: number | "auto";
  /**
   * User-defined metrics, "name = formula" over the KPI catalogue's names
   * ("costPerResolved = cost.total / funnel.resolved"): evaluated in every replication, reported
   * as `metric.<name>` (analysis/experiments/userMetrics.ts).
   */
  metrics?: readonly string[];
}

/** Run a loaded scenario's replications. */
export async function simulate(loaded: Scenario, options: SimulateOptions = {}): Promise<RunResult> {
  throwIfAny([
    ...runSettingsProblems(options),
    options.warmup === undefined || options.warmup === "auto" ? undefined : numberProblem("warmup", options.warmup, (x) => Number.isInteger(x) && x >= 0, `"auto" or a whole number of days >= 0`),
  ]);
  const metrics = parseUserMetrics(options.metrics ?? []);
  let scenario = loaded, warmupChoice: string | undefined;
  if (options.warmup !== undefined) {
    const seed = options.seed ?? runSettings(loaded.definition).seed;
    const reps = options.replications ?? runSettings(loaded.definition).replications;
    const choice = options.warmup === "auto" ? chooseWarmup(loaded.config, seed, Math.min(WARMUP_PILOTS, reps)) : { days: options.warmup, by: "" };
    scenario = withWarmupDays(loaded, choice.days);
    if (options.warmup === "auto") warmupChoice = `${choice.days} day${choice.days === 1 ? "" : "s"}, by MSER on daily batch means of ${Math.min(WARMUP_PILOTS, reps)} pilot replications${choice.by ? ` (set by ${choice.by})` : " (every series flat)"}`;
  }
  const out = await runScenarioParallel(scenario.definition, {
    config: scenario.config,
    threads: options.threads ?? 1,
    baseDir: scenario.baseDir,
    file: scenario.file,
    seed: options.seed,
    replications: options.replications,
    trace: options.trace,
    onReplication: options.onProgress,
  });
  const run = runWithUserMetrics(out.run, metrics);
  const result = runResultOf({ ...out, run, result: { ...out.result, estimates: run.estimates } }, options.intervals === true);
  return warmupChoice === undefined ? result : { ...result, warmupChoice };
}

/** The library's result of a run made by analysis/experiments/run.ts (with its per-interval rows when asked). */
export function runResultOf(out: RunOutput, intervals = false): RunResult {
  const q = out.run.queue;
  const queue = q === undefined ? undefined : Object.fromEntries(out.config.tiers.map((t, i) => [t.name, q[i]]));
  return { ...out.result, ...(queue === undefined ? {} : { queue }), ...(intervals ? { intervals: intervalRows(out) } : {}) };
}

/** The JSON form of a result (`run --json`, results.json): its KPIs nested by their dotted names. */
export function resultJson(r: RunResult): Record<string, unknown> {
  const { intervals: _intervals, queue: _queue, ...rest } = r;
  return nestedResultJson(rest);
}
