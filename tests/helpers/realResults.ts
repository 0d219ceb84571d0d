/**
 * Real results for the chart and report tests, made by the commands themselves on small
 * versions of the shipped scenarios and read back the way `supportsim chart` reads them:
 *   - a comparison of the small baseline, its L1 outsourced (scenarios/outsource-l1.json's
 *     pools patch) and a KCS program (scenarios/shift-left-kcs.json's kcs), 9 weeks, so two
 *     calendar months of retention; its runs are the three scenarios' full results;
 *   - the staffing solver on the small baseline (1 replication, at most 12 runs) with shifts;
 *   - a sweep of L2 agents over 1…4.
 * Made once per test file (a few seconds each), in a temporary folder removed at exit.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCompare } from "../../src/cli/compare.js";
import { runStaff } from "../../src/cli/staff.js";
import { execSweep } from "../../src/cli/sweep.js";
import type { CompareResult, ScenarioResult, StaffResult, SweepResult } from "../../src/report/charts/inputs.js";
import { readResults } from "../../src/report/results.js";
import { smallBaseline } from "./smallBaseline.js";

export interface RealResults {
  /** The compared runs: small baseline, outsource-l1, shift-left-kcs (in that order). */
  runs: ScenarioResult[];
  compare: CompareResult;
  staff: StaffResult;
  sweep: SweepResult;
}

const SCENARIOS = join(import.meta.dirname, "..", "..", "scenarios");
const shipped = (name: string) => JSON.parse(readFileSync(join(SCENARIOS, name), "utf8"));

let cached: Promise<RealResults> | null = null;

/** The results (made on first call, then shared within the test file). */
export function realResults(): Promise<RealResults> {
  cached ??= make();
  return cached;
}

async function make(): Promise<RealResults> {
  const dir = mkdtempSync(join(tmpdir(), "supportsim-real-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const base = smallBaseline(3, (s) => {
    s.name = "baseline";
    delete s.$schema;
    s.horizon = { days: 63, warmupDays: 7, intervalMinutes: 30 };
  });
  writeFileSync(join(dir, "baseline.json"), JSON.stringify(base));
  const outsource = shipped("outsource-l1.json");
  writeFileSync(join(dir, "outsource-l1.json"), JSON.stringify({ extends: "baseline.json", name: "outsource-l1", pools: { ...outsource.pools, L2: { agents: 3 } } }));
  writeFileSync(join(dir, "shift-left-kcs.json"), JSON.stringify({ extends: "baseline.json", name: "shift-left-kcs", kcs: shipped("shift-left-kcs.json").kcs }));
  const quiet = { stdout: () => {}, stderr: () => {}, progress: false, charts: false };

  await runCompare(["baseline.json", "outsource-l1.json", "shift-left-kcs.json"].map((f) => join(dir, f)), { ...quiet, threads: 1, out: join(dir, "compare") });
  const cmp = readResults(join(dir, "compare"));
  if (cmp.kind !== "compare") throw new Error("expected a comparison");

  await runStaff(join(dir, "baseline.json"), { ...quiet, target: "sl=0.8@20s", maxOccupancy: 0.9, replications: 1, maxRuns: 12, out: join(dir, "staff") });
  const staff = readResults(join(dir, "staff"));
  if (staff.kind !== "staff") throw new Error("expected a staffing plan");

  await execSweep(join(dir, "baseline.json"), { ...quiet, vary: ["pools.L2.agents=1..4:1"], replications: 3, threads: 1, out: join(dir, "sweep") });
  const sweep = readResults(join(dir, "sweep"));
  if (sweep.kind !== "sweep") throw new Error("expected a sweep");

  return { runs: cmp.compare.runs, compare: cmp.compare, staff: staff.staff, sweep: sweep.sweep };
}

/** The mean of a run's metric; fails the test when the results lack it. */
export function meanOf(r: { scenario: string; estimates: Record<string, { mean: number | null }> }, key: string): number {
  const m = r.estimates[key]?.mean;
  if (m === null || m === undefined) throw new Error(`${r.scenario} has no ${key}`);
  return m;
}
