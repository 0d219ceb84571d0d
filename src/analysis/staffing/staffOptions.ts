/**
 * The options of a staffing (staffScenario.ts) and their checks. Each problem's path is the
 * option's name (`targets.maxAbandon`, `replications`), never a command-line flag: the command
 * line maps the names to its flags.
 */
import { LIMITS } from "../../scenario/limits.js";
import { InputError, OPTIONS, problem, type Problem } from "../../errors.js";
import { STAFF_DEFAULTS } from "./staffDefaults.js";
import type { SolvePhase } from "./solver.js";
import type { StaffingTargets } from "./targets.js";

export interface StaffOptions {
  /** The service targets; `response` defaults to 0.9. */
  targets: Omit<StaffingTargets, "response"> & { response?: number };
  /** Names of the pools to size (default: every pool; the others keep their schedules). */
  pools?: readonly string[];
  /** Replications per simulation run (default: the scenario's). */
  replications?: number;
  /** Random seed (default: the scenario's). */
  seed?: number;
  /** Worker threads for each simulation run's replications (default 1); the answer does not depend on it. */
  threads?: number;
  /** Simulation runs after which the search starts no new step (default 150: the README example with --max-abandon 0.05 --max-occupancy 0.9 needs 101 on the baseline; at least 3). */
  maxRuns?: number;
  /** Standard errors of margin a removal must clear in every per-interval target (default 1.5, margin.ts REMOVAL_MARGIN_Z; 0: none; docs/model.md §14.5). */
  removalMargin?: number;
  /** Plan shifts for the requirement (default true). */
  shifts?: boolean;
  /**
   * The allowed shift patterns as planners write them (the content of a shift-pattern JSON
   * file: patternFile.ts); default: defaultPatterns.ts.
   */
  shiftPatterns?: unknown;
  /** Limits on each sized pool's shift plan: most agents, largest part-time share (planLimits.ts; default none). */
  maxHeadcount?: number;
  maxPartTimeShare?: number;
  /** Agents a blended pool is sized with kept idle for live work while deferred work waits, where its scenario sets none (default 2; 0: as the scenario routes; liveReserve.ts). */
  reserveForLive?: number;
  /** Paid hours of one full-time employee per week, for FTE (default 40). */
  fteHours?: number;
  /** Where the staffed scenario will be saved: its data file paths are made relative to it (read again from the scenario's file; default: as they are). */
  staffedScenarioDir?: string;
  /** Called with each warning about the scenario (a pool without a cost …) before the search starts. */
  onWarning?: (line: string) => void;
  /** Called after every simulation run of the search (for a progress line). */
  onEvaluation?: (n: number, phase: SolvePhase) => void;
}

export { STAFF_DEFAULTS };

/** A share in (0, 1), or (0, 1] with `closedAtOne`; undefined is fine unless `required`. */
function shareProblem(path: string, v: number | undefined, closedAtOne: boolean, required = false): Problem | undefined {
  if (v === undefined && !required) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v > 1 || (!closedAtOne && v >= 1)) {
    return problem(path, `expected a share ${closedAtOne ? "in (0, 1]" : "in (0, 1)"}, got ${String(v)}`);
  }
  return undefined;
}

function integerProblem(path: string, v: number | undefined, min: number, max?: number): Problem | undefined {
  if (v !== undefined && (!Number.isInteger(v) || v < min)) return problem(path, `expected an integer >= ${min}, got ${v}`);
  if (v !== undefined && max !== undefined && v > max) return problem(path, `expected an integer, at most ${max}, got ${v}`);
  return undefined;
}

/** Every problem of the options, in the order the command line has always checked its flags. */
export function staffOptionProblems(o: StaffOptions): Problem[] {
  const t = o.targets;
  if (t === null || typeof t !== "object") return [problem("targets", `expected { serviceLevel, thresholdSeconds, maxAbandon?, maxOccupancy?, response? }, got ${String(t)}`)];
  const fteHours = o.fteHours ?? STAFF_DEFAULTS.fteHours;
  const found = [
    shareProblem("targets.serviceLevel", t.serviceLevel, false, true),
    typeof t.thresholdSeconds === "number" && t.thresholdSeconds > 0 && Number.isFinite(t.thresholdSeconds)
      ? undefined
      : problem("targets.thresholdSeconds", `expected seconds > 0, got ${String(t.thresholdSeconds)}`),
    shareProblem("targets.maxAbandon", t.maxAbandon, false),
    shareProblem("targets.maxOccupancy", t.maxOccupancy, true),
    shareProblem("targets.response", t.response, false),
    integerProblem("replications", o.replications, 1, LIMITS.replications),
    integerProblem("maxRuns", o.maxRuns, 3),
    o.removalMargin === undefined || (typeof o.removalMargin === "number" && Number.isFinite(o.removalMargin) && o.removalMargin >= 0) ? undefined : problem("removalMargin", `expected a finite number >= 0 (standard errors), got ${String(o.removalMargin)}`),
    integerProblem("seed", o.seed, 0),
    integerProblem("threads", o.threads, 1, LIMITS.threads),
    integerProblem("maxHeadcount", o.maxHeadcount, 1),
    integerProblem("reserveForLive", o.reserveForLive, 0, LIMITS.agents),
    o.maxPartTimeShare === undefined || (typeof o.maxPartTimeShare === "number" && o.maxPartTimeShare >= 0 && o.maxPartTimeShare <= 1) ? undefined : problem("maxPartTimeShare", `expected a share in [0, 1], got ${String(o.maxPartTimeShare)}`),
    typeof fteHours === "number" && fteHours > 0 && fteHours <= 168 ? undefined : problem("fteHours", `expected hours in (0, 168], got ${fteHours}`),
  ];
  return found.filter((p): p is Problem => p !== undefined);
}

/** @throws InputError from OPTIONS listing every problem of the options, if any. */
export function checkStaffOptions(o: StaffOptions): void {
  const problems = staffOptionProblems(o);
  if (problems.length > 0) throw new InputError(problems, OPTIONS);
}
