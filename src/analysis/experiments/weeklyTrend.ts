/**
 * Week by week over the run: what the average week (weekProfile.ts) hides when things change
 * over the horizon — a hiring freeze eroding the floor, a KCS ramp taking load off L2, a
 * seasonal peak. The measured window is cut into consecutive 7-day weeks from the end of the
 * warm-up (a last part-week shorter than 7 days is left out); per replication, for week w:
 *
 *   offered_w   = Σ offered in the week                       (contacts arriving)
 *   SL_w        = Σ answered within target / Σ offered         (ratio of sums, over the replications too)
 *   ASA_w       = Σ wait of the answered / Σ answered          (seconds)
 *   abandon_w   = Σ abandoned / Σ offered
 *   agents_w    = ∫ agents on the floor dt / (7 · 1440)        (mean over the week's clock time)
 *   occupancy_w = ∫ busy / ∫ on the floor
 *
 * the counts and levels summarised over replications as a mean with its Student-t 95% interval,
 * the rates as ratios of sums over the replications with the ratio estimator's interval.
 */
import { parseStartEpochMs } from "../../time/iso.js";
import { TimeZoneClock } from "../../time/zone.js";
import { MINUTE_MS, WEEK_MINUTES as WEEK } from "../../time/units.js";
import type { SupportConfig } from "../../model/config.js";
import { Tally } from "../../engine/statistics.js";
import { clampEstimate, fromTally, RatioSumsTable, TallyTable, type Estimate } from "../confidence.js";
import { BUCKET_FIELDS, round6, sumByBucket, type Band, type ProfileInput } from "./weekProfile.js";

export interface WeeklyTrend {
  /** Local start of each week (ISO, the scenario's clock); each Band has one value per week. */
  weekStarts: string[];
  channels: { name: string; kind: "realtime" | "deferred"; offered: Band; serviceLevel: Band; asaSeconds: Band; abandonRate: Band }[];
  tiers: { name: string; agents: Band; occupancy: Band }[];
}

/** Rates per (week, channel): service level, ASA, abandon rate; per (week, tier): occupancy. */
const CH_RATES = 3;

/**
 * Folds replications, one at a time in replication order, into the week-by-week trend and the
 * drift (trendDrift): memory is per week, not per replication, but for the drift's few numbers
 * per replication and channel. Each replication's per-interval arrays are summed into its
 * weeks (sumByBucket, into buffers made once), then added to a running mean per (week, channel)
 * or (week, tier) (TallyTable) and a ratio of sums per rate (RatioSumsTable): the same
 * arithmetic, in the same order, as estimating each week from every replication's value.
 */
export class WeeklyTrendAccumulator {
  /** Whole measured weeks. */
  readonly weeks: number;
  private readonly weekOf: Int32Array;
  private readonly first: number;
  private readonly last: number;
  private readonly C: number;
  private readonly T: number;
  /** One replication's sums per week: (week × C + channel) × BUCKET_FIELDS.length + field; (week × T + tier) × 2 + (busy, on the floor). */
  private readonly ch: Float64Array;
  private readonly tierSums: Float64Array;
  /** Means over replications: per (week × C + channel) the offered, then per (week × T + tier) the agents on the floor. */
  private readonly means: TallyTable;
  /** Ratios of sums: per (week × C + channel) × CH_RATES + rate, then per (week × T + tier) the occupancy. */
  private readonly rates: RatioSumsTable;
  /** The drift's blocks of k weeks (trendDrift): k = 0 when there are too few weeks. */
  private readonly k: number;
  private readonly offeredDiff: Tally[];
  private readonly shareDiff: Tally[];
  /** Per channel, each replication's offered over the first k weeks (their mean is the drift's base). */
  private readonly offeredFirst: number[][];
  private replications = 0;

  constructor(private readonly cfg: SupportConfig) {
    const L = cfg.intervalLength, C = cfg.channels.length, T = cfg.tiers.length, B = BUCKET_FIELDS.length;
    const weeks = Math.max(0, Math.floor((cfg.horizon - cfg.warmup) / WEEK));
    const first = Math.ceil(cfg.warmup / L), perWeek = WEEK / L;
    this.weekOf = new Int32Array(Math.max(first + weeks * perWeek, 0)).fill(-1);
    for (let w = 0; w < weeks; w++) this.weekOf.fill(w, first + w * perWeek, first + (w + 1) * perWeek);
    this.weeks = weeks;
    this.first = first;
    this.last = first + weeks * perWeek;
    this.C = C;
    this.T = T;
    this.ch = new Float64Array(weeks * C * B);
    this.tierSums = new Float64Array(weeks * T * 2);
    this.means = new TallyTable(weeks * (C + T));
    this.rates = new RatioSumsTable(weeks * (C * CH_RATES + T));
    const k = Math.min(4, Math.floor(weeks / 3));
    this.k = k < 2 ? 0 : k;
    this.offeredDiff = cfg.channels.map(() => new Tally());
    this.shareDiff = cfg.channels.map(() => new Tally());
    this.offeredFirst = cfg.channels.map(() => []);
  }

