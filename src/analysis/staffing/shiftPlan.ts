/**
 * Shift planning: turn a weekly floor requirement (agents needed ON THE FLOOR in each
 * interval of a typical week, e.g. the staffing solver's answer for a pool) into shifts
 * chosen from allowed patterns, at the fewest paid hours, as an integer program solved by
 * HiGHS (npm `highs`, WebAssembly).
 *
 * Time is the pool's LOCAL week: days 0 = Monday … 6 = Sunday, times in minutes after local
 * midnight, week minute m = day·1440 + time ∈ [0, 10080), cyclic (a Sunday shift runs into
 * Monday). Interval i of length L covers week minutes [i·L, (i + 1)·L).
 *
 * Model. A candidate j is a pattern with one day set, one start and one offset per break.
 * Its agent is on shift during [day·1440 + start, … + length) on each of its days and on the
 * floor then except during its breaks. a_ij ∈ [0, 1] is the share of interval i's minutes
 * that the agent is on the floor (fractional when a shift edge or a break cuts the
 * interval). With n_j ≥ 0 integer agents on candidate j and availability α (1 − shrinkage):
 *
 *   minimise   Σ_j n_j · length_j · |days_j|          (paid minutes per week)
 *   subject to α · Σ_j a_ij · n_j ≥ r_i               for every interval i with r_i > 0,
 *
 * written as Σ_j a_ij n_j ≥ r_i / α. The LP relaxation (n_j continuous) is solved too: its
 * optimum is a lower bound on the paid hours of any plan from these patterns.
 *
 * Candidates that cover no interval with a positive requirement are left out (they only
 * cost), and of candidates with the same cost and the same a_ij on those intervals only the
 * first (in the output order) is kept: neither changes the optimum nor the bound.
 */
import { InputError, problem, type Problem } from "../../errors.js";
import type { ShiftPattern } from "./shiftPattern.js";
import { allCandidates, modelCandidates, uncoveredProblem, type Candidate } from "./candidates.js";
import { patternProblems } from "./patternChecks.js";
import { intervalCount, intervalProblems, isNum } from "./planGrid.js";
import { fmt, show } from "./planText.js";
import { costOf, coverageRows, feasible, loadHighs, lpText, roundAgents, roundUpPlan, runHighs } from "./shiftProgram.js";
import { intervalLabel } from "../../time/weekClock.js";

export interface ShiftPlanInput {
  /** Interval length L, minutes; 1440 / L must be a whole number. */
  intervalMinutes: number;
  /** Floor agents needed per weekly interval, Monday 00:00 local first (7·1440/L values); may be fractional; ≥ 0. */
  requirement: number[];
  /** (0, 1]: share of on-shift, off-break time an agent is on the floor (1 − shrinkage). */
  availability: number;
  patterns: ShiftPattern[];
  /**
   * Wall-clock budget of planShifts, seconds (default 30). The LP relaxation always runs to the
   * end (a fraction of a second at these sizes, plus about a second to warm up HiGHS on the first
   * call of a process); the integer solve gets what remains of the budget.
   */
  timeLimitSeconds?: number;
}

export interface PlannedShift {
  pattern: string;
  /** Days worked, ascending. */
  days: number[];
  /** Local minutes after midnight. */
  start: number;
  length: number;
  agents: number;
  /** The chosen offset of each break of the pattern, in the pattern's order. */
  breaks: { after: number; length: number }[];
}

export interface ShiftPlan {
  /** Only those with agents > 0, in a stable order: pattern (input order), days, start, break offsets. */
  shifts: PlannedShift[];
  /** Floor agents per interval = availability × Σ agents × a_ij; ≥ requirement (up to HiGHS's relative feasibility tolerance, 1e-6). */
  coverage: number[];
  /** Σ agents × length × |days| / 60. */
  paidHoursPerWeek: number;
  /** The LP relaxation's paid hours: no plan from these patterns pays fewer (capped at paidHoursPerWeek against solver round-off). */
  lowerBoundHours: number;
  /** HiGHS proved the integer plan optimal (within its default relative gap, 1e-4). */
  optimal: boolean;
  /** Wall-clock seconds of planShifts (building, both solves, checks). */
  solveSeconds: number;
}

/** Per pool (same order as a staffing solution's pools): its shift plan, or null when shifts were not planned. */
export type PoolPlans = (ShiftPlan | null)[];

const DEFAULT_TIME_LIMIT = 30;

function requirementProblems(requirement: unknown, L: number): Problem[] {
  const n = intervalCount(L);
  if (!Array.isArray(requirement) || requirement.length !== n) {
    return [problem("requirement", `expected ${n} values (7 days × 1440 / ${fmt(L)} minutes, Monday 00:00 first), got ${show(requirement)}`)];
  }
  const out: Problem[] = [];
  requirement.forEach((r, i) => {
    if (!isNum(r) || r < 0) out.push(problem(`requirement[${i}]`, `expected floor agents >= 0 (${intervalLabel(i, L)}), got ${show(r)}`));
  });
  return out;
}

