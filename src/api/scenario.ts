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
import { calibrated as withCalibration, calibrateOnStatusQuo, calibrationOf, needsCalibration, type StatusQuoCalibration } from "../analysis/experiments/statusQuo.js";
import { resolveScenarioFile, rootScenarioFile } from "../scenario/extends.js";
import { runSettings } from "../scenario/full/runSettings.js";
import { InputError, OPTIONS, problem } from "../errors.js";
import { validateWithInputs } from "../scenario/load.js";
import type { RangedInput } from "../scenario/inputs/inputs.js";
import { buildSupport } from "../scenario/full/build.js";
import { checkScenario } from "./checkScenario.js";
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
  /**
   * The model configuration built from it, calibrated on its status quo — the customers' expected
   * waits and the base churn rates (analysis/experiments/statusQuo.ts: pilot replications, run when
   * first read).
   */
  readonly config: SupportConfig;
  /** The model as built from the scenario, before the calibration (what `validate` and the warnings read: no pilot run). */
  readonly uncalibrated: SupportConfig;
  /** The status quo it is calibrated on: its `statusQuo` file, else the root of its `extends` chain, else itself; over its start, horizon and warm-up. */
  readonly statusQuo: string;
  /** Problems that do not stop a run (a pool without a cost, a channel open with nobody on the floor). */
  readonly warnings: readonly string[];
  /** Its ranged inputs (docs/scenario-format.md "Ranges"), in file order; empty when it has none. */
  readonly inputs: readonly RangedInput[];
  /** The values of its ranged inputs it was loaded at, by key (`scenarioAtInputs`); empty: each at its expected value. */
  readonly inputValues: ReadonlyMap<string, number>;
}

export interface LoadOptions {
  /** Where relative paths of a scenario object are read from (default: the working folder; a file's own folder for a file). */
  baseDir?: string;
  /** The name messages give the source of a scenario object (default: none). */
  file?: string;
}

/**
 * The scenario with a warm-up of `days` whole days instead of its own (the measured window then
 * starts there), keeping its calibration on the status quo. Throws InputError (option `warmup`)
 * when the warm-up would not leave any of the horizon.
 */
export function withWarmupDays(s: Scenario, days: number): Scenario {
  const horizon = { ...s.definition.horizon, warmupDays: days };
  delete horizon.warmupHours;
  const definition = { ...s.definition, horizon };
  const built = buildSupport(definition, { baseDir: s.baseDir, file: s.file });
  if (!(built.warmup < built.horizon)) throw new InputError(problem("warmup", `expected fewer days than the horizon (${built.horizon / 1440} days), got ${days}`), OPTIONS);
  const config = withCalibration(built, calibrationOf(s.config));
  return { name: s.name, form: s.form, file: s.file, baseDir: s.baseDir, resolved: s.resolved, definition, config, uncalibrated: built, warnings: s.warnings, statusQuo: s.statusQuo, inputs: s.inputs, inputValues: s.inputValues };
}

/** The fields a what-if lends its status quo: the status quo runs over the what-if's own time (and seed). */
const TIMING = ["start", "timeZone", "horizon", "seed"] as const;

/** Calibrations made in this process, by status quo file, its timing and seed (a comparison's scenarios share their root's). */
const CALIBRATED = new Map<string, StatusQuoCalibration>();

/** How each loaded scenario was read (to load it again at other values of its inputs). */
const SOURCES = new WeakMap<Scenario, { source: string | object; options: LoadOptions }>();

/**
 * Load a scenario: `source` is a file path, or a scenario object (as parsed JSON, without
 * `extends`). Throws InputError listing every problem (field paths) when it is not a valid
 * scenario, or when a range does not hold at either end of its support. Its ranged inputs take
 * their expected values.
 */
export function loadScenario(source: string | object, options: LoadOptions = {}): Scenario {
  const s = load(source, options, new Map());
  SOURCES.set(s, { source, options });
  return s;
}

/**
 * A loaded scenario with its ranged inputs at `values` (by key; an input not given takes its
 * expected value), and its status quo at the same values (the same draw of an input serves both):
 * what a Monte Carlo input set runs. Keys it does not have are ignored.
 */
export function scenarioAtInputs(s: Scenario, values: ReadonlyMap<string, number>): Scenario {
  const from = SOURCES.get(s);
  if (from === undefined) throw new Error("scenarioAtInputs: a scenario made by loadScenario is needed");
  const own = new Map([...values].filter(([k]) => s.inputs.some((i) => i.key === k)));
  return load(from.source, from.options, own);
}

function load(source: string | object, options: LoadOptions, values: ReadonlyMap<string, number>): Scenario {
  const { form, file, baseDir, resolved, definition, built, warnings, inputs } = checkScenario(source, options, values);
  // the status quo: the scenario's `statusQuo` file (relative to its folder), else the root of its extends chain, else itself
  const given = definition.statusQuo ?? undefined;
  const root = given !== undefined ? resolve(baseDir, given) : typeof source === "string" ? rootScenarioFile(source) : undefined;
  const statusQuoOf = (): { name: string; config: SupportConfig } => {
    if (root === undefined || (typeof source === "string" && root === resolve(source))) return { name: definition.name, config: built };
    // the root as written, over this scenario's start, time zone, horizon and seed
    const rootJson = resolveScenarioFile(root) as Record<string, unknown>;
    const timed: Record<string, unknown> = { ...rootJson };
    for (const key of TIMING) if (definition[key] !== undefined) timed[key] = definition[key];
    const sq = validateWithInputs(timed, root, { values }).scenario;
    return { name: sq.name, config: buildSupport(sq, { baseDir: dirname(root), file: root }) };
  };
  let calibrated: SupportConfig | undefined;
  const scenario = { name: definition.name, form, file, baseDir, resolved, definition, warnings, uncalibrated: built, statusQuo: root ?? definition.name, inputs, inputValues: values } as Omit<Scenario, "config">;
  // calibrated when first read: validate and the warnings need no pilot run
  return Object.defineProperty(scenario, "config", {
    enumerable: true,
    get(): SupportConfig {
      if (calibrated === undefined) {
        if (!needsCalibration(built)) calibrated = built;
        else {
          const seed = runSettings(definition).seed;
          const key = root === undefined ? undefined : JSON.stringify([root, ...TIMING.map((k) => (k === "seed" ? seed : definition[k])), [...values]]);
          let cal = key === undefined ? undefined : CALIBRATED.get(key);
          if (cal === undefined) {
            const sq = statusQuoOf();
            cal = calibrateOnStatusQuo(sq.config, seed, sq.name);
            if (key !== undefined) CALIBRATED.set(key, cal);
          }
          calibrated = withCalibration(built, cal);
        }
      }
      return calibrated;
    },
  }) as Scenario;
}
