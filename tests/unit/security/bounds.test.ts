/**
 * Values `validate` used to accept and `run` could not do (issue 18, point 7): each is now one
 * problem naming the field and the bound, so `validate` and `run` agree. Each case below crashed
 * a run (NaN scheduling, an out-of-memory typed array, the months module) or ran unbounded.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { validateSupportScenario } from "../../../src/scenario/load.js";
import { ROOT } from "../../helpers/cli.js";

/** The shipped baseline as it runs: its one ranged input (the loyalty calibration) at its expected value. */
const baseline = () => {
  const s = JSON.parse(readFileSync(join(ROOT, "scenarios", "baseline.json"), "utf8")) as Record<string, any>;
  if (typeof s.retention?.effectScale === "object") s.retention.effectScale = s.retention.effectScale.expected;
  return s;
};
function problems(change: (s: Record<string, any>) => void): string[] {
  const s = baseline();
  change(s);
  try {
    validateSupportScenario(s);
  } catch (e) {
    if (e instanceof InputError) return e.lines();
    throw e;
  }
  return [];
}

describe("bounds validate and run agree on", () => {
  it("the shipped baseline is within every bound", () => {
    expect(problems(() => {})).toEqual([]);
  });
  it.each<[string, (s: Record<string, any>) => void, RegExp]>([
    ["a horizon of a million days", (s) => (s.horizon.days = 1e6), /^horizon\.days: expected a number of days, at most 3660/],
    ["2^53 hours", (s) => { delete s.horizon.days; s.horizon.hours = 2 ** 53; }, /^horizon\.hours: .*at most 87840/],
    ["a handle-time cv of 1e308", (s) => (s.tiers[0].handleTime = { dist: "lognormal", meanMinutes: 5, cv: 1e308 }), /^tiers\[0\]\.handleTime\.cv: expected a coefficient of variation, at most 10/],
    ["a pool of 1e9 agents", (s) => (s.pools[2].agents = 1e9), /^pools\[2\]\.agents: expected a whole number of agents, at most 10000/],
    ["1e9 replications", (s) => (s.replications = 1e9), /^replications: expected an integer, at most 100000/],
    ["1e9 sales a month", (s) => (s.customers.salesPerMonth = 1e9), /^customers\.salesPerMonth: expected new customers per month, at most 1,000,000/],
    ["1e15 needs per customer", (s) => (s.needTypes[0].perCustomerPerMonth = 1e15), /^needTypes\[0\]\.perCustomerPerMonth: expected needs per customer per month, at most 1000/],
    ["a money amount of 1e308", (s) => { delete s.pools[2].cost; s.pools[2].costPerHour = 1e308; }, /^pools\[2\]\.costPerHour: expected a number of at most 10\^12 in size/],
  ])("%s", (_, change, message) => {
    const lines = problems(change);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
  it("a run too large as a whole (each field within its bound) is refused with what to shrink", () => {
    const lines = problems((s) => { s.horizon.days = 3000; s.customers.salesPerMonth = 900_000; });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^customers: the run would hold about .* customers .*: lower customers\.count or customers\.salesPerMonth, or shorten the horizon$/);
    const needs = problems((s) => { s.horizon.days = 3000; s.needTypes[0].perCustomerPerMonth = 900; });
    expect(needs[0]).toMatch(/^needTypes: the run would simulate about .* needs per replication/);
  });
});
