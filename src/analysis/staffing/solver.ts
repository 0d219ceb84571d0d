/**
 * The staffing solver: the fewest agents on the floor per pool and interval of the week that
 * meet the service targets *in simulation*, starting from the Erlang answer.
 *
 * Targets (all must hold):
 *   - real-time work (calls, chats, warm transfers): per pool and interval of the week, the
 *     service level (answered within the threshold / offered) ≥ `serviceLevel`, and, when
 *     given, abandoned / offered ≤ `maxAbandon`;
 *   - every interval: occupancy (busy agent-minutes / floor agent-minutes) ≤ `maxOccupancy`
 *     when given;
 *   - deferred work (e-mail, tickets, escalations), per pool: answered within the channel's
 *     response target / offered ≥ `response`. A ticket's wait spans intervals, so this one
 *     is the pool's, not an interval's.
 * Measured over every week after the warm-up and every replication (staffingProbe.ts), the
 * replications using the same seeds in every evaluation (common random numbers), so a
 * change of staffing is judged on the same customers, needs and handle times.
 *
 * Search, over whole agents on the floor x[q][i] for the pools being sized (the others keep
 * their schedules). A pool is sized in the intervals its scenario schedule has someone on the
 * floor ("open"; at least 1 there, so its hours, and the channel hours they make, stay), and 0
 * elsewhere.
 *   1. Measure: one run with the scenario's own staffing gives each interval's offered work.
 *   2. Start: Erlang per interval — Erlang A with the channel's mean patience, Erlang X when
 *      the channel redials (fresh rate = offered − redial share × abandoned), Erlang C
 *      without patience, on the measured handle time; a chat pool of concurrency k is k
 *      servers per agent; deferred work adds its workload (busy agents, ÷ maxOccupancy).
 *   3. Up: while any target is missed, add an agent to every interval that misses (more when
 *      far off); a pool missing its deferred target gets one more agent in its busiest quarter
 *      of intervals.
 *   4. Down: remove one agent from every open interval of one parity (every other interval
 *      of the week, so no two neighbours change together) that is not yet known to be
 *      minimal; keep each removal whose interval (and pool) still meets its targets; put back
 *      and mark minimal the others (a pool missing its deferred target: all of its removals
 *      back, the busier half marked minimal). Alternate parities until every interval is
 *      minimal; any knock-on miss is repaired by step 3 and its interval marked minimal.
 *      Then a second sweep with the marks cleared (a removal refused beside others may pass
 *      on its own).
 * In simulation (shrinkage 0, no workforce dynamics, no KCS article time) the table is the
 * floor; paid agents are floor / (1 − shrinkage − article time at the end of the run), kept
 * fractional: rounding each pool and interval up before adding overstates headcount.
 */
import { staffErlangA, staffErlangC, staffErlangX } from "../../analytic/staffing.js";
import { specMean } from "../../engine/distributions.js";
import { WeeklyPattern } from "../../model/staffing/weeklyPattern.js";
import { DAY_MINUTES } from "../../time/units.js";
import type { StaffingRow, SupportConfig, SupportPoolConfig } from "../../model/config.js";
import { clampEstimate, estimate, type Estimate } from "../confidence.js";
import { probeReplication, ProbeLayout, type ProbeCounts } from "./probe.js";
import { Lanes } from "../parallel/lanes.js";
import { intervalLabel } from "../../time/weekClock.js";

export { intervalLabel };

export interface StaffingTargets {
  /** Minimum share of real-time work answered within `thresholdSeconds`, per interval. */
  serviceLevel: number;
  thresholdSeconds: number;
  maxAbandon?: number;
  maxOccupancy?: number;
  /** Minimum share of deferred work answered within its channel's response target, per pool (default 0.9). */
  response: number;
}

/**
 * "sl=0.8@20s" (also "0.8@20s", "sl=80%@20s", "@30s", thresholds in s, m or min) → service
 * level and threshold. @throws RangeError with a one-line message on anything else.
 */
