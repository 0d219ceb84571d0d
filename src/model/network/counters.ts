/**
 * Key performance indicators: what is counted during a run (raw sums, streaming) and
 * how the reported metrics are defined from those sums. The definitions here are the
 * ones the README documents; every report uses them.
 *
 * Counting rule: a contact counts if it arrived in the observation window
 * [warm-up, horizon end); it is followed to completion even after the window ends.
 * Time-based sums (busy agent time, staffed agent time, queue length) are integrals
 * over the window itself.
 */
import { TimeWeighted } from "../../engine/statistics.js";

/** Raw sums for one tier (or the total) over one replication, or one interval of it. */
export interface RawCounts {
  offered: number;
  answered: number;
  abandoned: number;
  /** Offered contacts that found no idle agent and had to wait. */
  delayed: number;
  answeredWithinThreshold: number;
  /** Sum of waits (minutes) of answered contacts. */
  waitAnswered: number;
  /** Sum of waits (minutes) of all offered contacts; an abandoned one waits until it leaves. */
  waitAll: number;
  /** Agent-minutes spent handling contacts, within the window. */
  busyTime: number;
  /** Agent-minutes staffed, within the window. */
  staffedTime: number;
  /** Integral of the number waiting (contact-minutes), within the window. */
  queueTime: number;
  /** Length of the window (minutes). */
  windowTime: number;
}

export const RAW_FIELDS = [
  "offered", "answered", "abandoned", "delayed", "answeredWithinThreshold", "waitAnswered",
  "waitAll", "busyTime", "staffedTime", "queueTime", "windowTime",
] as const satisfies readonly (keyof RawCounts)[];

export function emptyRaw(): RawCounts {
  return { offered: 0, answered: 0, abandoned: 0, delayed: 0, answeredWithinThreshold: 0, waitAnswered: 0, waitAll: 0, busyTime: 0, staffedTime: 0, queueTime: 0, windowTime: 0 };
}

/** Sum of raw counts (tiers into a total); the window length is shared, not added. */
export function addRaw(into: RawCounts, x: RawCounts): void {
  for (const f of RAW_FIELDS) if (f !== "windowTime") into[f] += x[f];
  into.windowTime = Math.max(into.windowTime, x.windowTime);
}

/** The reported metrics, in report order (their labels, units and bounds: src/kpi/catalogue.ts QUEUE_KPIS). */
export const METRICS = [
  "offered", "answered", "abandoned", "abandonRate", "serviceLevel",
  "asaSeconds", "meanWaitSeconds", "occupancy", "probWait", "meanQueueLength",
] as const;
export type MetricName = (typeof METRICS)[number];

/** A metric's value in one replication; null where undefined (e.g. ASA with nothing answered). */
export type Metrics = Record<MetricName, number | null>;

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** The metric definitions. */
export function metricsFrom(r: RawCounts): Metrics {
  const asa = ratio(r.waitAnswered, r.answered);
  const meanWait = ratio(r.waitAll, r.offered);
  return {
    offered: r.offered,
    answered: r.answered,
    abandoned: r.abandoned,
    abandonRate: ratio(r.abandoned, r.offered),
    serviceLevel: ratio(r.answeredWithinThreshold, r.offered),
    asaSeconds: asa === null ? null : asa * 60,
    meanWaitSeconds: meanWait === null ? null : meanWait * 60,
    occupancy: ratio(r.busyTime, r.staffedTime),
    probWait: ratio(r.delayed, r.offered),
    meanQueueLength: ratio(r.queueTime, r.windowTime),
  };
}

/**
 * Each metric as its numerator and denominator (a count's denominator is 1): what replications
 * are combined by, as ratios of sums (analysis/confidence.ts RatioSums); metricsFrom's values are
 * their quotients.
 */
