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
 * Model. A candidate j is a pattern with one day set, one start per day (the same every day
 * unless the pattern has a start band) and one offset per break. Its agent is on shift during
 * [day·1440 + start_day, … + length) on each of its days and on the
 * floor then except during its breaks. a_ij ∈ [0, 1] is the share of interval i's minutes
 * that the agent is on the floor (fractional when a shift edge or a break cuts the
 * interval). With n_j ≥ 0 integer agents on candidate j and availability α (1 − shrinkage):
 *
 *   minimise   Σ_j n_j · length_j · |days_j|          (paid minutes per week)
 *   subject to α · Σ_j a_ij · n_j ≥ r_i               for every interval i with r_i > 0,
 *              the limit rows of planLimits.ts (headcount, part-time share), if any,
 *
 * written as Σ_j a_ij n_j ≥ r_i / α. The LP relaxation (n_j continuous) is solved first, by
 * column generation when a pattern's start may move from day to day (columnGeneration.ts):
 * its optimum is a lower bound on the paid hours of any plan from these patterns. The integer
 * program is then solved over the candidates listed and generated.
 *
 * Candidates that cover no interval with a positive requirement are left out (they only
 * cost), and of candidates with the same cost and the same a_ij on those intervals only the
 * first (in the output order) is kept: neither changes the optimum nor the bound.
 */
import { InputError, problem, type Problem } from "../../errors.js";
import type { ShiftPattern } from "./shiftPattern.js";
import { allCandidates, modelCandidates, uncoveredProblem, type Candidate } from "./candidates.js";
import { nearOptimalColumns, reducedCostKeep, reducedCosts, relaxation } from "./columnGeneration.js";
import { patternProblems } from "./patternChecks.js";
import { limitProblems, limitRows, limitText, partTimeFlags, type PlanLimits } from "./planLimits.js";
import { intervalCount, intervalProblems, isNum } from "./planGrid.js";
import { fmt, show } from "./planText.js";
import { costOf, coverageRows, feasible, loadHighs, quarterDayGroups, lpText, MIP_GAP, roundAgents, roundUpPlan, runHighs, type HighsModule, type Limits, type Rows } from "./shiftProgram.js";
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
   * How the requirement is covered: "interval" (default) every interval's r_i / α; "quarterDay"
   * each quarter day's floor minutes Σ r_i·L / α (each day's span with a requirement in four
   * equal parts: shiftProgram.ts quarterDayGroups), wherever in the quarter they fall. For
   * a pool whose work all waits (tickets with a response target of hours, an occupancy cap judged
   * over the day), where the search's split of a day's agents between its intervals is one of
   * many that meet the targets (staffDefaults.ts coverOf).
   */
  cover?: "interval" | "quarterDay";
  /**
   * Wall-clock budget of planShifts, seconds (default 30). The LP relaxation always runs to the
   * end (a fraction of a second at these sizes, plus about a second to warm up HiGHS on the first
   * call of a process); the integer solve gets what remains of the budget.
   */
  timeLimitSeconds?: number;
  /**
   * A budget in work, not time: HiGHS's branch-and-bound node limit for each integer solve (none
   * by default). With it and a time limit that does not bind, the plan is the same on any machine
   * however loaded (the tests' plans); the time limit alone gives a faster machine a better plan.
   */
  maxNodes?: number;
  /** Headcount and part-time share limits (none by default). */
  limits?: PlanLimits;
  /** Paid hours of a full-time employee per week: a pattern paying fewer is part-time unless it says (default 40). */
  fteHours?: number;
}

export interface PlannedShift {
  pattern: string;
  /** Days worked, ascending. */
  days: number[];
  /** Local minutes after midnight (on the first of `days`). */
  start: number;
  /** The start on each of `days` when they differ (a pattern with a start band); absent when every day starts at `start`. */
  starts?: number[];
  length: number;
  agents: number;
  /** The chosen offset of each break of the pattern, in the pattern's order. */
  breaks: { after: number; length: number }[];
}

