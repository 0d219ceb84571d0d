/**
 * The scenario fields of lasting expertise (docs/model.md §3): a segment's `startExpertise`
 * (default 0, at most its `expertise`) and the `customerTraining` programme (start, ramp, the
 * share of each segment's gap closed, cost). Each valid form builds the model's values; each
 * rule gives its one-line message at its path.
 */
import { describe, expect, it } from "vitest";
import { buildSupport } from "../../../src/scenario/full/build.js";
import { validateSupportScenario } from "../../../src/scenario/load.js";
import { problemsOf } from "../../helpers/problems.js";
import { smallBaseline } from "../../helpers/smallBaseline.js";

const DAY = 1440;
const MONTH = 43_830;

/** The small baseline (segments enterprise 0.6 and smb 0.3, from 4 January 2027 for 8 days) changed by `change`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const scenario = (change: (s: any) => void = () => {}) => smallBaseline(1, change);
const build = (s: unknown) => buildSupport(validateSupportScenario(s), { baseDir: "scenarios" });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const problems = (change: (s: any) => void) => problemsOf(validateSupportScenario, scenario(change));

describe("segments' starting expertise", () => {
  it("defaults to 0 (a complete novice); a given one is kept", () => {
    expect(build(scenario()).segments.map((g) => [g.expertise, g.startExpertise])).toEqual([[0.6, 0], [0.3, 0]]);
    const c = build(scenario((s) => (s.customers.segments[0].startExpertise = 0.4)));
    expect(c.segments.map((g) => g.startExpertise)).toEqual([0.4, 0]);
  });

  it("may not lie above the segment's expertise (given or the default); must be a probability", () => {
    expect(problems((s) => (s.customers.segments[1].startExpertise = 0.5))).toEqual([
      "customers.segments[1].startExpertise: expected at most the segment's expertise (0.3: the level its customers learn toward), got 0.5",
    ]);
    expect(problems((s) => { s.customers.segments[1].startExpertise = 0.7; delete s.customers.segments[1].expertise; })).toEqual([
      "customers.segments[1].startExpertise: expected at most the segment's expertise (0.5, the default: the level its customers learn toward), got 0.7",
    ]);
    expect(problems((s) => (s.customers.segments[0].startExpertise = -0.1))).toEqual(["customers.segments[0].startExpertise: expected a probability between 0 and 1, got -0.1"]);
  });
});

describe("customerTraining", () => {
  it("builds: the gap closed per segment (unnamed 0, or one number for all), start and ramp in minutes, cost per minute", () => {
    const c = build(scenario((s) => (s.customerTraining = { start: "2027-01-06", rampMonths: 2, gapClosed: { smb: 0.4 }, costPerMonth: 8766 })));
    expect(c.customerTraining).toEqual({ start: 2 * DAY, ramp: 2 * MONTH, gapClosed: [0, 0.4], costPerMinute: 8766 / MONTH });
    const d = build(scenario((s) => (s.customerTraining = { gapClosed: 0.25 })));
    expect(d.customerTraining).toEqual({ start: 0, ramp: 3 * MONTH, gapClosed: [0.25, 0.25], costPerMinute: 0 });
    expect(build(scenario()).customerTraining).toBeUndefined();
  });

  it("one-line problems: gapClosed missing or out of range, an unknown segment, a start outside the horizon, nothing to act on", () => {
    expect(problems((s) => (s.customerTraining = { rampMonths: 2 }))).toEqual([
      'customerTraining.gapClosed: missing: expected a probability between 0 and 1, or an object of probabilities per segment such as { "smb": 0.3 }',
    ]);
    expect(problems((s) => (s.customerTraining = { gapClosed: 1.5 }))).toEqual(["customerTraining.gapClosed: expected a probability between 0 and 1, got 1.5"]);
    expect(problems((s) => (s.customerTraining = { gapClosed: { smbb: 0.3 } }))).toEqual([
      'customerTraining.gapClosed.smbb: unknown segment "smbb"; expected one of enterprise, smb (did you mean "smb"?)',
    ]);
    expect(problems((s) => (s.customerTraining = { start: "2026-12-01", gapClosed: 0.3 }))).toEqual([
      'customerTraining.start: expected a date within the horizon, 2027-01-04T00:00 to 2027-01-12T00:00 (America/Chicago), got "2026-12-01"',
    ]);
    expect(problems((s) => (s.customerTraining = { gapClosed: 0.3, costPerMonth: -1 }))).toEqual(["customerTraining.costPerMonth: expected a number >= 0 (currency units per month), got -1"]);
    expect(problems((s) => { s.customerTraining = { gapClosed: 0.3 }; s.needTypes[0].driver = "none"; })).toEqual([
      'customerTraining: expected a need type with driver "expertise" for the training to act on, got none',
    ]);
  });
});
