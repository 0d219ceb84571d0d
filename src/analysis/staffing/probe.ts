/**
 * What the staffing solver measures in a replication, per pool and interval of the week.
 *
 * The solver sizes pools by the *weekly interval* (Monday 00:00–00:30 … Sunday 23:30–24:00 in
 * the pool's own time zone): one requirement per interval of a typical week, met on average
 * over every week of the run after the warm-up. The probe is a network trace sink: each
 * counted tier visit is booked to the pools that could have served it (same tier, the work
 * among their skills), at the interval of the week in which it *joined the tier's line*:
 *   - real-time work: offered, answered within the threshold, abandoned (the service level is
 *     answered within the threshold / offered, abandoners are misses, as everywhere else);
 *   - deferred work (tickets, e-mail, escalations): offered and answered within the channel's
 *     response target (one figure per pool: a ticket's wait spans intervals, so it is not an
 *     interval's property);
 *   - busy time: the serving pool's handle time, spread over the intervals it covers and
 *     divided by the pool's concurrency (agent-minutes busy), for occupancy;
 *   - handle time: the real-time contacts the pool itself answered and their handle minutes,
 *     for its AHT. (Not `answered`: where pools share work, that counts the contacts the
 *     other pools answered too.)
 * Counts are kept per replication (for intervals across replications) in flat Float64Arrays
 * indexed [pool][interval of the week].
 */
import type { NetworkOutcome, NetworkTraceSink } from "../../model/network/networkConfig.js";
import { parseStartEpochMs } from "../../time/iso.js";
import { TimeZoneClock } from "../../time/zone.js";
import { DAY_MINUTES, MINUTE_MS, WEEK_MINUTES } from "../../time/units.js";
import type { SupportConfig } from "../../model/config.js";
import { simulateSupport } from "../../model/simulation.js";
import { DRAIN_MINUTES } from "../../model/simulation/poolStaffing.js";
import { RandomStreams } from "../../engine/random.js";

/** Per-replication counts, each indexed pool × intervalsPerWeek + interval of the week. */
export interface ProbeCounts {
  offered: Float64Array;
  within: Float64Array;
  abandoned: Float64Array;
  answered: Float64Array;
  /** Agent-minutes busy (handle time / concurrency) of the pool, in the interval the work was done. */
  busy: Float64Array;
  /** Handle minutes of the real-time contacts the pool answered, by the interval they joined (for AHT). */
  handle: Float64Array;
  /** Real-time contacts the pool itself answered, by the interval they joined: `handle`'s count. */
  handled: Float64Array;
  /** Deferred work per pool (not per interval): offered and answered within its response target. */
  deferredOffered: Float64Array;
  deferredWithin: Float64Array;
  /** Deferred work's agent-minutes busy per pool × interval (part of `busy`). */
  deferredBusy: Float64Array;
}

/** The static part of the probe: which pools could serve which visit, and the weekly interval of each model-time interval per pool. */
export class ProbeLayout {
  readonly pools: number;
  readonly intervalsPerWeek: number;
  readonly intervalLength: number;
  /** Per pool × model interval (t / L, up to the horizon plus the model's drain time): the pool's interval of the week. */
  private readonly weekIndex: Int16Array[];
  private readonly modelIntervals: number;
  /** Work types (need types × channels). */
  readonly W: number;
  /** Eligible pools per tier × work type. */
  readonly eligible: Int32Array[];
  /** Per pool: concurrency. */
  readonly concurrency: Float64Array;
  /** Response target (minutes) of deferred work per channel. */
  readonly responseTarget: Float64Array;
  /** Times each interval of the week occurs (per pool: its time zone) within [warm-up, horizon). */
  readonly occurrences: Float64Array;
  readonly channels: number;
  /** Real-time service-level threshold, minutes. */
  readonly threshold: number;

  constructor(cfg: SupportConfig, thresholdMinutes: number) {
    const L = cfg.intervalLength;
    if (!(WEEK_MINUTES % L === 0)) throw new RangeError(`staffing: the interval length (${L} min) must divide a week`);
    this.intervalLength = L;
    this.intervalsPerWeek = WEEK_MINUTES / L;
    this.pools = cfg.pools.length;
    this.channels = cfg.channels.length;
    this.threshold = thresholdMinutes;
    const startMs = parseStartEpochMs(cfg.start, cfg.timeZone);
    this.modelIntervals = Math.ceil((cfg.horizon + DRAIN_MINUTES) / L);
    const perDay = DAY_MINUTES / L;
    this.occurrences = new Float64Array(this.pools * this.intervalsPerWeek);
    const firstCounted = Math.ceil(cfg.warmup / L), endCounted = Math.floor(cfg.horizon / L);
    this.weekIndex = cfg.pools.map((p, q) => {
      const clock = new TimeZoneClock(p.timeZone);
      const idx = new Int16Array(this.modelIntervals);
      for (let k = 0; k < this.modelIntervals; k++) {
        const lt = clock.local(startMs + k * L * MINUTE_MS);
        const i = lt.dayOfWeek * perDay + Math.min(perDay - 1, Math.floor(lt.minuteOfDay / L));
        idx[k] = i;
        if (k >= firstCounted && k < endCounted) this.occurrences[q * this.intervalsPerWeek + i]++;
      }
      return idx;
    });
    const W = cfg.needTypes.length * cfg.channels.length;
    this.eligible = [];
    for (let t = 0; t < cfg.tiers.length; t++) {
      for (let w = 0; w < W; w++) {
        const list: number[] = [];
        cfg.pools.forEach((p, q) => { if (p.tier === t && p.skills.includes(w)) list.push(q); });
        this.eligible.push(Int32Array.from(list));
      }
    }
    this.concurrency = Float64Array.from(cfg.pools.map((p) => p.concurrency));
    this.responseTarget = Float64Array.from(cfg.channels.map((c) => c.responseTarget ?? DAY_MINUTES));
    this.W = W;
  }

