/** `supportsim schema`: print the JSON Schema of scenario files (either form). */
import { scenarioJsonSchema } from "../scenario/simple/schema.js";
import { supportScenarioJsonSchema } from "../scenario/full/schema.js";
import { patchScenarioJsonSchema } from "../scenario/full/patchSchema.js";
import { INPUT_DEFS, withInputs } from "../scenario/inputs/inputsJsonSchema.js";

export interface SchemaArgs {
  form: "any" | "full" | "simple" | "what-if";
}

/** The forms' schemas as files may be written: any number may be a range or an expression, and `variables` at the top (scenario/inputs/). */
const fullForm = () => withInputs(supportScenarioJsonSchema());
const simpleForm = () => withInputs(scenarioJsonSchema());

/**
 * The schema of a scenario file: a what-if (has `extends`: a merge patch on a base), the full form
 * (has `channels`) or the simple single-queue form. docs/scenario.schema.json is this, and the
 * shipped scenarios name it in `$schema` so editors complete fields (tests check it is current).
 */
export function anyScenarioJsonSchema(): Record<string, unknown> {
  // the forms' definitions (ranges, expressions) at the root, where their references point
  const strip = (s: Record<string, unknown>) => {
    const { $schema: _s, $defs: _d, ...rest } = s;
    return rest;
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "supportsim scenario",
    description: "A scenario file: a what-if that extends a base (it has `extends`), the full support-demand form (it has `channels`) or the simple single-queue form.",
    anyOf: [strip(patchScenarioJsonSchema(fullForm())), strip(fullForm()), strip(simpleForm())],
    $defs: INPUT_DEFS,
  };
}

/** The schema `supportsim schema --form FORM` prints. */
export function schemaOf(form: SchemaArgs["form"]): Record<string, unknown> {
  return form === "full" ? fullForm() : form === "simple" ? simpleForm() : form === "what-if" ? patchScenarioJsonSchema(fullForm()) : anyScenarioJsonSchema();
}
