/**
 * Tests of scenario files (src/scenario/load.ts, json.ts, src/scenario/simple/schema.ts): the shipped contract
 * scenario validates; every kind of bad input is reported as one line per problem that names
 * the field path and what was expected; JSON syntax errors give the line and column; the JSON
 * Schema export describes the same format; and fast-check properties over random valid
 * scenarios and random single-field corruptions.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../../src/api/scenario.js";
import { simulate } from "../../../src/api/simulate.js";
import { InputError, problemLine } from "../../../src/errors.js";
import { parseJson } from "../../../src/scenario/json.js";
import { loadScenarioFile, validateScenario } from "../../../src/scenario/load.js";
import { DISTRIBUTIONS } from "../../../src/scenario/duration.js";
import { scenarioJsonSchema } from "../../../src/scenario/simple/schema.js";
import { problemsOf } from "../../helpers/problems.js";

const CONTRACT = "scenarios/mmc-abandon.json";
const tmp = mkdtempSync(join(tmpdir(), "supportsim-scenario-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A valid single-tier scenario, as plain JSON data. */
function base(): any {
  return {
    name: "base",
    seed: 7,
    replications: 3,
    horizon: { hours: 10, warmupHours: 1 },
    serviceLevel: { thresholdSeconds: 20 },
    arrivals: { ratePerHour: 540 },
    tiers: [
      {
        name: "L1",
        agents: 50,
        handleTime: { dist: "exponential", meanMinutes: 5 },
        patience: { dist: "exponential", meanMinutes: 2 },
      },
    ],
  };
}

/** The problems validateScenario reports for `input` (fails the test if it is accepted). */
const problems = (input: unknown): string[] => problemsOf(validateScenario, input);

/** The single problem reported for a scenario changed by `mutate`. */
function oneProblem(mutate: (s: any) => void): string {
  const s = base();
  mutate(s);
  const p = problems(s);
  expect(p, `expected exactly one problem, got ${JSON.stringify(p)}`).toHaveLength(1);
  return p[0];
}

function writeTmp(name: string, text: string): string {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
}

/** The InputError thrown by `f`. */
function scenarioError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError, nothing was thrown");
}

describe("the contract scenario", () => {
  it(`${CONTRACT} loads and validates with the documented values`, () => {
    const s = loadScenarioFile(CONTRACT);
    expect(s.name).toBe("M/M/50 with abandonment");
    expect(s.seed).toBe(7);
    expect(s.replications).toBe(20);
    expect(s.horizon).toEqual({ hours: 2000, warmupHours: 50 });
    expect(s.serviceLevel).toEqual({ thresholdSeconds: 20 });
    expect(s.arrivals).toEqual({ ratePerHour: 540 });
    expect(s.tiers).toEqual([
      { name: "L1", agents: 50, handleTime: { dist: "exponential", meanMinutes: 5 }, patience: { dist: "exponential", meanMinutes: 2 } },
    ]);
  });

  it("the base fixture of this file is valid too", () => {
    expect(() => validateScenario(base())).not.toThrow();
  });

  it("every distribution form is accepted", () => {
    const forms = [
      { dist: "exponential", meanMinutes: 5 },
      { dist: "deterministic", minutes: 0 },
      { dist: "uniform", minMinutes: 0, maxMinutes: 3 },
      { dist: "normal", meanMinutes: 5, sdMinutes: 0 },
      { dist: "lognormal", meanMinutes: 5, cv: 1.5 },
      { dist: "gamma", meanMinutes: 5, cv: 2 },
      { dist: "erlang", meanMinutes: 5, k: 3 },
      { dist: "empirical", samplesMinutes: [0, 1.5, 9] },
      { dist: "empirical", samplesMinutes: [4], interpolate: true },
    ];
    expect(forms.map((f) => f.dist).filter((d, i, a) => a.indexOf(d) === i)).toEqual([...DISTRIBUTIONS]);
    for (const f of forms) {
      const s = base();
      s.tiers[0].handleTime = f;
      s.tiers[0].patience = f;
      expect(() => validateScenario(s), JSON.stringify(f)).not.toThrow();
    }
  });

  it("a pattern instead of a constant rate is accepted", () => {
    const s = base();
    s.arrivals = { pattern: { stepMinutes: 60, ratesPerHour: [0, 120, 540], repeat: true } };
    expect(validateScenario(s).arrivals.pattern?.ratesPerHour).toEqual([0, 120, 540]);
  });
});