  /** Pool q's interval of the week at model time t. */
  weekIntervalOf(q: number, t: number): number {
    let k = Math.floor(t / this.intervalLength);
    if (k < 0) k = 0;
    if (k >= this.modelIntervals) k = this.modelIntervals - 1;
    return this.weekIndex[q][k];
  }

  newCounts(): ProbeCounts {
    const n = this.pools * this.intervalsPerWeek;
    return {
      offered: new Float64Array(n), within: new Float64Array(n), abandoned: new Float64Array(n), answered: new Float64Array(n),
      busy: new Float64Array(n), handle: new Float64Array(n), handled: new Float64Array(n),
      deferredOffered: new Float64Array(this.pools), deferredWithin: new Float64Array(this.pools), deferredBusy: new Float64Array(n),
    };
  }
}

/** A trace sink that books every counted tier visit into `counts` (see the module comment). */
export function staffingProbe(layout: ProbeLayout, counts: ProbeCounts): NetworkTraceSink {
  const I = layout.intervalsPerWeek, L = layout.intervalLength, C = layout.channels;
  /** Spread `minutes` of work from `from` over pool q's intervals, into `into` (and `also` when given). */
  const spread = (q: number, from: number, to: number, into: Float64Array, also: Float64Array | null, scale: number) => {
    let t = from;
    while (t < to) {
      const end = Math.min(to, (Math.floor(t / L) + 1) * L);
      const i = q * I + layout.weekIntervalOf(q, t);
      into[i] += (end - t) * scale;
      if (also !== null) also[i] += (end - t) * scale;
      t = end;
    }
  };
  return {
    visit(_arrival: number, tier: number, workType: number, _class: number, wait: number, outcome: NetworkOutcome, pool: number, _agent: number, leave: number, joined: number, realtime: boolean, workStart: number) {
      const served = pool >= 0;
      const channel = workType % C;
      const pools = layout.eligible[tier * layout.W + workType];
      if (realtime) {
        for (let k = 0; k < pools.length; k++) {
          const q = pools[k];
          const i = q * I + layout.weekIntervalOf(q, joined);
          counts.offered[i]++;
          if (outcome === "abandoned" && !served) counts.abandoned[i]++;
          else if (served) {
            counts.answered[i]++;
            if (wait <= layout.threshold) counts.within[i]++;
          }
        }
      } else {
        for (let k = 0; k < pools.length; k++) {
          const q = pools[k];
          counts.deferredOffered[q]++;
          if (served && wait <= layout.responseTarget[channel]) counts.deferredWithin[q]++;
        }
      }
      if (served) {
        // its last spell of work (the earlier ones, handed back at a shift's end, came by `handedBack`)
        const scale = 1 / layout.concurrency[pool];
        spread(pool, workStart, leave, counts.busy, realtime ? null : counts.deferredBusy, scale);
        if (realtime) {
          const i = pool * I + layout.weekIntervalOf(pool, joined);
          counts.handle[i] += leave - workStart;
          counts.handled[i]++;
        }
      }
    },
    handedBack(pool: number, start: number, end: number) {
      spread(pool, start, end, counts.busy, counts.deferredBusy, 1 / layout.concurrency[pool]);
    },
  };
}

/** Replication `rep` of `cfg` (streams seeded by (seed, rep)), measured by the probe: the same counts on any thread. */
export function probeReplication(cfg: SupportConfig, layout: ProbeLayout, seed: number | string, rep: number): ProbeCounts {
  const counts = layout.newCounts();
  simulateSupport(cfg, new RandomStreams(seed, rep), staffingProbe(layout, counts));
  return counts;
}

/** Run every replication of `cfg` with a probe, one after another. */
export function probeReplications(cfg: SupportConfig, layout: ProbeLayout, seed: number | string, replications: number): ProbeCounts[] {
  return Array.from({ length: replications }, (_, rep) => probeReplication(cfg, layout, seed, rep));
}
