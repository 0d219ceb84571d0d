/**
 * The LP relaxation of a shift plan by column generation: solve the LP over the candidates at
 * hand, price the shifts whose start moves from day to day (columnPricing.ts) from its duals,
 * add those that would lower its cost, and repeat until none would (the LP optimum over every
 * shift of the patterns: a true lower bound) or MAX_ROUNDS is reached. The integer plan is then
 * chosen among the columns generated (shiftPlan.ts).
 *
 * Stopped at MAX_ROUNDS, the bound is Farley's: with coverage rows only (a_ij ≥ 0, c_j > 0),
 * y / max(1, max_j Σ_i a_ij y_i / c_j) is dual feasible for every shift, so
 * z / max(1, that ratio) ≤ the LP optimum over all of them. With limit rows there is no such
 * bound and the bound is 0.
 */
import { makeCandidate, modelCandidates, type Candidate } from "./candidates.js";
import { priceShifts } from "./columnPricing.js";
import type { ShiftPattern } from "./shiftPattern.js";
import { limitCoefficient, lpText, rowName, runHighs, type HighsModule, type Limits, type Rows, type SolveResult } from "./shiftProgram.js";

/** Most rounds of pricing, and most shifts added per round. */
const MAX_ROUNDS = 60;
const PER_ROUND = 400;

export interface Relaxation {
  /** The candidates of the model: those given, then those generated. */
  candidates: Candidate[];
  /** The last LP solve over them. */
  lp: SolveResult;
  /** Pricing found nothing more to add: lp.objective is the optimum over every shift of the patterns. */
  converged: boolean;
  /** A lower bound on the LP optimum over every shift, paid minutes (lp.objective when converged). */
  bound: number;
}

/** Column generation from `initial` (see the module comment). `seen` holds the keys of `initial` (modelCandidates). */
export function relaxation(
  highs: HighsModule, patterns: readonly ShiftPattern[], initial: readonly Candidate[], seen: Set<string>,
  rows: Rows, L: number, limits: Limits,
): Relaxation {
  const candidates = [...initial];
  const banded = patterns.some((p) => (p.startBand ?? 0) > 0);
  for (let round = 0; ; round++) {
    const lp = runHighs(highs, lpText(candidates, rows, L, false, limits), candidates.length);
    if (lp.status !== "Optimal" || !banded) return { candidates, lp, converged: true, bound: lp.objective };
    const y = new Float64Array(rows.rowOf.length);
    const rowDual = rows.intervals.map((_, r) => Math.max(0, lp.duals.get(rowName(rows, r)) ?? 0));
    rows.rowOf.forEach((r, i) => (y[i] = r >= 0 ? rowDual[r] : 0));
    const limitDual = patterns.map((_, k) => {
      const probe = { pattern: k } as Candidate;
      return limits.rows.reduce((s, r) => s + limitCoefficient(r, probe, limits) * (lp.duals.get(r.name) ?? 0), 0);
    });
    const priced = priceShifts(patterns, y, limitDual, L, PER_ROUND);
    if (round >= MAX_ROUNDS) {
      const bound = limits.rows.length > 0 ? 0 : lp.objective / Math.max(1, priced.maxRatio);
      return { candidates, lp, converged: priced.shifts.length === 0, bound: priced.shifts.length === 0 ? lp.objective : bound };
    }
    const fresh = modelCandidates(
      priced.shifts.map((s) => makeCandidate(s.pattern, patterns[s.pattern], s.days, s.starts, s.breaks, L)),
      rows.rowOf, limits.partTime, seen,
    );
    if (fresh.length === 0) return { candidates, lp, converged: true, bound: lp.objective };
    candidates.push(...fresh);
  }
}

/** Each candidate's reduced cost at the LP optimum `lp` (paid minutes): c_j − Σ_i a_ij y_i − Σ_r a_rj μ_r. */
export function reducedCosts(candidates: readonly Candidate[], lp: SolveResult, rows: Rows, L: number, limits: Limits): number[] {
  return candidates.map((c) => {
    let rc = c.cost;
    c.intervals.forEach((i, k) => {
      if (rows.rowOf[i] >= 0) rc -= (c.minutes[k] / L) * (lp.duals.get(rowName(rows, rows.rowOf[i])) ?? 0);
    });
    for (const r of limits.rows) rc -= limitCoefficient(r, c, limits) * (lp.duals.get(r.name) ?? 0);
    return rc;
  });
}

/**
 * The candidates an integer plan cheaper than `upper` (paid minutes) may use: reduced-cost
 * fixing. At the LP optimum z with duals y, every column's reduced cost rc_j ≥ 0 and any plan n
 * pays c·n ≥ z + Σ_j rc_j n_j, so a column with rc_j > upper − z is in no plan cheaper than
 * `upper`. `rc`: reducedCosts(). Returns the indices kept, ascending.
 */
export function reducedCostKeep(rc: readonly number[], lp: SolveResult, upper: number): number[] {
  const slack = upper - lp.objective + 1e-6 * Math.max(1, upper);
  const keep: number[] = [];
  rc.forEach((r, j) => {
    if (r <= slack) keep.push(j);
  });
  return keep;
}

/**
 * The columns of the quick integer solve: those priced at the LP optimum within `share` of their
 * cost (rc_j ≤ share · c_j: the LP's own columns and their near-ties). A plan over these few
 * hundred columns is found (and mostly proved optimal among them) in seconds, where the integer
 * program over every column found may use its whole time; it is the incumbent the full solve
 * has to beat.
 */
export function nearOptimalColumns(candidates: readonly Candidate[], rc: readonly number[], share: number): number[] {
  const keep: number[] = [];
  candidates.forEach((c, j) => {
    if (rc[j] <= share * c.cost + 1e-6) keep.push(j);
  });
  return keep;
}
