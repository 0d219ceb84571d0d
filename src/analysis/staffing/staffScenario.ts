/**
 * Staffing a scenario, start to end: build its model, read the shift patterns, find the
 * fewest agents per pool and interval of the week that meet the targets in simulation
 * (solver.ts, the Erlang start beside them), plan shifts covering that requirement at the
 * fewest paid hours (shiftPlan.ts, patterns fitted to each pool's working day), and assemble
 * the answer (what `supportsim staff` prints as JSON and saves as results.json) and the
 * staffed scenario.
 *
 * Every input is checked before the search runs: bad options and bad shift patterns raise
 * InputError with source "options" and paths named after the options (`pools`,
 * `targets.maxAbandon`, `shiftPatterns[2].days`).
 */
import { dirname, resolve } from "node:path";
import { InputError, problem, problemLine } from "../../errors.js";
import { resolvedScenarioIn } from "../../scenario/extends.js";
import { buildSupport, supportRunSettings, supportWarnings } from "../../scenario/full/build.js";
import type { SupportScenario } from "../../scenario/full/schema.js";
import { defaultPatterns } from "./defaultPatterns.js";
import { fitPatterns } from "./fitPatterns.js";
import { parsePatterns } from "./patternFile.js";
import { intervalProblems } from "./planGrid.js";
import type { ShiftPattern } from "./shiftPattern.js";
import { planShifts, type PoolPlans, type ShiftPlan } from "./shiftPlan.js";
import type { PoolRequirement, StaffingSolution } from "./solution.js";
import { solveStaffing } from "./solver.js";
import { staffedScenario } from "./staffedScenario.js";
import { checkStaffOptions, STAFF_DEFAULTS, type StaffOptions } from "./staffOptions.js";
import type { StaffingTargets } from "./targets.js";

/** A validated full-form scenario and, when it came from one, its file. */
export interface LoadedScenario {
  scenario: SupportScenario;
  /** Its file: data file paths are read from its folder, the answer names it, and the staffed scenario is built from its resolved file form. */
  file?: string;
}

/** The answer as `supportsim staff --json` prints it (results.json). */
export type StaffDocument = {
  scenario: string;
  file?: string;
  seed: number;
  currency: string;
  fteHours: number;
} & StaffingSolution & { shifts: { pool: string; plan: ShiftPlan | null }[] };

export interface StaffOutcome {
  document: StaffDocument;
  solution: StaffingSolution;
  plans: PoolPlans;
  /** The scenario file (resolved, in file form) with the sized pools on their planned shifts; null without shifts or without a file. */
  staffedScenario: Record<string, unknown> | null;
  /** Warnings about the scenario (also given to `onWarning`). */
  warnings: string[];
}

/**
 * Staff `loaded` (see the module comment). @throws InputError for bad options or shift
 * patterns (source "options"), for a scenario whose interval does not divide a day (source: its
 * file), and whatever building the scenario throws for data files it cannot read.
 */
export async function staffScenario(loaded: LoadedScenario, options: StaffOptions): Promise<StaffOutcome> {
  checkStaffOptions(options);
  const { scenario, file } = loaded;
  const config = buildSupport(scenario, { baseDir: file === undefined ? process.cwd() : dirname(resolve(file)), file });
  const L = config.intervalLength;
  const badInterval = intervalProblems(L, "horizon.intervalMinutes");
  if (badInterval.length > 0) throw new InputError(badInterval, file);
  const settings = supportRunSettings(scenario, { seed: options.seed, replications: options.replications });
  const patterns = shiftPatternsOf(options, L);
  const targets: StaffingTargets = { serviceLevel: options.targets.serviceLevel, thresholdSeconds: options.targets.thresholdSeconds, response: options.targets.response ?? STAFF_DEFAULTS.response };
  if (options.targets.maxAbandon !== undefined) targets.maxAbandon = options.targets.maxAbandon;
  if (options.targets.maxOccupancy !== undefined) targets.maxOccupancy = options.targets.maxOccupancy;
  const warnings = supportWarnings(scenario, config);
  for (const w of warnings) options.onWarning?.(w);

  const solution = await solveStaffing(config, {
    targets, seed: settings.seed, replications: settings.replications, pools: options.pools,
    maxEvaluations: options.maxRuns, threads: options.threads, onEvaluation: options.onEvaluation,
  });
  const plans: PoolPlans = [];
  for (const p of solution.pools) plans.push(patterns === null ? null : await planPool(p, patterns, solution.intervalMinutes));

  const fteHours = options.fteHours ?? STAFF_DEFAULTS.fteHours;
  const document: StaffDocument = {
    scenario: scenario.name, file, seed: settings.seed, currency: config.costs.currency, fteHours, ...solution,
    shifts: plans.map((p, k) => ({ pool: solution.pools[k].pool, plan: p })),
  };
  const staffed = patterns === null || file === undefined
    ? null
    : staffedScenario(resolvedScenarioIn(file, options.staffedScenarioDir ?? dirname(resolve(file))), solution, plans);
  return { document, solution, plans, staffedScenario: staffed, warnings };
}

/** The patterns to plan with: none without shifts, the planners' (checked) or the defaults. */
function shiftPatternsOf(options: StaffOptions, L: number): ShiftPattern[] | null {
  if (options.shifts === false) return null;
  if (options.shiftPatterns === undefined) return defaultPatterns(L);
  try {
    return parsePatterns(options.shiftPatterns, L);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.problems, "options");
    throw e;
  }
}

/**
 * The shift plan of one pool's requirement, patterns fitted to its working day. Patterns that
 * cannot cover it are a problem of the options as a whole: "shifts for L1: Mon 09:00–10:00
 * needs 3 agents on the floor, but no allowed shift covers it".
 */
async function planPool(p: PoolRequirement, patterns: readonly ShiftPattern[], L: number): Promise<ShiftPlan> {
  try {
    const open = p.intervals.map((iv) => (iv.open ? 1 : 0));
    return await planShifts({ intervalMinutes: L, requirement: p.intervals.map((iv) => iv.required), availability: p.availability, patterns: fitPatterns(patterns, open, L) });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.problems.map((q) => problem("", `shifts for ${p.pool}: ${problemLine(q)}`)), "options");
    throw e;
  }
}
