/**
 * The staffing solver's answer: per sized pool and interval of the week, the agents on the
 * floor the simulation needs beside the Erlang start, paid agents (floor / availability, kept
 * fractional), what was measured there, and per pool its hours and cost per week; and how the
 * answer fares against each target on the search's replications and on the check's fresh seeds.
 */
import type { SupportConfig } from "../../model/config.js";
import { DAY_MINUTES, HOUR_MINUTES, WEEK_MINUTES } from "../../time/units.js";
import { intervalLabel } from "../../time/weekClock.js";
import { clampEstimate, estimate, type Estimate } from "../confidence.js";
import type { Evaluation, SolveFrame, Stats } from "./evaluation.js";
import type { ProbeCounts } from "./probe.js";
import type { StaffingTargets } from "./targets.js";
import { targetFigures, type TargetFigures } from "./targetFigures.js";

/** One interval of the week of one pool in the answer. */
export interface IntervalRequirement {
  /** Interval of the week (0 = Monday 00:00 local). */
  index: number;
  day: number;
  /** Local minutes after midnight of its start. */
  minute: number;
  open: boolean;
  /** The Erlang start (null where the pool is closed). */
  erlang: number | null;
  /** Agents on the floor the simulation needs (0 where closed). */
  required: number;
  /** Paid agents: required / (1 − shrinkage − article time), fractional. */
  paid: number;
  /** Real-time work offered per week in this interval (mean over weeks and replications). */
  offeredPerWeek: number;
  serviceLevel: Estimate | null;
  /** The service level of the check on fresh seeds (Σ within / Σ offered; null: none offered). */
  serviceLevelFreshSeeds: number | null;
  abandonRate: number | null;
  occupancy: number | null;
}

export interface PoolRequirement {
  pool: string;
  tier: number;
  timeZone: string;
  /** 1 − shrinkage − article time: paid → floor. */
  availability: number;
  costPerHour: number;
  intervals: IntervalRequirement[];
  /** Floor and paid agent-hours per week, and the weekly cost of the paid hours. */
  floorHoursPerWeek: number;
  paidHoursPerWeek: number;
  costPerWeek: number;
  /** Same, for the Erlang start (what an analytic tool would have said). */
  erlangPaidHoursPerWeek: number;
  /** The response targets (hours, ascending, each once) of the deferred channels (e-mail, tickets) among the pool's skills: what its deferred work is answered within. */
  responseTargetHours: number[];
  /** Deferred work: offered per week and the share within its response target (null: none). */
  deferredPerWeek: number;
  deferredWithin: number | null;
  /** Real-time service level over the whole week. */
  serviceLevel: number | null;
  /** Agents kept idle for live work while deferred work waits, as sized (the scenario's, or the one `staff` applied: liveReserve.ts); 0: none. */
  reserveForLive: number;
  /** Against each target: on the search's replications (what it judged) and on the check's fresh seeds. */
  inSample: TargetFigures;
  freshSeeds: TargetFigures;
}

export interface StaffingSolution {
  targets: StaffingTargets;
  intervalMinutes: number;
  intervalsPerWeek: number;
  weeksMeasured: number;
  replications: number;
  pools: PoolRequirement[];
  /** Simulation runs of the search (each: every replication; what the run cap counts), the check's not among them (`check.runs`); and whether every target is met at the end. */
  evaluations: number;
  met: boolean;
  /** One line per target still missed (empty when met). */
  unmet: string[];
  /** Standard errors of margin each removal had to clear (margin.ts; 0: none). */
  removalMargin: number;
  /** false when the run cap stopped the search with removals still untried: the answer meets the targets but may not be the fewest. */
  complete: boolean;
  /** The check: the answer re-run (`runs` simulation runs: one) on `replications` replications of fresh seeds (seed: the solve's with "|check"). */
  check: { seed: string; replications: number; runs: number };
}

/** The staffing as last simulated: its replications' counts, their sums and its evaluation. */
export interface Measured {
  counts: ProbeCounts[];
  stats: Stats;
  ev: Evaluation;
}

/**
 * The answer for floor agents `x` (per sized pool and interval), `erlang` the Erlang start,
 * `last` the run of x (its counts give the measured figures), `check` its run on fresh seeds.
 */