  /** Add the next replication. */
  add(r: ProfileInput): void {
    const { C, T, weeks, ch, tierSums } = this, B = BUCKET_FIELDS.length;
    sumByBucket(r, this.weekOf, this.first, this.last, C, T, ch, tierSums);
    this.replications++;
    for (let w = 0; w < weeks; w++) {
      for (let c = 0; c < C; c++) {
        const at = (w * C + c) * B, cell = w * C + c;
        this.means.add(cell, ch[at]);
        this.rate(cell * CH_RATES, ch[at + 2], ch[at]);
        this.rate(cell * CH_RATES + 1, ch[at + 4] * 60, ch[at + 1]);
        this.rate(cell * CH_RATES + 2, ch[at + 3], ch[at]);
      }
      for (let t = 0; t < T; t++) {
        const busy = tierSums[(w * T + t) * 2], staffed = tierSums[(w * T + t) * 2 + 1];
        this.means.add(weeks * C + w * T + t, staffed / WEEK);
        this.rate(weeks * C * CH_RATES + w * T + t, busy, staffed);
      }
    }
    const k = this.k;
    if (k === 0) return;
    // a field of channel c summed over k weeks from week w0
    const block = (c: number, f: number, w0: number) => {
      let x = 0;
      for (let w = w0; w < w0 + k; w++) x += ch[(w * C + c) * B + f];
      return x;
    };
    for (let c = 0; c < C; c++) {
      const offA = block(c, 0, 0), offB = block(c, 0, weeks - k);
      this.offeredDiff[c].add(offB - offA);
      this.offeredFirst[c].push(offA);
      if (offA > 0 && offB > 0) this.shareDiff[c].add(block(c, 2, weeks - k) / offB - block(c, 2, 0) / offA);
    }
  }

  /** A rate's numerator and denominator in one replication (left out when either is not finite). */
  private rate(cell: number, y: number, x: number): void {
    if (Number.isFinite(y) && Number.isFinite(x)) this.rates.add(cell, y, x);
  }

  /** The week-by-week trend of the replications added so far. */
  trend(): WeeklyTrend {
    const { C, T, weeks, cfg } = this;
    const startMs = parseStartEpochMs(cfg.start, cfg.timeZone);
    const clock = new TimeZoneClock(cfg.timeZone);
    const weekStarts = Array.from({ length: weeks }, (_, w) => clock.formatIso(startMs + (cfg.warmup + w * WEEK) * MINUTE_MS));
    const band = (e: (w: number) => Estimate, fraction: boolean): Band => {
      const out: Band = { mean: [], low: [], high: [] };
      for (let w = 0; w < weeks; w++) {
        const x = clampEstimate(e(w), fraction);
        out.mean.push(round6(x.mean));
        out.low.push(x.ci95 ? round6(x.ci95[0]) : null);
        out.high.push(x.ci95 ? round6(x.ci95[1]) : null);
      }
      return out;
    };
    const rate = (w: number, c: number, m: number) => this.rates.estimate((w * C + c) * CH_RATES + m);
    return {
      weekStarts,
      channels: cfg.channels.map((c, k) => ({
        name: c.name,
        kind: c.kind,
        offered: band((w) => this.means.estimate(w * C + k), false),
        serviceLevel: band((w) => rate(w, k, 0), true),
        asaSeconds: band((w) => rate(w, k, 1), false),
        abandonRate: band((w) => rate(w, k, 2), true),
      })),
      tiers: cfg.tiers.map((t, k) => ({
        name: t.name,
        agents: band((w) => this.means.estimate(weeks * C + w * T + k), false),
        occupancy: band((w) => this.rates.estimate(weeks * C * CH_RATES + w * T + k), true),
      })),
    };
  }

  /** The drift warnings of the replications added so far (see trendDrift). */
  drift(): string[] {
    const k = this.k, n = this.replications;
    if (k === 0 || n < 2) return [];
    const out: string[] = [];
    const beyondNoise = (d: Tally) => { const e = fromTally(d); return e.ci95 !== null && (e.ci95[0] > 0 || e.ci95[1] < 0) ? e.mean! : null; };
    this.cfg.channels.forEach((chan, c) => {
      let offered0 = 0;
      for (const x of this.offeredFirst[c]) offered0 += x / n;
      const dv = beyondNoise(this.offeredDiff[c]);
      if (dv !== null && offered0 > 0 && Math.abs(dv) > DRIFT_VOLUME * offered0) {
        out.push(`channel ${chan.name}: offered ${dv > 0 ? "rises" : "falls"} ${Math.round((Math.abs(dv) / offered0) * 100)}% from the first ${k} measured weeks to the last ${k} (beyond noise): expected if the scenario changes something over time; if not, the warm-up may be too short`);
      }
      const ds = beyondNoise(this.shareDiff[c]);
      if (ds !== null && Math.abs(ds) > DRIFT_SHARE) {
        const what = chan.kind === "realtime" ? "service level" : "share answered within the response target";
        out.push(`channel ${chan.name}: ${what} ${ds > 0 ? "rises" : "falls"} ${Math.round(Math.abs(ds) * 100)} points from the first ${k} measured weeks to the last ${k} (beyond noise): expected if the scenario changes something over time; if not, the warm-up may be too short`);
      }
    });
    return out;
  }
}

/** A change between the first and the last measured weeks that `run` warns about: volume by more than this share, … */
export const DRIFT_VOLUME = 0.1;
/** … a share (service level, within target) by more than this many points. */
export const DRIFT_SHARE = 0.03;

/**
 * Drift over the run (what `run` warns about): per channel, the offered volume and the service
 * level (or share within the response target) of the first k measured weeks against the last k
 * (k = min(4, ⌊weeks/3⌋), at least 2), paired replication by replication; a warning when the
 * difference is beyond noise (its paired 95% interval excludes 0) and material (volume by more
 * than DRIFT_VOLUME, the share by more than DRIFT_SHARE). With constant inputs a run should show
 * none; one can mean the warm-up is too short, or that the scenario changes something over time.
 */
export function trendDrift(cfg: SupportConfig, outputs: readonly ProfileInput[]): string[] {
  const acc = new WeeklyTrendAccumulator(cfg);
  for (const o of outputs) acc.add(o);
  return acc.drift();
}
