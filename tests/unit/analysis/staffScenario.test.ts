/**
 * Staffing a scenario end to end below the command line (src/analysis/staffing/staffScenario.ts,
 * staffOptions.ts, staffedScenario.ts): the options' problems named by option path (never a
 * flag), bad shift patterns and patterns that cannot cover the requirement as InputError, a
 * scenario whose interval does not divide a day, and the answer: the document `supportsim staff
 * --json` prints, the plans, the warnings and the staffed scenario.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffOptionProblems, type StaffOptions } from "../../../src/analysis/staffing/staffOptions.js";
import { staffedScenario } from "../../../src/analysis/staffing/staffedScenario.js";
import { staffScenario, type LoadedScenario } from "../../../src/analysis/staffing/staffScenario.js";
import { InputError } from "../../../src/errors.js";
import { loadScenario } from "../../../src/api/scenario.js";

const hours = [{ days: "Mon-Fri", open: "09:00", close: "13:00" }];
const DAY = [0, 0, 0, 0, 0, 0, 0, 0, 0, 60, 110, 90, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const WEEK = [...DAY, ...DAY, ...DAY, ...DAY, ...DAY, ...new Array(48).fill(0)];
/** One phone queue open Mon–Fri 09:00–13:00, two weeks. */
function desk(intervalMinutes = 60) {
  return {
    name: "desk", seed: 3, replications: 2, start: "2027-01-04T00:00", timeZone: "UTC",
    horizon: { days: 15, warmupDays: 1, intervalMinutes },
    needTypes: [{ name: "any", perCustomerPerMonth: 0, channels: { phone: 1 } }],
    channels: [{ name: "phone", kind: "realtime", entryTier: "L1", hours }],
    tiers: [{ name: "L1", handleTime: { dist: "exponential", meanMinutes: 4 }, patience: { phone: { dist: "exponential", meanMinutes: 3 } }, resolve: 1 }],
    pools: [{ name: "L1", tier: "L1", agents: 8, hours, costPerHour: 30, shrinkage: 0.2 }],
    arrivals: [{ channel: "phone", pattern: { stepMinutes: 60, ratesPerHour: WEEK, repeat: true } }],
  };
}

/** The scenario `json`, as the library's loadScenario gives it (saved as `file` when given). */
function load(json: object, file?: string): LoadedScenario {
  if (file !== undefined) writeFileSync(file, JSON.stringify(json));
  return loadScenario(json, { baseDir: dir, file });
}

