/**
 * The required FTE per planned pool and month (docs/model.md §23.1): the smallest fully
 * proficient productive FTE at which that month's targets hold in simulation, with the
 * scenario's demand over the plan (growth, seasonality, releases, programmes).
 *
 * The search moves a fill f[q][m] per (pool, month): the pool's schedule scaled by f in month
 * m (SupportPoolConfig.fill; f > 1 scales the schedule up, its slots made room for), without
 * its workforce model (no attrition, everyone at p = 1). Required FTE = f · target (the
 * workforce's target: the productive employees who fill the schedule). Every run moves every
 * cell at once, on the same replications (common random numbers):
 *   start    f = 1 (the scenario's schedule);
 *   judge    a cell is staffed when its month clears every target by the removal margin
 *            (monthFigures.ts clearsTargets, z = 1.5 as in the staffing search);
 *   bisect   staffed: hi = f, next f = (lo + hi) / 2, or f · 0.75 while nothing below has
 *            failed; not staffed: lo = f, next f = (lo + hi) / 2, or f · (1 + max(0.15, 2·gap))
 *            while nothing above has passed (at most MAX_FILL); a cell is done when
 *            (hi − lo) · target ≤ max(0.25 FTE, 2 % of hi · target), and then stays at hi;
 *   confirm  when every cell is done, one run at every hi: a cell that now misses (a
 *            neighbour's change reached it: a backlog, another tier's load) searches on
 *            upward from there; the answer is the last run in which every cell was staffed.
 * The search stops at `maxRuns` (reported: the answer is then the cells' hi, unconfirmed, and
 * a cell never staffed stays at its last fill, flagged).
 */
import type { SupportConfig } from "../../model/config.js";
import { WeeklyPattern } from "../../model/staffing/weeklyPattern.js";
import { REMOVAL_MARGIN_Z } from "../staffing/margin.js";
import type { StaffingTargets } from "../staffing/targets.js";
import type { MonthCounts } from "./monthProbe.js";
import { clearsTargets, monthFigures, relativeGap, type MonthFigures } from "./monthFigures.js";
import type { PlanMonths } from "./planMonths.js";

/** The largest fill the search tries: four times the scenario's schedule. */
export const MAX_FILL = 4;
const MIN_FILL = 0.02;

export interface RequirementInput {
  /** The scenario's configuration over the plan's horizon. */
  cfg: SupportConfig;
  months: PlanMonths;
  /** The planned pools (indices) and each one's target (productive FTE at fill 1). */
  planned: readonly number[];
  target: readonly number[];
  /** Per planned pool and month: scheduled floor agent-minutes at fill 1 (scheduleFloor.ts). */
  scheduledFloor: readonly (readonly number[])[];
  targets: StaffingTargets;
  maxRuns: number;
  /** The replications of one configuration (same seeds every call). */
  run: (cfg: SupportConfig) => Promise<MonthCounts[]>;
  onRun?: (n: number) => void;
}

export interface Requirement {
  /** Per planned pool and month: the fill found and the required FTE (fill · target). */
  fill: number[][];
  fte: number[][];
  /** Per planned pool and month: staffed in the run the answer comes from. */
  staffed: boolean[][];
  /** Per planned pool and month: the figures in that run. */
  figures: MonthFigures[][];
  runs: number;
  /** The answer was confirmed by a run with every cell staffed (false: the run cap stopped it first). */
  confirmed: boolean;
}

/** The configuration with planned pool k's schedule filled f[k][m] in month m, no workforce. */
export function filledConfig(cfg: SupportConfig, months: PlanMonths, planned: readonly number[], f: readonly (readonly number[])[]): SupportConfig {
  const pools = cfg.pools.map((p, q) => {
    const k = planned.indexOf(q);
    if (k < 0) return p;
    const out = { ...p, agents: Math.ceil(new WeeklyPattern(p.schedule).maxFloor * MAX_FILL), fill: { from: months.from, ratio: [...f[k]] } };
    delete out.workforce;
    return out;
  });
  return { ...cfg, pools };
}

export async function searchRequirement(input: RequirementInput): Promise<Requirement> {
  const { cfg, months, planned, target, targets: T } = input;
  const M = months.count, K = planned.length;
  const grid = <V>(v: () => V) => planned.map(() => Array.from({ length: M }, v));
  const f = grid(() => 1), lo = grid(() => 0), hi = grid(() => Infinity), done = grid(() => false);
  let runs = 0;
  let best: Requirement | null = null;
  let confirming = false;
  const judge = async () => {
    const counts = await input.run(filledConfig(cfg, months, planned, f));
    runs++;
    input.onRun?.(runs);
    const figures = planned.map((q, k) => f[k].map((v, m) => monthFigures(counts, q, m, M, () => v * input.scheduledFloor[k][m] * (1 - cfg.pools[q].shrinkage))));
    return { figures, staffed: figures.map((row) => row.map((x) => clearsTargets(x, T, REMOVAL_MARGIN_Z))) };
  };
  while (runs < input.maxRuns) {
    const { figures, staffed } = await judge();
    const all = staffed.every((row) => row.every(Boolean));
    if (all) best = { fill: f.map((r) => [...r]), fte: f.map((r, k) => r.map((v) => v * target[k])), staffed, figures, runs: 0, confirmed: confirming };
    if (confirming && all) break;
    confirming = false;
    for (let k = 0; k < K; k++) {
      const tol = (h: number) => Math.max(0.25 / Math.max(target[k], 1e-9), 0.02 * h);
      for (let m = 0; m < M; m++) {
        if (done[k][m]) {
          if (staffed[k][m]) continue;
          // knocked out by a neighbour: search upward again from here
          done[k][m] = false;
          lo[k][m] = f[k][m];
          hi[k][m] = Infinity;
        }
        if (staffed[k][m]) {
          hi[k][m] = f[k][m];
          f[k][m] = lo[k][m] > 0 ? (lo[k][m] + hi[k][m]) / 2 : Math.max(MIN_FILL, f[k][m] * 0.75);
        } else {
          lo[k][m] = f[k][m];
          f[k][m] = hi[k][m] < Infinity ? (lo[k][m] + hi[k][m]) / 2 : Math.min(MAX_FILL, f[k][m] * (1 + Math.max(0.15, 2 * relativeGap(figures[k][m], T))));
        }
        if (hi[k][m] < Infinity && (hi[k][m] - lo[k][m] <= tol(hi[k][m]) || hi[k][m] <= MIN_FILL)) {
          done[k][m] = true;
          f[k][m] = hi[k][m];
        } else if (lo[k][m] >= MAX_FILL) {
          done[k][m] = true; // cannot be staffed within MAX_FILL: stays there, flagged by `staffed`
          f[k][m] = MAX_FILL;
        }
      }
    }
    confirming = done.every((row) => row.every(Boolean));
  }
  if (best !== null && best.confirmed) return { ...best, runs };
  // the cap stopped it: the cells' best known fills, unconfirmed
  const fill = f.map((row, k) => row.map((v, m) => (hi[k][m] < Infinity ? hi[k][m] : v)));
  const last = await judgeAt(fill);
  return { fill, fte: fill.map((r, k) => r.map((v) => v * target[k])), staffed: last.staffed, figures: last.figures, runs, confirmed: false };

  async function judgeAt(x: number[][]) {
    for (let k = 0; k < K; k++) f[k] = [...x[k]];
    return judge();
  }
}
