/**
 * Every command's terminal text fits the width (src/report/tables/layout.ts): at 100 columns (off
 * a terminal) and at 80 no line is wider, and nothing is lost — every number of the full table
 * (`--wide`) is in the fitted one as often. Each table is made from real results of the library
 * on small scenarios (run, compare of three, sweep, staff with shifts, plan, sensitivity and
 * uncertainty over a ranged input, erlang staff --forecast), and the commands are driven through
 * yargs for --wide and the default width.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../../src/api/scenario.js";
import { simulate } from "../../../src/api/simulate.js";
import { compare } from "../../../src/api/compare.js";
import { sweep } from "../../../src/api/sweep.js";
import { staff } from "../../../src/api/staff.js";
import { plan } from "../../../src/api/plan.js";
import { sensitivity } from "../../../src/api/sensitivity.js";
import { simulateUncertainty } from "../../../src/api/uncertainty.js";
import { erlang } from "../../../src/api/erlang.js";
import { runTable } from "../../../src/report/tables/runTable.js";
import { compareTable } from "../../../src/report/tables/compareTable.js";
import { sweepTable } from "../../../src/report/tables/sweepTable.js";
import { staffText } from "../../../src/report/tables/staffTable.js";
import { planText } from "../../../src/report/tables/planTable.js";
import { sensitivityTable } from "../../../src/report/tables/sensitivityTable.js";
import { uncertaintyTable } from "../../../src/report/tables/uncertaintyTable.js";
import { forecastStaffingText } from "../../../src/report/tables/forecastStaffingTable.js";
import { layout, wrapWords } from "../../../src/report/tables/layout.js";
import { tableWidth } from "../../../src/cli/flags.js";
import { smallBaseline } from "../../helpers/smallBaseline.js";

let dir = "";
const tables: Record<string, (width: number) => string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "supportsim-width-"));
  const base = smallBaseline(2, (s) => {
    s.name = "baseline";
    delete s.$schema;
  });
  writeFileSync(join(dir, "baseline.json"), JSON.stringify(base));
  writeFileSync(join(dir, "more-l2.json"), JSON.stringify({ extends: "baseline.json", name: "more-l2-agents", pools: { L2: { agents: 3 } } }));
  writeFileSync(join(dir, "more-l1.json"), JSON.stringify({ extends: "baseline.json", name: "more-l1-phone-agents", pools: { "L1 phone and e-mail": { agents: 3 } } }));
  writeFileSync(join(dir, "ranged.json"), JSON.stringify({ extends: "baseline.json", name: "ranged", pools: { L2: { shrinkage: { low: 0.1, expected: 0.3, high: 0.5 } } } }));
  const load = (n: string) => loadScenario(join(dir, n));
  const baseline = load("baseline.json");

  const run = await simulate(baseline, { threads: 1 });
  tables.run = (w) => runTable(run, w);
  const { comparison } = await compare([baseline, load("more-l2.json"), load("more-l1.json")], { threads: 1 });
  tables.compare = (w) => compareTable(comparison, w);
  const swept = await sweep(baseline, { vary: [{ path: "pools.L2.agents", values: [1, 2, 3, 4, 5] }], replications: 1, threads: 1 });
  tables.sweep = (w) => sweepTable(swept.document!, w);
  const staffed = await staff(baseline, { targets: { serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.9 }, replications: 1, maxRuns: 3, pools: ["L2"], shiftPatterns: [{ name: "day", lengthHours: 8, daysOn: 5, starts: { earliest: "07:00", latest: "11:00" } }] });
  const d = staffed.document;
  tables.staff = (w) => staffText(staffed.solution, staffed.plans, { scenario: d.scenario, currency: d.currency, fteHours: d.fteHours, summary: d.summary, maxRuns: 3, width: w });
  const planned = await plan(baseline, { months: 1, targets: { serviceLevel: 0.8, thresholdSeconds: 20, response: 0.9 }, replications: 1, maxRuns: 3, maxRounds: 0 });
  tables.plan = (w) => planText(planned, w);
  const ranged = load("ranged.json");
  const sens = await sensitivity(ranged, { metrics: ["cost.total", "channel.phone.serviceLevel"], replications: 1, threads: 1 });
  tables.sensitivity = (w) => sensitivityTable(sens, w);
  const unc = await simulateUncertainty([ranged, load("more-l1.json")], { sets: 2, replications: 2, threads: 1, targets: { budget: 100_000 } });
  tables.uncertainty = (w) => uncertaintyTable(unc, "USD", w);
  const target = { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandonRate: 0.05, maxAsaSeconds: 30, maxOccupancy: 0.9 };
  const forecast = join(import.meta.dirname, "..", "..", "..", "scenarios", "data", "sample-forecast.csv");
  const fs = erlang.staffForecast(forecast, { target, patienceMinutes: 2, shrinkage: 0.3 });
  tables.erlangForecast = (w) => forecastStaffingText(fs, target, { file: forecast, shrinkage: 0.3, fteHours: 40 }, w);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const widest = (text: string) => Math.max(...text.split("\n").map((l) => [...l].length));

/** The numbers of a text, each with how often it occurs. */
function numbers(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of text.match(/[+−-]?\d[\d,.]*%?/g) ?? []) counts.set(n, (counts.get(n) ?? 0) + 1);
  return counts;
}

