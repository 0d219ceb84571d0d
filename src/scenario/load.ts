/**
 * Reading a scenario file: JSON parsing (./json.ts), `extends` (./extends.ts), validation against
 * the schema of its form, and every problem as one line that names the field path and what was
 * expected (./issues.ts), thrown together as one InputError whose source is the file.
 * `loadAsFullForm` reads either form as a full-form scenario (the simple form is sugar for it,
 * ./simple/desugar.ts) and says which form the file was in.
 */
import { InputError, problem, type Problem } from "../errors.js";
import { numberMagnitudeProblems } from "./json.js";
import { resolveScenarioFile } from "./extends.js";
import { describeIssues } from "./issues.js";
import { fullFormOf } from "./simple/desugar.js";
import { ScenarioSchema, type Scenario } from "./simple/schema.js";
import { SupportScenarioSchema, type SupportScenario } from "./full/schema.js";
import { hasInputs, plainScenario, scenarioInputs, type ScenarioInputs } from "./inputs/inputs.js";
import { checkRangeEnds } from "./inputs/rangeEnds.js";
import { startupPhase } from "../startupPhases.js";

/** An InputError unless `input` is a JSON object. */
function checkTopLevel(input: unknown, file?: string): asserts input is Record<string, unknown> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InputError(problem("", `expected a JSON object at the top level, got ${Array.isArray(input) ? "a list" : input === null ? "null" : typeof input}`), file);
  }
}

/** The schema's problems, and a problem for each number too large to mean anything (./json.ts) at a path they do not name already. */
function withMagnitudes(problems: readonly Problem[], input: unknown): Problem[] {
  const named = new Set(problems.map((p) => p.path));
  return [...problems, ...numberMagnitudeProblems(input).filter((p) => !named.has(p.path))];
}

/** Validate a parsed scenario in the simple form; throws InputError listing every problem. */
export function validateScenario(input: unknown, file?: string): Scenario {
  checkTopLevel(input, file);
  const r = ScenarioSchema.safeParse(input, { jitless: true });
  const problems = withMagnitudes(r.success ? [] : describeIssues(ScenarioSchema, r.error.issues, input), input);
  if (problems.length > 0 || !r.success) throw new InputError(problems, file);
  return r.data;
}

/** A file's JSON as it runs: its ranges at their expected values and its expressions evaluated (./inputs/inputs.ts); a file without them as it is. */
function plainOf(json: unknown, file?: string): unknown {
  return hasInputs(json) ? plainScenario(json, scenarioInputs(json, file), undefined, file) : json;
}

/** Read, parse and validate a simple-form scenario file (resolving `extends`, ./extends.ts; ranges at their expected values). */
export function loadScenarioFile(file: string): Scenario {
  return validateScenario(plainOf(resolveScenarioFile(file), file), file);
}

// ---------------------------------------------------------------------------------------
// Either form: the full (support-demand) form has a top-level `channels` field.

export type AnyScenario = { form: "simple"; scenario: Scenario } | { form: "support"; scenario: SupportScenario };

/** Validate a parsed scenario in the full form (./full/schema.ts); throws InputError listing every problem. */
export function validateSupportScenario(input: unknown, file?: string): SupportScenario {
  checkTopLevel(input, file);
  const r = SupportScenarioSchema.safeParse(input, { jitless: true });
  const problems = withMagnitudes(r.success ? [] : describeIssues(SupportScenarioSchema, r.error.issues, input), input);
  if (problems.length > 0 || !r.success) throw new InputError(problems, file);
  return r.data;
}

/** Validate a parsed scenario of either form: the full form when it has a top-level `channels` field, else the simple form. */
export function validateAnyScenario(input: unknown, file?: string): AnyScenario {
  checkTopLevel(input, file);
  if (Object.hasOwn(input, "channels")) return { form: "support", scenario: validateSupportScenario(input, file) };
  return { form: "simple", scenario: validateScenario(input, file) };
}

/** Read, parse and validate a scenario file of either form (resolving `extends`, ./extends.ts; ranges at their expected values). */
export function loadAnyScenarioFile(file: string): AnyScenario {
  return validateAnyScenario(plainOf(resolveScenarioFile(file), file), file);
}

// ---------------------------------------------------------------------------------------
// Either form as the full form.

/** A scenario file of either form as a full-form scenario, with the form the file was in (and, for the simple form, the file's own scenario). */
export type FullFormScenario = { form: "full"; scenario: SupportScenario } | { form: "simple"; scenario: SupportScenario; simple: Scenario };

/**
 * Validate a parsed scenario of either form and return it in the full form: a simple-form
 * scenario is validated as written, desugared (`fullFormOf`) and validated again as the full
 * form, whose problems (a horizon or warm-up the full form cannot run) name the simple file's
 * fields.
 */
export function validateAsFullForm(input: unknown, file?: string): FullFormScenario {
  const any = validateAnyScenario(input, file);
  if (any.form === "support") return { form: "full", scenario: any.scenario };
  return { form: "simple", scenario: validateSupportScenario(fullFormOf(any.scenario, file), file), simple: any.scenario };
}

/** Read, parse and validate a scenario file of either form (resolving `extends`; ranges at their expected values), as a full-form scenario. */
export function loadAsFullForm(file: string): FullFormScenario {
  return validateAsFullForm(plainOf(resolveScenarioFile(file), file), file);
}

/**
 * Validate scenario JSON that may hold variables, ranges and expressions (./inputs/inputs.ts) as a
 * full-form scenario at `values` of its ranged inputs (by key; default: each at its expected
 * value), with its inputs (undefined when it has none: then the JSON is validated as it is). With
 * `checkEnds`, every range is also checked at the ends of its support (./inputs/rangeEnds.ts).
 */
export function validateWithInputs(json: unknown, file?: string, opts: { values?: ReadonlyMap<string, number>; checkEnds?: boolean } = {}): FullFormScenario & { inputs?: ScenarioInputs } {
  if (!hasInputs(json)) {
    const full = validateAsFullForm(json, file);
    startupPhase("validated (the schema: types, bounds, cross-checks)");
    return full;
  }
  checkTopLevel(json, file);
  const inputs = scenarioInputs(json, file);
  let full: FullFormScenario;
  try {
    full = validateAsFullForm(plainScenario(json, inputs, opts.values, file), file);
  } catch (e) {
    // a range or an expression where the field takes a text, a yes/no or a word: say so
    const at = new Set([...inputs.ranges.map((r) => r.path), ...inputs.expressions.keys()]);
    const notNumber = (p: Problem) => at.has(p.path) && /text|true or false|one of|a list|an object/.test(p.message);
    if (!(e instanceof InputError) || !e.problems.some(notNumber)) throw e;
    throw new InputError(e.problems.map((p) => (notNumber(p) ? problem(p.path, `${p.message} (a range or an expression gives a number; this field takes none)`) : p)), file);
  }
  startupPhase("validated (ranges at their expected values; the schema: types, bounds, cross-checks)");
  if (opts.checkEnds) {
    checkRangeEnds(json, inputs, (plain) => validateAsFullForm(plain, file), file);
    startupPhase(`each of ${inputs.ranges.length} range(s) validated at the ends of its support`);
  }
  return { ...full, inputs };
}
