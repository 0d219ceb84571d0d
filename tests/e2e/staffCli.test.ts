/**
 * `supportsim staff` (src/cli/staff.ts over src/analysis/staffing/staffScenario.ts, and
 * src/report/tables/staffTable.ts): the printed answer, --out (results.json, requirements.csv,
 * shifts.csv and a staffed scenario that runs), the shipped scenarios whose pools share work,
 * and the bad-input contract: one line naming the flag (the options' paths mapped back), nothing
 * written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runStaff, type StaffOptions } from "../../src/cli/staff.js";
import { loadAnyScenarioFile } from "../../src/scenario/load.js";
import { InputError } from "../../src/errors.js";
import { buildSupport } from "../../src/scenario/full/build.js";
import { runReplications } from "../../src/analysis/experiments/replications.js";
import { readResults } from "../../src/report/results.js";

let dir = "";
const f = (n: string) => join(dir, n);
const hours = [{ days: "Mon-Fri", open: "09:00", close: "13:00" }];
const DAY = [0, 0, 0, 0, 0, 0, 0, 0, 0, 60, 110, 90, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const WEEK = [...DAY, ...DAY, ...DAY, ...DAY, ...DAY, ...new Array(48).fill(0)];
const scenario = {
  name: "desk", seed: 3, replications: 2, start: "2027-01-04T00:00", timeZone: "UTC",
  horizon: { days: 15, warmupDays: 1, intervalMinutes: 60 },
  needTypes: [{ name: "any", perCustomerPerMonth: 0, channels: { phone: 1 } }],
  channels: [{ name: "phone", kind: "realtime", entryTier: "L1", hours }],
  tiers: [{ name: "L1", handleTime: { dist: "exponential", meanMinutes: 4 }, patience: { phone: { dist: "exponential", meanMinutes: 3 } }, resolve: 1 }],
  pools: [{ name: "L1", tier: "L1", agents: 8, hours, costPerHour: 30, shrinkage: 0.2 }],
  // calls Mon–Fri 09–13 only (a weekly pattern: the channel is closed at weekends)
  arrivals: [{ channel: "phone", pattern: { stepMinutes: 60, ratesPerHour: WEEK, repeat: true } }],
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "supportsim-staff-"));
  writeFileSync(f("desk.json"), JSON.stringify(scenario));
  writeFileSync(f("patterns.json"), JSON.stringify([{ name: "half", lengthHours: 2, daysOn: 5 }]));
  writeFileSync(f("badpatterns.json"), JSON.stringify([{ name: "x", lengthHours: 30, daysOn: 5 }]));
  writeFileSync(f("worsepatterns.json"), JSON.stringify([{ name: "x", lengthHours: 30, daysOn: 9 }, { name: "y", lengthHours: 4, daysOn: 5, color: 1 }]));
  writeFileSync(f("duppatterns.json"), JSON.stringify([{ name: "x", lengthHours: 4, daysOn: 5 }, { name: "x", lengthHours: 4, daysOn: 5 }]));
  writeFileSync(f("nightpatterns.json"), JSON.stringify([{ name: "night", lengthHours: 2, starts: { earliest: "20:00" }, daysOn: 5 }]));
  writeFileSync(f("simple.json"), JSON.stringify({ name: "mm1", horizon: { hours: 10 }, arrivals: { ratePerHour: 10 }, tiers: [{ name: "L1", agents: 2, handleTime: { dist: "exponential", meanMinutes: 5 } }] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function quiet(file: string, options: Partial<StaffOptions> = {}) {
  let out = "", err = "";
  const r = await runStaff(file, { target: "sl=0.8@20s", progress: false, ...options, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { ...r, out, err };
}

describe("supportsim staff", () => {
  it("prints the requirement beside Erlang, hours, FTE, cost and shifts covering it", async () => {
    const { solution, plans, out, err } = await quiet(f("desk.json"), { shiftPatterns: f("patterns.json") });
    expect(solution.met).toBe(true);
    expect(solution.complete).toBe(true);
    expect(out).not.toContain("run cap");
    expect(err).not.toContain("run cap");
    expect(out).toContain("L1 — agents on the floor per interval of the week");
    expect(out).toMatch(/09:00–10:00 +\d+ \(\d+\)/);
    const p = solution.pools[0];
    // paid = floor / 0.8; cost = paid hours × 30
    expect(p.paidHoursPerWeek).toBeCloseTo(p.floorHoursPerWeek / 0.8, 9);
    expect(p.costPerWeek).toBeCloseTo(p.paidHoursPerWeek * 30, 9);
    expect(out).toContain(`${(p.paidHoursPerWeek / 40).toFixed(1)} FTE of 40 h`);
    // shifts: 2-hour shifts inside 09:00–13:00 cover every interval
    const plan = plans[0]!;
    for (const s of plan.shifts) { expect(s.start).toBeGreaterThanOrEqual(540); expect(s.start + s.length).toBeLessThanOrEqual(780); }
    p.intervals.forEach((iv, i) => expect(plan.coverage[i]).toBeGreaterThanOrEqual(iv.required - 1e-6));
    expect(out).toContain("every interval covered");
  }, 60_000);

  it("--out writes results, requirements, shifts and a staffed scenario that runs", async () => {
    const out = f("out");
    const { solution, plans } = await quiet(f("desk.json"), { out, json: true });
    for (const name of ["results.json", "requirements.csv", "shifts.csv", "scenario.staffed.json"]) expect(existsSync(join(out, name))).toBe(true);
    const csv = readFileSync(join(out, "requirements.csv"), "utf8").trim().split("\n");
    expect(csv.length).toBe(1 + 168);
    expect(csv[0]).toMatch(/^pool,interval,day,start,open,erlang,required,gap,paid,/);
    const j = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(j.pools[0].intervals.map((iv: { required: number }) => iv.required)).toEqual(solution.pools[0].intervals.map((iv) => iv.required));
    // read back as `supportsim chart` reads it (the charts' tests make their staffing results through the library)
    expect(readResults(out)).toEqual({ kind: "staff", staff: j });
    // the staffed scenario is valid, has the planned shifts, and runs with the target met on the phone
    const staffed = loadAnyScenarioFile(join(out, "scenario.staffed.json"));
    if (staffed.form !== "support") throw new Error("expected the full form");
    const pool = staffed.scenario.pools[0] as { shifts?: unknown[]; agents?: number };
    expect(pool.agents).toBeUndefined();
    expect(pool.shifts!.length).toBe(plans[0]!.shifts.length);
    const cfg = buildSupport(staffed.scenario, { baseDir: out });
    const run = runReplications(cfg, { seed: 3, replications: 2 });
    expect(run.estimates["channel.phone.serviceLevel"].mean!).toBeGreaterThan(0.8);
  }, 60_000);

  it("prints the requirement, the plan and the current schedule side by side, per pool and in total (also in the JSON)", async () => {
    const { out, plans, solution } = await quiet(f("desk.json"), { shiftPatterns: join(import.meta.dirname, "..", "..", "scenarios", "data", "shift-patterns.json") });
    expect(out).toContain("Requirement, plan and current schedule per week");
    const table = out.slice(out.indexOf("Requirement, plan and current schedule"));
    // the current schedule: 8 agents Mon–Fri 09:00–13:00 = 160 paid h, 4.0 FTE, 30/h
    expect(table).toMatch(/L1 +[\d.,]+ h · [\d.]+ FTE +[\d.,]+ h · [\d.]+ FTE +160\.0 h · 4\.0 FTE/);
    expect(table).toContain("USD 4,800/week");
    expect(table).toMatch(/\n  total /);
    const plan = plans[0]!;
    expect(table).toContain(`plan / requirement ${(plan.paidHoursPerWeek / solution.pools[0].paidHoursPerWeek).toFixed(2)}`);
    const { out: json } = await quiet(f("desk.json"), { json: true, maxRuns: 3 });
    const doc = JSON.parse(json);
    expect(doc.summary.map((r: { pool: string }) => r.pool)).toEqual(["L1", "total"]);
    expect(doc.summary[0].current.paidHoursPerWeek).toBe(160);
  }, 120_000);

  it("says so when the run cap stops the search before every removal was tried", async () => {
    const { solution, out, err } = await quiet(f("desk.json"), { maxRuns: 4, shifts: false });
    expect(solution.met).toBe(true);
    expect(solution.complete).toBe(false);
    // the cap counts the search's runs; the check on fresh seeds is reported apart (it made the count one too many)
    expect(solution.evaluations).toBe(4);
    expect(solution.check.runs).toBe(1);
    expect(out).toContain(`${solution.evaluations} simulation runs of the search, then 1 of the answer on`);
    expect(out).toContain(`The search reached its run cap (4 runs) before trying every removal`);
    // and on stderr, naming the flag, also with --json
    expect(err).toContain(`warning: the search stopped at its run cap (4 of --max-runs 4) with removals untried: the answer may be above the fewest; raise --max-runs`);
  }, 60_000);

  it.each(["outsource-l1-overflow.json", "follow-the-sun.json"])("staffs %s, whose pools share work (was a RangeError from the Erlang start)", async (name) => {
    const { solution } = await quiet(join(import.meta.dirname, "..", "..", "scenarios", name), { target: "sl=0.8@20s", maxAbandon: 0.05, replications: 1, maxRuns: 3, shifts: false, json: true });
    const shared = solution.pools.filter((p) => p.pool.includes("overflow") || p.pool.includes("EMEA") || p.pool.includes("APAC"));
    expect(shared.length).toBeGreaterThan(0);
    for (const p of shared) for (const iv of p.intervals) if (iv.open) expect(iv.erlang).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("staffs a simple-form scenario as the full form it stands for, and writes its staffed scenario in the full form", async () => {
    const out = f("simple-out");
    // one simple shift pattern: the default patterns' integer program runs to HiGHS's time limit (30 s), which this test is not about
    const { solution } = await quiet(f("simple.json"), { target: "sl=0.8@20s", replications: 2, maxRuns: 4, out, shiftPatterns: f("patterns.json") });
    expect(solution.pools.map((p) => p.pool)).toEqual(["L1"]);
    const staffed = JSON.parse(readFileSync(join(out, "scenario.staffed.json"), "utf8"));
    expect(staffed.channels.map((c: { name: string }) => c.name)).toEqual(["contacts"]);
    expect(staffed.pools[0].shifts.length).toBeGreaterThan(0);
    expect(staffed.$schema).toBeUndefined();
  }, 60_000);

  describe("bad input: one line, nothing written", () => {
    it.each([
      ["a target that does not parse", "desk.json", { target: "80" }, InputError, /^--target: expected/],
      ["--max-abandon out of range", "desk.json", { maxAbandon: 2 }, InputError, /^--max-abandon: expected a share in \(0, 1\), got 2$/],
      ["--replications 0", "desk.json", { replications: 0 }, InputError, /^--replications: expected an integer >= 1, got 0$/],
      ["a threshold of 0 s", "desk.json", { target: "sl=0.8@0s" }, InputError, /^--target: the threshold must be positive, got 0s$/],
      ["--max-occupancy out of range", "desk.json", { maxOccupancy: 1.5 }, InputError, /^--max-occupancy: expected a share in \(0, 1\], got 1.5$/],
      ["--response 1", "desk.json", { response: 1 }, InputError, /^--response: expected a share in \(0, 1\), got 1$/],
      ["two bad options: the first", "desk.json", { maxAbandon: 2, maxOccupancy: 3 }, InputError, /^--max-abandon: expected a share in \(0, 1\), got 2$/],
      ["--max-runs 2", "desk.json", { maxRuns: 2 }, InputError, /^--max-runs: expected an integer >= 3, got 2$/],
      ["--margin -1", "desk.json", { margin: -1 }, InputError, /^--margin: expected a finite number >= 0 \(standard errors\), got -1$/],
      ["--margin not a number", "desk.json", { margin: Number.NaN }, InputError, /^--margin: expected a finite number >= 0 \(standard errors\), got NaN$/],
      ["--margin Infinity", "desk.json", { margin: Infinity }, InputError, /^--margin: expected a finite number >= 0 \(standard errors\), got Infinity$/],
      ["--seed -1", "desk.json", { seed: -1 }, InputError, /^--seed: expected an integer >= 0, got -1$/],
      ["--threads 0", "desk.json", { threads: 0 }, InputError, /^--threads: expected an integer >= 1, got 0$/],
      ["--fte-hours 200", "desk.json", { fteHours: 200 }, InputError, /^--fte-hours: expected hours in \(0, 168\], got 200$/],
      ["an unknown pool", "desk.json", { pools: ["L9"] }, InputError, /^--pools: unknown pool "L9"; expected one of "L1"$/],
      ["a missing file", "nope.json", {}, InputError, /nope\.json/],
      ["bad shift patterns", "desk.json", { shiftPatterns: "badpatterns.json" }, InputError, /^--shift-patterns: .*badpatterns\.json: patterns\[0\]\.lengthHours: expected a number in \(0, 24\], got 30$/],
      ["shift patterns with three problems", "desk.json", { shiftPatterns: "worsepatterns.json" }, InputError, /^--shift-patterns: .*worsepatterns\.json: patterns\[0\]\.lengthHours: expected a number in \(0, 24\], got 30 \(and 2 more problems\)$/],
      ["shift patterns sharing a name", "desk.json", { shiftPatterns: "duppatterns.json" }, InputError, /^--shift-patterns: .*duppatterns\.json: patterns\[1\]\.name: "x" is already the name of patterns\[0\]$/],
      ["--max-headcount 0", "desk.json", { maxHeadcount: 0 }, InputError, /^--max-headcount: expected an integer >= 1, got 0$/],
      ["--max-part-time-share 2", "desk.json", { maxPartTimeShare: 2 }, InputError, /^--max-part-time-share: expected a share in \[0, 1\], got 2$/],
      ["a part-time share no plan can keep (the desk opens 4 h: no full-time shift fits)", "desk.json", { maxPartTimeShare: 0.5, maxRuns: 3 }, InputError, /^shifts for L1: no plan of these patterns covers the requirement with at most 50% of them part-time$/],
      ["a headcount no plan can keep", "desk.json", { maxHeadcount: 1, maxRuns: 3 }, InputError, /^shifts for L1: no plan of these patterns covers the requirement with at most 1 agents$/],
      ["a missing shift-pattern file", "desk.json", { shiftPatterns: "nopatterns.json" }, InputError, /^--shift-patterns: .*nopatterns\.json: no such file$/],
      ["shift patterns that cover nothing", "desk.json", { shiftPatterns: "nightpatterns.json", maxRuns: 3 }, InputError, /^shifts for L1: Mon 09:00–10:00 needs \d+ agents? on the floor, but no allowed shift covers it \(nor 19 other intervals with a requirement\)$/],
    ])("%s", async (_what, file, opts, type, message) => {
      const out = f(`never-${_what.replace(/\W+/g, "-")}`);
      const o = { ...opts } as Partial<StaffOptions>;
      if (o.shiftPatterns) o.shiftPatterns = f(o.shiftPatterns);
      const err = await quiet(f(file), { ...o, out }).then(() => null, (e: Error) => e);
      expect(err).toBeInstanceOf(type);
      expect(err!.message.split("\n")).toHaveLength(1);
      expect(err!.message).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }, 60_000);
  });
});