describe("terminal tables fit the width, losing nothing", () => {
  const commands = ["run", "compare", "sweep", "staff", "plan", "sensitivity", "uncertainty", "erlangForecast"];
  it.each(commands)("%s", (name) => {
    const wide = tables[name](Infinity);
    for (const width of [100, 80]) {
      const narrow = tables[name](width);
      expect(widest(narrow), `${name} at ${width}`).toBeLessThanOrEqual(width);
      const have = numbers(narrow);
      for (const [n, count] of numbers(wide)) expect(have.get(n) ?? 0, `${name} at ${width}: "${n}"`).toBeGreaterThanOrEqual(count);
    }
  });

  it("the full tables of run, staff and compare of three are wider than 100 (so the fit is what keeps them narrow)", () => {
    for (const name of ["run", "compare", "staff"]) expect(widest(tables[name](Infinity)), name).toBeGreaterThan(100);
  });
});

describe("the rule (layout.ts)", () => {
  const header = ["", "a", "95% CI", "b", "95% CI", "c", "95% CI"];
  const rows = [["Service level", "80.0%", "70.0% – 90.0%", "81.0%", "71.0% – 91.0%", "82.0%", "72.0% – 92.0%"]];
  it("stacks whole column groups into blocks that repeat the labels; a group is never split", () => {
    const full = layout(rows, header, { groups: [2, 2, 2] });
    expect(full.split("\n")).toHaveLength(3);
    const stacked = layout(rows, header, { width: 50, groups: [2, 2, 2] });
    const blocks = stacked.split("\n\n");
    expect(blocks).toHaveLength(3);
    for (const [k, b] of blocks.entries()) {
      expect(b.split("\n")[2]).toMatch(new RegExp(`^Service level +8${k}\\.0% +7${k}\\.0% – 9${k}\\.0%$`));
      expect(widest(b)).toBeLessThanOrEqual(50);
    }
    expect(layout(rows, header, { width: Infinity, groups: [2, 2, 2] })).toBe(full);
  });

  it("wraps the labels when one group beside them is too wide, continuation lines indented", () => {
    const t = layout([["  a long label that does not fit in the room left", "1", "2"]], ["Title", "x", "y"], { width: 30 });
    // 30 − two value columns with their gaps (4 each) = 22 for the labels
    expect(t.split("\n")).toEqual(["Title                    x   y", "─".repeat(30), "  a long label that      1   2", "    does not fit in", "    the room left"]);
  });

  it("wraps prose at spaces, and cuts a word longer than the line", () => {
    expect(wrapWords("one two three four", 12)).toEqual(["one two", "  three four"]);
    expect(wrapWords("abcdefghijkl", 5)).toEqual(["abcde", "fghij", "kl"]);
  });

  it("the width: --wide is the full table, a terminal its columns, else 100", () => {
    expect(tableWidth(true, { isTTY: true, columns: 80 })).toBe(Infinity);
    expect(tableWidth(false, { isTTY: true, columns: 80 })).toBe(80);
    expect(tableWidth(undefined, { isTTY: false, columns: undefined })).toBe(100);
  });
});