describe("one message per bad input, naming the path and the expectation", () => {
  it("negative meanMinutes", () => {
    expect(oneProblem((s) => (s.tiers[0].handleTime.meanMinutes = -5))).toBe(
      "tiers[0].handleTime.meanMinutes: expected a positive number (minutes), got -5",
    );
  });

  it("missing arrivals", () => {
    const m = oneProblem((s) => delete s.arrivals);
    expect(m.startsWith("arrivals: ")).toBe(true);
    expect(m).toContain("missing");
  });

  it("unknown top-level field suggests the close one and lists the fields", () => {
    const m = oneProblem((s) => (s.replicatons = 5));
    expect(m.startsWith('replicatons: unknown field (did you mean "replications"?)')).toBe(true);
    for (const k of ["name", "seed", "replications", "horizon", "arrivals", "tiers"]) expect(m).toContain(k);
  });

  it("unknown nested field names the nested path", () => {
    expect(oneProblem((s) => (s.horizon.hour = 3))).toMatch(/^horizon\.hour: unknown field \(did you mean "hours"\?\)/);
    expect(oneProblem((s) => (s.tiers[0].agnets = 3))).toMatch(/^tiers\[0\]\.agnets: unknown field \(did you mean "agents"\?\)/);
    // the allowed fields listed are those of the distribution actually chosen
    expect(oneProblem((s) => (s.tiers[0].patience = { dist: "gamma", meanMinutes: 1, cv: 1, shape: 2 }))).toBe(
      "tiers[0].patience.shape: unknown field; expected one of dist, meanMinutes, cv",
    );
  });

  it('unknown distribution "expo": names the path, suggests exponential, lists the options', () => {
    const m = oneProblem((s) => (s.tiers[0].handleTime.dist = "expo"));
    expect(m.startsWith('tiers[0].handleTime.dist: unknown value "expo"')).toBe(true);
    for (const d of DISTRIBUTIONS) expect(m).toContain(d);
    expect(m).toContain('did you mean "exponential"?');
  });

  it('a misspelled distribution ("exponental") gets the suggestion', () => {
    expect(oneProblem((s) => (s.tiers[0].patience.dist = "exponental"))).toBe(
      `tiers[0].patience.dist: unknown value "exponental" (did you mean "exponential"?); expected one of ${DISTRIBUTIONS.join(", ")}`,
    );
  });

  it("missing distribution", () => {
    expect(oneProblem((s) => delete s.tiers[0].handleTime.dist)).toBe(
      `tiers[0].handleTime.dist: missing: expected one of ${DISTRIBUTIONS.join(", ")}`,
    );
  });

  it("zero arrival rate", () => {
    expect(oneProblem((s) => (s.arrivals.ratePerHour = 0))).toBe("arrivals.ratePerHour: expected a positive number (contacts per hour), got 0");
  });

  it("warmupHours equal to or above hours", () => {
    expect(oneProblem((s) => (s.horizon.warmupHours = 10))).toBe("horizon.warmupHours: expected less than horizon.hours (10), got 10");
    expect(oneProblem((s) => (s.horizon.warmupHours = 12.5))).toBe("horizon.warmupHours: expected less than horizon.hours (10), got 12.5");
  });

  it("fractional agents", () => {
    expect(oneProblem((s) => (s.tiers[0].agents = 2.5))).toBe("tiers[0].agents: expected a whole number of agents >= 1, got 2.5");
    expect(oneProblem((s) => (s.tiers[0].agents = 0))).toBe("tiers[0].agents: expected a whole number of agents >= 1, got 0");
  });

  it("replications 0", () => {
    expect(oneProblem((s) => (s.replications = 0))).toBe("replications: expected an integer >= 1, got 0");
  });

  it("a string where a number belongs", () => {
    expect(oneProblem((s) => (s.horizon.hours = "10"))).toBe('horizon.hours: expected a positive number (hours), got "10"');
    expect(oneProblem((s) => (s.tiers[0].agents = "fifty"))).toBe('tiers[0].agents: expected a whole number of agents >= 1, got "fifty"');
  });

  it("other wrong types name what they got", () => {
    expect(oneProblem((s) => (s.horizon.hours = true))).toBe("horizon.hours: expected a positive number (hours), got true");
    expect(oneProblem((s) => (s.name = 5))).toBe("name: expected a non-empty text, got 5");
    expect(oneProblem((s) => (s.horizon = []))).toBe("horizon: expected an object, got a list");
    expect(oneProblem((s) => (s.arrivals = null))).toBe("arrivals: expected an object, got null");
    expect(oneProblem((s) => (s.tiers[0].patience = { dist: "empirical", samplesMinutes: [1], interpolate: "yes" }))).toBe(
      'tiers[0].patience.interpolate: expected true or false, got "yes"',
    );
  });

  it("null where a distribution or the tier list belongs is reported as null", () => {
    // the other fields render null as "null" (see arrivals above); typeof null is "object"
    expect(oneProblem((s) => (s.tiers[0].handleTime = null))).toBe("tiers[0].handleTime: expected a distribution object, got null");
    expect(oneProblem((s) => (s.tiers = null))).toMatch(/^tiers: expected a list of tiers, got null$/);
  });

  it("NaN (impossible in JSON, possible through the API) is rejected, shown as NaN", () => {
    expect(oneProblem((s) => (s.horizon.hours = NaN))).toBe("horizon.hours: expected a positive number (hours), got NaN");
    expect(oneProblem((s) => (s.arrivals.ratePerHour = NaN))).toBe("arrivals.ratePerHour: expected a positive number (contacts per hour), got NaN");
    expect(oneProblem((s) => (s.tiers[0].agents = NaN))).toBe("tiers[0].agents: expected a whole number of agents >= 1, got NaN");
    expect(oneProblem((s) => (s.tiers[0].handleTime.meanMinutes = NaN))).toBe("tiers[0].handleTime.meanMinutes: expected a positive number (minutes), got NaN");
    expect(oneProblem((s) => (s.horizon.warmupHours = NaN))).toMatch(/^horizon\.warmupHours: expected a number >= 0 \(hours\), got NaN$/);
  });

  it("Infinity is rejected", () => {
    expect(oneProblem((s) => (s.horizon.hours = Infinity))).toBe("horizon.hours: expected a positive number (hours), got Infinity");
  });

  it("uniform with max <= min", () => {
    const uni = (min: number, max: number) => ({ dist: "uniform", minMinutes: min, maxMinutes: max });
    expect(oneProblem((s) => (s.tiers[0].handleTime = uni(3, 3)))).toBe("tiers[0].handleTime.maxMinutes: expected more than minMinutes (3), got 3");
    expect(oneProblem((s) => (s.tiers[0].patience = uni(3, 2)))).toBe("tiers[0].patience.maxMinutes: expected more than minMinutes (3), got 2");
  });

  it("duplicate tier names name the second tier", () => {
    const s = base();
    s.tiers.push({ ...structuredClone(s.tiers[0]) });
    const p = problems(s);
    // two tiers are also not (yet) supported, which is reported separately at "tiers"
    expect(p).toContain('tiers[1].name: expected a unique tier name, "L1" is also tiers[0]');
    for (const line of p) expect(line).toMatch(/^tiers(\[1\]\.name)?: /);
  });

  it("both ratePerHour and pattern, or neither", () => {
    expect(oneProblem((s) => (s.arrivals.pattern = { stepMinutes: 60, ratesPerHour: [1, 2] }))).toBe(
      "arrivals: expected exactly one of ratePerHour or pattern",
    );
    expect(oneProblem((s) => (s.arrivals = {}))).toBe("arrivals: expected exactly one of ratePerHour or pattern");
  });

  it("a pattern of only zeros", () => {
    expect(oneProblem((s) => (s.arrivals = { pattern: { stepMinutes: 30, ratesPerHour: [0, 0] } }))).toBe(
      "arrivals.pattern.ratesPerHour: expected at least one positive rate, got all zeros",
    );
  });

  it("list elements are addressed by index", () => {
    expect(oneProblem((s) => (s.tiers[0].handleTime = { dist: "empirical", samplesMinutes: [1, -2] }))).toBe(
      "tiers[0].handleTime.samplesMinutes[1]: expected a number >= 0 (minutes), got -2",
    );
    expect(oneProblem((s) => (s.tiers = []))).toBe("tiers: expected at least one tier");
  });

  it("a bad horizon.hours gives one message, not a second one about warmupHours", () => {
    // warmupHours (1, or the default 0) is fine; only hours is wrong
    expect(oneProblem((s) => (s.horizon.hours = -3))).toBe("horizon.hours: expected a positive number (hours), got -3");
    expect(
      oneProblem((s) => {
        s.horizon = { hours: 0 };
      }),
    ).toBe("horizon.hours: expected a positive number (hours), got 0");
  });

  it("a negative uniform maxMinutes gives one message", () => {
    expect(oneProblem((s) => (s.tiers[0].handleTime = { dist: "uniform", minMinutes: 1, maxMinutes: -2 }))).toBe(
      "tiers[0].handleTime.maxMinutes: expected a positive number (minutes), got -2",
    );
  });

  it("several independent problems are all reported, one line each", () => {
    const s = base();
    s.seed = -1;
    s.replications = 0;
    s.tiers[0].handleTime.meanMinutes = -5;
    expect(problems(s)).toEqual([
      "seed: expected an integer >= 0, got -1",
      "replications: expected an integer >= 1, got 0",
      "tiers[0].handleTime.meanMinutes: expected a positive number (minutes), got -5",
    ]);
  });

  it("a top-level value that is not an object", () => {
    expect(problems([])).toEqual(["expected a JSON object at the top level, got a list"]);
    expect(problems(null)).toEqual(["expected a JSON object at the top level, got null"]);
    expect(problems(42)).toEqual(["expected a JSON object at the top level, got number"]);
  });
});

