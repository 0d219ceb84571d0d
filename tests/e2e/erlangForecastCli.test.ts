/**
 * `supportsim erlang staff --forecast FILE.csv` as a user runs it (the built CLI): the table and
 * totals, the --csv file (the same rows as the library's answer), --json, and the bad-input
 * contract: one line on stderr naming the file, line and column, exit 2, no CSV written.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { erlang } from "../../src/api/erlang.js";
import { forecastStaffingCsv } from "../../src/report/tables/forecastStaffingTable.js";
import { cli } from "../helpers/cli.js";

const SAMPLE = "scenarios/data/sample-forecast.csv";
let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "supportsim-erlang-forecast-"));
});

describe("erlang staff --forecast", () => {
  it("prints N, the service level at N−2 … N+3 and the totals, and writes the same table as CSV", () => {
    const out = join(dir, "plan.csv");
    // --wide: whole lines (off a terminal, text wider than 100 columns wraps)
    const r = cli("erlang", "staff", "--forecast", SAMPLE, "--target-sl", "0.8", "--shrinkage", "0.3", "--fte-hours", "8", "--csv", out, "--wide");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lib = erlang.staffForecast(SAMPLE, { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, shrinkage: 0.3, fteHours: 8 });
    expect(r.stdout).toContain("Erlang C (customers wait forever) per interval of scenarios/data/sample-forecast.csv: 24 intervals of 30 min over 12 hours");
    expect(r.stdout).toMatch(/Start\s+Volume\s+AHT s\s+N\s+N−2\s+N−1\s+N\s+N\+1\s+N\+2\s+N\+3/);
    expect(r.stdout).toMatch(/\n2026-04-06T10:00\s+93\.7\s+459\s+29\s+62\.0\s+73\.1\s+81\.3\s+87\.3\s+91\.5\s+94\.5\n/);
    expect(r.stdout).toContain(`peak N ${lib.totals.peakAgents}`);
    expect(r.stdout).toContain(`FTE               ${lib.totals.fte.toFixed(2)}   (paid hours / 8 h`);
    expect(r.stdout).not.toContain("Note:");
    expect(r.stdout.trimEnd().endsWith(`Wrote ${out}`)).toBe(true);

    const csv = readFileSync(out, "utf8");
    expect(csv).toBe(forecastStaffingCsv(lib));
    const lines = csv.trimEnd().split("\n");
    expect(lines).toHaveLength(25);
    expect(lines[0].split(",").slice(0, 8)).toEqual(["start", "volume", "aht_seconds", "offered_load_erlangs", "agents", "floor_hours", "paid_hours", "agents_n-2"]);
    const ten = lines.find((l) => l.startsWith("2026-04-06T10:00,"))!.split(",");
    const head = lines[0].split(",");
    const col = (name: string) => Number(ten[head.indexOf(name)]);
    expect(col("agents")).toBe(29);
    expect(col("agents_n-1")).toBe(28);
    expect(col("floor_hours")).toBe(14.5);
    expect(col("service_level_n")).toBeGreaterThanOrEqual(0.8);
    expect(col("service_level_n-1")).toBeLessThan(0.8);
  });

  it("prints JSON, and notes when the default FTE week meets a shorter forecast", () => {
    const j = cli("erlang", "staff", "--forecast", SAMPLE, "--target-sl", "0.8", "--patience-minutes", "1.5", "--json");
    expect(j.status).toBe(0);
    const doc = JSON.parse(j.stdout);
    expect(doc.model).toBe("erlang-a");
    expect(doc.intervals).toHaveLength(24);
    expect(doc.intervals[0].around).toHaveLength(6);
    expect(doc.fteHours).toBe(40);
    const t = cli("erlang", "staff", "--forecast", SAMPLE, "--target-sl", "0.8");
    expect(t.stdout).toContain("Note: the forecast covers 12 hours and FTE counts 40 paid hours, a full-timer's week");
  });

  const bad: [string, string, string[], string][] = [
    ["a bad cell", "start,volume,aht_seconds\n08:00,10,300\n08:30,ten,300\n", [], "bad.csv: line 3, column volume: expected a number >= 0 (contacts offered in the interval), got \"ten\""],
    ["a target with no patience", "start,volume,aht_seconds\n08:00,10,300\n08:30,10,300\n", ["--max-abandon", "0.05"], "--max-abandon: needs --patience-minutes or a patience_seconds column (without patience nobody abandons)"],
    ["a per-queue flag", "start,volume,aht_seconds\n08:00,10,300\n08:30,10,300\n", ["--rate-per-hour", "100"], "--rate-per-hour: not with --forecast: the file gives each interval's volume and handle time"],
  ];
  for (const [what, text, more, line] of bad) {
    it(`exits 2 on ${what}: one line, nothing written`, () => {
      const file = join(dir, "bad.csv");
      writeFileSync(file, text);
      const out = join(dir, `never-${what.replace(/\W+/g, "-")}.csv`);
      const r = cli("erlang", "staff", "--forecast", file, "--target-sl", "0.8", "--csv", out, ...more);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`supportsim: ${line.startsWith("bad.csv") ? join(dir, line) : line}\n`);
      expect(existsSync(out)).toBe(false);
    });
  }
});
