/**
 * `erlang staff --forecast` sizing (src/analysis/forecastStaffing.ts through erlang.staffForecast):
 * each interval's N is the staffing inverse's answer for that interval's load — the target holds
 * at N and fails at N − 1 — the columns around N are the Erlang measures there, and the totals
 * are the sums of the docs (floor hours = Σ N·T/60, paid = floor / (1 − s), FTE = paid / fteHours).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { erlangA, erlangC, staffErlangA, staffErlangC } from "../../../src/analytic/index.js";
import { AROUND, staffForecast } from "../../../src/analysis/forecastStaffing.js";
import { erlang } from "../../../src/api/erlang.js";
import { InputError } from "../../../src/errors.js";
import { parseIntervalForecastCsv, readIntervalForecastFile } from "../../../src/forecast/intervalForecast.js";

const SAMPLE = "scenarios/data/sample-forecast.csv";
const target = { serviceLevel: 0.8, thresholdSeconds: 20 };

describe("sizing a forecast interval by interval", () => {
  const r = erlang.staffForecast(SAMPLE, { target, shrinkage: 0.3, fteHours: 8 });
  const rows = readIntervalForecastFile(SAMPLE).intervals;

  it("N is the staffing inverse's answer: the target holds at N and fails at N − 1", () => {
    expect(r.model).toBe("erlang-c");
    expect(r.intervals).toHaveLength(24);
    r.intervals.forEach((iv, i) => {
      const load = { ratePerHour: rows[i].volume * 2, ahtMinutes: rows[i].ahtSeconds! / 60, thresholdSeconds: 20 };
      expect(iv.agents).toBe(staffErlangC(load, target).agents);
      expect(erlangC({ ...load, agents: iv.agents }).serviceLevel).toBeGreaterThanOrEqual(0.8);
      expect(erlangC({ ...load, agents: iv.agents - 1 }).serviceLevel).toBeLessThan(0.8);
      AROUND.forEach((k, j) => {
        const c = iv.agents + k;
        expect(iv.around[j]).toEqual(c < 1 ? undefined : erlangC({ ...load, agents: c }));
      });
    });
  });

  it("adds the hours and FTE up as documented", () => {
    const floor = r.intervals.reduce((s, iv) => s + iv.agents * 0.5, 0);
    expect(r.totals.floorHours).toBeCloseTo(floor, 12);
    expect(r.totals.paidHours).toBeCloseTo(floor / 0.7, 12);
    expect(r.totals.fte).toBeCloseTo(floor / 0.7 / 8, 12);
    expect(r.totals.peakAgents).toBe(Math.max(...r.intervals.map((iv) => iv.agents)));
    expect(r.totals.volume).toBeCloseTo(rows.reduce((s, x) => s + x.volume, 0), 9);
    for (const iv of r.intervals) expect(iv.paidHours).toBeCloseTo(iv.floorHours / 0.7, 12);
    expect(r.spanMinutes).toBe(12 * 60);
  });

  it("uses Erlang A with patience (the row's, else the default) and every target at once", () => {
    const f = parseIntervalForecastCsv("start,volume,aht_seconds,patience_seconds\n08:00,40,300,60\n08:30,55,300,\n09:00,0,,\n", "p.csv");
    const t = { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandonRate: 0.03, maxAsaSeconds: 10 };
    const a = staffForecast(f, { target: t, patienceMinutes: 2, shrinkage: 0, fteHours: 40 });
    expect(a.model).toBe("erlang-a");
    const loads = [{ ratePerHour: 80, ahtMinutes: 5, patienceMinutes: 1 }, { ratePerHour: 110, ahtMinutes: 5, patienceMinutes: 2 }];
    loads.forEach((load, i) => {
      const n = a.intervals[i].agents;
      expect(n).toBe(staffErlangA(load, t).agents);
      const below = erlangA({ ...load, agents: n - 1, thresholdSeconds: 20 });
      expect(below.serviceLevel < 0.8 || below.abandonRate > 0.03 || below.asaSeconds > 10).toBe(true);
    });
    expect(a.intervals[2]).toMatchObject({ agents: 0, floorHours: 0, around: AROUND.map(() => undefined) });
  });

  it("names the row of an interval Erlang A cannot size, or of a target no staffing meets", () => {
    const f = parseIntervalForecastCsv("start,volume,aht_seconds,patience_seconds\n08:00,40,300,60\n08:30,55,300,\n", "p.csv");
    expect(() => staffForecast(f, { target, shrinkage: 0, fteHours: 40 })).toThrow(/^p\.csv: line 3, column patience_seconds: expected a number > 0 \(seconds\)/);
    const g = parseIntervalForecastCsv("start,volume,aht_seconds\n08:00,40,300\n08:30,55,300\n", "g.csv");
    expect(() => staffForecast(g, { target: { maxAsaSeconds: 0, thresholdSeconds: 20 }, shrinkage: 0, fteHours: 40 })).toThrow(InputError);
  });

  it("checks its options before reading the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "supportsim-fc-"));
    writeFileSync(join(dir, "f.csv"), "start,volume,aht_seconds\n08:00,40,300\n08:30,55,300\n");
    expect(() => erlang.staffForecast(join(dir, "none.csv"), { target, shrinkage: 1 })).toThrow("shrinkage: expected a share of paid time >= 0 and < 1, got 1");
    expect(() => erlang.staffForecast(join(dir, "f.csv"), { target: { serviceLevel: 0.8, maxAbandonRate: 0.05 } })).toThrow(/target\.maxAbandonRate: needs `patienceMinutes` or a patience_seconds column/);
    expect(() => erlang.staffForecast(join(dir, "f.csv"), { target: {} })).toThrow(/give at least one target/);
  });
});