let dir = "";
let loaded: LoadedScenario;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "supportsim-staffscenario-"));
  loaded = load(desk(), join(dir, "desk.json"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const target = { serviceLevel: 0.8, thresholdSeconds: 20 };
const quick: StaffOptions = { targets: target, replications: 1, maxRuns: 4 };

/** The InputError `f` rejects with (fails the test if it resolves or throws anything else). */
async function inputError(f: () => Promise<unknown>): Promise<InputError> {
  const e = await f().then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

describe("the options' problems", () => {
  it.each([
    [{ targets: { serviceLevel: 1, thresholdSeconds: 20 } }, "targets.serviceLevel", "expected a share in (0, 1), got 1"],
    [{ targets: { serviceLevel: 0.8, thresholdSeconds: 0 } }, "targets.thresholdSeconds", "expected seconds > 0, got 0"],
    [{ targets: { ...target, maxAbandon: 2 } }, "targets.maxAbandon", "expected a share in (0, 1), got 2"],
    [{ targets: { ...target, maxOccupancy: 1.5 } }, "targets.maxOccupancy", "expected a share in (0, 1], got 1.5"],
    [{ targets: { ...target, response: 1 } }, "targets.response", "expected a share in (0, 1), got 1"],
    [{ targets: target, replications: 0 }, "replications", "expected an integer >= 1, got 0"],
    [{ targets: target, maxRuns: 2 }, "maxRuns", "expected an integer >= 3, got 2"],
    [{ targets: target, seed: -1 }, "seed", "expected an integer >= 0, got -1"],
    [{ targets: target, threads: 1.5 }, "threads", "expected an integer >= 1, got 1.5"],
    [{ targets: target, fteHours: 200 }, "fteHours", "expected hours in (0, 168], got 200"],
  ] as [StaffOptions, string, string][])("%j → %s", (options, path, message) => {
    expect(staffOptionProblems(options)).toEqual([{ path, message }]);
  });

  it("lists every problem, in the order the command line checks its flags; good options have none", () => {
    const problems = staffOptionProblems({ targets: { ...target, maxAbandon: 2, maxOccupancy: 3 }, fteHours: 0, replications: 0 });
    expect(problems.map((p) => p.path)).toEqual(["targets.maxAbandon", "targets.maxOccupancy", "replications", "fteHours"]);
    expect(staffOptionProblems({ targets: { ...target, maxAbandon: 0.05, maxOccupancy: 1, response: 0.9 }, seed: 0, threads: 2, maxRuns: 3, fteHours: 168 })).toEqual([]);
  });

  it("staffScenario raises them as one InputError from \"options\" before anything runs", async () => {
    let runs = 0;
    const e = await inputError(() => staffScenario(loaded, { targets: { ...target, maxAbandon: 2 }, replications: 0, onEvaluation: () => runs++ }));
    expect(e.source).toBe("options");
    expect(e.lines()).toEqual(["options: targets.maxAbandon: expected a share in (0, 1), got 2", "options: replications: expected an integer >= 1, got 0"]);
    expect(runs).toBe(0);
  });
});

describe("bad input found on the way", () => {
  it("an unknown pool: path pools", async () => {
    const e = await inputError(() => staffScenario(loaded, { ...quick, pools: ["L9"] }));
    expect(e.source).toBe("options");
    expect(e.problems).toEqual([{ path: "pools", message: 'unknown pool "L9"; expected one of "L1"' }]);
  });

  it("bad shift patterns: paths below shiftPatterns, every problem, nothing simulated", async () => {
    let runs = 0;
    const e = await inputError(() => staffScenario(loaded, { ...quick, shiftPatterns: [{ name: "x", lengthHours: 30, daysOn: 9 }], onEvaluation: () => runs++ }));
    expect(e.source).toBe("options");
    expect(e.problems.map((p) => p.path)).toEqual(["shiftPatterns[0].lengthHours", "shiftPatterns[0].daysOn"]);
    expect(runs).toBe(0);
  });

  it("patterns that cannot cover the requirement: a problem of the options as a whole, naming the pool", async () => {
    const night = [{ name: "night", lengthHours: 2, starts: { earliest: "20:00" }, daysOn: 5 }];
    const e = await inputError(() => staffScenario(loaded, { ...quick, shiftPatterns: night }));
    expect(e.source).toBe("options");
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0].path).toBe("");
    expect(e.problems[0].message).toMatch(/^shifts for L1: Mon 09:00–10:00 needs \d+ agents? on the floor, but no allowed shift covers it/);
  }, 60_000);

  it("a scenario whose interval does not divide a day: its field, in its file (found when it is loaded, before any command)", async () => {
    const file = join(dir, "seven.json");
    const e = await inputError(async () => staffScenario(load(desk(7), file), { ...quick, shifts: false }));
    expect(e.lines()).toEqual([`${file}: horizon.intervalMinutes: expected a whole number of minutes that divides 1440 (e.g. 15, 30, 60), got 7`]);
  });
});

describe("the answer", () => {
  it("is the document, the plans, the warnings and the staffed scenario", async () => {
    const warnings: string[] = [];
    const phases: string[] = [];
    const out = await staffScenario(loaded, { ...quick, maxRuns: 12, onWarning: (w) => warnings.push(w), onEvaluation: (_, phase) => phases.push(phase) });
    const doc = out.document;
    expect(Object.keys(doc).slice(0, 6)).toEqual(["scenario", "file", "seed", "currency", "fteHours", "targets"]);
    expect([doc.scenario, doc.file, doc.seed, doc.fteHours]).toEqual(["desk", loaded.file, 3, 40]);
    expect(doc.targets).toEqual({ serviceLevel: 0.8, thresholdSeconds: 20, response: 0.9 });
    // the search's runs and the check's, apart: the last run is the check
    expect(doc.evaluations).toBe(phases.length - 1);
    expect(phases.filter((p) => p === "check")).toEqual(["check"]);
    expect(phases[phases.length - 1]).toBe("check");
    expect(doc.check.runs).toBe(1);
    expect(doc.removalMargin).toBe(1.5);
    expect(phases[0]).toBe("measure");
    expect(out.warnings).toEqual(warnings);
    expect(doc.shifts.map((s) => s.pool)).toEqual(["L1"]);
    expect(doc.shifts[0].plan).toBe(out.plans[0]);
    // the staffed scenario: the pool on its planned shifts instead of agents and hours
    const pool = (out.staffedScenario!.pools as Record<string, unknown>[])[0];
    expect(pool.agents).toBeUndefined();
    expect(pool.hours).toBeUndefined();
    expect((pool.shifts as { agents: number }[]).reduce((a, s) => a + s.agents, 0)).toBe(out.plans[0]!.shifts.reduce((a, s) => a + s.agents, 0));
    expect(out.staffedScenario!.name).toBe("desk (staffed by supportsim staff)");
    // a scenario object (no file): the staffed scenario starts from the object
    const object = await staffScenario(load(desk()), { ...quick, maxRuns: 3 });
    expect(object.document.file).toBeUndefined();
    expect(object.staffedScenario!.name).toBe("desk (staffed by supportsim staff)");
    expect(object.staffedScenario!.seed).toBe(3);
    // without shifts: no plans and no staffed scenario
    const bare = await staffScenario(loaded, { ...quick, shifts: false });
    expect(bare.plans).toEqual([null]);
    expect(bare.staffedScenario).toBeNull();
    expect(bare.document.shifts).toEqual([{ pool: "L1", plan: null }]);
  }, 60_000);

  it("the staffed scenario runs the plan as sized: a pool's workforce (attrition, hiring) is left out, so it cannot thin the plan", () => {
    const resolved = { ...desk(), pools: [{ ...desk().pools[0], workforce: { headcount: 8, attritionPerYear: 0.4 } }] };
    const plan = { shifts: [{ pattern: "full-time", days: [0, 1, 2, 3, 4], start: 540, length: 480, agents: 3, breaks: [] }] };
    const staffed = staffedScenario(resolved, { pools: [{ pool: "L1", reserveForLive: 0 }] } as never, [plan] as never);
    const pool = (staffed.pools as Record<string, unknown>[])[0];
    expect(pool.workforce).toBeUndefined();
    expect(pool.shifts).toEqual([{ name: "full-time Mon-Fri 09:00", days: "Mon-Fri", start: "09:00", lengthHours: 8, agents: 3 }]);
    expect(resolved.pools[0].workforce).toBeDefined(); // the input is left as it was
  });
});
