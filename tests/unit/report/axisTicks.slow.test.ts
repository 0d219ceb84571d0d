/**
 * No axis of any chart shows two equal tick labels ("1 1 2 2" on small counts, "$318K $318K" on
 * close costs): every chart the report draws from real results — runs of shipped scenarios, a
 * comparison, the staffing solver's answer and sweeps — is rendered (src/report/render) and the
 * tick labels Vega draws are read from its scenegraph.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../../src/api/scenario.js";
import { simulate } from "../../../src/api/simulate.js";
import { sweep } from "../../../src/api/sweep.js";
import { headlineKeys } from "../../../src/analysis/experiments/compare.js";
import { headlineKeysOf } from "../../../src/kpi/headline.js";
import { chartsFor } from "../../../src/report/html/budgetReport.js";
import { frontierChart } from "../../../src/report/charts/frontier.js";
import type { Results } from "../../../src/report/results.js";
import type { SweepResult } from "../../../src/report/charts/inputs.js";
import { axisLabels, repeatedLabels } from "../../helpers/axisLabels.js";
import { ROOT } from "../../helpers/cli.js";
import { realResults } from "../../helpers/realResults.js";

async function repeats(res: Results): Promise<string[]> {
  const out: string[] = [];
  for (const c of chartsFor(res)) {
    if (c.spec === null) continue;
    for (const [k, a] of (await axisLabels(c.spec)).entries()) {
      // a week chart's hour axis writes the same hours on every day shown ("08 10 12 … | 08 10 …"),
      // each day's hours distinct (tests/unit/report/weekAxisAndNumbers.test.ts): repeats across days are the days
      const days = a.labels.filter((l) => /,(Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/.test(l)); // "12,Mon": an hour over its day's name
      if (days.length > 0) {
        expect(new Set(days).size, `${c.name}: a day named twice`).toBe(days.length);
        continue;
      }
      const twice = repeatedLabels(a.labels);
      if (twice.length > 0) out.push(`${c.name} axis ${k}: ${a.labels.join(" ")}`);
    }
  }
  return out;
}

describe("axis ticks", () => {
  it("never repeat a label in the charts of shipped scenarios' runs", async () => {
    for (const name of ["baseline", "baseline-year", "hiring-freeze", "mmc-abandon", "model-service-desk", "follow-the-sun"]) {
      const loaded = loadScenario(join(ROOT, "scenarios", `${name}.json`));
      const run = await simulate(loaded, { replications: 2, threads: 1 });
      expect(await repeats({ kind: "run", run }), name).toEqual([]);
      // the headline metrics known before a run (what sweep --x/--y are checked against) are the run's
      expect(headlineKeys([headlineKeysOf(loaded.config)]), name).toEqual(headlineKeys([Object.keys(run.estimates)]));
    }
  }, 600_000);

  it("never repeat a label in a comparison, a staffing answer and a sweep", async () => {
    const real = await realResults();
    expect(await repeats({ kind: "compare", compare: real.compare })).toEqual([]);
    expect(await repeats({ kind: "staff", staff: real.staff })).toEqual([]);
    expect(await repeats({ kind: "sweep", sweep: real.sweep })).toEqual([]);
    const base = loadScenario(join(ROOT, "scenarios", "baseline.json"));
    const sw = (await sweep(base, { vary: [{ path: "pools.L3 engineering.agents", values: [5, 6] }], replications: 2, threads: 1, axes: { x: "cost.paidFte", y: "retention.csat" } })).document!;
    expect(await repeats({ kind: "sweep", sweep: sw })).toEqual([]);
  }, 600_000);

  it("tell close costs and small counts apart (money within $1K, a few agents)", async () => {
    const point = (index: number, cost: number, fte: number) => ({ index, parameters: { "pools.L2.agents": index + 1 }, estimates: { "cost.perMonth": { mean: cost, ci95: [cost - 40, cost + 40] as [number, number] }, "cost.paidFte": { mean: fte, ci95: null }, "channel.phone.serviceLevel": { mean: 0.8 + index / 1000, ci95: [0.799 + index / 1000, 0.801 + index / 1000] as [number, number] } } });
    const sw: SweepResult = {
      format: "supportsim-sweep", version: 1, scenario: "close", scenarioSha256: "0".repeat(64), currency: "USD", seed: 1, replications: 5,
      vary: [{ path: "pools.L2.agents", values: [1, 2, 3] }], metrics: ["channel.phone.serviceLevel", "cost.paidFte", "cost.perMonth"],
      points: [point(0, 318_100, 1), point(1, 318_500, 2), point(2, 318_900, 3)],
    };
    for (const axes of [{}, { x: "cost.paidFte" }]) {
      for (const a of await axisLabels(frontierChart(sw, axes)!)) {
        expect(a.labels.length).toBeGreaterThan(1);
        expect(repeatedLabels(a.labels), a.labels.join(" ")).toEqual([]);
      }
    }
  });
});