describe("reading files", () => {
  it("a valid file loads", () => {
    const f = writeTmp("ok.json", JSON.stringify(base(), null, 2));
    expect(loadScenarioFile(f).name).toBe("base");
  });

  it("a top-level array in a file", () => {
    const f = writeTmp("array.json", "[1, 2, 3]\n");
    const e = scenarioError(() => loadScenarioFile(f));
    expect(e.problems).toEqual([{ path: "", message: "expected a JSON object at the top level, got a list" }]);
    expect(e.source).toBe(f);
    expect(e.message).toBe(`${f}: expected a JSON object at the top level, got a list`);
  });

  it("a missing file", () => {
    const f = join(tmp, "does-not-exist.json");
    const e = scenarioError(() => loadScenarioFile(f));
    expect(e.message).toBe(`${f}: no such file`);
  });

  it("a directory", () => {
    const e = scenarioError(() => loadScenarioFile(tmp));
    expect(e.message).toBe(`${tmp}: is a directory, expected a scenario file`);
  });

  it("validation problems are prefixed with the file name", () => {
    const s = base();
    s.tiers[0].handleTime.meanMinutes = -5;
    const f = writeTmp("neg.json", JSON.stringify(s));
    const e = scenarioError(() => loadScenarioFile(f));
    expect(e.message).toBe(`${f}: tiers[0].handleTime.meanMinutes: expected a positive number (minutes), got -5`);
  });

  // [label, text, line, column] — 1-based line and column of the offending character
  const syntaxErrors: [string, string, number, number][] = [
    ["trailing comma", '{\n  "name": "x",\n  "horizon": { "hours": 5, },\n  "tiers": []\n}\n', 3, 28],
    ["missing comma", '{\n  "name": "x"\n  "seed": 1\n}\n', 3, 3],
    ["unquoted key", '{\n  "name": "x",\n  seed: 1\n}\n', 3, 3],
    ["single quotes", "{\n  'name': 'x'\n}\n", 2, 3],
    ["unclosed array", '{\n  "tiers": [1, 2\n}\n', 3, 1],
    ["CRLF line endings", '{\r\n  "name": "x",\r\n  "seed": 1,\r\n}\r\n', 4, 1],
    ["misspelled literal", '{\n  "name": "x",\n  "seed": tru\n}\n', 3, 11],
    ["NaN literal", '{\n  "name": "x",\n\n  "seed": NaN\n}\n', 4, 11],
    ["leading-dot number", '{\n  "seed": .5\n}\n', 2, 11],
    ["text after the object", '{\n  "name": "x"\n}\n}\n', 4, 1],
    ["truncated file (error at the end of the input)", '{\n  "name": "x",\n  "seed": 1', 3, 12],
  ];
  for (const [label, text, line, col] of syntaxErrors) {
    it(`not JSON (${label}): one line with the line and column`, () => {
      const f = writeTmp(`syntax-${label.replace(/\W+/g, "-")}.json`, text);
      const e = scenarioError(() => loadScenarioFile(f));
      expect(e.problems).toHaveLength(1);
      expect(e.message).not.toContain("\n");
      expect(e.message).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not valid JSON at line \\d+, column \\d+: \\S`));
      const m = /at line (\d+), column (\d+)/.exec(e.message)!;
      expect(Number(m[1]), e.message).toBe(line);
      expect(Number(m[2]), e.message).toBe(col);
      // the reason is the parser's, without its raw character offset
      expect(e.message).not.toMatch(/position \d+/);
    });
  }

  it("parseJson without a file name gives the bare message", () => {
    const e = scenarioError(() => parseJson('{\n  "a": 1,\n}'));
    expect(e.source).toBeUndefined();
    expect(e.message).toMatch(/^not valid JSON at line 3, column 1: /);
  });
});

describe("scenarioJsonSchema()", () => {
  const schema = scenarioJsonSchema() as any;

  it("is a draft 2020-12 JSON Schema of an object with the scenario fields", () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.title).toBe("supportsim scenario");
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties).sort()).toEqual(
      ["$schema", "arrivals", "description", "horizon", "name", "replications", "seed", "serviceLevel", "tiers"].sort(),
    );
    expect([...schema.required].sort()).toEqual(["arrivals", "horizon", "name", "tiers"]);
  });

  it("describes tiers, durations and arrivals", () => {
    const tiers = schema.properties.tiers;
    expect(tiers.type).toBe("array");
    expect(tiers.minItems).toBe(1);
    expect(Object.keys(tiers.items.properties).sort()).toEqual(["agents", "handleTime", "name", "patience"]);
    expect(tiers.items.properties.agents.type).toBe("integer");
    const ht = tiers.items.properties.handleTime;
    expect(ht.oneOf.map((o: any) => o.properties.dist.const)).toEqual([...DISTRIBUTIONS]);
    for (const o of ht.oneOf) {
      expect(o.additionalProperties).toBe(false);
      expect(o.required).toContain("dist");
    }
    const exp = ht.oneOf.find((o: any) => o.properties.dist.const === "exponential");
    expect(exp.properties.meanMinutes).toEqual({ type: "number", exclusiveMinimum: 0, maximum: 525_960 });
    expect(schema.properties.arrivals.properties.ratePerHour).toEqual({ type: "number", exclusiveMinimum: 0, maximum: 1_000_000 });
    expect(schema.properties.horizon.required).toEqual(["hours"]);
  });

  it("accepts the contract scenario (checked with the mini validator below)", () => {
    expect(jsonSchemaErrors(schema, loadScenarioFile(CONTRACT))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// A minimal JSON Schema checker for the keywords the export uses (test-only, independent of zod)
// ---------------------------------------------------------------------------------------------

function jsonSchemaErrors(s: any, v: unknown, path = ""): string[] {
  const errs: string[] = [];
  const known = new Set(["$schema", "title", "type", "properties", "required", "additionalProperties", "items", "minItems", "minLength", "minimum", "maximum", "exclusiveMinimum", "const", "oneOf"]);
  for (const k of Object.keys(s)) if (!known.has(k)) throw new Error(`mini validator: unsupported keyword ${k} at ${path}`);
  if (s.oneOf) {
    const ok = s.oneOf.filter((o: any) => jsonSchemaErrors(o, v, path).length === 0).length;
    if (ok !== 1) errs.push(`${path}: matches ${ok} of oneOf`);
  }
  if (s.const !== undefined && v !== s.const) errs.push(`${path}: not ${s.const}`);
  if (s.type) {
    const t = s.type;
    const ok =
      t === "object" ? typeof v === "object" && v !== null && !Array.isArray(v)
      : t === "array" ? Array.isArray(v)
      : t === "integer" ? typeof v === "number" && Number.isInteger(v)
      : t === "number" ? typeof v === "number" && Number.isFinite(v)
      : typeof v === t;
    if (!ok) return [...errs, `${path}: not ${t}`];
  }
  if (typeof v === "number") {
    if (s.minimum !== undefined && v < s.minimum) errs.push(`${path}: < minimum`);
    if (s.maximum !== undefined && v > s.maximum) errs.push(`${path}: > maximum`);
    if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) errs.push(`${path}: <= exclusiveMinimum`);
  }
  if (typeof v === "string" && s.minLength !== undefined && v.length < s.minLength) errs.push(`${path}: too short`);
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) errs.push(`${path}: too few items`);
    if (s.items) v.forEach((x, i) => errs.push(...jsonSchemaErrors(s.items, x, `${path}[${i}]`)));
  }
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    for (const r of s.required ?? []) if (!(r in o)) errs.push(`${path}.${r}: required`);
    for (const [k, x] of Object.entries(o)) {
      if (s.properties?.[k]) errs.push(...jsonSchemaErrors(s.properties[k], x, `${path}.${k}`));
      else if (s.additionalProperties === false) errs.push(`${path}.${k}: additional property`);
    }
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Property tests: random valid scenarios and single-field corruptions
// ---------------------------------------------------------------------------------------------

/** Numbers with two decimals in [min, max] (exact-ish, readable in counterexamples). */
const num = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((x) => x / 100);
const pos = (max = 100) => num(0.01, max);
const nonNeg = (max = 100) => num(0, max);

const durationArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ dist: fc.constant("exponential"), meanMinutes: pos(30) }),
  fc.record({ dist: fc.constant("deterministic"), minutes: nonNeg(30) }),
  fc.tuple(nonNeg(20), pos(20)).map(([a, w]) => ({ dist: "uniform", minMinutes: a, maxMinutes: Math.round((a + w) * 100) / 100 })),
  fc.record({ dist: fc.constant("normal"), meanMinutes: pos(30), sdMinutes: nonNeg(10) }),
  fc.record({ dist: fc.constant("lognormal"), meanMinutes: pos(30), cv: pos(3) }),
  fc.record({ dist: fc.constant("gamma"), meanMinutes: pos(30), cv: pos(3) }),
  fc.record({ dist: fc.constant("erlang"), meanMinutes: pos(30), k: fc.integer({ min: 1, max: 10 }) }),
  fc.record(
    { dist: fc.constant("empirical"), samplesMinutes: fc.array(nonNeg(30), { minLength: 1, maxLength: 8 }), interpolate: fc.boolean() },
    { requiredKeys: ["dist", "samplesMinutes"] },
  ),
);

const nameArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _-]{0,11}$/);

const arrivalsArb = fc.oneof(
  fc.record({ ratePerHour: pos(120) }),
  fc.record({
    pattern: fc.record(
      {
        stepMinutes: num(5, 120),
        ratesPerHour: fc.array(nonNeg(120), { minLength: 1, maxLength: 6 }).filter((rs) => rs.some((r) => r > 0)),
        repeat: fc.boolean(),
      },
      { requiredKeys: ["stepMinutes", "ratesPerHour"] },
    ),
  }),
);

const horizonArb = fc
  .record({ hours: num(0.5, 4), warmFrac: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }), intervalMinutes: fc.option(fc.constantFrom(5, 10, 15, 20, 30, 45, 60, 120), { nil: undefined }) })
  .map(({ hours, warmFrac, intervalMinutes }) => {
    const h: Record<string, number> = { hours };
    if (warmFrac !== undefined) h.warmupHours = Math.floor(hours * warmFrac * 10) / 100; // < hours
    if (intervalMinutes !== undefined) h.intervalMinutes = intervalMinutes;
    return h;
  });

const scenarioArb: fc.Arbitrary<Record<string, any>> = fc.record(
  {
    $schema: fc.constant("https://example.invalid/supportsim.schema.json"),
    name: nameArb,
    description: fc.string({ maxLength: 20 }),
    seed: fc.nat({ max: 1_000_000 }),
    replications: fc.integer({ min: 1, max: 5 }),
    horizon: horizonArb,
    serviceLevel: fc.record({ thresholdSeconds: pos(120) }),
    arrivals: arrivalsArb,
    tiers: fc.tuple(
      fc.record(
        { name: nameArb, agents: fc.integer({ min: 1, max: 6 }), handleTime: durationArb, patience: durationArb },
        { requiredKeys: ["name", "agents", "handleTime"] },
      ),
    ),
  },
  { requiredKeys: ["name", "horizon", "arrivals", "tiers"] },
);

type Path = (string | number)[];

/** "a.b[0].c" (written here independently of the module's formatPath). */
function fmt(path: Path): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out;
}

function getAt(obj: any, path: Path): any {
  return path.reduce((o, p) => o[p], obj);
}

function setAt(obj: any, path: Path, v: unknown): void {
  getAt(obj, path.slice(0, -1))[path[path.length - 1]] = v;
}

/** Every field and list element, with its path. */
function leaves(v: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const out: { path: Path; value: unknown }[] = path.length ? [{ path, value: v }] : [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...leaves(x, [...path, i])));
  else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) out.push(...leaves(x, [...path, k]));
  return out;
}

/** Every object in the scenario (where an unknown key can be added), with its path. */
function objects(v: unknown, path: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...objects(x, [...path, i])));
  else if (typeof v === "object" && v !== null) {
    out.push(path);
    for (const [k, x] of Object.entries(v)) out.push(...objects(x, [...path, k]));
  }
  return out;
}

const DIST_REQUIRED: Record<string, string[]> = {
  exponential: ["meanMinutes"],
  deterministic: ["minutes"],
  uniform: ["minMinutes", "maxMinutes"],
  normal: ["meanMinutes", "sdMinutes"],
  lognormal: ["meanMinutes", "cv"],
  gamma: ["meanMinutes", "cv"],
  erlang: ["meanMinutes", "k"],
  empirical: ["samplesMinutes"],
};

/** Required fields present in `s`, each with the path its "missing" message must name. */
function requiredFields(s: any): { path: Path; reportedAt: Path }[] {
  const out: { path: Path; reportedAt: Path }[] = [];
  const req = (path: Path, reportedAt: Path = path) => out.push({ path, reportedAt });
  for (const k of ["name", "horizon", "arrivals", "tiers"]) req([k]);
  req(["horizon", "hours"]);
  if (s.serviceLevel) req(["serviceLevel", "thresholdSeconds"]);
  // exactly one of ratePerHour / pattern: removing it is reported at "arrivals"
  if (s.arrivals.ratePerHour !== undefined) req(["arrivals", "ratePerHour"], ["arrivals"]);
  if (s.arrivals.pattern !== undefined) {
    req(["arrivals", "pattern"], ["arrivals"]);
    req(["arrivals", "pattern", "stepMinutes"]);
    req(["arrivals", "pattern", "ratesPerHour"]);
  }
  s.tiers.forEach((t: any, i: number) => {
    for (const k of ["name", "agents", "handleTime"]) req(["tiers", i, k]);
    for (const d of ["handleTime", "patience"]) {
      if (!t[d]) continue;
      req(["tiers", i, d, "dist"]);
      for (const f of DIST_REQUIRED[t[d].dist]) req(["tiers", i, d, f]);
    }
  });
  return out;
}

const ALL_KEYS = new Set(["$schema", "name", "description", "seed", "replications", "horizon", "hours", "warmupHours", "intervalMinutes", "serviceLevel", "thresholdSeconds", "arrivals", "ratePerHour", "pattern", "stepMinutes", "ratesPerHour", "repeat", "tiers", "agents", "handleTime", "patience", "dist", "interpolate", ...Object.values(DIST_REQUIRED).flat()]);

function wrongTypeFor(v: unknown, variant: number): unknown {
  if (typeof v === "number") return [String(v), null, true, [v]][variant % 4];
  if (typeof v === "string") return [7, null, false][variant % 3];
  if (typeof v === "boolean") return ["true", 1, null][variant % 3];
  if (Array.isArray(v)) return ["a list", 3, null, {}][variant % 4];
  return [42, "text", null, []][variant % 4];
}

type Corruption = "negative" | "wrongType" | "unknownKey" | "removeRequired";

interface Corrupted {
  scenario: any;
  what: string;
  /** Path that must be named: a message must start with `${expected}: `. */
  expected: string;
  kind: Corruption;
}

/** Apply one corruption of `kind`, choosing the target with `pick`. */
function corrupt(valid: any, kind: Corruption, pick: number, variant: number, newKey: string): Corrupted {
  const s = structuredClone(valid);
  if (kind === "negative") {
    const nums = leaves(s).filter((l) => typeof l.value === "number");
    const t = nums[pick % nums.length];
    const neg = -((t.value as number) + 1 + (variant % 3) / 4);
    setAt(s, t.path, neg);
    return { scenario: s, what: `${fmt(t.path)} = ${neg}`, expected: fmt(t.path), kind };
  }
  if (kind === "wrongType") {
    const all = leaves(s);
    const t = all[pick % all.length];
    const bad = wrongTypeFor(t.value, variant);
    setAt(s, t.path, bad);
    return { scenario: s, what: `${fmt(t.path)} = ${JSON.stringify(bad)}`, expected: fmt(t.path), kind };
  }
  if (kind === "unknownKey") {
    const objs = objects(s);
    const p = objs[pick % objs.length];
    Object.defineProperty(getAt(s, p), newKey, { value: 1, enumerable: true, writable: true, configurable: true });
    return { scenario: s, what: `added ${fmt([...p, newKey])}`, expected: fmt([...p, newKey]), kind };
  }
  const req = requiredFields(s);
  const t = req[pick % req.length];
  delete getAt(s, t.path.slice(0, -1))[t.path[t.path.length - 1]];
  return { scenario: s, what: `removed ${fmt(t.path)}`, expected: fmt(t.reportedAt), kind };
}

const corruptionArb = fc.record({
  valid: scenarioArb,
  kind: fc.constantFrom<Corruption>("negative", "wrongType", "unknownKey", "removeRequired"),
  pick: fc.nat(),
  variant: fc.nat(),
  newKey: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/).filter((k) => !ALL_KEYS.has(k) && k !== "__proto__"),
});

describe("properties", () => {
  it("random valid scenarios are accepted (and returned unchanged)", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        let out: unknown;
        try {
          out = validateScenario(s);
        } catch (e) {
          throw new Error(`rejected a valid scenario: ${(e as Error).message}\n${JSON.stringify(s)}`);
        }
        // names are trimmed; everything else comes back as given
        const trimmed = structuredClone(s);
        trimmed.name = trimmed.name.trim();
        for (const t of trimmed.tiers) t.name = t.name.trim();
        expect(out).toEqual(trimmed);
        // the exported JSON Schema agrees
        expect(jsonSchemaErrors(scenarioJsonSchema(), s)).toEqual([]);
      }),
      { seed: 4242, numRuns: 300 },
    );
  });

  it("every single-field corruption is rejected with a message naming the corrupted field's path", () => {
    fc.assert(
      fc.property(corruptionArb, ({ valid, kind, pick, variant, newKey }) => {
        const c = corrupt(valid, kind, pick, variant, newKey);
        let msgs: string[];
        try {
          validateScenario(c.scenario);
          throw new Error(`accepted after ${c.what}`);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          msgs = e.problems.map((p) => problemLine(p));
        }
        const named = msgs.filter((m) => m.startsWith(`${c.expected}: `));
        if (named.length === 0) throw new Error(`after ${c.what}: no message names ${c.expected}: ${JSON.stringify(msgs)}`);
        for (const m of msgs) if (m.includes("\n")) throw new Error(`multi-line message: ${JSON.stringify(m)}`);
        if (kind === "unknownKey") expect(named[0]).toContain("unknown field");
        // ("tiers" says "got nothing" rather than "missing:"; both say the field is absent)
        if (kind === "removeRequired" && c.expected !== "arrivals") expect(named[0]).toMatch(/: missing: |got nothing$/);
      }),
      { seed: 9001, numRuns: 600 },
    );
  });

  it("the exported JSON Schema also rejects every type-level corruption", () => {
    fc.assert(
      fc.property(corruptionArb, ({ valid, kind, pick, variant, newKey }) => {
        const c = corrupt(valid, kind, pick, variant, newKey);
        // "exactly one of ratePerHour or pattern" is beyond the JSON Schema; everything else is not
        fc.pre(c.expected !== "arrivals");
        expect(jsonSchemaErrors(scenarioJsonSchema(), c.scenario), c.what).not.toEqual([]);
      }),
      { seed: 31337, numRuns: 300 },
    );
  });

  it("random valid scenarios run: every counted contact is answered or abandoned", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const scenario = validateScenario(s);
        const r = await simulate(loadScenario(s), { replications: 1 });
        const e = (key: string) => r.estimates[`channel.contacts.${key}`].mean;
        const offered = e("offered") ?? 0;
        expect(offered).toBeGreaterThanOrEqual(0);
        expect((e("answered") ?? 0) + (e("abandoned") ?? 0)).toBe(offered);
        if (!scenario.tiers[0].patience) expect(e("abandoned")).toBe(0);
        for (const v of [e("abandonRate"), e("serviceLevel"), r.estimates[`tier.${scenario.tiers[0].name}.occupancy`].mean]) {
          if (v !== null) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1 + 1e-9);
          }
        }
      }),
      { seed: 1234, numRuns: 40 },
    );
  });

});