export interface ShiftPlan {
  /** Only those with agents > 0, in a stable order: pattern (input order), days, start, break offsets. */
  shifts: PlannedShift[];
  /** Floor agents per interval = availability × Σ agents × a_ij; ≥ requirement (up to HiGHS's relative feasibility tolerance, 1e-6), summed over each quarter day with `cover` "quarterDay". */
  coverage: number[];
  /** Present when the requirement was covered per quarter day (ShiftPlanInput.cover), not interval by interval. */
  cover?: "quarterDay";
  /** Σ agents × length × |days| / 60. */
  paidHoursPerWeek: number;
  /** Agents (headcount), and those on part-time patterns. */
  headcount: number;
  partTimeAgents: number;
  /** The LP relaxation's paid hours: no plan from these patterns pays fewer (capped at paidHoursPerWeek against solver round-off). */
  lowerBoundHours: number;
  /** 1 − lowerBoundHours / paidHoursPerWeek: how far the plan may be from the best plan of these patterns (0: none). */
  gap: number;
  /**
   * The plan is within 1% (MIP_GAP) of the best plan of the shifts found: the LP bound over every
   * shift is within 1% of it, or HiGHS proved it over the columns the integer program kept.
   */
  optimal: boolean;
  /** Wall-clock seconds of planShifts (building, both solves, checks). */
  solveSeconds: number;
}

/** Per pool (same order as a staffing solution's pools): its shift plan, or null when shifts were not planned. */
export type PoolPlans = (ShiftPlan | null)[];

const DEFAULT_TIME_LIMIT = 30;
/** The quick integer solve's columns: reduced cost at most this share of their cost at the LP optimum [A]. */
const QUICK_COLUMNS = 0.02;
const DEFAULT_FTE_HOURS = 40;

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
  const nodes = input.maxNodes;
  if (nodes !== undefined && !(Number.isInteger(nodes) && nodes > 0)) problems.push(problem("maxNodes", `expected a whole number of nodes > 0, got ${show(nodes)}`));
  const cover = input.cover;
  if (cover !== undefined && cover !== "interval" && cover !== "quarterDay") problems.push(problem("cover", `expected "interval" or "quarterDay", got ${show(cover)}`));
  const f = input.fteHours;
  if (f !== undefined && (!isNum(f) || f <= 0 || f > 168)) problems.push(problem("fteHours", `expected hours in (0, 168], got ${show(f)}`));
  problems.push(...patternProblems(input.patterns));
  problems.push(...limitProblems(input.limits));
  if (problems.length > 0) throw new InputError(problems);
}

/** The plan of chosen agents per candidate: shifts, coverage and paid hours. */
function planOf(candidates: readonly Candidate[], n: readonly number[], input: ShiftPlanInput, partTime: readonly boolean[]): Omit<ShiftPlan, "lowerBoundHours" | "gap" | "optimal" | "solveSeconds"> {
  const L = input.intervalMinutes;
  const floorMinutes = new Array<number>(intervalCount(L)).fill(0);
  const chosen: { c: Candidate; agents: number }[] = [];
  let headcount = 0, partTimeAgents = 0;
  candidates.forEach((c, j) => {
    if (n[j] === 0) return;
    chosen.push({ c, agents: n[j] });
    headcount += n[j];
    if (partTime[c.pattern]) partTimeAgents += n[j];
    c.intervals.forEach((i, k) => (floorMinutes[i] += n[j] * c.minutes[k]));
  });
  // the stable order of the output: pattern, days, starts, break offsets
  const key = (c: Candidate): string => [c.pattern, ...c.days, ...c.starts, ...c.breaks.map((b) => b.after)].map((v) => String(v).padStart(6, "0")).join(",");
  chosen.sort((x, y) => x.c.pattern - y.c.pattern || (key(x.c) < key(y.c) ? -1 : key(x.c) > key(y.c) ? 1 : 0));
  const shifts = chosen.map(({ c, agents }): PlannedShift => {
    const s: PlannedShift = { pattern: input.patterns[c.pattern].name, days: [...c.days], start: c.starts[0], length: c.length, agents, breaks: c.breaks.map((b) => ({ ...b })) };
    if (c.starts.some((x) => x !== c.starts[0])) s.starts = [...c.starts];
    return s;
  });
  return {
    shifts,
    coverage: floorMinutes.map((m) => (input.availability * m) / L),
    paidHoursPerWeek: costOf(candidates, n) / 60,
    headcount,
    partTimeAgents,
  };
}

