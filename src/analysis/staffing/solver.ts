/**
 * The staffing solver: the fewest agents on the floor per pool and interval of the week that
 * meet the service targets *in simulation*, starting from the Erlang answer.
 *
 * Targets (all must hold):
 *   - real-time work (calls, chats, warm transfers): per pool and interval of the week, the
 *     service level (answered within the threshold / offered) ≥ `serviceLevel`, and, when
 *     given, abandoned / offered ≤ `maxAbandon`;
 *   - when `maxOccupancy` is given: every interval's occupancy of live work (busy agent-minutes
 *     on real-time work / floor agent-minutes) and every pool's occupancy of all work over each
 *     day ≤ `maxOccupancy` (occupancyRule.ts: deferred work may wait, so a backlog need not be
 *     cleared within one interval);
 *   - deferred work (e-mail, tickets, escalations), per pool: answered within the channel's
 *     response target / offered ≥ `response`. A ticket's wait spans intervals, so this one
 *     is the pool's, not an interval's.
 * Measured over every week after the warm-up and every replication (probe.ts), the
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
 *      far off); a pool missing its deferred target gets one more agent in the quarter of its
 *      intervals with the fewest agents (the busiest first among equals), a day over the
 *      occupancy cap in that quarter of that day's (evaluation.ts leastStaffed: that work
 *      waits, so the hours count, not where they fall, and a flat requirement takes fewer
 *      paid hours of shifts). Here and in step 4 an interval "misses" unless every per-interval target
 *      holds with a margin of `removalMargin` standard errors (margin.ts, docs/model.md §14.5):
 *      judged on the same replications throughout, the search would otherwise keep the
 *      removals its sample's luck allows.
 *   4. Down: remove one agent from every open interval of one parity (every other interval
 *      of the week, so no two neighbours change together) that is not yet known to be
 *      minimal; keep each removal whose interval (and pool, and day) still meets its targets;
 *      put back and mark minimal the others (a pool missing its deferred target: all of its
 *      removals back, the thinner half marked minimal; a day over the occupancy cap: that day's). Alternate parities until every interval is
 *      minimal; any knock-on miss is repaired by step 3 and its interval marked minimal.
 *      Then a second sweep with the marks cleared (a removal refused beside others may pass
 *      on its own).
 *   5. Check: the answer re-run on fresh seeds (checkSeed.ts, the same replications); the
 *      answer reports each target's figure there beside the search's own (targetFigures.ts).
 *      That run is not one of the search's: `evaluations` (and the run cap) count the search's
 *      runs, `check.runs` the check's.
 * In simulation (shrinkage 0, no workforce dynamics, no KCS article time) the table is the
 * floor; paid agents are floor / (1 − shrinkage − article time at the end of the run), kept
 * fractional: rounding each pool and interval up before adding overstates headcount.
 */
import { InputError, OPTIONS, problem } from "../../errors.js";
import type { SupportConfig } from "../../model/config.js";
import { Lanes } from "../parallel/lanes.js";
import { erlangStart } from "./erlangStart.js";
import { REMOVAL_MARGIN_Z } from "./margin.js";
import { checkSeed } from "./checkSeed.js";
import { evaluate, leastStaffed, pooledStats, type SolveFrame } from "./evaluation.js";
import { dayMask } from "./occupancyRule.js";
import { probeReplications, ProbeLayout, type ProbeCounts } from "./probe.js";
import { solutionOf, type Measured, type StaffingSolution } from "./solution.js";
import { configWith, openIntervals } from "./staffedConfig.js";
import type { StaffingTargets } from "./targets.js";

/** What a simulation run of the solve is for: measuring the scenario, the search's steps, the check on fresh seeds. */
export type SolvePhase = "measure" | "up" | "down" | "check";

