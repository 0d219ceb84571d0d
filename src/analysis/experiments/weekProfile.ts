/**
 * The average week of a run: every reporting interval of the measured window mapped to its
 * interval of the week on the scenario's local clock (Monday 00:00 first), pooled over the
 * weeks within each replication, then summarised over replications (mean and Student-t 95%
 * interval). This is what the intraday charts draw: a planner reads "Monday 09:00" as one
 * number with its uncertainty, not 5 Mondays.
 *
 * For interval-of-week j with n_j occurrences in the window, sums over its occurrences and over
 * the replications:
 *
 *   offered_j   = Σ offered / n_j                      (per week, a mean over replications; answered, abandoned alike)
 *   SL_j        = Σ answered within target / Σ offered  (ratio of sums over weeks and replications, not a mean of ratios)
 *   ASA_j       = Σ wait of answered / Σ answered       (seconds, ratio of sums)
 *   queue_j     = ∫ waiting contacts dt / (n_j · L)     (time-average over the interval)
 *   agents_j    = ∫ agents on the floor dt / (n_j · L),  occupancy_j = Σ busy / Σ on the floor (ratio of sums)
 *
 * each with its 95% interval over replications (a ratio of sums with the ratio estimator's
 * interval, analysis/confidence.ts RatioSums). The counts are those of contacts *arriving* in the
 * interval (where they are booked, as for the service level); the queue and agents are integrals
 * over the interval itself, the queue counting every waiting contact, whenever it arrived.
 * Daylight-saving shifts map each interval by its local start time, so an hour can be met 0 or 2
 * times on a switch day.
 */
import { parseStartEpochMs } from "../../time/iso.js";
import { TimeZoneClock } from "../../time/zone.js";
import { DAY_MINUTES, MINUTE_MS, WEEK_MINUTES } from "../../time/units.js";
import { IF, INTERVAL_FIELDS } from "../../model/counters.js";
import type { SupportConfig } from "../../model/config.js";
import { clampEstimate, RatioSumsTable } from "../confidence.js";

/** A per-interval series over replications: mean and 95% interval per interval (null: undefined there). */
export interface Band {
  mean: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
}

/** The average week (see the header). */
export interface WeekProfile {
  intervalMinutes: number;
  /** Intervals per week (10080 / intervalMinutes). */
  intervals: number;
  /** Measured weeks pooled into each interval on average (fractional when the window is not whole weeks). */
  weeks: number;
  channels: {
    name: string;
    kind: "realtime" | "deferred";
    /** Contacts arriving in the interval, per week. */
    offered: Band;
    /** Of those, answered, per week. */
    answered: Band;
    /** Of those, abandoned, per week. */
    abandoned: Band;
    /** Share answered within the threshold (real-time) or the response target (deferred). */
    serviceLevel: Band;
    /** Mean wait of the answered contacts that arrived in the interval, seconds. */
    asaSeconds: Band;
    /** Time-average number of contacts waiting at the entry tier during the interval. */
    queueLength: Band;
  }[];
  tiers: { name: string; agents: Band; occupancy: Band }[];
}

/** What the profile needs of one replication (a subset of supportRun's ReplicationOutput). */
export interface ProfileInput {
  /** (interval × C + channel) × INTERVAL_FIELDS.length + field. */
  byInterval: Float64Array;
  /** Per channel, ∫ contacts waiting at the entry tier per interval (minutes). */
  backlog: Float64Array[];
  /** Per tier, ∫ busy agents and ∫ agents on the floor per interval (agent-minutes). */
  tierBusy: Float64Array[];
  tierStaffed: Float64Array[];
}

const CH_METRICS = ["offered", "answered", "abandoned", "serviceLevel", "asaSeconds", "queueLength"] as const;
const TIER_METRICS = ["agents", "occupancy"] as const;
const FRACTION = new Set(["serviceLevel", "occupancy"]);

