/**
 * Reading a scenario file: JSON parsing (./json.ts), `extends` (./extends.ts), validation against
 * the schema of its form, and every problem as one line that names the field path and what was
 * expected (./issues.ts), thrown together as one InputError whose source is the file.
 */
import { InputError, problem } from "../errors.js";
import { resolveScenarioFile } from "./extends.js";
import { describeIssues } from "./issues.js";
import { ScenarioSchema, type Scenario } from "./simple/schema.js";
import { SupportScenarioSchema, type SupportScenario } from "./full/schema.js";

/** An InputError unless `input` is a JSON object. */
function checkTopLevel(input: unknown, file?: string): asserts input is Record<string, unknown> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InputError(problem("", `expected a JSON object at the top level, got ${Array.isArray(input) ? "a list" : input === null ? "null" : typeof input}`), file);
  }
}

/** Validate a parsed scenario in the simple form; throws InputError listing every problem. */
export function validateScenario(input: unknown, file?: string): Scenario {
  checkTopLevel(input, file);
  const r = ScenarioSchema.safeParse(input);
  if (!r.success) throw new InputError(describeIssues(ScenarioSchema, r.error.issues, input), file);
  return r.data;
}

/** Read, parse and validate a simple-form scenario file (resolving `extends`, ./extends.ts). */
export function loadScenarioFile(file: string): Scenario {
  return validateScenario(resolveScenarioFile(file), file);
}

// ---------------------------------------------------------------------------------------
// Either form: the full (support-demand) form has a top-level `channels` field.

export type AnyScenario = { form: "simple"; scenario: Scenario } | { form: "support"; scenario: SupportScenario };

/** Validate a parsed scenario in the full form (./full/schema.ts); throws InputError listing every problem. */
export function validateSupportScenario(input: unknown, file?: string): SupportScenario {
  checkTopLevel(input, file);
  const r = SupportScenarioSchema.safeParse(input);
  if (!r.success) throw new InputError(describeIssues(SupportScenarioSchema, r.error.issues, input), file);
  return r.data;
}

/** Validate a parsed scenario of either form: the full form when it has a top-level `channels` field, else the simple form. */
export function validateAnyScenario(input: unknown, file?: string): AnyScenario {
  checkTopLevel(input, file);
  if (Object.hasOwn(input, "channels")) return { form: "support", scenario: validateSupportScenario(input, file) };
  return { form: "simple", scenario: validateScenario(input, file) };
}

/** Read, parse and validate a scenario file of either form (resolving `extends`, ./extends.ts). */
export function loadAnyScenarioFile(file: string): AnyScenario {
  return validateAnyScenario(resolveScenarioFile(file), file);
}