export function parseTarget(text: string): { serviceLevel: number; thresholdSeconds: number } {
  const m = /^\s*(?:sl\s*=\s*)?(\d*\.?\d+)\s*(%?)\s*@\s*(\d*\.?\d+)\s*(s|sec|m|min)\s*$/i.exec(String(text));
  if (m === null) throw new RangeError(`--target: expected a service level and a threshold like "sl=0.8@20s" or "80%@30s", got ${JSON.stringify(text)}`);
  const sl = Number(m[1]) / (m[2] === "%" ? 100 : 1);
  const t = Number(m[3]) * (m[4].toLowerCase().startsWith("m") ? 60 : 1);
  if (!(sl > 0 && sl < 1)) throw new RangeError(`--target: the service level must be between 0 and 1 (exclusive), got ${m[1]}${m[2]}`);
  if (!(t > 0)) throw new RangeError(`--target: the threshold must be positive, got ${m[3]}${m[4]}`);
  return { serviceLevel: sl, thresholdSeconds: t };
}

export interface SolverOptions {
  targets: StaffingTargets;
  seed: number | string;
  replications: number;
  /** Names of the pools to size (default: every pool). */
  pools?: readonly string[];
  /** Cap on evaluations (simulation runs of all replications): no new search step starts after it (a step under way may add one run); default 80. */
  maxEvaluations?: number;
  /** Called after every evaluation (for a progress line). */
  onEvaluation?: (n: number, phase: "measure" | "up" | "down") => void;
  /** Worker threads for each evaluation's replications (default 1: here, one after another); the answer does not depend on it. */
  threads?: number;
  /** Run the replications of one evaluation (default: per `threads`). Must return them in replication order. */
  runReplications?: (cfg: SupportConfig, layout: ProbeLayout) => Promise<ProbeCounts[]> | ProbeCounts[];
}

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
  /** Deferred work: offered per week and the share within its response target (null: none). */
  deferredPerWeek: number;
  deferredWithin: number | null;
  /** Real-time service level over the whole week. */
  serviceLevel: number | null;
}

export interface StaffingSolution {
  targets: StaffingTargets;
  intervalMinutes: number;
  intervalsPerWeek: number;
  weeksMeasured: number;
  replications: number;
  pools: PoolRequirement[];
  /** Evaluations run (each: every replication), and whether every target is met at the end. */
  evaluations: number;
  met: boolean;
  /** One line per target still missed (empty when met). */
  unmet: string[];
  /** false when the run cap stopped the search with removals still untried: the answer meets the targets but may not be the fewest. */
  complete: boolean;
}

type Stats = ReturnType<typeof pooledStats>;

/** Pool the replications' counts (sums over replications). */
function pooledStats(counts: readonly ProbeCounts[]) {
  const sum = (f: (c: ProbeCounts) => Float64Array) => {
    const out = new Float64Array(f(counts[0]).length);
    for (const c of counts) { const a = f(c); for (let i = 0; i < a.length; i++) out[i] += a[i]; }
    return out;
  };
  return {
    offered: sum((c) => c.offered), within: sum((c) => c.within), abandoned: sum((c) => c.abandoned), answered: sum((c) => c.answered),
    busy: sum((c) => c.busy), handle: sum((c) => c.handle), deferredBusy: sum((c) => c.deferredBusy),
    deferredOffered: sum((c) => c.deferredOffered), deferredWithin: sum((c) => c.deferredWithin),
  };
}

/** The weekly table rows of whole agents per interval (one row per run of equal values within a day). */
export function tableRows(x: ArrayLike<number>, intervalMinutes: number): StaffingRow[] {
  const perDay = DAY_MINUTES / intervalMinutes, rows: StaffingRow[] = [];
  for (let d = 0; d < 7; d++) {
    let k = 0;
    while (k < perDay) {
      const v = x[d * perDay + k];
      let e = k + 1;
      while (e < perDay && x[d * perDay + e] === v) e++;
      if (v > 0) rows.push({ days: [d], open: k * intervalMinutes, close: e * intervalMinutes, agents: v });
      k = e;
    }
  }
  return rows;
}