export interface SolverOptions {
  targets: StaffingTargets;
  seed: number | string;
  replications: number;
  /** Names of the pools to size (default: every pool). */
  pools?: readonly string[];
  /** Cap on the search's evaluations (simulation runs of all replications; the check on fresh seeds not counted): no new search step starts after it (a step under way may add one run); default 80. */
  maxEvaluations?: number;
  /** Standard errors of margin a removal must clear in every per-interval target (default REMOVAL_MARGIN_Z; 0: none). */
  removalMargin?: number;
  /** Called after every run, the search's and then the check's (for a progress line; n counts them all). */
  onEvaluation?: (n: number, phase: SolvePhase) => void;
  /** Worker threads for each evaluation's replications (default 1: here, one after another); the answer does not depend on it. */
  threads?: number;
  /** Run the replications of one evaluation with `seed` (default: per `threads`). Must return them in replication order. */
  runReplications?: (cfg: SupportConfig, layout: ProbeLayout, seed: number | string) => Promise<ProbeCounts[]> | ProbeCounts[];
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
  const job = { thresholdMinutes: opts.targets.thresholdSeconds / 60, layoutKey: `${process.pid}-${Math.random()}` };
  try {
    return await solve(cfg, { ...opts, runReplications: (c, _layout, seed) => lanes.run({ kind: "probe", cfg: c, seed, ...job }, opts.replications) });
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
        if (q < 0) throw new InputError(problem("pools", `unknown pool ${JSON.stringify(name)}; expected one of ${cfg.pools.map((p) => JSON.stringify(p.name)).join(", ")}`), OPTIONS);
        return q;
      });
  const maxEval = opts.maxEvaluations ?? 80;
  // the search's runs (what the cap counts) and the check's, apart: the report gives both
  let evaluations = 0, checkRuns = 0;
  const run = async (c: SupportConfig, phase: SolvePhase, seed: number | string = opts.seed): Promise<ProbeCounts[]> => {
    const counts = opts.runReplications ? await opts.runReplications(c, layout, seed) : probeReplications(c, layout, seed, R);
    if (phase === "check") checkRuns++;
    else evaluations++;
    opts.onEvaluation?.(evaluations + checkRuns, phase);
    return counts;
  };
  const open = sized.map((q) => openIntervals(cfg.pools[q], L));
  const frame: SolveFrame = { layout, R, T, sized, open, margin: opts.removalMargin ?? REMOVAL_MARGIN_Z };

  // 1. measure with the scenario's own staffing
  const measured = pooledStats(await run(cfg, "measure"));

  // 2. the Erlang start
  const erlang = sized.map((q, k) => erlangStart(cfg, q, open[k], measured, layout, R, T));
  const x = erlang.map((e) => Int32Array.from(e));

  /** Simulate a staffing and judge it: the replications' counts, their sums, and what misses. */
  const measure = async (xs: readonly Int32Array[], phase: "up" | "down"): Promise<Measured> => {
    const counts = await run(configWith(cfg, sized, xs, L), phase);
    const stats = pooledStats(counts);
    return { counts, stats, ev: evaluate(frame, counts, stats, xs) };
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
          if (!ev.short[k][i]) continue;
          x[k][i] += ev.severe[k][i] ? Math.max(1, Math.ceil(x[k][i] * 0.1)) : 1;
          frozen[k][i] = 1;
        }
        if (ev.poolFail[k]) for (const i of leastStaffed(open[k], x[k], ev.occupancy[k], 0.25)) { x[k][i] += 1; frozen[k][i] = 1; }
        for (let d = 0; d < 7; d++) if (ev.dayShort[k][d]) for (const i of leastStaffed(dayMask(open[k], d, I / 7), x[k], ev.occupancy[k], 0.25)) { x[k][i] += 1; frozen[k][i] = 1; }
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
        // the pool's deferred target fails: every removal back, the thinner half (fewest agents,
        // the busier first) marked minimal, so later removals come where the pool is thickest;
        // a day over the occupancy cap: that day's removals likewise
        const back = tv.poolFail[k] ? list : list.filter((i) => tv.dayShort[k][Math.floor(i / (I / 7))]);
        if (back.length > 0) {
          for (const i of back) y[k][i]++;
          const byOcc = [...back].sort((a, b) => y[k][a] - y[k][b] || tv.occupancy[k][b] - tv.occupancy[k][a] || a - b);
          for (const i of byOcc.slice(0, Math.max(1, Math.ceil(byOcc.length / 2)))) frozen[k][i] = 1;
          changed = true;
          if (tv.poolFail[k]) return;
        }
        for (const i of list) {
          if (back.includes(i)) continue;
          if (tv.short[k][i]) { y[k][i]++; frozen[k][i] = 1; changed = true; }
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

  // the check: the answer re-run on fresh seeds, independent of every run the search judged
  const seed = checkSeed(opts.seed);
  const stats = pooledStats(await run(configWith(cfg, sized, x, L), "check", seed));
  const check = { seed, stats, runs: checkRuns };

  // the answer: x as last simulated (every step above ends with a run of the staffing it leaves)
  return solutionOf(frame, cfg, x, erlang, cur, check, evaluations, complete);
}
