/**
 * The integer program of a shift plan (the model in shiftPlan.ts) and its solution: coverage
 * rows, the CPLEX LP text, HiGHS (npm `highs`, WebAssembly), and integer plans checked for
 * feasibility, with a rounding of the LP optimum for when the integer solve runs out of time.
 */
import highsImport from "highs";
import type { Candidate } from "./candidates.js";
import type { LimitRow } from "./planLimits.js";
import type { Rows } from "./coverageRows.js";

/** The coverage rows (coverageRows.ts: no solver, so the staffing chart reads them too); kept importable from here. */
export { coverageRows, DAY_PARTS, quarterDayGroups, type Rows } from "./coverageRows.js";

/** Relative tolerance of the coverage rows, as HiGHS's MIP feasibility tolerance. */
const FEASIBILITY = 1e-6;

/** The LP row name of row r. */
export function rowName(rows: Rows, r: number): string {
  return `c${rows.intervals[r]}`;
}

/** Candidate c's coefficient a_rj per row it covers (floor minutes / L summed over the row's intervals). */
export function rowCoefficients(c: Candidate, rows: Rows, L: number): Map<number, number> {
  const out = new Map<number, number>();
  c.intervals.forEach((i, k) => {
    const r = rows.rowOf[i];
    if (r >= 0) out.set(r, (out.get(r) ?? 0) + c.minutes[k] / L);
  });
  return out;
}

/** Terms "+ c name", eight to a line (LP format allows a row to continue on the next line). */
function termLines(terms: string[]): string {
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += 8) lines.push(`  ${terms.slice(k, k + 8).join(" ")}`);
  return lines.join("\n");
}

/** The limits of a plan as the program needs them: the rows, and which patterns are part-time. */
export interface Limits {
  rows: readonly LimitRow[];
  partTime: readonly boolean[];
}

export const NO_LIMITS: Limits = { rows: [], partTime: [] };

/** The coefficient of candidate c in limit row r. */
export function limitCoefficient(r: LimitRow, c: Candidate, limits: Limits): number {
  return limits.partTime[c.pattern] === true ? r.partTime : r.fullTime;
}

/**
 * The model in CPLEX LP format: columns x<j> (candidate j), rows c<i> (interval i), objective
 * in paid minutes, coefficients a_ij = floor minutes / L, then the limit rows (named as
 * LimitRow.name, ≤ rhs); with `integer`, all columns general integers (otherwise the LP
 * relaxation). Bounds default to x ≥ 0.
 */
export function lpText(candidates: readonly Candidate[], rows: Rows, L: number, integer: boolean, limits: Limits = NO_LIMITS): string {
  const byRow: string[][] = rows.intervals.map(() => []);
  candidates.forEach((c, j) => {
    for (const [r, a] of rowCoefficients(c, rows, L)) byRow[r].push(`+ ${a} x${j}`);
  });
  const objective = candidates.map((c, j) => `+ ${c.cost} x${j}`);
  const constraints = byRow.map((terms, r) => ` ${rowName(rows, r)}:\n${termLines(terms)}\n  >= ${rows.rhs[r]}`);
  for (const r of limits.rows) {
    const terms = candidates.map((c, j) => `${limitCoefficient(r, c, limits) < 0 ? "-" : "+"} ${Math.abs(limitCoefficient(r, c, limits))} x${j}`);
    constraints.push(` ${r.name}:\n${termLines(terms)}\n  <= ${r.rhs}`);
  }
  const parts = ["Minimize", ` paid:\n${termLines(objective)}`, "Subject To", ...constraints];
  if (integer) parts.push("Generals", termLines(candidates.map((_, j) => `x${j}`)));
  parts.push("End", "");
  return parts.join("\n");
}

/**
 * The `highs` loader. The package is CommonJS with an ES-module build: Node and vitest load the
 * ES build, whose default export is the loader, while TypeScript (NodeNext) reads its
 * declarations as CommonJS and types the default import as the module object; accept both.
 */
type HighsLoader = typeof highsImport.default;
const highsLoader: HighsLoader = typeof highsImport === "function" ? highsImport : highsImport.default;
export type HighsModule = Awaited<ReturnType<HighsLoader>>;
let highsPromise: Promise<HighsModule> | undefined;