/** Fields of `sumByBucket`'s channel sums, per bucket and channel. */
export const BUCKET_FIELDS = ["offered", "answered", "withinTarget", "abandoned", "waitAnswered", "queue"] as const;

/**
 * One replication's per-interval arrays summed into buckets of intervals (intervals of the week,
 * whole weeks, ...): interval i in [first, last) goes to bucket `bucketOf[i]` (skipped if < 0).
 * `ch` gets, per (bucket × C + channel), the BUCKET_FIELDS at the entry tier (counts by arrival
 * interval, minutes of wait, ∫ contacts waiting); `tiers` gets, per (bucket × T + tier), ∫ busy and
 * ∫ on the floor (agent-minutes). Both are zeroed first; nothing is allocated.
 */
export function sumByBucket(r: ProfileInput, bucketOf: Int32Array, first: number, last: number, C: number, T: number, ch: Float64Array, tiers: Float64Array): void {
  const F = INTERVAL_FIELDS.length, B = BUCKET_FIELDS.length, b = r.byInterval;
  ch.fill(0);
  tiers.fill(0);
  for (let i = first; i < last; i++) {
    const j = bucketOf[i];
    if (j < 0) continue;
    for (let c = 0; c < C; c++) {
      const at = (i * C + c) * F, to = (j * C + c) * B;
      ch[to] += b[at + IF.offered];
      ch[to + 1] += b[at + IF.answered];
      ch[to + 2] += b[at + IF.withinTarget];
      ch[to + 3] += b[at + IF.abandoned];
      ch[to + 4] += b[at + IF.waitAnswered];
      ch[to + 5] += r.backlog[c][i] ?? 0;
    }
    for (let t = 0; t < T; t++) {
      tiers[(j * T + t) * 2] += r.tierBusy[t][i] ?? 0;
      tiers[(j * T + t) * 2 + 1] += r.tierStaffed[t][i] ?? 0;
    }
  }
}

/** Accumulates replications into a WeekProfile; memory is per interval of the week, not per replication. */
export class WeekProfileAccumulator {
  readonly intervalsPerWeek: number;
  /** Interval of the week of each measured model interval (−1: not measured). */
  private readonly slot: Int32Array;
  private readonly occurrences: Float64Array;
  private readonly first: number;
  private readonly last: number;
  private readonly C: number;
  private readonly T: number;
  /** Ratio sums per (slot, series, metric) (confidence.ts RatioSumsTable): series = channels then tiers, 6 metrics each (tiers use 2). */
  private readonly sums: RatioSumsTable;
  /** Per-replication sums per (slot, channel, field): offered, answered, within, abandoned, waitAnswered, queue. */
  private readonly chSum: Float64Array;
  /** Per-replication sums per (slot, tier): busy, staffed. */
  private readonly tierSum: Float64Array;

  constructor(private readonly cfg: SupportConfig) {
    const L = cfg.intervalLength;
    if (!Number.isInteger(DAY_MINUTES / L)) throw new RangeError(`week profile: the interval (${L} min) must divide a day`);
    this.intervalsPerWeek = WEEK_MINUTES / L;
    const nIntervals = Math.ceil(cfg.horizon / L);
    this.first = Math.ceil(cfg.warmup / L);
    this.last = Math.floor(cfg.horizon / L); // whole intervals only
    this.slot = new Int32Array(nIntervals).fill(-1);
    this.occurrences = new Float64Array(this.intervalsPerWeek);
    const startMs = parseStartEpochMs(cfg.start, cfg.timeZone);
    const clock = new TimeZoneClock(cfg.timeZone);
    const perDay = DAY_MINUTES / L;
    for (let i = this.first; i < this.last; i++) {
      const lt = clock.local(startMs + i * L * MINUTE_MS);
      const j = lt.dayOfWeek * perDay + Math.min(perDay - 1, Math.floor(lt.minuteOfDay / L));
      this.slot[i] = j;
      this.occurrences[j]++;
    }
    this.C = cfg.channels.length;
    this.T = cfg.tiers.length;
    this.sums = new RatioSumsTable(this.intervalsPerWeek * (this.C + this.T) * CH_METRICS.length);
    this.chSum = new Float64Array(this.intervalsPerWeek * this.C * BUCKET_FIELDS.length);
    this.tierSum = new Float64Array(this.intervalsPerWeek * this.T * 2);
  }