/**
 * Chooses shifts from `input.patterns` that cover `input.requirement` at the fewest paid hours
 * (see the module comment for the model). HiGHS solves the LP relaxation (the bound), then
 * the integer program over the LP's near-optimal columns (a few hundred: seconds, in at most
 * half of what remains of `timeLimitSeconds`), then, unless that plan is already within 1% of
 * the bound, over every column that may beat it, in what remains. The plan is the cheapest of
 * these and the LP optimum rounded up and trimmed (always feasible without limits); `gap` says
 * how far it may be from the best, and `optimal` is false when the last solve stopped at the
 * time limit.
 * Deterministic for a given input unless the time limit cuts the solve short (`maxNodes` bounds it in work instead).
 * @throws InputError with every problem of invalid input (paths as ShiftPlanInput's fields,
 *   e.g. `patterns[0].length`), or naming the first interval with a requirement that no
 *   allowed shift covers (path "": the input as a whole), e.g.
 *   `Mon 03:00–03:30 needs 2.4 agents on the floor, but no allowed shift covers it`.
 */
export async function planShifts(input: ShiftPlanInput): Promise<ShiftPlan> {
  const began = performance.now();
  validateInput(input);
  const L = input.intervalMinutes;
  const rows = coverageRows(input.requirement, input.availability, input.cover === "quarterDay" ? quarterDayGroups(input.requirement, 1440 / L) : undefined);
  const needed = input.requirement.map((_, i) => rows.rowOf[i] >= 0);
  const partTime = partTimeFlags(input.patterns, input.fteHours ?? DEFAULT_FTE_HOURS);
  const limits: Limits = { rows: limitRows(input.limits), partTime };
  const seen = new Set<string>();
  const initial = modelCandidates(allCandidates(input.patterns, L), rows.rowOf, partTime, seen);
  const uncovered = uncoveredProblem(input.requirement, needed, initial, L);
  if (uncovered !== undefined) throw new InputError(uncovered);
  const seconds = (): number => (performance.now() - began) / 1000;
  if (rows.intervals.length === 0) {
    return { ...planOf([], [], input, partTime), lowerBoundHours: 0, gap: 0, optimal: true, solveSeconds: seconds() };
  }

  const limit = input.timeLimitSeconds ?? DEFAULT_TIME_LIMIT;
  const highs = await loadHighs();
  const { candidates, lp, converged, bound } = relaxation(highs, input.patterns, initial, seen, rows, L, limits);
  if (lp.status === "Infeasible" && limits.rows.length > 0) {
    throw new InputError(problem("", `no plan of these patterns covers the requirement with ${limitText(input.limits)}`));
  }
  if (lp.status !== "Optimal") throw new Error(`shift plan: HiGHS did not solve the LP relaxation (status "${lp.status}")`);
  // incumbents: the LP optimum rounded up (always feasible without limits), then the integer
  // program over the near-optimal columns (quick), then over every column that may still beat
  // the incumbent (reduced-cost fixing: the optimum over the columns found is the same)
  const rc = reducedCosts(candidates, lp, rows, L, limits);
  const rounded = roundUpPlan(candidates, rows, lp.values, L);
  let best = feasible(candidates, rows, rounded, L, limits) ? rounded : undefined;
  const filled = best === undefined ? fullTimeFill(candidates, rounded, lp.values, limits, input.limits) : undefined;
  if (filled !== undefined && feasible(candidates, rows, filled, L, limits)) best = filled;
  const better = (n: number[] | undefined): void => {
    if (n !== undefined && (best === undefined || costOf(candidates, n) < costOf(candidates, best))) best = n;
  };
  const quick = integerPlan(highs, candidates, nearOptimalColumns(candidates, rc, QUICK_COLUMNS), rows, L, limits, (limit - seconds()) / 2, input.maxNodes);
  better(quick.agents);
  // proved: the incumbent is within the gap of the LP bound over every shift (when converged) or of the full solve's bound
  let optimal = best !== undefined && converged && costOf(candidates, best) - bound <= MIP_GAP * costOf(candidates, best);
  if (!optimal && limit - seconds() > 0) {
    const kept = best === undefined ? candidates.map((_, j) => j) : reducedCostKeep(rc, lp, costOf(candidates, best));
    const full = integerPlan(highs, candidates, kept, rows, L, limits, limit - seconds(), input.maxNodes);
    better(full.agents);
    optimal = converged && full.status === "Optimal";
  }
  if (best === undefined) throw new InputError(problem("", `no integer plan with ${limitText(input.limits)} was found within ${fmt(limit)} s`));
  const agents: number[] = best;
  const plan = planOf(candidates, agents, input, partTime);
  const lowerBoundHours = Math.min(bound / 60, plan.paidHoursPerWeek);
  return { ...plan, ...(input.cover === "quarterDay" ? { cover: "quarterDay" as const } : {}), lowerBoundHours, gap: plan.paidHoursPerWeek > 0 ? 1 - lowerBoundHours / plan.paidHoursPerWeek : 0, optimal, solveSeconds: seconds() };
}

