/**
 * Staffing a loaded scenario, start to end: read the shift patterns, find the fewest agents
 * per pool and interval of the week that meet the targets in simulation
 * (solver.ts, the Erlang start beside them), plan shifts covering that requirement at the
 * fewest paid hours (shiftPlan.ts, patterns fitted to each pool's working day), and assemble
 * the answer (what `supportsim staff` prints as JSON and saves as results.json) and the
 * staffed scenario.
 *
 * Every input is checked before the search runs: bad options and bad shift patterns raise
 * InputError from OPTIONS with paths named after the options (`pools`, `targets.maxAbandon`,
 * `shiftPatterns[2].days`).
 */
import { dirname, resolve } from "node:path";
import { InputError, OPTIONS, problem, problemLine } from "../../errors.js";
import type { SupportConfig } from "../../model/config.js";
import { resolvedScenarioIn } from "../../scenario/extends.js";
import { runSettings } from "../../scenario/full/runSettings.js";
import type { SupportScenario } from "../../scenario/full/schema.js";
import { planShiftsInThread } from "../parallel/highsThread.js";
import { defaultPatterns } from "./defaultPatterns.js";
import { fitPatterns } from "./fitPatterns.js";
import { parsePatterns } from "./patternFile.js";
import type { PlanLimits } from "./planLimits.js";
import { planSummary, type SummaryRow } from "./planSummary.js";
import { intervalProblems } from "./planGrid.js";
import type { ShiftPattern } from "./shiftPattern.js";
import type { PoolPlans, ShiftPlan } from "./shiftPlan.js";
import type { PoolRequirement, StaffingSolution } from "./solution.js";
import { solveStaffing } from "./solver.js";
import { staffedScenario } from "./staffedScenario.js";
import { withLiveReserve } from "./liveReserve.js";
import { coverOf, partTimeShareOf } from "./staffDefaults.js";
import { checkStaffOptions, STAFF_DEFAULTS, type StaffOptions } from "./staffOptions.js";
import type { StaffingTargets } from "./targets.js";

/** A scenario loaded, validated and built (the library's loadScenario gives one). */
export interface LoadedScenario {
  /** The validated full-form scenario. */
  readonly definition: SupportScenario;
  /** The model configuration built from it. */
  readonly config: SupportConfig;
  /** Its file, if any: the answer names it, and the staffed scenario is read from it when saved elsewhere (`staffedScenarioDir`). */
  readonly file?: string;
  /** The scenario as written, its `extends` merged (the staffed scenario starts from it; default: read from the file). */
  readonly resolved?: unknown;
  /** How the file was written (a simple-form one is staffed as the full form it stands for). */
  readonly form?: "full" | "simple";
  /** Problems that do not stop a run (given to `onWarning` before the search). */
  readonly warnings: readonly string[];
}

/** The answer as `supportsim staff --json` prints it (results.json). */
export type StaffDocument = {
  scenario: string;
  file?: string;
  seed: number;
  currency: string;
  fteHours: number;
} & StaffingSolution & {
  shifts: { pool: string; plan: ShiftPlan | null }[];
  /** Per sized pool, then "total": the requirement, the plan and the scenario's current schedule side by side (planSummary.ts). */
  summary: SummaryRow[];
};

export interface StaffOutcome {
  document: StaffDocument;
  solution: StaffingSolution;
  plans: PoolPlans;
  /** The scenario as written (resolved) with the sized pools on their planned shifts; null without shifts. */
  staffedScenario: Record<string, unknown> | null;
  /** Warnings about the scenario (also given to `onWarning`). */
  warnings: readonly string[];
}

/**
 * Staff `loaded` (see the module comment). @throws InputError for bad options or shift
 * patterns (from OPTIONS), and for a scenario whose interval does not divide a day (from its
 * file).
 */
