/**
 * Week by week over the run: what the average week (weekProfile.ts) hides when things change
 * over the horizon — a hiring freeze eroding the floor, a KCS ramp taking load off L2, a
 * seasonal peak. The measured window is cut into consecutive 7-day weeks from the end of the
 * warm-up (a last part-week shorter than 7 days is left out); per replication, for week w:
 *
 *   offered_w   = Σ offered in the week                       (contacts arriving)
 *   SL_w        = Σ answered within target / Σ offered         (ratio of sums)
 *   ASA_w       = Σ wait of the answered / Σ answered          (seconds)
 *   abandon_w   = Σ abandoned / Σ offered
 *   agents_w    = ∫ agents on the floor dt / (7 · 1440)        (mean over the week's clock time)
 *   occupancy_w = ∫ busy / ∫ on the floor
 *
 * and each is summarised over replications as a mean with its Student-t 95% interval.
 */
import { parseStartEpochMs } from "../model/coverage.js";
import { TimeZoneClock } from "../model/history.js";
import { IF, INTERVAL_FIELDS } from "../model/supportKpis.js";
import type { SupportConfig } from "../model/supportConfig.js";
import { clampEstimate, estimate } from "./confidence.js";
import type { ProfileInput } from "./weekProfile.js";

/** Per week: mean and 95% interval (null where undefined, e.g. nothing offered that week). */
export interface WeekBand {
  mean: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
}

export interface WeeklyTrend {
  /** Local start of each week (ISO, the scenario's clock). */
  weekStarts: string[];
  channels: { name: string; kind: "realtime" | "deferred"; offered: WeekBand; serviceLevel: WeekBand; asaSeconds: WeekBand; abandonRate: WeekBand }[];
  tiers: { name: string; agents: WeekBand; occupancy: WeekBand }[];
}

const WEEK = 7 * 1440;

/** The week-by-week trend of a run from its replications' per-interval arrays. */
export function weeklyTrend(cfg: SupportConfig, outputs: readonly ProfileInput[]): WeeklyTrend {
  const L = cfg.intervalLength, C = cfg.channels.length, T = cfg.tiers.length, F = INTERVAL_FIELDS.length;
  const weeks = Math.max(0, Math.floor((cfg.horizon - cfg.warmup) / WEEK));
  const first = Math.ceil(cfg.warmup / L);
  const perWeek = WEEK / L;
  const startMs = parseStartEpochMs(cfg.start, cfg.timeZone);
  const clock = new TimeZoneClock(cfg.timeZone);
  const weekStarts = Array.from({ length: weeks }, (_, w) => clock.formatIso(startMs + (cfg.warmup + w * WEEK) * 60_000));
  // per replication, per week: the sums
  const ch = outputs.map((o) => {
    const s = new Float64Array(weeks * C * 5);
    for (let w = 0; w < weeks; w++) {
      for (let i = first + w * perWeek; i < first + (w + 1) * perWeek; i++) {
        for (let c = 0; c < C; c++) {
          const at = (i * C + c) * F, to = (w * C + c) * 5;
          s[to] += o.byInterval[at + IF.offered];
          s[to + 1] += o.byInterval[at + IF.answered];
          s[to + 2] += o.byInterval[at + IF.withinTarget];
          s[to + 3] += o.byInterval[at + IF.abandoned];
          s[to + 4] += o.byInterval[at + IF.waitAnswered];
        }
      }
    }
    return s;
  });
  const tiers = outputs.map((o) => {
    const s = new Float64Array(weeks * T * 2);
    for (let w = 0; w < weeks; w++) {
      for (let i = first + w * perWeek; i < first + (w + 1) * perWeek; i++) {
        for (let t = 0; t < T; t++) {
          s[(w * T + t) * 2] += o.tierBusy[t][i] ?? 0;
          s[(w * T + t) * 2 + 1] += o.tierStaffed[t][i] ?? 0;
        }
      }
    }
    return s;
  });
  const band = (value: (rep: number, w: number) => number | null, fraction: boolean): WeekBand => {
    const out: WeekBand = { mean: [], low: [], high: [] };
    for (let w = 0; w < weeks; w++) {
      const e = clampEstimate(estimate(outputs.map((_, r) => value(r, w))), fraction);
      out.mean.push(round6(e.mean));
      out.low.push(e.ci95 ? round6(e.ci95[0]) : null);
      out.high.push(e.ci95 ? round6(e.ci95[1]) : null);
    }
    return out;
  };
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  return {
    weekStarts,
    channels: cfg.channels.map((c, k) => {
      const at = (r: number, w: number, f: number) => ch[r][(w * C + k) * 5 + f];
      return {
        name: c.name,
        kind: c.kind,
        offered: band((r, w) => at(r, w, 0), false),
        serviceLevel: band((r, w) => ratio(at(r, w, 2), at(r, w, 0)), true),
        asaSeconds: band((r, w) => { const x = ratio(at(r, w, 4), at(r, w, 1)); return x === null ? null : x * 60; }, false),
        abandonRate: band((r, w) => ratio(at(r, w, 3), at(r, w, 0)), true),
      };
    }),
    tiers: cfg.tiers.map((t, k) => ({
      name: t.name,
      agents: band((r, w) => tiers[r][(w * T + k) * 2 + 1] / WEEK, false),
      occupancy: band((r, w) => ratio(tiers[r][(w * T + k) * 2], tiers[r][(w * T + k) * 2 + 1]), true),
    })),
  };
}

/** Six significant digits (as the week profile). */
function round6(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? x : Number(x.toPrecision(6));
}
