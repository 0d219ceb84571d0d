/**
 * The JSON Schema of a what-if file (one with `extends`, ./extends.ts), derived mechanically
 * from the full form's schema so the two cannot drift apart: every field optional, any field
 * may be `null` (a merge patch removes it), and a list of named things (tiers, pools, channels,
 * need types, segments, releases, fixes …) may also be given as an object keyed by name whose
 * values patch (or, with null, remove) the elements. The merged scenario is validated by the
 * full validator; this schema is for editors (completion and early squiggles), not the judge.
 */
type Schema = Record<string, unknown>;

const isSchema = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);
const orNull = (s: unknown): Schema => ({ anyOf: [s, { type: "null" }] });

/** The patch form of one schema node. */
export function patchOf(s: unknown): unknown {
  if (!isSchema(s)) return s;
  if (s.type === "object" && isSchema(s.properties)) {
    const properties: Schema = {};
    for (const [k, v] of Object.entries(s.properties)) properties[k] = orNull(patchOf(v));
    const out: Schema = { type: "object", properties };
    if (s.additionalProperties !== undefined) out.additionalProperties = isSchema(s.additionalProperties) ? patchOf(s.additionalProperties) : s.additionalProperties;
    return out;
  }
  if (s.type === "array" && isSchema(s.items) && s.items.type === "object" && isSchema(s.items.properties) && "name" in s.items.properties) {
    return { anyOf: [s, { type: "object", description: "patch elements by name: { \"<name>\": { … } } changes one, null removes it, a new name adds one", additionalProperties: orNull(patchOf(s.items)) }] };
  }
  for (const key of ["anyOf", "oneOf"] as const) {
    if (Array.isArray(s[key])) return { ...s, [key]: (s[key] as unknown[]).map(patchOf) };
  }
  return s;
}

/** The schema of a what-if file, from the full form's schema. */
export function patchScenarioJsonSchema(full: Schema): Schema {
  const body = patchOf({ ...full, required: undefined }) as Schema;
  const properties = { extends: { type: "string", minLength: 1, description: "the base scenario file, relative to this file" }, ...(body.properties as Schema) };
  return { type: "object", title: "supportsim what-if scenario (extends a base)", required: ["extends"], properties, additionalProperties: false, ...(full.$defs === undefined ? {} : { $defs: full.$defs }) };
}
