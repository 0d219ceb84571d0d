/**
 * Running a full-form scenario (the support-demand model): its replications (kpi/values.ts
 * runs one and names its numbers), on this thread or on several (lanes.ts), combined into every
 * number as a mean with a Student-t 95% interval and the per-interval series. Replication k uses
 * streams seeded by (seed, k); results are combined in replication order, so the output is
 * identical whatever the order or the threads the replications ran on.
 */
import type { NetworkTraceSink } from "../../model/network/networkConfig.js";
import { IF, INTERVAL_FIELDS } from "../../model/counters.js";
import type { SupportConfig } from "../../model/config.js";
import { clampEstimate, estimate, ratioEstimate, RatioSums, type Estimate } from "../confidence.js";
import { SeriesAccumulator } from "./seriesAccumulator.js";
import { WeekProfileAccumulator, type WeekProfile } from "./weekProfile.js";
import { WeeklyTrendAccumulator, type WeeklyTrend } from "./weeklyTrend.js";
import { Lanes } from "../parallel/lanes.js";
import { simulateReplication, type RatioParts, type ReplicationOutput, type Values } from "../../kpi/values.js";
import { findKpi, isShareKpi, isShareSeries, isSignedKpi, QUEUE_KPIS } from "../../kpi/catalogue.js";
import { METRICS, metricParts, type MetricName } from "../../model/network/counters.js";

/** Per-interval series: per channel (entry tier) and the needs per interval. */
export const SERIES_METRICS = ["offered", "serviceLevel", "meanWaitSeconds", "abandonRate", "needs", "occupancy", "agents"] as const;

export interface RunStatistics {
  replications: Values[];
  /** Per replication, the rates' numerators and denominators (kpi/values.ts RatioParts). */
  ratioParts: RatioParts[];
  estimates: Record<string, Estimate>;
  /** Per interval, metrics SERIES_METRICS of the series `seriesNames`: one per channel, then one per tier, then "needs". */
  intervals: SeriesAccumulator;
  seriesNames: string[];
  firstInterval: number;
  /** The average week, interval by interval (weekProfile.ts). */
  profile: WeekProfile;
  /** Week by week over the measured window (weeklyTrend.ts). */
  trend: WeeklyTrend;
  /** Changes between the first and the last measured weeks beyond noise (weeklyTrend.ts trendDrift), one line each. */
  drift: string[];
  eventsPerReplication: number;
  customersBytes: number;
  /** Per tier, the queueing metrics of every visit (kpi/values.ts queueMetrics), each a mean with its 95% interval; for a single queue only. */
  queue?: Record<MetricName, Estimate>[];
}

export interface ReplicationOptions {
  seed: number | string;
  replications: number;
  trace?: (replication: number) => NetworkTraceSink | null;
  onReplication?: (done: number, total: number) => void;
}


/**
 * Folds replication outputs, one at a time in replication order, into a run's statistics: the
 * per-interval series (SeriesAccumulator), the average week (WeekProfileAccumulator) and the
 * weekly trend (WeeklyTrendAccumulator) as running sums, so that a replication's per-interval
 * arrays can go as soon as it is added; only its KPI values and their rates' parts are kept (a
 * comparison pairs them replication by replication). Memory does not grow with the
 * replications but for those few numbers each.
 */
export class ReplicationCombiner {
  private readonly nIntervals: number;
  private readonly firstInterval: number;
  private readonly series: string[];
  private readonly acc: SeriesAccumulator;
  private readonly profile: WeekProfileAccumulator;
  private readonly weekly: WeeklyTrendAccumulator;
  private readonly reps: Values[] = [];
  private readonly ratioParts: RatioParts[] = [];
  /** Per tier and queueing metric, its ratio of sums over the replications (a single queue only). */
  private queue: Record<MetricName, RatioSums>[] | null = null;
  private events = 0;
  private bytes = 0;