  /** Add one replication. */
  add(r: ProfileInput): void {
    const { C, T } = this, W = this.intervalsPerWeek;
    const cs = this.chSum, ts = this.tierSum;
    sumByBucket(r, this.slot, this.first, this.last, C, T, cs, ts);
    const L = this.cfg.intervalLength;
    for (let j = 0; j < W; j++) {
      const n = this.occurrences[j];
      if (n === 0) continue;
      for (let c = 0; c < C; c++) {
        const to = (j * C + c) * BUCKET_FIELDS.length;
        const off = cs[to], ans = cs[to + 1];
        this.push(j, c, 0, off / n);
        this.push(j, c, 1, ans / n);
        this.push(j, c, 2, cs[to + 3] / n);
        this.push(j, c, 3, cs[to + 2], off);
        this.push(j, c, 4, cs[to + 4] * 60, ans);
        this.push(j, c, 5, cs[to + 5] / (n * L));
      }
      for (let t = 0; t < T; t++) {
        const busy = ts[(j * T + t) * 2], staffed = ts[(j * T + t) * 2 + 1];
        this.push(j, C + t, 0, staffed / (n * L));
        this.push(j, C + t, 1, busy, staffed);
      }
    }
  }

  /** One replication's value y (a plain mean: x = 1) or a rate's numerator y and denominator x. */
  private push(slot: number, series: number, metric: number, y: number, x = 1): void {
    if (!Number.isFinite(y) || !Number.isFinite(x)) return;
    this.sums.add((slot * (this.C + this.T) + series) * CH_METRICS.length + metric, y, x);
  }

  private band(series: number, metric: number, fraction: boolean): Band {
    const W = this.intervalsPerWeek, out: Band = { mean: new Array(W), low: new Array(W), high: new Array(W) };
    for (let j = 0; j < W; j++) {
      const e = clampEstimate(this.sums.estimate((j * (this.C + this.T) + series) * CH_METRICS.length + metric), fraction);
      if (e.mean === null) {
        out.mean[j] = out.low[j] = out.high[j] = null;
        continue;
      }
      out.mean[j] = round6(e.mean);
      out.low[j] = e.ci95 ? round6(e.ci95[0]) : null;
      out.high[j] = e.ci95 ? round6(e.ci95[1]) : null;
    }
    return out;
  }

  result(): WeekProfile {
    let occ = 0, slots = 0;
    for (const o of this.occurrences) if (o > 0) { occ += o; slots++; }
    return {
      intervalMinutes: this.cfg.intervalLength,
      intervals: this.intervalsPerWeek,
      weeks: slots > 0 ? round6(occ / this.intervalsPerWeek)! : 0,
      channels: this.cfg.channels.map((ch, c) => {
        const b = (m: (typeof CH_METRICS)[number]) => this.band(c, CH_METRICS.indexOf(m), FRACTION.has(m));
        return { name: ch.name, kind: ch.kind, offered: b("offered"), answered: b("answered"), abandoned: b("abandoned"), serviceLevel: b("serviceLevel"), asaSeconds: b("asaSeconds"), queueLength: b("queueLength") };
      }),
      tiers: this.cfg.tiers.map((tier, t) => ({
        name: tier.name,
        agents: this.band(this.C + t, TIER_METRICS.indexOf("agents"), false),
        occupancy: this.band(this.C + t, TIER_METRICS.indexOf("occupancy"), true),
      })),
    };
  }
}

/** Six significant digits: enough for any chart, and a third of the JSON. */
export function round6(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? x : Number(x.toPrecision(6));
}
