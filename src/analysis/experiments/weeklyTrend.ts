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
import { clampEstimate, estimate, ratioEstimate } from "../confidence.js";
import { BUCKET_FIELDS, round6, sumByBucket, type Band, type ProfileInput } from "./weekProfile.js";

export interface WeeklyTrend {
  /** Local start of each week (ISO, the scenario's clock); each Band has one value per week. */
  weekStarts: string[];
  channels: { name: string; kind: "realtime" | "deferred"; offered: Band; serviceLevel: Band; asaSeconds: Band; abandonRate: Band }[];
  tiers: { name: string; agents: Band; occupancy: Band }[];
}


/** Per replication, the week-by-week sums (sumByBucket's fields) of the measured window's whole weeks: what the trend and the drift are read from. */
export interface WeeklySums {
  weeks: number;
  /** Per replication: (week × C + channel) × BUCKET_FIELDS.length + field. */
  ch: Float64Array[];
  /** Per replication: (week × T + tier) × 2 + (busy, on the floor). */
  tiers: Float64Array[];
}

/** Each replication's sums per measured week (interval i of week w goes to bucket w). */
export function weeklySums(cfg: SupportConfig, outputs: readonly ProfileInput[]): WeeklySums {
  const L = cfg.intervalLength, C = cfg.channels.length, T = cfg.tiers.length, B = BUCKET_FIELDS.length;
  const weeks = Math.max(0, Math.floor((cfg.horizon - cfg.warmup) / WEEK));
  const first = Math.ceil(cfg.warmup / L), perWeek = WEEK / L;
  const weekOf = new Int32Array(Math.max(first + weeks * perWeek, 0)).fill(-1);
  for (let w = 0; w < weeks; w++) weekOf.fill(w, first + w * perWeek, first + (w + 1) * perWeek);
  const ch = outputs.map(() => new Float64Array(weeks * C * B));
  const tiers = outputs.map(() => new Float64Array(weeks * T * 2));
  outputs.forEach((o, r) => sumByBucket(o, weekOf, first, first + weeks * perWeek, C, T, ch[r], tiers[r]));
  return { weeks, ch, tiers };
}

/** The week-by-week trend of a run from its replications' per-interval arrays (or their weekly sums, when already made). */
export function weeklyTrend(cfg: SupportConfig, outputs: readonly ProfileInput[], sums: WeeklySums = weeklySums(cfg, outputs)): WeeklyTrend {
  const C = cfg.channels.length, T = cfg.tiers.length, B = BUCKET_FIELDS.length;
  const { weeks, ch, tiers } = sums;
  const startMs = parseStartEpochMs(cfg.start, cfg.timeZone);
  const clock = new TimeZoneClock(cfg.timeZone);
  const weekStarts = Array.from({ length: weeks }, (_, w) => clock.formatIso(startMs + (cfg.warmup + w * WEEK) * MINUTE_MS));
  const band = (value: (rep: number, w: number) => number | null, fraction: boolean): Band => {
    const out: Band = { mean: [], low: [], high: [] };
    for (let w = 0; w < weeks; w++) {
      const e = clampEstimate(estimate(outputs.map((_, r) => value(r, w))), fraction);
      out.mean.push(round6(e.mean));
      out.low.push(e.ci95 ? round6(e.ci95[0]) : null);
      out.high.push(e.ci95 ? round6(e.ci95[1]) : null);
    }
    return out;
  };
  // a rate: the ratio of its sums over the replications (with the ratio estimator's interval)
  const rateBand = (num: (rep: number, w: number) => number, den: (rep: number, w: number) => number, fraction: boolean): Band => {
    const out: Band = { mean: [], low: [], high: [] };
    for (let w = 0; w < weeks; w++) {
      const e = clampEstimate(ratioEstimate(outputs.map((_, r) => [num(r, w), den(r, w)] as const)), fraction);
      out.mean.push(round6(e.mean));
      out.low.push(e.ci95 ? round6(e.ci95[0]) : null);
      out.high.push(e.ci95 ? round6(e.ci95[1]) : null);
    }
    return out;
  };
  return {
    weekStarts,
    channels: cfg.channels.map((c, k) => {
      const at = (r: number, w: number, f: number) => ch[r][(w * C + k) * B + f];
      return {
        name: c.name,
        kind: c.kind,
        offered: band((r, w) => at(r, w, 0), false),
        serviceLevel: rateBand((r, w) => at(r, w, 2), (r, w) => at(r, w, 0), true),
        asaSeconds: rateBand((r, w) => at(r, w, 4) * 60, (r, w) => at(r, w, 1), false),
        abandonRate: rateBand((r, w) => at(r, w, 3), (r, w) => at(r, w, 0), true),
      };
    }),
    tiers: cfg.tiers.map((t, k) => ({
      name: t.name,
      agents: band((r, w) => tiers[r][(w * T + k) * 2 + 1] / WEEK, false),
      occupancy: rateBand((r, w) => tiers[r][(w * T + k) * 2], (r, w) => tiers[r][(w * T + k) * 2 + 1], true),
    })),
  };
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
export function trendDrift(cfg: SupportConfig, outputs: readonly ProfileInput[], sums: WeeklySums = weeklySums(cfg, outputs)): string[] {
  const C = cfg.channels.length, B = BUCKET_FIELDS.length, { weeks, ch } = sums;
  const k = Math.min(4, Math.floor(weeks / 3));
  if (k < 2 || outputs.length < 2) return [];
  // a field of channel c summed over k weeks from week w0, in replication r
  const block = (r: number, c: number, f: number, w0: number) => {
    let x = 0;
    for (let w = w0; w < w0 + k; w++) x += ch[r][(w * C + c) * B + f];
    return x;
  };
  const diffs = cfg.channels.map(() => ({ offered: [] as number[], share: [] as number[], offered0: 0 }));
  for (let r = 0; r < outputs.length; r++) {
    for (let c = 0; c < C; c++) {
      const offA = block(r, c, 0, 0), offB = block(r, c, 0, weeks - k);
      diffs[c].offered.push(offB - offA);
      diffs[c].offered0 += offA / outputs.length;
      if (offA > 0 && offB > 0) diffs[c].share.push(block(r, c, 2, weeks - k) / offB - block(r, c, 2, 0) / offA);
    }
  }
  const out: string[] = [];
  const beyondNoise = (d: number[]) => { const e = estimate(d); return e.ci95 !== null && (e.ci95[0] > 0 || e.ci95[1] < 0) ? e.mean! : null; };
  cfg.channels.forEach((chan, c) => {
    const dv = beyondNoise(diffs[c].offered);
    if (dv !== null && diffs[c].offered0 > 0 && Math.abs(dv) > DRIFT_VOLUME * diffs[c].offered0) {
      out.push(`channel ${chan.name}: offered ${dv > 0 ? "rises" : "falls"} ${Math.round((Math.abs(dv) / diffs[c].offered0) * 100)}% from the first ${k} measured weeks to the last ${k} (beyond noise): expected if the scenario changes something over time; if not, the warm-up may be too short`);
    }
    const ds = beyondNoise(diffs[c].share);
    if (ds !== null && Math.abs(ds) > DRIFT_SHARE) {
      const what = chan.kind === "realtime" ? "service level" : "share answered within the response target";
      out.push(`channel ${chan.name}: ${what} ${ds > 0 ? "rises" : "falls"} ${Math.round(Math.abs(ds) * 100)} points from the first ${k} measured weeks to the last ${k} (beyond noise): expected if the scenario changes something over time; if not, the warm-up may be too short`);
    }
  });
  return out;
}
