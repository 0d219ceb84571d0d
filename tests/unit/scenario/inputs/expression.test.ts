/**
 * The expression sandbox (src/scenario/inputs/expression.ts): what evaluates, and what is refused
 * before anything is evaluated — with the position of the offending text.
 */
import { describe, expect, it } from "vitest";
import { compileExpression } from "../../../../src/scenario/inputs/expression.js";

const value = (text: string, vars: Record<string, number> = {}, dotted = false) => {
  const e = compileExpression(text, { dotted });
  if ("problem" in e) throw new Error(e.problem);
  return e.evaluate(new Map(Object.entries(vars)));
};
const refused = (text: string, offset = 0) => {
  const e = compileExpression(text, { offset });
  expect("problem" in e).toBe(true);
  return (e as { problem: string }).problem;
};

describe("expressions", () => {
  it("evaluate arithmetic, the allowed functions, comparisons and conditionals over the names", () => {
    expect(value("ceil(12 * (1 + growth))", { growth: 0.08 })).toBe(13);
    expect(value("max(a, b) / 2 + pi - pi", { a: 3, b: 5 })).toBe(2.5);
    expect(value("a > 2 ? 10 : 20", { a: 3 })).toBe(10);
    expect(value("2^10")).toBe(1024);
  });

  it("read a metric's dotted KPI names as one name each", () => {
    const e = compileExpression('cost.total / funnel.resolved + tier["L1.5"].occupancy', { dotted: true });
    if ("problem" in e) throw new Error(e.problem);
    expect(e.names).toEqual(["cost.total", "funnel.resolved", "tier.L1.5.occupancy"]);
    expect(e.evaluate(new Map([["cost.total", 100], ["funnel.resolved", 4], ["tier.L1.5.occupancy", 0.5]]))).toBe(25.5);
  });

  it("refuse assignment, function definitions, blocks, imports, evaluate/parse, property access and other functions, with the position", () => {
    expect(refused("a = 3", 1)).toBe("assignment is not allowed at character 4");
    expect(refused("f(x) = x")).toMatch(/^defining a function is not allowed/);
    expect(refused("1; 2")).toMatch(/^only one expression is allowed/);
    expect(refused('import({}, {})')).toMatch(/^unknown function "import" at character 1; expected one of abs, ceil/);
    expect(refused('evaluate("1+1")')).toMatch(/^unknown function "evaluate"/);
    expect(refused("createUnit(\"foo\")")).toMatch(/^unknown function "createUnit"/);
    expect(refused("a.constructor")).toMatch(/^property access is not allowed/);
    expect(refused("[1, 2]")).toMatch(/^lists are not allowed/);
    expect(refused('"text"')).toMatch(/^expected numbers, got "text"/);
    expect(refused("(1 + 2")).toMatch(/at character \d+$/);
    expect(refused("12 *", 1)).toBe("unexpected end of expression at character 6"); // "=12 *": just past its end
  });

  it("give a reason, not a number, when the value is not a finite number", () => {
    expect(value("1 / 0")).toBe("expected a finite number, got Infinity");
    expect(value("sqrt(-1)")).toBe("expected a finite number, got NaN");
    expect(value("x + 1")).toMatch(/^unknown name "x"/);
  });
});