/** @throws InputError with every problem of the input, if any. */
function validateInput(input: ShiftPlanInput): void {
  if (input === null || typeof input !== "object") throw new InputError(problem("", `expected { intervalMinutes, requirement, availability, patterns }, got ${show(input)}`));
  const problems = intervalProblems(input.intervalMinutes);
  if (problems.length === 0) problems.push(...requirementProblems(input.requirement, input.intervalMinutes));
  const a = input.availability;
  if (!isNum(a) || a <= 0 || a > 1) problems.push(problem("availability", `expected a share in (0, 1] (1 − shrinkage), got ${show(a)}`));
  const t = input.timeLimitSeconds;
  if (t !== undefined && (!isNum(t) || t <= 0)) problems.push(problem("timeLimitSeconds", `expected seconds > 0, got ${show(t)}`));
  problems.push(...patternProblems(input.patterns));
  if (problems.length > 0) throw new InputError(problems);
}

/** The plan of chosen agents per candidate: shifts, coverage and paid hours. */
function planOf(candidates: readonly Candidate[], n: readonly number[], input: ShiftPlanInput, patterns: readonly ShiftPattern[]): Omit<ShiftPlan, "lowerBoundHours" | "optimal" | "solveSeconds"> {
  const L = input.intervalMinutes;
  const floorMinutes = new Array<number>(intervalCount(L)).fill(0);
  const shifts: PlannedShift[] = [];
  candidates.forEach((c, j) => {
    if (n[j] === 0) return;
    shifts.push({ pattern: patterns[c.pattern].name, days: [...c.days], start: c.start, length: c.length, agents: n[j], breaks: c.breaks.map((b) => ({ ...b })) });
    c.intervals.forEach((i, k) => (floorMinutes[i] += n[j] * c.minutes[k]));
  });
  return {
    shifts,
    coverage: floorMinutes.map((m) => (input.availability * m) / L),
    paidHoursPerWeek: costOf(candidates, n) / 60,
  };
}

/**
 * Chooses shifts from `input.patterns` that cover `input.requirement` at the fewest paid hours
 * (see the module comment for the model). HiGHS solves the LP relaxation (the bound) and then
 * the integer program in what remains of `timeLimitSeconds`. If the integer solve stops at the
 * time limit, the plan is the cheaper of its best plan (if any) and the LP optimum rounded up
 * and trimmed (always feasible), and `optimal` is false.
 * Deterministic for a given input unless the time limit cuts the solve short.
 * @throws InputError with every problem of invalid input (paths as ShiftPlanInput's fields,
 *   e.g. `patterns[0].length`), or naming the first interval with a requirement that no
 *   allowed shift covers (path "": the input as a whole), e.g.
 *   `Mon 03:00–03:30 needs 2.4 agents on the floor, but no allowed shift covers it`.
 */
export async function planShifts(input: ShiftPlanInput): Promise<ShiftPlan> {
  const began = performance.now();
  validateInput(input);
  const L = input.intervalMinutes;
  const rows = coverageRows(input.requirement, input.availability);
  const needed = input.requirement.map((_, i) => rows.rowOf[i] >= 0);
  const candidates = modelCandidates(allCandidates(input.patterns, L), needed);
  const uncovered = uncoveredProblem(input.requirement, needed, candidates, L);
  if (uncovered !== undefined) throw new InputError(uncovered);
  const seconds = (): number => (performance.now() - began) / 1000;
  if (rows.intervals.length === 0) {
    return { ...planOf([], [], input, input.patterns), lowerBoundHours: 0, optimal: true, solveSeconds: seconds() };
  }

  const limit = input.timeLimitSeconds ?? DEFAULT_TIME_LIMIT;
  const highs = await loadHighs();
  const lp = runHighs(highs, lpText(candidates, rows, L, false), candidates.length);
  if (lp.status !== "Optimal") throw new Error(`shift plan: HiGHS did not solve the LP relaxation (status "${lp.status}")`);
  const remaining = limit - seconds();
  const mip = remaining > 0 ? runHighs(highs, lpText(candidates, rows, L, true), candidates.length, remaining) : undefined;
  const mipAgents = mip === undefined ? undefined : roundAgents(mip.values);
  const mipOk = mipAgents !== undefined && feasible(candidates, rows, mipAgents, L);

  let agents: number[];
  let optimal = false;
  if (mipOk && mip?.status === "Optimal") {
    agents = mipAgents;
    optimal = true;
  } else {
    const rounded = roundUpPlan(candidates, rows, lp.values, L);
    agents = mipOk && costOf(candidates, mipAgents) <= costOf(candidates, rounded) ? mipAgents : rounded;
  }
  const plan = planOf(candidates, agents, input, input.patterns);
  return { ...plan, lowerBoundHours: Math.min(lp.objective / 60, plan.paidHoursPerWeek), optimal, solveSeconds: seconds() };
}