  constructor(private readonly cfg: SupportConfig) {
    this.nIntervals = Math.ceil(cfg.horizon / cfg.intervalLength);
    this.firstInterval = Math.floor(cfg.warmup / cfg.intervalLength);
    this.series = [...cfg.channels.map((c) => c.name), ...cfg.tiers.map((t) => t.name), "needs"];
    const C = cfg.channels.length, T = cfg.tiers.length;
    // channels: offered, SL, wait, abandon; tiers: occupancy, agents; "needs": needs
    const used = (s: number, m: number) => (s < C ? m <= 3 : s < C + T ? m === 5 || m === 6 : m === 4);
    this.acc = new SeriesAccumulator(this.nIntervals, this.series.length, SERIES_METRICS, isShareSeries, used);
    this.profile = new WeekProfileAccumulator(cfg);
    this.weekly = new WeeklyTrendAccumulator(cfg);
  }

  /** Add the next replication (replication order: the sums are the same whatever thread ran it). */
  add(r: ReplicationOutput): void {
    const { cfg, acc } = this;
    const C = cfg.channels.length, T = cfg.tiers.length, F = INTERVAL_FIELDS.length;
    this.profile.add(r);
    this.weekly.add(r);
    this.events += r.events;
    this.bytes = Math.max(this.bytes, r.customersBytes);
    const b = r.byInterval;
    for (let i = this.firstInterval; i < this.nIntervals; i++) {
      for (let c = 0; c < C; c++) {
        const at = (i * C + c) * F;
        const offered = b[at + IF.offered], answered = b[at + IF.answered];
        // rates as ratios of sums over replications (an interval holds few contacts)
        acc.add(i, c, 0, offered);
        acc.addRatio(i, c, 1, b[at + IF.withinTarget], offered); // real-time: service level; deferred: within the response target
        acc.addRatio(i, c, 2, b[at + IF.waitAll] * 60, answered + b[at + IF.abandoned]);
        acc.addRatio(i, c, 3, b[at + IF.abandoned], offered);
      }
      for (let t = 0; t < T; t++) {
        acc.addRatio(i, C + t, 5, r.tierBusy[t][i], r.tierStaffed[t][i]);
        acc.add(i, C + t, 6, r.tierStaffed[t][i] / cfg.intervalLength); // mean agents on the floor
      }
      acc.add(i, C + T, 4, r.needsByInterval[i]);
    }
    if (this.reps.length === 0 && r.queue !== null) this.queue = cfg.tiers.map(() => Object.fromEntries(METRICS.map((m) => [m, new RatioSums()])) as Record<MetricName, RatioSums>);
    // as ratios of sums over the replications, like every rate (the Erlang model's queue length is the time average ∫ waiting / window)
    this.queue?.forEach((q, t) => {
      const parts = metricParts(r.queue![t]);
      for (const m of METRICS) {
        const p = parts[m];
        if (Number.isFinite(p[0]) && Number.isFinite(p[1])) q[m].add(p[0], p[1]);
      }
    });
    this.reps.push(r.values);
    this.ratioParts.push(r.ratios);
  }

  /** The statistics of the replications added so far (at least one). */
  result(): RunStatistics {
    const { reps, ratioParts } = this;
    if (reps.length === 0) throw new RangeError("no replications to combine");
    const estimates: Record<string, Estimate> = {};
    for (const key of Object.keys(reps[0])) {
      // a rate is a ratio of sums over the replications; every other number a mean
      const e = key in ratioParts[0] ? ratioEstimate(ratioParts.map((p) => p[key] ?? null)) : estimate(reps.map((v) => v[key] ?? null));
      estimates[key] = clampEstimate(e, isShareKpi(key), isSignedKpi(key));
    }
    const queue = this.queue?.map((q) => {
      const out = {} as Record<MetricName, Estimate>;
      for (const m of METRICS) out[m] = clampEstimate(q[m].estimate(), QUEUE_KPIS[m].bounds === "share");
      return out;
    });
    return {
      replications: reps, ratioParts, estimates, intervals: this.acc, seriesNames: this.series, firstInterval: this.firstInterval,
      profile: this.profile.result(), trend: this.weekly.trend(), drift: this.weekly.drift(),
      eventsPerReplication: this.events / reps.length, customersBytes: this.bytes, queue,
    };
  }
}

