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


/** The week-by-week trend of a run from its replications' per-interval arrays. */
export function weeklyTrend(cfg: SupportConfig, outputs: readonly ProfileInput[]): WeeklyTrend {
  const L = cfg.intervalLength, C = cfg.channels.length, T = cfg.tiers.length;
  const weeks = Math.max(0, Math.floor((cfg.horizon - cfg.warmup) / WEEK));
  const first = Math.ceil(cfg.warmup / L);
  const perWeek = WEEK / L;
  const startMs = parseStartEpochMs(cfg.start, cfg.timeZone);
  const clock = new TimeZoneClock(cfg.timeZone);
  const weekStarts = Array.from({ length: weeks }, (_, w) => clock.formatIso(startMs + (cfg.warmup + w * WEEK) * MINUTE_MS));
  // per replication, per week: the sums (interval i of week w goes to bucket w)
  const weekOf = new Int32Array(Math.max(first + weeks * perWeek, 0)).fill(-1);
  for (let w = 0; w < weeks; w++) weekOf.fill(w, first + w * perWeek, first + (w + 1) * perWeek);
  const B = BUCKET_FIELDS.length;
  const ch = outputs.map(() => new Float64Array(weeks * C * B));
  const tiers = outputs.map(() => new Float64Array(weeks * T * 2));
  outputs.forEach((o, r) => sumByBucket(o, weekOf, first, first + weeks * perWeek, C, T, ch[r], tiers[r]));
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
