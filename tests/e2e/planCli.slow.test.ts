/**
 * `supportsim plan scenarios/hiring-freeze.json --months 12` end to end (issue 16 part 3): the
 * table, results.json, plan.csv (parsed as a spreadsheet would), the planned scenario (its
 * hires on the plan's dates) and the charts exist, and the end-to-end check passes in every
 * pool and month.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliWithin } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "supportsim-plan-e2e-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("supportsim plan, a year of hiring-freeze", () => {
  it("writes the table, the CSV, the JSON, the planned scenario and the charts, and the hires keep the target", () => {
    const out = join(dir, "plan");
    const r = cliWithin(400_000, "plan", "scenarios/hiring-freeze.json", "--months", "12", "--replications", "2", "--threads", "2", "--max-rounds", "1", "--out", out);
    expect(r.stderr).not.toMatch(/supportsim:/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Budget year for hiring-freeze: 2027-01 to 2027-12/);
    for (const f of ["results.json", "plan.csv", "scenario.planned.json", "report.html", "charts/plan-hires.png", "charts/plan-cost.png", "charts/plan-capacity-l2.png"]) expect(existsSync(join(out, f)), f).toBe(true);
    const csv = readFileSync(join(out, "plan.csv"), "utf8").trim().split("\n").map((l) => l.split(","));
    expect(csv[0].slice(0, 6)).toEqual(["pool", "month", "required_fte", "capacity_fte", "shortfall_fte", "hires"]);
    expect(csv).toHaveLength(1 + 4 * 12);
    for (const row of csv.slice(1)) {
      expect(row[1]).toMatch(/^2027-(0[1-9]|1[0-2])$/);
      for (const c of row.slice(2, 11)) expect(Number.isFinite(Number(c)), c).toBe(true);
    }
    const doc = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(doc.format).toBe("supportsim-plan");
    expect(doc.check.passed).toBe(true);
    expect(doc.check.pools.every((p: { months: { passed: boolean }[] }) => p.months.every((m) => m.passed))).toBe(true);
    const planned = JSON.parse(readFileSync(join(out, "scenario.planned.json"), "utf8"));
    const hires = doc.pools.reduce((s: number, p: { rows: { hires: number }[] }) => s + p.rows.reduce((a, x) => a + x.hires, 0), 0);
    const dated = planned.pools.reduce((s: number, p: { workforce: { hiring: { mode: string; plan: { hires: number }[] } } }) => {
      expect(p.workforce.hiring.mode).toBe("plan");
      return s + p.workforce.hiring.plan.reduce((a, x) => a + x.hires, 0);
    }, 0);
    expect(dated).toBe(hires);
  });
});