/**
 * The LP optimum rounded up, made to keep a part-time cap s (with no headcount limit): full-time
 * agents added on the full-time shift the LP uses most until part-time ≤ s × all (coverage only
 * grows), so a plan exists however little time the integer solve gets (staff's default cap,
 * staffDefaults.ts). undefined when that cannot work (a headcount limit, s = 0, no full-time shift).
 */
function fullTimeFill(candidates: readonly Candidate[], n: readonly number[], lpValues: readonly number[], limits: Limits, given: PlanLimits | undefined): number[] | undefined {
  const s = given?.maxPartTimeShare;
  if (s === undefined || !(s > 0) || given?.maxHeadcount !== undefined) return undefined;
  let ft = -1, pt = 0, all = 0;
  candidates.forEach((c, j) => {
    const part = limits.partTime[c.pattern] === true;
    if (!part && (ft < 0 || lpValues[j] > lpValues[ft])) ft = j;
    all += n[j];
    if (part) pt += n[j];
  });
  if (ft < 0) return undefined;
  const out = [...n];
  out[ft] += Math.max(0, Math.ceil(pt / s - all - 1e-9));
  return out;
}

/**
 * The integer program over the candidates `cols` (indices into `candidates`) within `seconds`:
 * its plan as agents per candidate (all of them), when HiGHS found one that is feasible.
 */
function integerPlan(highs: HighsModule, candidates: readonly Candidate[], cols: readonly number[], rows: Rows, L: number, limits: Limits, seconds: number, maxNodes?: number): { agents?: number[]; status: string } {
  if (!(seconds > 0) || cols.length === 0) return { status: "not run" };
  const sub = cols.map((j) => candidates[j]);
  const mip = runHighs(highs, lpText(sub, rows, L, true, limits), sub.length, seconds, maxNodes);
  const values = roundAgents(mip.values);
  const agents = candidates.map(() => 0);
  cols.forEach((j, k) => (agents[j] = values[k]));
  return feasible(candidates, rows, agents, L, limits) ? { agents, status: mip.status } : { status: mip.status };
}