/** The HiGHS WebAssembly module, loaded once per process. */
export function loadHighs(): Promise<HighsModule> {
  highsPromise ??= highsLoader();
  return highsPromise;
}

export interface SolveResult {
  status: string;
  objective: number;
  /** Column values in candidate order (whatever HiGHS returned; check feasibility before use). */
  values: number[];
  /** Row duals by row name (of an LP solve). */
  duals: Map<string, number>;
}

/** One HiGHS solve of LP text with columns x0…x<count−1>, quiet, within `timeLimit` seconds and `maxNodes` branch-and-bound nodes if given. */
export function runHighs(highs: HighsModule, text: string, count: number, timeLimit?: number, maxNodes?: number): SolveResult {
  const options = { output_flag: false, mip_rel_gap: MIP_GAP, ...(timeLimit === undefined ? {} : { time_limit: timeLimit }), ...(maxNodes === undefined ? {} : { mip_max_nodes: maxNodes }) };
  const res = highs.solve(text, options);
  const columns = res.Columns as Record<string, { Primal?: number } | undefined>;
  const values = Array.from({ length: count }, (_, j) => columns[`x${j}`]?.Primal ?? Number.NaN);
  const duals = new Map<string, number>();
  for (const row of (res.Rows ?? []) as { Name?: string; Dual?: number }[]) if (row.Name !== undefined && row.Dual !== undefined) duals.set(row.Name, row.Dual);
  return { status: res.Status, objective: res.ObjectiveValue, values, duals };
}

/** Relative gap at which HiGHS may stop with an integer plan (called optimal: within 1% of the best possible). */
export const MIP_GAP = 0.01;

/** Row activities Σ_j a_ij n_j of integer agents `n`. */
function activities(candidates: readonly Candidate[], rows: Rows, n: readonly number[], L: number): number[] {
  const act = new Array<number>(rows.intervals.length).fill(0);
  candidates.forEach((c, j) => {
    if (n[j] === 0) return;
    c.intervals.forEach((i, k) => {
      const r = rows.rowOf[i];
      if (r >= 0) act[r] += (n[j] * c.minutes[k]) / L;
    });
  });
  return act;
}

function slackOk(activity: number, rhs: number): boolean {
  return activity >= rhs - FEASIBILITY * Math.max(1, rhs);
}

export function feasible(candidates: readonly Candidate[], rows: Rows, n: readonly number[], L: number, limits: Limits = NO_LIMITS): boolean {
  if (n.some((x) => !Number.isInteger(x) || x < 0)) return false;
  const act = activities(candidates, rows, n, L);
  return act.every((a, r) => slackOk(a, rows.rhs[r])) && withinLimits(candidates, n, limits);
}

/** Whether integer agents `n` keep every limit row. */
export function withinLimits(candidates: readonly Candidate[], n: readonly number[], limits: Limits): boolean {
  return limits.rows.every((r) => candidates.reduce((s, c, j) => s + limitCoefficient(r, c, limits) * n[j], 0) <= r.rhs + 1e-9);
}

/** Integer agents from a MIP column vector: rounded to the nearest integer (HiGHS returns them within 1e-6), NaN kept. */
export function roundAgents(values: readonly number[]): number[] {
  return values.map((v) => (Number.isFinite(v) ? Math.max(0, Math.round(v)) : Number.NaN));
}

/**
 * A feasible integer plan from the LP optimum when the MIP found none in time: every value
 * rounded up (a_ij ≥ 0, so coverage only grows), then agents removed one at a time, costliest
 * candidates first, while every row stays covered.
 */
export function roundUpPlan(candidates: readonly Candidate[], rows: Rows, lp: readonly number[], L: number): number[] {
  const n = lp.map((v) => Math.max(0, Math.ceil(v - 1e-9)));
  const act = activities(candidates, rows, n, L);
  const order = candidates.map((_, j) => j).sort((x, y) => candidates[y].cost - candidates[x].cost || x - y);
  for (const j of order) {
    const a = rowCoefficients(candidates[j], rows, L);
    while (n[j] > 0 && [...a].every(([r, v]) => slackOk(act[r] - v, rows.rhs[r]))) {
      n[j]--;
      for (const [r, v] of a) act[r] -= v;
    }
  }
  return n;
}

export function costOf(candidates: readonly Candidate[], n: readonly number[]): number {
  return candidates.reduce((s, c, j) => s + c.cost * n[j], 0);
}
