/**
 * Checking the options of the library's functions. A bad option is an `InputError` whose
 * `source` is `OPTIONS` and whose paths are the options' names (`replications`,
 * `target.serviceLevel`); the command line maps them to its flags (cli/flags.ts).
 */
import { InputError, OPTIONS, problem, type Problem } from "../errors.js";
import { LIMITS } from "../scenario/limits.js";

export { OPTIONS };

/** The problem with `value` at `path` when it is not a number passing `ok` (undefined when it is, or is undefined and optional). */
export function numberProblem(path: string, value: unknown, ok: (x: number) => boolean, expected: string, required = false): Problem | undefined {
  if (value === undefined) return required ? problem(path, `missing: expected ${expected}`) : undefined;
  if (typeof value !== "number" || Number.isNaN(value) || !ok(value)) return problem(path, `expected ${expected}, got ${typeof value === "string" ? JSON.stringify(value) : String(value)}`);
  return undefined;
}

/** Throw an InputError about the options if any problem was found. */
export function throwIfAny(problems: readonly (Problem | undefined)[], source = OPTIONS): void {
  const found = problems.filter((p): p is Problem => p !== undefined);
  if (found.length > 0) throw new InputError(found, source);
}

export const isPositive = (x: number): boolean => Number.isFinite(x) && x > 0;
export const isNonNegative = (x: number): boolean => Number.isFinite(x) && x >= 0;
export const isFraction = (x: number): boolean => x >= 0 && x <= 1;
export const isIntegerAtLeast = (min: number) => (x: number): boolean => Number.isInteger(x) && x >= min;

/** The problem of an integer option with bounds: "expected an integer >= min" below or not whole, "expected an integer, at most max" above. */
export function countProblem(path: string, value: unknown, min: number, max: number): Problem | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value > max) return problem(path, `expected an integer, at most ${max}, got ${value}`);
  return numberProblem(path, value, isIntegerAtLeast(min), `an integer >= ${min}`);
}

/** The run settings every simulation takes: replications, seed, threads. */
export interface RunSettingsOptions {
  /** Independent replications (integer ≥ 1; default: the scenario's). */
  replications?: number;
  /** Random seed (integer ≥ 0; default: the scenario's). */
  seed?: number;
  /** Threads to run replications on (integer ≥ 1; default 1). Results do not depend on it. */
  threads?: number;
}

export function runSettingsProblems(o: RunSettingsOptions): (Problem | undefined)[] {
  return [
    countProblem("replications", o.replications, 1, LIMITS.replications),
    countProblem("seed", o.seed, 0, Number.MAX_SAFE_INTEGER),
    countProblem("threads", o.threads, 1, LIMITS.threads),
  ];
}
