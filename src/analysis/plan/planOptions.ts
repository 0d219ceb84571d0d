/**
 * The options of a budget-year plan (planYear.ts) and their checks. Each problem's path is the
 * option's name (`months`, `targets.maxAbandon`), never a flag: the command line maps them.
 */
import { InputError, OPTIONS, problem, type Problem } from "../../errors.js";
import { staffOptionProblems } from "../staffing/staffOptions.js";
import type { StaffingTargets } from "../staffing/targets.js";
import type { HiringLimits } from "./hiringProgram.js";
import { MAX_PLAN_MONTHS } from "./planMonths.js";
import { PLAN_DEFAULTS } from "./planDefaults.js";

export interface PlanOptions extends HiringLimits {
  /** Months to plan from the scenario's start (integer in [1, 60]). */
  months: number;
  /** The service targets per pool and month; `response` defaults to 0.9. */
  targets: Omit<StaffingTargets, "response"> & { response?: number };
  /** Replications per simulation run (default: the scenario's). */
  replications?: number;
  seed?: number;
  /** Worker threads for each run's replications (default 1); the answer does not depend on it. */
  threads?: number;
  /** Simulation runs of the requirement search after which it starts no new step (default 40). */
  maxRuns?: number;
  /** Rounds of re-planning after a failed end-to-end check (default 2). */
  maxRounds?: number;
  /** Called after every simulation run (for a progress line). */
  onRun?: (n: number, phase: "requirement" | "check") => void;
  onWarning?: (line: string) => void;
}

export { PLAN_DEFAULTS };

const intIn = (path: string, v: unknown, min: number, max = Infinity): Problem | undefined =>
  v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= min && v <= max)
    ? undefined
    : problem(path, `expected an integer ${max < Infinity ? `in [${min}, ${max}]` : `>= ${min}`}, got ${String(v)}`);

/** @throws InputError from OPTIONS listing every problem of the options. */
export function checkPlanOptions(o: PlanOptions): void {
  const found = [
    o.months === undefined ? problem("months", `missing: expected an integer in [1, ${MAX_PLAN_MONTHS}]`) : intIn("months", o.months, 1, MAX_PLAN_MONTHS),
    ...staffOptionProblems({ targets: o.targets, replications: o.replications, seed: o.seed, threads: o.threads }),
    intIn("maxRuns", o.maxRuns, 2),
    intIn("maxRounds", o.maxRounds, 0, 10),
    intIn("maxHiresPerMonth", o.maxHiresPerMonth, 0),
    intIn("maxHeadcount", o.maxHeadcount, 1),
    o.budgetPerMonth === undefined || (typeof o.budgetPerMonth === "number" && Number.isFinite(o.budgetPerMonth) && o.budgetPerMonth >= 0)
      ? undefined
      : problem("budgetPerMonth", `expected an amount >= 0, got ${String(o.budgetPerMonth)}`),
  ].filter((p): p is Problem => p !== undefined);
  if (found.length > 0) throw new InputError(found, OPTIONS);
}