export async function staffScenario(loaded: LoadedScenario, options: StaffOptions): Promise<StaffOutcome> {
  checkStaffOptions(options);
  const { definition: scenario, file, warnings } = loaded;
  const config = withLiveReserve(scenario, loaded.config, options.reserveForLive ?? STAFF_DEFAULTS.reserveForLive);
  const L = config.intervalLength;
  const badInterval = intervalProblems(L, "horizon.intervalMinutes");
  if (badInterval.length > 0) throw new InputError(badInterval, file);
  const settings = runSettings(scenario, { seed: options.seed, replications: options.replications });
  const patterns = shiftPatternsOf(options, L);
  const targets: StaffingTargets = { serviceLevel: options.targets.serviceLevel, thresholdSeconds: options.targets.thresholdSeconds, response: options.targets.response ?? STAFF_DEFAULTS.response };
  if (options.targets.maxAbandon !== undefined) targets.maxAbandon = options.targets.maxAbandon;
  if (options.targets.maxOccupancy !== undefined) targets.maxOccupancy = options.targets.maxOccupancy;
  for (const w of warnings) options.onWarning?.(w);

  const solution = await solveStaffing(config, {
    targets, seed: settings.seed, replications: settings.replications, pools: options.pools,
    maxEvaluations: options.maxRuns ?? STAFF_DEFAULTS.maxRuns, removalMargin: options.removalMargin, threads: options.threads, onEvaluation: options.onEvaluation,
  });
  const plans: PoolPlans = [];
  const fteHours = options.fteHours ?? STAFF_DEFAULTS.fteHours;
  for (const p of solution.pools) {
    const limits = { maxHeadcount: options.maxHeadcount, maxPartTimeShare: partTimeShareOf(options.maxPartTimeShare, p) };
    plans.push(patterns === null ? null : await planPool(p, patterns, solution.intervalMinutes, limits, fteHours));
  }

  const document: StaffDocument = {
    scenario: scenario.name, file, seed: settings.seed, currency: config.costs.currency, fteHours, ...solution,
    shifts: plans.map((p, k) => ({ pool: solution.pools[k].pool, plan: p })),
    summary: planSummary(config, solution, plans, fteHours),
  };
  const resolved = patterns === null ? undefined : writtenForm(loaded, options.staffedScenarioDir);
  const staffed = resolved !== null && typeof resolved === "object" ? staffedScenario(resolved as Record<string, unknown>, solution, plans) : null;
  return { document, solution, plans, staffedScenario: staffed, warnings };
}

/**
 * The scenario as written, for the staffed scenario: the file's resolved form with its data
 * paths relative to `dir` when a folder is asked for (or nothing else is at hand), else
 * `loaded.resolved` as it is.
 */
function writtenForm(loaded: LoadedScenario, dir: string | undefined): unknown {
  // a simple-form file cannot hold shifts: its staffed scenario is the full form it stands for
  if (loaded.form === "simple") {
    const { $schema: _schema, ...full } = loaded.definition as SupportScenario & { $schema?: string };
    return full;
  }
  const file = loaded.file;
  if (file !== undefined && (dir !== undefined || loaded.resolved === undefined)) return resolvedScenarioIn(file, dir ?? dirname(resolve(file)));
  return loaded.resolved;
}

/** The patterns to plan with: none without shifts, the planners' (checked) or the defaults. */
function shiftPatternsOf(options: StaffOptions, L: number): ShiftPattern[] | null {
  if (options.shifts === false) return null;
  if (options.shiftPatterns === undefined) return defaultPatterns(L);
  try {
    return parsePatterns(options.shiftPatterns, L);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.problems, OPTIONS);
    throw e;
  }
}

/**
 * The shift plan of one pool's requirement, patterns fitted to its working day. Patterns that
 * cannot cover it are a problem of the options as a whole: "shifts for L1: Mon 09:00–10:00
 * needs 3 agents on the floor, but no allowed shift covers it".
 */
async function planPool(p: PoolRequirement, patterns: readonly ShiftPattern[], L: number, limits: PlanLimits, fteHours: number): Promise<ShiftPlan> {
  try {
    const open = p.intervals.map((iv) => (iv.open ? 1 : 0));
    return await planShiftsInThread({ intervalMinutes: L, requirement: p.intervals.map((iv) => iv.required), availability: p.availability, patterns: fitPatterns(patterns, open, L), cover: coverOf(p), limits, fteHours });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.problems.map((q) => problem("", `shifts for ${p.pool}: ${problemLine(q)}`)), OPTIONS);
    throw e;
  }
}
