/**
 * Scenario inputs through the loader: variables, ranges and expressions become the plain
 * scenario at the expected values (a file without them is untouched), a range is checked at the
 * ends of its support, and every bad range or expression is a one-line problem naming the field.
 */
import { describe, expect, it } from "vitest";
import { loadScenario, scenarioAtInputs } from "../../../../src/api/scenario.js";
import { problemsOf } from "../../../helpers/problems.js";

/** A single queue (the simple form) with `patch` applied at the top level and to its tier. */
const queue = (top: Record<string, unknown> = {}, tier: Record<string, unknown> = {}) => ({
  name: "q",
  seed: 1,
  replications: 2,
  horizon: { hours: 20, warmupHours: 1 },
  arrivals: { ratePerHour: 60 },
  tiers: [{ name: "L1", agents: 6, handleTime: { dist: "exponential", meanMinutes: 5 }, patience: { dist: "exponential", meanMinutes: 2 }, ...tier }],
  ...top,
});
const load = (s: unknown) => loadScenario(s as object, { file: "s.json" });
const problems = (s: unknown) => problemsOf(load, s);

describe("variables, ranges and expressions", () => {
  it("run at the expected values: the same definition as the plain file", () => {
    const plain = load(queue({ arrivals: { ratePerHour: 90 } }, { agents: 9 }));
    const ranged = load(queue({ variables: { growth: { low: 0.02, expected: 0.5, high: 0.8 } }, arrivals: { ratePerHour: "=60 * (1 + growth)" } }, { agents: "=ceil(6 * (1 + growth))" }));
    expect(ranged.definition).toEqual(plain.definition);
    expect(ranged.inputs.map((i) => [i.key, i.path])).toEqual([["variables.growth", "variables.growth"]]);
  });

  it("one variable drives several fields consistently at any value of its range", () => {
    const s = load(queue({ variables: { growth: { low: 0, expected: 0.1, high: 0.5 } }, arrivals: { ratePerHour: "=60 * (1 + growth)" } }, { agents: "=ceil(6 * (1 + growth))" }));
    const at = scenarioAtInputs(s, new Map([["variables.growth", 0.5]]));
    expect(at.config.pools[0].agents).toBe(9);
    expect(at.definition.arrivals).toEqual(expect.arrayContaining([expect.objectContaining({ ratePerHour: 90 })]));
  });

  it("a field range keyed by the names of list elements", () => {
    const s = load(queue({}, { handleTime: { dist: "exponential", meanMinutes: { low: 4, expected: 5, high: 7 } } }));
    expect(s.inputs.map((i) => i.key)).toEqual(["tiers.L1.handleTime.meanMinutes"]);
    expect(s.inputs[0].path).toBe("tiers[0].handleTime.meanMinutes");
  });

  it("a file without inputs keeps its own object", () => {
    const raw = queue();
    expect(load(raw).resolved).toEqual(raw);
    expect(load(raw).inputs).toEqual([]);
  });
});

describe("bad ranges and expressions are one-line problems naming the field", () => {
  it("a range outside the field's own bounds, at its low or its high end", () => {
    expect(problems(queue({}, { handleTime: { dist: "exponential", meanMinutes: { low: -1, expected: 5, high: 6 } } }))).toEqual([
      "tiers[0].handleTime.meanMinutes.low: expected a positive number (minutes), got -1",
    ]);
    expect(problems(queue({}, { patience: { dist: "exponential", meanMinutes: { low: 0.1, high: 3, dist: "normal" } } }))[0]).toMatch(/^tiers\[0\]\.patience\.meanMinutes\.low: expected a positive number \(minutes\), got -[\d.]+ \(its 1st percentile\)$/);
  });

  it("a range where whole numbers or a text are expected", () => {
    expect(problems(queue({}, { agents: { low: 5, expected: 6, high: 8 } }))[0]).toMatch(/^tiers\[0\]\.agents: a range needs a field that takes any number between low and high; at 6\.14590: expected a whole number of agents/);
    expect(problems(queue({ name: { low: 1, expected: 1, high: 2 } }))).toEqual(["name: expected a non-empty text, got 1 (a range or an expression gives a number; this field takes none)"]);
  });

  it("low > high, and a bad distribution", () => {
    expect(problems(queue({ variables: { g: { low: 5, expected: 4, high: 3 } } }))).toEqual(["variables.g.low: expected low <= high, got low 5 > high 3"]);
  });

  it("an expression that does not parse, names an unknown variable or has no finite value", () => {
    expect(problems(queue({ variables: { g: 2 }, arrivals: { ratePerHour: "=g *" } }))).toEqual(['arrivals.ratePerHour: bad expression "=g *": unexpected end of expression at character 5']);
    expect(problems(queue({ variables: { growth: 2 }, arrivals: { ratePerHour: "=60 * grwth" } }))).toEqual(['arrivals.ratePerHour: bad expression "=60 * grwth": unknown variable "grwth" at character 7; expected one of growth']);
    expect(problems(queue({ arrivals: { ratePerHour: "=60 * g" } }))[0]).toContain('the scenario has no variables (define them in "variables")');
    expect(problems(queue({ variables: { g: 0 }, arrivals: { ratePerHour: "=60 / g" } }))).toEqual(['arrivals.ratePerHour: bad expression "=60 / g": expected a finite number, got Infinity']);
    expect(problems(queue({ variables: { g: 2 }, arrivals: { ratePerHour: "=g = 3" } }))).toEqual(['arrivals.ratePerHour: bad expression "=g = 3": assignment is not allowed at character 4']);
    expect(problems(queue({ variables: { g: 2 } }, { agents: "=g * 2.25" }))).toEqual(["tiers[0].agents: expected a whole number of agents >= 1, got 4.5"]);
  });

  it("bad variables", () => {
    expect(problems(queue({ variables: [1, 2] }))[0]).toMatch(/^variables: expected an object of named numbers/);
    expect(problems(queue({ variables: { "1x": 2 } }))[0]).toMatch(/^variables\.1x: expected a variable name/);
    expect(problems(queue({ variables: { a: "=b", b: 2 } }))[0]).toContain('unknown variable "b"');
    expect(problems(queue({ variables: { a: "text" } }))[0]).toMatch(/^variables\.a: expected a number, a range/);
  });
});