/** Which intervals of the week a schedule has someone on the floor in (at any moment of the interval). */
export function openIntervals(pool: SupportPoolConfig, intervalMinutes: number): Uint8Array {
  const I = (7 * DAY_MINUTES) / intervalMinutes, open = new Uint8Array(I);
  for (const s of new WeeklyPattern(pool.schedule).segments()) {
    if (s.floor <= 0) continue;
    for (let i = Math.floor(s.start / intervalMinutes); i < Math.min(I, Math.ceil(s.end / intervalMinutes)); i++) open[i] = 1;
  }
  return open;
}

/** The scenario with the sized pools staffed by `x` (floor agents) and the simulation simplifications of the module comment. */
export function configWith(cfg: SupportConfig, sized: readonly number[], x: readonly Int32Array[], intervalMinutes: number): SupportConfig {
  const pools = cfg.pools.map((p, q) => {
    const k = sized.indexOf(q);
    if (k < 0) return p;
    const rows = tableRows(x[k], intervalMinutes);
    const schedule = { type: "table" as const, rows };
    const pattern = new WeeklyPattern(schedule);
    const out: SupportPoolConfig = { ...p, schedule, agents: pattern.maxFloor, shrinkage: 0 };
    delete out.workforce;
    const hours = pattern.staffedHours();
    if (hours === undefined) delete out.hours;
    else out.hours = hours;
    return out;
  });
  const out: SupportConfig = { ...cfg, pools };
  if (cfg.kcs) out.kcs = { ...cfg.kcs, articleTime: cfg.kcs.articleTime.map(() => 0) };
  return out;
}

/** Run every replication of `cfg` with a probe, one after another. */
export function probeReplications(cfg: SupportConfig, layout: ProbeLayout, seed: number | string, replications: number): ProbeCounts[] {
  return Array.from({ length: replications }, (_, rep) => probeReplication(cfg, layout, seed, rep));
}

/**
 * Solve (see the module comment), each evaluation's replications on `opts.threads` threads
 * (lanes.ts: this one and threads − 1 workers, kept for the whole solve). Replication k of a
 * staffing is the same function of (configuration, seed, k) on any thread and the counts come
 * back in replication order, so the answer does not depend on the thread count.
 */
export async function solveStaffing(cfg: SupportConfig, opts: SolverOptions): Promise<StaffingSolution> {
  const threads = Math.min(opts.threads ?? 1, opts.replications);
  if (threads <= 1 || opts.runReplications) return solve(cfg, opts);
  const lanes = new Lanes(threads, "now"); // a solve is tens of evaluations: the workers pay from the start
  lanes.start(); // they start while the first evaluation begins here
  const job = { thresholdMinutes: opts.targets.thresholdSeconds / 60, layoutKey: `${process.pid}-${Math.random()}`, seed: opts.seed };
  try {
    return await solve(cfg, { ...opts, runReplications: (c) => lanes.run({ kind: "probe", cfg: c, ...job }, opts.replications) });
  } finally {
    await lanes.destroy();
  }
}

