/**
 * A scenario read, validated and built, with its warnings, but not calibrated: what `validate`
 * does to each file, and the first step of `loadScenario` (./scenario.ts), which adds the
 * calibration on the status quo. Kept apart so `validate` loads none of the simulation code the
 * calibration's pilot runs need (about 0.02 s of CPU of start-up: bench/startup.mjs).
 */
import { dirname, resolve } from "node:path";
import type { SupportConfig } from "../model/config.js";
import { resolveScenarioFile } from "../scenario/extends.js";
import { validateWithInputs } from "../scenario/load.js";
import type { RangedInput } from "../scenario/inputs/inputs.js";
import { buildSupport } from "../scenario/full/build.js";
import type { SupportScenario } from "../scenario/full/schema.js";
import { scenarioWarnings } from "../scenario/full/warnings.js";
import { startupPhase } from "../startupPhases.js";

export interface CheckedScenario {
  form: "full" | "simple";
  /** The file it was read from, or the name given to a scenario object. */
  file?: string;
  /** The folder relative paths in it are read from. */
  baseDir: string;
  /** As written, its `extends` chain merged. */
  resolved: unknown;
  /** The validated full-form scenario. */
  definition: SupportScenario;
  /** The model configuration built from it, uncalibrated. */
  built: SupportConfig;
  warnings: readonly string[];
  /** Its ranged inputs, in file order (empty when it has none). */
  inputs: readonly RangedInput[];
}

/**
 * Read `source` (a file path, or a scenario object without `extends`), validate it with its
 * ranged inputs at `values` (by key; none given: each at its expected value, and every range is
 * checked at the ends of its support too), build the model and find the warnings. Throws
 * InputError listing every problem.
 */
export function checkScenario(source: string | object, options: { baseDir?: string; file?: string } = {}, values: ReadonlyMap<string, number> = new Map()): CheckedScenario {
  const file = typeof source === "string" ? source : options.file;
  const resolved = typeof source === "string" ? resolveScenarioFile(source) : structuredClone(source);
  startupPhase("the file read (JSON, extends merged)");
  const baseDir = options.baseDir ?? (typeof source === "string" ? dirname(resolve(source)) : process.cwd());
  const { form, scenario: definition, inputs } = validateWithInputs(resolved, file, { values, checkEnds: values.size === 0 });
  const built = buildSupport(definition, { baseDir, file });
  startupPhase("the model built");
  const warnings = scenarioWarnings(definition, built);
  startupPhase("the warnings found");
  return { form, file, baseDir, resolved, definition, built, warnings, inputs: inputs?.ranges ?? [] };
}