export function metricParts(r: RawCounts): Record<MetricName, [number, number]> {
  return {
    offered: [r.offered, 1],
    answered: [r.answered, 1],
    abandoned: [r.abandoned, 1],
    abandonRate: [r.abandoned, r.offered],
    serviceLevel: [r.answeredWithinThreshold, r.offered],
    asaSeconds: [r.waitAnswered * 60, r.answered],
    meanWaitSeconds: [r.waitAll * 60, r.offered],
    occupancy: [r.busyTime, r.staffedTime],
    probWait: [r.delayed, r.offered],
    meanQueueLength: [r.queueTime, r.windowTime],
  };
}

/**
 * Streaming counters for one tier during one replication: totals and the same sums
 * per interval (interval i covers [i·len, (i+1)·len) of the clock).
 */
export class TierCounters {
  readonly total: RawCounts = emptyRaw();
  readonly offered: Float64Array;
  readonly answered: Float64Array;
  readonly abandoned: Float64Array;
  readonly delayed: Float64Array;
  readonly answeredWithinThreshold: Float64Array;
  readonly waitAnswered: Float64Array;
  readonly waitAll: Float64Array;
  readonly queue: TimeWeighted;
  readonly busy: TimeWeighted;
  readonly staffed: TimeWeighted;

  constructor(
    readonly windowStart: number,
    readonly windowEnd: number,
    readonly intervalLength: number,
    private readonly threshold: number,
  ) {
    const n = Math.ceil(windowEnd / intervalLength);
    this.offered = new Float64Array(n);
    this.answered = new Float64Array(n);
    this.abandoned = new Float64Array(n);
    this.delayed = new Float64Array(n);
    this.answeredWithinThreshold = new Float64Array(n);
    this.waitAnswered = new Float64Array(n);
    this.waitAll = new Float64Array(n);
    this.queue = new TimeWeighted(windowStart, windowEnd, intervalLength);
    this.busy = new TimeWeighted(windowStart, windowEnd, intervalLength);
    this.staffed = new TimeWeighted(windowStart, windowEnd, intervalLength);
  }

  get intervals(): number {
    return this.offered.length;
  }

  countOffered(interval: number): void {
    this.total.offered++;
    this.offered[interval]++;
  }

  countDelayed(interval: number): void {
    this.total.delayed++;
    this.delayed[interval]++;
  }

  countAnswered(interval: number, wait: number): void {
    const t = this.total;
    t.answered++;
    t.waitAnswered += wait;
    t.waitAll += wait;
    this.answered[interval]++;
    this.waitAnswered[interval] += wait;
    this.waitAll[interval] += wait;
    if (wait <= this.threshold) {
      t.answeredWithinThreshold++;
      this.answeredWithinThreshold[interval]++;
    }
  }

  countAbandoned(interval: number, wait: number): void {
    this.total.abandoned++;
    this.total.waitAll += wait;
    this.abandoned[interval]++;
    this.waitAll[interval] += wait;
  }

  /** Close the time integrals at the end of the run and fill the totals. */
  finish(): void {
    this.queue.close();
    this.busy.close();
    this.staffed.close();
    this.total.queueTime = this.queue.total;
    this.total.busyTime = this.busy.total;
    this.total.staffedTime = this.staffed.total;
    this.total.windowTime = this.windowEnd - this.windowStart;
  }

  /** Raw counts of interval i (time integrals within the window part of it). */
  interval(i: number): RawCounts {
    const len = this.intervalLength;
    const a = Math.max(i * len, this.windowStart), b = Math.min((i + 1) * len, this.windowEnd);
    return {
      offered: this.offered[i],
      answered: this.answered[i],
      abandoned: this.abandoned[i],
      delayed: this.delayed[i],
      answeredWithinThreshold: this.answeredWithinThreshold[i],
      waitAnswered: this.waitAnswered[i],
      waitAll: this.waitAll[i],
      busyTime: this.busy.bins[i],
      staffedTime: this.staffed.bins[i],
      queueTime: this.queue.bins[i],
      windowTime: Math.max(0, b - a),
    };
  }
}
