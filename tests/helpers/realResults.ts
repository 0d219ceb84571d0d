/**
 * Real results for the chart and report tests, made through the library (loadScenario, then
 * compare, staff and sweep) on small versions of the shipped scenarios, in the shapes the charts
 * take (src/report/charts/inputs.ts) as the commands hand them to `reportFiles`:
 *   - a comparison of the small baseline, its L1 outsourced (scenarios/outsource-l1.json's
 *     pools patch) and a KCS program (scenarios/shift-left-kcs.json's kcs), 9 weeks, so two
 *     calendar months of retention; its runs are the three scenarios' full results;
 *   - the staffing solver on the small baseline (1 replication, at most 12 runs) with shifts;
 *   - a sweep of L2 agents over 1…4.
 * Made once per test file (a few seconds each), from scenario files in a temporary folder
 * removed at exit. (That the commands' files read back as these results is tested with the
 * commands: tests/unit/cli/compare.test.ts, sweep.test.ts, tests/e2e/staffCli.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compare, comparisonJson } from "../../src/api/compare.js";
import { loadScenario } from "../../src/api/scenario.js";
import { staff } from "../../src/api/staff.js";
import { sweep } from "../../src/api/sweep.js";
import type { CompareResult, ScenarioResult, StaffResult, SweepResult } from "../../src/report/charts/inputs.js";
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
  const load = (name: string) => loadScenario(join(dir, name));

  // as `supportsim compare --out` gives them to the charts: the comparison's JSON and each run
  const { comparison, runs } = await compare(["baseline.json", "outsource-l1.json", "shift-left-kcs.json"].map(load), { threads: 1 });
  const cmp: CompareResult = { ...comparisonJson(comparison), runs };

  // as `supportsim staff --out`: the answer, with the pools that have a shift plan
  const staffed = await staff(load("baseline.json"), { targets: { serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.9 }, replications: 1, maxRuns: 12 });
  const shifts = staffed.document.shifts.filter((s): s is StaffResult["shifts"][number] => s.plan !== null);
  const staffResult: StaffResult = { ...staffed.document, shifts };

  // as `supportsim sweep --out`: the sweep's document
  const swept = await sweep(load("baseline.json"), { vary: [{ path: "pools.L2.agents", values: [1, 2, 3, 4] }], replications: 3, threads: 1 });
  const sweepResult: SweepResult = swept.document!;

  return { runs: cmp.runs, compare: cmp, staff: staffResult, sweep: sweepResult };
}

/** The mean of a run's metric; fails the test when the results lack it. */
export function meanOf(r: { scenario: string; estimates: Record<string, { mean: number | null }> }, key: string): number {
  const m = r.estimates[key]?.mean;
  if (m === null || m === undefined) throw new Error(`${r.scenario} has no ${key}`);
  return m;
}