export function solutionOf(
  f: SolveFrame, cfg: SupportConfig, x: readonly Int32Array[], erlang: readonly Int32Array[], last: Measured,
  check: { seed: string; stats: Stats; runs: number }, evaluations: number, complete: boolean,
): StaffingSolution {
  const { sized, open, T, layout, R } = f;
  const I = layout.intervalsPerWeek, L = layout.intervalLength;
  const { counts: finalCounts, stats, ev } = last;
  const unmet: string[] = [];
  const weeks = (cfg.horizon - cfg.warmup) / WEEK_MINUTES;
  const inSample = targetFigures(f, stats, x), freshSeeds = targetFigures(f, check.stats, x);
  const fresh = check.stats;
  const pools: PoolRequirement[] = sized.map((q, k) => {
    const p = cfg.pools[q];
    const article = cfg.kcs ? cfg.kcs.articleTime[p.tier] : 0;
    const availability = Math.max(1e-9, 1 - p.shrinkage - article);
    const costPerHour = p.vendor ? p.vendor.costPerHour : p.costPerHour;
    let floorH = 0, paidH = 0, erlangH = 0, off = 0, within = 0;
    const intervals: IntervalRequirement[] = [];
    for (let i = 0; i < I; i++) {
      const j = q * I + i, n = layout.occurrences[q * I + i] * R;
      const required = x[k][i];
      const paid = required / availability;
      floorH += (required * L) / HOUR_MINUTES;
      paidH += (paid * L) / HOUR_MINUTES;
      erlangH += (erlang[k][i] / availability) * L / HOUR_MINUTES;
      off += stats.offered[j];
      within += stats.within[j];
      const perRep = finalCounts.map((c) => (c.offered[j] > 0 ? c.within[j] / c.offered[j] : null));
      intervals.push({
        index: i, day: Math.floor((i * L) / DAY_MINUTES), minute: (i * L) % DAY_MINUTES, open: open[k][i] === 1,
        erlang: open[k][i] ? erlang[k][i] : null, required, paid,
        offeredPerWeek: n > 0 ? stats.offered[j] / n : 0,
        serviceLevel: stats.offered[j] > 0 ? clampEstimate(estimate(perRep), true) : null,
        serviceLevelFreshSeeds: fresh.offered[j] > 0 ? fresh.within[j] / fresh.offered[j] : null,
        abandonRate: stats.offered[j] > 0 ? stats.abandoned[j] / stats.offered[j] : null,
        occupancy: required > 0 && n > 0 ? ev.occupancy[k][i] : null,
      });
      if (ev.intervalFail[k][i]) unmet.push(`${p.name} ${intervalLabel(i, L)}: target missed with ${required} agents`);
    }
    for (let d = 0; d < 7; d++) if (ev.dayFail[k][d]) unmet.push(`${p.name} ${intervalLabel(d * (I / 7), L).slice(0, 3)}: occupancy over the day above ${T.maxOccupancy}`);
    if (ev.poolFail[k]) unmet.push(`${p.name}: deferred work within its response target ${(stats.deferredWithin[q] / stats.deferredOffered[q]).toFixed(3)} < ${T.response}`);
    return {
      pool: p.name, tier: p.tier, timeZone: p.timeZone, availability, costPerHour, intervals,
      floorHoursPerWeek: floorH, paidHoursPerWeek: paidH, costPerWeek: paidH * costPerHour, erlangPaidHoursPerWeek: erlangH,
      responseTargetHours: responseTargetHours(cfg, q),
      deferredPerWeek: stats.deferredOffered[q] / Math.max(1e-9, weeks * R),
      deferredWithin: stats.deferredOffered[q] > 0 ? stats.deferredWithin[q] / stats.deferredOffered[q] : null,
      serviceLevel: off > 0 ? within / off : null,
      reserveForLive: p.reserveForLive ?? 0,
      inSample: inSample[k], freshSeeds: freshSeeds[k],
    };
  });
  return {
    targets: T, intervalMinutes: L, intervalsPerWeek: I, weeksMeasured: weeks, replications: R,
    pools, evaluations, met: unmet.length === 0, unmet, removalMargin: f.margin, complete, check: { seed: check.seed, replications: R, runs: check.runs },
  };
}

/** The response targets (hours, ascending, each once) of the deferred channels pool `q` has a skill in (a skill is need × channel: index need · channels + channel). */
function responseTargetHours(cfg: SupportConfig, q: number): number[] {
  const C = cfg.channels.length;
  const hours = new Set<number>();
  for (const w of cfg.pools[q].skills) {
    const ch = cfg.channels[w % C];
    if (ch.kind === "deferred") hours.add((ch.responseTarget ?? DAY_MINUTES) / HOUR_MINUTES);
  }
  return [...hours].sort((a, b) => a - b);
}
