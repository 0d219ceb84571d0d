/**
 * The JSON Schema of scenario files with inputs (./inputs.ts): wherever a number is expected, a
 * range (./range.ts) or an expression "=…" (./expression.ts) may stand instead (where a whole
 * number is expected, an expression only: a range's draws are not whole), and a top-level
 * `variables` object. The definitions live in `$defs` at the document's root (`INPUT_DEFS`).
 */
import { RANGE_DISTS } from "./range.js";

type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

const RANGE = "#/$defs/range", EXPRESSION = "#/$defs/expression";

/** The definitions the schema refers to. */
export const INPUT_DEFS: Schema = {
  range: {
    type: "object",
    description: "an uncertain input: low and high (and expected: the most likely value, used by a run without --uncertainty), triangular unless dist says otherwise; normal and lognormal take low and high as their 10th and 90th percentiles; beta is beta-PERT on [low, high] within [0, 1]",
    properties: { low: { type: "number" }, expected: { type: "number" }, high: { type: "number" }, dist: { type: "string", enum: [...RANGE_DISTS] } },
    required: ["low", "high"],
    additionalProperties: false,
  },
  expression: { type: "string", pattern: "^=", description: "an expression over the scenario's variables, e.g. \"=ceil(12 * (1 + growth))\"" },
};

/** The schema of `variables`. */
const VARIABLES: Schema = {
  type: "object",
  description: "named numbers, ranges or expressions (over the variables before them) that expressions elsewhere read",
  propertyNames: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
  additionalProperties: { anyOf: [{ type: "number" }, { $ref: RANGE }, { $ref: EXPRESSION }] },
};

/** A schema node with ranges and expressions allowed wherever it expects a number. */
function withInputsNode(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(withInputsNode);
  if (!isSchema(s)) return s;
  if (s.type === "number") return { anyOf: [s, { $ref: RANGE }, { $ref: EXPRESSION }] };
  if (s.type === "integer") return { anyOf: [s, { $ref: EXPRESSION }] };
  const out: Schema = {};
  for (const [k, v] of Object.entries(s)) out[k] = k === "enum" || k === "const" || k === "required" ? v : withInputsNode(v);
  return out;
}

/** A form's schema with inputs: numbers may be ranges or expressions, `variables` at the top, the definitions in `$defs`. */
export function withInputs(schema: Schema): Schema {
  const out = withInputsNode(schema) as Schema;
  const properties = isSchema(out.properties) ? { ...out.properties, variables: VARIABLES } : out.properties;
  return { ...out, properties, $defs: { ...(isSchema(out.$defs) ? out.$defs : {}), ...INPUT_DEFS } };
}