/** Combine replication outputs, in replication order, into estimates and per-interval series (ReplicationCombiner). */
export function combineReplications(cfg: SupportConfig, outputs: readonly ReplicationOutput[]): RunStatistics {
  const c = new ReplicationCombiner(cfg);
  for (const o of outputs) c.add(o);
  return c.result();
}

function checkReplications(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`replications must be an integer >= 1, got ${n}`);
}

/** The replications one after another on this thread. */
export function runReplications(cfg: SupportConfig, opts: ReplicationOptions): RunStatistics {
  checkReplications(opts.replications);
  const combined = new ReplicationCombiner(cfg);
  for (let rep = 0; rep < opts.replications; rep++) {
    combined.add(simulateReplication(cfg, opts.seed, rep, opts.trace ? opts.trace(rep) : null));
    opts.onReplication?.(rep + 1, opts.replications);
  }
  return combined.result();
}

/**
 * The replications on `threads` threads (this one and worker threads, see runManyParallel): each replication is the same
 * function of (configuration, seed, index) as on one thread, and the outputs are combined in
 * replication order, so the results are byte-identical whatever the thread count. With one
 * thread, or a trace (a file written as contacts leave), it runs on this thread.
 */
export async function runReplicationsParallel(cfg: SupportConfig, opts: ReplicationOptions & { threads: number; startWorkers?: "now" | "whenWorthIt" }): Promise<RunStatistics> {
  checkReplications(opts.replications);
  if (Math.min(opts.threads, opts.replications) <= 1 || opts.trace) return runReplications(cfg, opts);
  const [run] = await runManyParallel([cfg], opts);
  return run;
}

/**
 * Several configurations (a comparison's scenarios, a sweep's points), each with the same seed
 * and replications, on `threads` threads (lanes.ts: this one and threads − 1 workers, every one
 * taking the next (configuration, replication) task as it frees up). Each configuration's
 * outputs are combined in replication order: the same results as running each alone, on any
 * number of threads. `onReplication(done, total)` counts tasks over all configurations.
 * `lanes`: a pool to use (and keep) instead of one made for this call. The workers start when
 * the work left is worth their cold start (lanes.ts), or at once with startWorkers "now".
 */
export async function runManyParallel(
  cfgs: readonly SupportConfig[],
  opts: { seed: number | string; replications: number; threads: number; lanes?: Lanes; startWorkers?: "now" | "whenWorthIt"; onReplication?: (done: number, total: number) => void },
): Promise<RunStatistics[]> {
  checkReplications(opts.replications);
  const R = opts.replications, total = cfgs.length * R;
  const lanes = opts.lanes ?? new Lanes(Math.max(1, Math.min(opts.threads, total)), opts.startWorkers);
  try {
    // each output folded as it comes, in task order: configuration ⌊k / R⌋, replication k % R
    const combined = cfgs.map((cfg) => new ReplicationCombiner(cfg));
    await lanes.each({ kind: "replication", cfgs, seed: opts.seed, replications: R }, total, (k, out) => combined[Math.floor(k / R)].add(out), opts.onReplication);
    return combined.map((c) => c.result());
  } finally {
    if (!opts.lanes) await lanes.destroy();
  }
}

/**
 * Nest dotted keys: {"a.b.c": x} → {a: {b: {c: x}}}. A catalogued KPI's element (a channel, tier,
 * pool, segment, need type, month or cost category) is kept whole, dots and all: "tier.L1.5.occupancy"
 * → {tier: {"L1.5": {occupancy: x}}} (kpi/catalogue.ts findKpi reads the metric from the end).
 */
export function nest<T>(flat: Record<string, T>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const k = findKpi(key);
    const parts = k === undefined ? key.split(".") : [...k.family.split("."), ...(k.element !== undefined ? [k.element] : []), ...(k.element !== undefined && k.family.endsWith(`.${k.metric}`) ? [] : [k.metric])];
    let o = out;
    for (let i = 0; i < parts.length - 1; i++) o = (o[parts[i]] ??= {}) as Record<string, unknown>;
    o[parts[parts.length - 1]] = value;
  }
  return out;
}
