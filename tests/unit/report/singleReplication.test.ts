/**
 * A run of one replication has no 95% intervals (`ci95: null`): its week charts used to draw a band
 * of nulls only, which Vega warns has an infinite extent, and `run --replications 1 --out` (the
 * baseline, or any scenario) ended in an internal error after the whole simulation, writing
 * nothing. Every chart of such a run now renders without a warning and says it has no interval.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, resultJson, simulate } from "../../../src/api/index.js";
import { chartsFor } from "../../../src/report/html/budgetReport.js";
import { renderSvg } from "../../../src/report/render/render.js";
import { readResults } from "../../../src/report/results.js";
import { smallBaseline } from "../../helpers/smallBaseline.js";

describe("the charts of a single replication", () => {
  it("render without a warning (no band of nulls) and say there is no 95% interval", async () => {
    // 14 days: two measured weeks, so the week-by-week chart is drawn too
    const s = smallBaseline(1, (x) => { x.customers.count = 300; x.horizon = { days: 14, warmupDays: 0, intervalMinutes: 60 }; });
    const r = await simulate(loadScenario(s, { baseDir: "scenarios" }), { replications: 1 });
    const file = join(mkdtempSync(join(tmpdir(), "supportsim-one-rep-")), "results.json");
    writeFileSync(file, JSON.stringify(resultJson(r))); // as run --out writes it, read back as chart reads it
    const charts = chartsFor(readResults(file));
    const names = charts.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["intraday-phone", "weeks"]));
    for (const c of charts) {
      const { warnings } = await renderSvg(c.spec);
      expect(warnings, c.name).toEqual([]);
    }
    const text = (name: string) => JSON.stringify(charts.find((c) => c.name === name)!.spec);
    expect(text("intraday-phone")).toContain("one replication (no 95% interval");
    expect(text("weeks")).toContain("one replication (no 95% interval");
  });
});
