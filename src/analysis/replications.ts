/**
 * Independent replications of a model and their summary: every metric as a mean over
 * replications with a Student-t 95% interval, per tier and in total, overall and per
 * reporting interval. Replication k draws from streams seeded by (seed, k), so any
 * replication can be rerun alone and results do not depend on the order they run in;
 * they are always combined in replication order, so the output is byte-identical.
 */
import { RandomStreams } from "../engine/random.js";
import { Tally } from "../engine/statistics.js";
import { simulateReplication, type ModelConfig, type ReplicationResult, type TraceSink } from "../model/contactCenter.js";
import { METRICS, addRaw, emptyRaw, metricsFrom, type MetricName, type Metrics, type RawCounts } from "../model/network/counters.js";
import { QUEUE_KPIS } from "../kpi/catalogue.js";
import { clampEstimate, estimate, fromMoments, type Estimate } from "./confidence.js";

export type MetricEstimates = Record<MetricName, Estimate>;

/** Per-replication values of every metric, per tier and in total. */
export interface ReplicationSummary {
  tiers: Metrics[];
  total: Metrics;
  events: number;
  arrivals: number;
  leftInSystem: number;
}

/** Summarise one replication's counters into metrics. */
export function summariseReplication(r: ReplicationResult): ReplicationSummary {
  const total = emptyRaw();
  const tiers = r.tiers.map((c) => {
    addRaw(total, c.total);
    return metricsFrom(c.total);
  });
  return { tiers, total: metricsFrom(total), events: r.events, arrivals: r.arrivals, leftInSystem: r.leftInSystem };
}

/**
 * Per-interval values across replications, per (interval, series, metric), kept as running
 * means/variances (Welford) in typed arrays: memory does not grow with the number of
 * replications. A null or non-finite value (a metric undefined in that interval) is skipped.
 */
export class SeriesAccumulator {
  private readonly n: Float64Array;
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;
  constructor(
    readonly intervals: number,
    readonly series: number,
    readonly metrics: readonly string[],
    /** Whether a metric is a share in [0, 1] (its interval is clipped to it). */
    private readonly isFraction: (metric: string) => boolean,
  ) {
    const size = intervals * series * metrics.length;
    this.n = new Float64Array(size);
    this.mean = new Float64Array(size);
    this.m2 = new Float64Array(size);
  }
  add(interval: number, series: number, metric: number, v: number | null): void {
    if (v === null || !Number.isFinite(v)) return;
    const i = (interval * this.series + series) * this.metrics.length + metric;
    const n = ++this.n[i];
    const d = v - this.mean[i];
    this.mean[i] += d / n;
    this.m2[i] += d * (v - this.mean[i]);
  }
  get(interval: number, series: number, metric: number): Estimate {
    const i = (interval * this.series + series) * this.metrics.length + metric;
    const n = this.n[i];
    const sd = n > 1 ? Math.sqrt(this.m2[i] / (n - 1)) : NaN;
    return clampEstimate(fromMoments(n, this.mean[i], sd), this.isFraction(this.metrics[metric]));
  }
}

/** The single-queue model's per-interval metrics (METRICS, in order) per series. */
export class IntervalAccumulator extends SeriesAccumulator {
  constructor(intervals: number, series: number) {
    super(intervals, series, METRICS, (m) => QUEUE_KPIS[m as MetricName].bounds === "share");
  }
  addMetrics(interval: number, series: number, m: Metrics): void {
    for (let k = 0; k < METRICS.length; k++) this.add(interval, series, k, m[METRICS[k]]);
  }
}

export interface ReplicationRun {
  /** Per-replication summaries, in replication order. */
  replications: ReplicationSummary[];
  /** Tier names, in scenario order. */
  tierNames: string[];
  tiers: Record<string, MetricEstimates>;
  total: MetricEstimates;
  /** Per interval (tiers in order, then the total as the last series). */
  intervals: IntervalAccumulator;
  /** Index of the first interval that overlaps the observation window. */
  firstInterval: number;
}

export interface ReplicationOptions {
  seed: number | string;
  replications: number;
  /** A trace sink for replication k, or null for none. */
  trace?: (replication: number) => TraceSink | null;
  /** Called after each replication (for progress). */
  onReplication?: (done: number, total: number) => void;
}

export function estimates(values: readonly Metrics[]): MetricEstimates {
  const out = {} as MetricEstimates;
  for (const m of METRICS) out[m] = clampEstimate(estimate(values.map((v) => v[m])), QUEUE_KPIS[m].bounds === "share");
  return out;
}

export function runReplications(config: ModelConfig, opts: ReplicationOptions): ReplicationRun {
  if (!Number.isInteger(opts.replications) || opts.replications < 1) throw new RangeError(`replications must be an integer >= 1, got ${opts.replications}`);
  const tierNames = config.tiers.map((t) => t.name);
  const nIntervals = Math.ceil(config.horizon / config.intervalLength);
  const firstInterval = Math.floor(config.warmup / config.intervalLength);
  const acc = new IntervalAccumulator(nIntervals, tierNames.length + 1);
  const summaries: ReplicationSummary[] = [];
  for (let k = 0; k < opts.replications; k++) {
    const streams = new RandomStreams(opts.seed, k);
    const r = simulateReplication(config, streams, opts.trace ? opts.trace(k) : null);
    summaries.push(summariseReplication(r));
    for (let i = firstInterval; i < nIntervals; i++) {
      const total: RawCounts = emptyRaw();
      r.tiers.forEach((c, t) => {
        const raw = c.interval(i);
        addRaw(total, raw);
        acc.addMetrics(i, t, metricsFrom(raw));
      });
      acc.addMetrics(i, tierNames.length, metricsFrom(total));
    }
    opts.onReplication?.(k + 1, opts.replications);
  }
  const tiers: Record<string, MetricEstimates> = {};
  tierNames.forEach((name, t) => {
    tiers[name] = estimates(summaries.map((s) => s.tiers[t]));
  });
  return { replications: summaries, tierNames, tiers, total: estimates(summaries.map((s) => s.total)), intervals: acc, firstInterval };
}

/** Mean of a per-replication number (e.g. events). */
export function meanOf(xs: readonly number[]): number {
  const t = new Tally();
  for (const x of xs) t.add(x);
  return t.mean;
}
