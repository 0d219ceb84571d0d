/**
 * Scenarios through the library: `loadScenario` reads a file (or takes a scenario object),
 * resolves its `extends` chain, validates it and builds the model, so every problem is found
 * before anything runs (an `InputError` listing each problem with its field path).
 *
 * A simple-form file (one queue) is turned into the full form it stands for: every function of
 * the library then treats both forms alike.
 */
import { dirname, resolve } from "node:path";
import type { SupportConfig } from "../model/config.js";
import { resolveScenarioFile } from "../scenario/extends.js";
import { validateAsFullForm } from "../scenario/load.js";
import { buildSupport } from "../scenario/full/build.js";
import { scenarioWarnings } from "../scenario/full/warnings.js";
import type { SupportScenario } from "../scenario/full/schema.js";

/** A scenario, loaded, validated and built: ready for `simulate`, `compare`, `sweep` and `staff`. */
export interface Scenario {
  /** Its `name`. */
  readonly name: string;
  /** How it was written: the full form, or the simple single-queue form (run as the full form it stands for). */
  readonly form: "full" | "simple";
  /** The file it was read from (messages name it), if any. */
  readonly file?: string;
  /** The folder relative paths in it (history files) are read from. */
  readonly baseDir: string;
  /** The scenario as written, its `extends` chain merged (what `run --out` saves as scenario.resolved.json). */
  readonly resolved: unknown;
  /** The validated full-form scenario (for a simple-form file, the full form it stands for). */
  readonly definition: SupportScenario;
  /** The model configuration built from it. */
  readonly config: SupportConfig;
  /** Problems that do not stop a run (a pool without a cost, a channel open with nobody on the floor). */
  readonly warnings: readonly string[];
}

export interface LoadOptions {
  /** Where relative paths of a scenario object are read from (default: the working folder; a file's own folder for a file). */
  baseDir?: string;
  /** The name messages give the source of a scenario object (default: none). */
  file?: string;
}

/**
 * Load a scenario: `source` is a file path, or a scenario object (as parsed JSON, without
 * `extends`). Throws InputError listing every problem (field paths) when it is not a valid
 * scenario.
 */
export function loadScenario(source: string | object, options: LoadOptions = {}): Scenario {
  const file = typeof source === "string" ? source : options.file;
  const resolved = typeof source === "string" ? resolveScenarioFile(source) : structuredClone(source);
  const baseDir = options.baseDir ?? (typeof source === "string" ? dirname(resolve(source)) : process.cwd());
  const { form, scenario: definition } = validateAsFullForm(resolved, file);
  const config = buildSupport(definition, { baseDir, file });
  return { name: definition.name, form, file, baseDir, resolved, definition, config, warnings: scenarioWarnings(definition, config) };
}
