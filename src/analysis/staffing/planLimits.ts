/**
 * Limits on a shift plan beside coverage: most agents (headcount) and the largest share of them
 * on part-time patterns. Each is a row of the integer program (shiftProgram.ts):
 *
 *   headcount          Σ_j n_j ≤ H
 *   part-time share    Σ_j (pt_j − s) · n_j ≤ 0      (pt_j = 1 for a part-time pattern, else 0),
 *
 * the second being Σ_{part-time} n_j ≤ s · Σ_j n_j. A pattern is part-time when it says so
 * (`partTime`), else when it pays fewer hours a week than a full-time employee
 * (length × days < fteHours).
 */
import { problem, type Problem } from "../../errors.js";
import { HOUR_MINUTES } from "../../time/units.js";
import { fmt, show } from "./planText.js";
import { daySetsOf, type ShiftPattern } from "./shiftPattern.js";

export interface PlanLimits {
  /** Most agents in the plan (whole number ≥ 1). */
  maxHeadcount?: number;
  /** Largest share of the plan's agents on part-time patterns, [0, 1]. */
  maxPartTimeShare?: number;
}

/** A limit row: Σ_j coefficient(pattern of j) · n_j ≤ rhs. */
export interface LimitRow {
  name: string;
  /** Coefficient of an agent on a part-time pattern, and on a full-time one. */
  partTime: number;
  fullTime: number;
  rhs: number;
}

/** The problems of `limits` (paths below `path`), empty when fine. */
export function limitProblems(limits: PlanLimits | undefined, path = "limits"): Problem[] {
  if (limits === undefined) return [];
  if (limits === null || typeof limits !== "object") return [problem(path, `expected { maxHeadcount?, maxPartTimeShare? }, got ${show(limits)}`)];
  const out: Problem[] = [];
  const h = limits.maxHeadcount;
  if (h !== undefined && (!Number.isInteger(h) || h < 1)) out.push(problem(`${path}.maxHeadcount`, `expected a whole number of agents >= 1, got ${show(h)}`));
  const s = limits.maxPartTimeShare;
  if (s !== undefined && (typeof s !== "number" || !Number.isFinite(s) || s < 0 || s > 1)) out.push(problem(`${path}.maxPartTimeShare`, `expected a share in [0, 1], got ${show(s)}`));
  return out;
}

/** Whether each pattern counts as part-time (see the module comment). */
export function partTimeFlags(patterns: readonly ShiftPattern[], fteHours: number): boolean[] {
  return patterns.map((p) => {
    if (p.partTime !== undefined) return p.partTime;
    const days = Math.max(...daySetsOf(p).map((d) => d.length));
    return p.length * days < fteHours * HOUR_MINUTES - 1e-9;
  });
}

/** The rows of the limits given. */
export function limitRows(limits: PlanLimits | undefined): LimitRow[] {
  const rows: LimitRow[] = [];
  if (limits?.maxHeadcount !== undefined) rows.push({ name: "headcount", partTime: 1, fullTime: 1, rhs: limits.maxHeadcount });
  const s = limits?.maxPartTimeShare;
  if (s !== undefined && s < 1) rows.push({ name: "parttime", partTime: 1 - s, fullTime: -s, rhs: 0 });
  return rows;
}

/** What the limits say, for a message: "at most 12 agents and 30% part-time". */
export function limitText(limits: PlanLimits | undefined): string {
  const parts: string[] = [];
  if (limits?.maxHeadcount !== undefined) parts.push(`at most ${limits.maxHeadcount} agents`);
  if (limits?.maxPartTimeShare !== undefined) parts.push(`at most ${fmt(limits.maxPartTimeShare * 100)}% of them part-time`);
  return parts.join(" and ");
}