async function solve(cfg: SupportConfig, opts: SolverOptions): Promise<StaffingSolution> {
  const T = opts.targets, L = cfg.intervalLength;
  const layout = new ProbeLayout(cfg, T.thresholdSeconds / 60);
  const I = layout.intervalsPerWeek, R = opts.replications;
  const sized = opts.pools === undefined
    ? cfg.pools.map((_, q) => q)
    : opts.pools.map((name) => {
        const q = cfg.pools.findIndex((p) => p.name === name);
        if (q < 0) throw new RangeError(`--pools: unknown pool ${JSON.stringify(name)}; expected one of ${cfg.pools.map((p) => JSON.stringify(p.name)).join(", ")}`);
        return q;
      });
  const maxEval = opts.maxEvaluations ?? 80;
  let evaluations = 0;
  const run = async (c: SupportConfig, phase: "measure" | "up" | "down"): Promise<ProbeCounts[]> => {
    const counts = opts.runReplications ? await opts.runReplications(c, layout) : probeReplications(c, layout, opts.seed, R);
    evaluations++;
    opts.onEvaluation?.(evaluations, phase);
    return counts;
  };
  const open = sized.map((q) => openIntervals(cfg.pools[q], L));
  const occ = (q: number, i: number) => layout.occurrences[q * I + i] * R;

  // 1. measure with the scenario's own staffing
  const measured = pooledStats(await run(cfg, "measure"));

  // 2. the Erlang start
  const erlang = sized.map((q, k) => erlangStart(cfg, q, open[k], measured, layout, R, T));
  const x = erlang.map((e) => Int32Array.from(e));

  // evaluation of a staffing: which (pool, interval) and which pools miss
  const evaluate = (s: Stats, xs: readonly Int32Array[]) => {
    const intervalFail = sized.map(() => new Uint8Array(I));
    const severe = sized.map(() => new Uint8Array(I));
    const poolFail = new Uint8Array(sized.length);
    const occupancy = sized.map(() => new Float64Array(I));
    sized.forEach((q, k) => {
      for (let i = 0; i < I; i++) {
        const j = q * I + i, n = occ(q, i);
        const floorMinutes = xs[k][i] * L * n;
        occupancy[k][i] = floorMinutes > 0 ? s.busy[j] / floorMinutes : 0;
        if (!open[k][i]) continue;
        const off = s.offered[j];
        if (off > 0) {
          const sl = s.within[j] / off;
          if (sl < T.serviceLevel) { intervalFail[k][i] = 1; if (sl < T.serviceLevel - 0.15) severe[k][i] = 1; }
          if (T.maxAbandon !== undefined && s.abandoned[j] / off > T.maxAbandon) intervalFail[k][i] = 1;
        }
        if (T.maxOccupancy !== undefined && occupancy[k][i] > T.maxOccupancy) intervalFail[k][i] = 1;
      }
      if (s.deferredOffered[q] > 0 && s.deferredWithin[q] / s.deferredOffered[q] < T.response) poolFail[k] = 1;
    });
    const any = poolFail.some((f) => f === 1) || intervalFail.some((f) => f.some((v) => v === 1));
    return { intervalFail, severe, poolFail, occupancy, any };
  };
  /** Busiest quarter (at least one) of pool k's open intervals. */
  const busiest = (k: number, occupancy: Float64Array, share: number): number[] => {
    const list: number[] = [];
    for (let i = 0; i < I; i++) if (open[k][i]) list.push(i);
    list.sort((a, b) => occupancy[b] - occupancy[a] || a - b);
    return list.slice(0, Math.max(1, Math.ceil(list.length * share)));
  };

  /** Simulate a staffing and judge it: the replications' counts, their sums, and what misses. */
  const measure = async (xs: readonly Int32Array[], phase: "up" | "down") => {
    const counts = await run(configWith(cfg, sized, xs, L), phase);
    const stats = pooledStats(counts);
    return { counts, stats, ev: evaluate(stats, xs) };
  };
  const frozen = sized.map(() => new Uint8Array(I));
  let complete = true;
  // the current staffing x, as last simulated
  let cur = await measure(x, "up");

  /** 3. Up until every target holds; intervals raised are marked minimal. */
  const up = async (): Promise<void> => {
    while (cur.ev.any && evaluations < maxEval) {
      const ev = cur.ev;
      sized.forEach((_, k) => {
        for (let i = 0; i < I; i++) {
          if (!ev.intervalFail[k][i]) continue;
          x[k][i] += ev.severe[k][i] ? Math.max(1, Math.ceil(x[k][i] * 0.1)) : 1;
          frozen[k][i] = 1;
        }
        if (ev.poolFail[k]) for (const i of busiest(k, ev.occupancy[k], 0.25)) { x[k][i] += 1; frozen[k][i] = 1; }
      });
      cur = await measure(x, "up");
    }
  };
  await up();
  // marks from the first climb do not mean minimal yet: the start may have been far below
  frozen.forEach((f) => f.fill(0));

  // 4. Down by parity
  const down = async (): Promise<void> => {
    let parity = 0, idle = 0;
    while (!cur.ev.any && evaluations < maxEval && idle < 2) {
      const cand = sized.map(() => [] as number[]);
      let n = 0;
      sized.forEach((_, k) => {
        for (let i = parity; i < I; i += 2) if (open[k][i] && !frozen[k][i] && x[k][i] > 1) { cand[k].push(i); n++; }
      });
      parity ^= 1;
      if (n === 0) { idle++; continue; }
      idle = 0;
      const y = x.map((a) => Int32Array.from(a));
      cand.forEach((list, k) => { for (const i of list) y[k][i]--; });
      const trial = await measure(y, "down");
      const tv = trial.ev;
      let changed = false;
      cand.forEach((list, k) => {
        if (tv.poolFail[k]) {
          // the pool's deferred target fails: every removal back, the busier half marked minimal
          for (const i of list) y[k][i]++;
          const byOcc = [...list].sort((a, b) => tv.occupancy[k][b] - tv.occupancy[k][a] || a - b);
          for (const i of byOcc.slice(0, Math.max(1, Math.ceil(byOcc.length / 2)))) frozen[k][i] = 1;
          changed = true;
          return;
        }
        for (const i of list) {
          if (tv.intervalFail[k][i]) { y[k][i]++; frozen[k][i] = 1; changed = true; }
        }
      });
      for (let k = 0; k < x.length; k++) x[k].set(y[k]);
      // the trial's run is the new staffing's unless a removal was put back
      cur = changed ? await measure(x, "down") : trial;
      // a knock-on miss elsewhere (a neighbour's backlog, another tier's load): repair it
      if (cur.ev.any) await up();
    }
    if (!cur.ev.any && idle < 2) complete = false; // stopped by the run cap with removals untried
  };
  await down();
  // a second sweep: an interval marked minimal beside other removals may give one up on its own
  frozen.forEach((f) => f.fill(0));
  await down();

  // the answer: x as last simulated (every step above ends with a run of the staffing it leaves)
  const { counts: finalCounts, stats, ev } = cur;
  const unmet: string[] = [];
  const weeks = (cfg.horizon - cfg.warmup) / (7 * DAY_MINUTES);
  const pools: PoolRequirement[] = sized.map((q, k) => {
    const p = cfg.pools[q];
    const article = cfg.kcs ? cfg.kcs.articleTime[p.tier] : 0;
    const availability = Math.max(1e-9, 1 - p.shrinkage - article);
    const costPerHour = p.vendor ? p.vendor.costPerHour : p.costPerHour;
    let floorH = 0, paidH = 0, erlangH = 0, off = 0, within = 0;
    const intervals: IntervalRequirement[] = [];
    for (let i = 0; i < I; i++) {
      const j = q * I + i, n = occ(q, i);
      const required = x[k][i];
      const paid = required / availability;
      floorH += (required * L) / 60;
      paidH += (paid * L) / 60;
      erlangH += (erlang[k][i] / availability) * L / 60;
      off += stats.offered[j];
      within += stats.within[j];
      const perRep = finalCounts.map((c) => (c.offered[j] > 0 ? c.within[j] / c.offered[j] : null));
      intervals.push({
        index: i, day: Math.floor((i * L) / DAY_MINUTES), minute: (i * L) % DAY_MINUTES, open: open[k][i] === 1,
        erlang: open[k][i] ? erlang[k][i] : null, required, paid,
        offeredPerWeek: n > 0 ? stats.offered[j] / n : 0,
        serviceLevel: stats.offered[j] > 0 ? clampEstimate(estimate(perRep), true) : null,
        abandonRate: stats.offered[j] > 0 ? stats.abandoned[j] / stats.offered[j] : null,
        occupancy: required > 0 && n > 0 ? ev.occupancy[k][i] : null,
      });
      if (ev.intervalFail[k][i]) unmet.push(`${p.name} ${intervalLabel(i, L)}: target missed with ${required} agents`);
    }
    if (ev.poolFail[k]) unmet.push(`${p.name}: deferred work within its response target ${(stats.deferredWithin[q] / stats.deferredOffered[q]).toFixed(3)} < ${T.response}`);
    return {
      pool: p.name, tier: p.tier, timeZone: p.timeZone, availability, costPerHour, intervals,
      floorHoursPerWeek: floorH, paidHoursPerWeek: paidH, costPerWeek: paidH * costPerHour, erlangPaidHoursPerWeek: erlangH,
      deferredPerWeek: stats.deferredOffered[q] / Math.max(1e-9, weeks * R),
      deferredWithin: stats.deferredOffered[q] > 0 ? stats.deferredWithin[q] / stats.deferredOffered[q] : null,
      serviceLevel: off > 0 ? within / off : null,
    };
  });
  return {
    targets: T, intervalMinutes: L, intervalsPerWeek: I, weeksMeasured: weeks, replications: R,
    pools, evaluations, met: unmet.length === 0, unmet, complete,
  };
}


