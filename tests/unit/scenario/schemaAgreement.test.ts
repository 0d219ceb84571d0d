/**
 * The JSON Schema editors use (docs/scenario.schema.json) against the validator: the file is
 * the current output of `supportsim schema`; every shipped scenario (full form, simple form,
 * what-ifs that extend a base) passes it; and on a fast-check corpus of field-level changes to
 * the baseline (a number made negative or turned into text, a required field removed, an
 * unknown field added) the schema (checked with ajv, an independent JSON Schema validator) and
 * the zod validator accept and reject the same files. Cross-field rules (references by name,
 * shares that sum to 1, routing) are the validator's alone: the schema cannot express them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyScenarioJsonSchema } from "../../../src/cli/schema.js";
import { supportScenarioJsonSchema } from "../../../src/scenario/full/schema.js";
import { validateSupportScenario } from "../../../src/scenario/load.js";
import { plainScenario, scenarioInputs } from "../../../src/scenario/inputs/inputs.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
/** Fields whose value is an object keyed by the names of other things. */
const NAME_MAPS = new Set(["channels", "patience", "resolve", "coverage", "resolveGain", "handleTimeFactor", "articleTime"]);
const SCENARIOS = join(ROOT, "scenarios");

describe("docs/scenario.schema.json", () => {
  it("is the current output of `supportsim schema` (regenerate: node bin/supportsim.js schema > docs/scenario.schema.json)", () => {
    expect(readFileSync(join(ROOT, "docs", "scenario.schema.json"), "utf8")).toBe(JSON.stringify(anyScenarioJsonSchema(), null, 2) + "\n");
  });

  it("accepts every shipped scenario, what-ifs included, and each names it in $schema", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(anyScenarioJsonSchema());
    for (const f of readdirSync(SCENARIOS).filter((n) => n.endsWith(".json"))) {
      const s = JSON.parse(readFileSync(join(SCENARIOS, f), "utf8"));
      expect(s.$schema, f).toBe("../docs/scenario.schema.json");
      expect(validate(s), `${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it("rejects a what-if with a field of the wrong type or an unknown field", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(anyScenarioJsonSchema());
    expect(validate({ extends: "baseline.json", pools: { L2: { agents: 14 } } })).toBe(true);
    expect(validate({ extends: "baseline.json", pools: { L2: null } })).toBe(true);
    expect(validate({ extends: "baseline.json", pools: { L2: { agents: "many" } } })).toBe(false);
    expect(validate({ extends: "baseline.json", poools: {} })).toBe(false);
  });
});

describe("the schema and the validator agree on field-level changes (fast-check)", () => {
  // the baseline as it runs (its ranges at their expected values, scenario/inputs/): the form's schema and validator know no ranges
  const written = JSON.parse(readFileSync(join(SCENARIOS, "baseline.json"), "utf8"));
  const baseline = plainScenario(written, scenarioInputs(written)) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const schemaAccepts = ajv.compile(supportScenarioJsonSchema());
  const validatorAccepts = (s: unknown): boolean => {
    try {
      validateSupportScenario(s);
      return true;
    } catch {
      return false;
    }
  };

  /** Paths to every leaf and object of a JSON value. */
  const paths = (v: unknown, at: (string | number)[] = [], out: { path: (string | number)[]; value: unknown }[] = []) => {
    out.push({ path: at, value: v });
    if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
    return out;
  };
  const all = paths(baseline).filter((p) => p.path.length > 0 && p.path[0] !== "$schema");
  const numbers = all.filter((p) => typeof p.value === "number");
  const objects = all.filter((p) => p.value !== null && typeof p.value === "object" && !Array.isArray(p.value));
  const fields = all.filter((p) => typeof p.path[p.path.length - 1] === "string");

  const set = (root: unknown, path: (string | number)[], f: (holder: Record<string | number, unknown>, key: string | number) => void) => {
    let o = root as Record<string | number, unknown>;
    for (let i = 0; i < path.length - 1; i++) o = o[path[i]] as Record<string | number, unknown>;
    f(o, path[path.length - 1]);
  };

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("negative" as const), i: fc.nat(numbers.length - 1) }),
    fc.record({ kind: fc.constant("text" as const), i: fc.nat(numbers.length - 1) }),
    fc.record({ kind: fc.constant("remove" as const), i: fc.nat(fields.length - 1) }),
    fc.record({ kind: fc.constant("unknown" as const), i: fc.nat(objects.length - 1) }),
  );

  it("every mutated baseline is accepted by both or rejected by both", () => {
    expect(schemaAccepts(baseline)).toBe(true);
    expect(validatorAccepts(baseline)).toBe(true);
    fc.assert(
      fc.property(mutation, (m) => {
        const s = structuredClone(baseline);
        if (m.kind === "negative") set(s, numbers[m.i].path, (o, k) => { o[k] = -Math.abs(o[k] as number) - 1; });
        else if (m.kind === "text") set(s, numbers[m.i].path, (o, k) => { o[k] = "12"; });
        else if (m.kind === "remove") set(s, fields[m.i].path, (o, k) => { delete o[k]; });
        else set(s, [...objects[m.i].path, "unexpectedField"], (o, k) => { o[k] = 1; });
        const bySchema = schemaAccepts(s), byValidator = validatorAccepts(s);
        // a removal can break a cross-field rule only the validator knows (e.g. a channel whose hours
        // the pools no longer cover is fine, but removing a segment's `share` breaks the sum)
        if (bySchema && !byValidator && m.kind === "remove") return;
        // objects keyed by names (channel weights, patience or resolution per name, KCS maps) take any
        // key in the schema; that a key names a real channel, need type or tier is a reference check
        if (bySchema && !byValidator && m.kind === "unknown" && NAME_MAPS.has(String(objects[m.i].path[objects[m.i].path.length - 1]))) return;
        expect(byValidator, `${m.kind} at ${JSON.stringify((m.kind === "remove" ? fields : m.kind === "unknown" ? objects : numbers)[m.i].path)}`).toBe(bySchema);
      }),
      { numRuns: 300, seed: 20271122 },
    );
  });
});