/** The Erlang start of pool q (step 2 of the module comment), 0 where closed. */
function erlangStart(cfg: SupportConfig, q: number, open: Uint8Array, s: Stats, layout: ProbeLayout, R: number, T: StaffingTargets): Int32Array {
  const p = cfg.pools[q], I = layout.intervalsPerWeek, L = layout.intervalLength, C = cfg.channels.length;
  const tier = cfg.tiers[p.tier];
  // the real-time channels the pool serves: patience (mean of those with one) and redial share
  const rtChannels = [...new Set(p.skills.map((w) => w % C))].filter((c) => cfg.channels[c].kind === "realtime");
  const patiences = rtChannels.map((c) => tier.patienceByChannel[c]).filter((d) => d !== undefined).map((d) => specMean(d!));
  const patience = patiences.length > 0 ? patiences.reduce((a, b) => a + b, 0) / patiences.length : Infinity;
  const redials = rtChannels.map((c) => cfg.channels[c].redial?.share ?? 0);
  const redial = redials.length > 0 ? Math.max(...redials) : 0;
  // the pool's mean real-time handle time over the week (fallback for intervals without answers)
  let hSum = 0, aSum = 0;
  for (let i = 0; i < I; i++) { hSum += s.handle[q * I + i]; aSum += s.answered[q * I + i]; }
  const meanHandle = aSum > 0 ? hSum / aSum : specMean(tier.handleTime) * p.handleTimeFactor;
  const k = p.concurrency;
  const out = new Int32Array(I);
  for (let i = 0; i < I; i++) {
    if (!open[i]) continue;
    const j = q * I + i, n = layout.occurrences[j] * R;
    if (n === 0) { out[i] = 1; continue; }
    const perMinute = s.offered[j] / (n * L);
    const aht = (s.answered[j] > 0 ? s.handle[j] / s.answered[j] : meanHandle);
    const deferredAgents = s.deferredBusy[j] / (n * L);
    let servers = 0;
    if (perMinute > 0) {
      const rate = perMinute * 60;
      const target = { serviceLevel: T.serviceLevel, thresholdSeconds: T.thresholdSeconds, maxAbandonRate: T.maxAbandon, maxOccupancy: T.maxOccupancy };
      if (redial > 0 && Number.isFinite(patience)) {
        const fresh = Math.max(1e-9, rate - redial * (s.abandoned[j] / (n * L)) * 60);
        servers = staffErlangX({ ratePerHour: fresh, ahtMinutes: aht, patienceMinutes: patience, redialAbandoned: redial }, target).agents;
      } else {
        const load = { ratePerHour: rate, ahtMinutes: aht, patienceMinutes: patience };
        servers = (Number.isFinite(patience) ? staffErlangA(load, target) : staffErlangC(load, target)).agents;
      }
    }
    // agents for the real-time servers, then room for the deferred workload
    let agents = Math.ceil(servers / k - 1e-9);
    const rtBusy = (perMinute * aht) / k;
    const occCap = T.maxOccupancy ?? 1;
    if (deferredAgents > 0) agents = Math.max(agents, Math.ceil((rtBusy + deferredAgents) / occCap - 1e-9));
    out[i] = Math.max(1, agents);
  }
  return out;
}
