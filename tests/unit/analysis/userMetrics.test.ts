/**
 * User-defined metrics (src/analysis/experiments/userMetrics.ts) through the library: the formula
 * is evaluated in every replication (its estimate is the mean of the per-replication values, not
 * the ratio of the reported means), a comparison pairs it replication by replication (its
 * difference's interval is the paired Student-t interval of the formula's own differences), and
 * bad formulas are one-line option errors naming the metric.
 */
import { describe, expect, it } from "vitest";
import { compare } from "../../../src/api/compare.js";
import { loadScenario } from "../../../src/api/scenario.js";
import { simulate } from "../../../src/api/simulate.js";
import { estimate } from "../../../src/analysis/confidence.js";
import { parseUserMetrics, withUserMetrics } from "../../../src/analysis/experiments/userMetrics.js";
import { InputError } from "../../../src/errors.js";
import { smallBaseline } from "../../helpers/smallBaseline.js";
import { thrown } from "../../helpers/thrown.js";

const COST_PER_RESOLVED = "costPerResolved = cost.total / funnel.resolved";

describe("user-defined metrics", () => {
  it("are evaluated replication by replication, and compared pair by pair", async () => {
    const a = loadScenario(smallBaseline(4), { file: "a.json" });
    const b = loadScenario(smallBaseline(4, (s) => (s.pools[0].agents = 3)), { file: "b.json" });
    const { comparison, runs } = await compare([a, b], { metrics: [COST_PER_RESOLVED, "twice = 2 * costPerResolved"] });
    // each run's replications, recomputed by hand
    const perRep = (i: number) => (runs[i] as unknown as { estimates: Record<string, { mean: number | null }> }).estimates;
    const one = await simulate(a, { metrics: [COST_PER_RESOLVED] });
    expect(one.estimates["metric.costPerResolved"]).toEqual(perRep(0)["metric.costPerResolved"]);
    // the mean of per-replication ratios, which is not the ratio of the means
    const ratioOfMeans = one.estimates["cost.total"].mean! / one.estimates["funnel.resolved"].mean!;
    expect(one.estimates["metric.costPerResolved"].mean).not.toBeCloseTo(ratioOfMeans, 6);
    const m = comparison.metrics["metric.costPerResolved"];
    expect(m).toBeDefined();
    expect(comparison.metrics["metric.twice"].differences[0].mean).toBeCloseTo(2 * m.differences[0].mean!, 9);
    expect(m.differences[0].ci95).not.toBeNull();
  });

  it("the paired interval is that of the per-replication differences", () => {
    const reps = [
      { "cost.total": 100, "funnel.resolved": 10 },
      { "cost.total": 120, "funnel.resolved": 10 },
      { "cost.total": 90, "funnel.resolved": 9 },
    ];
    const [m] = parseUserMetrics(["r = cost.total / funnel.resolved"]);
    const out = withUserMetrics(reps, [m]);
    expect(out.map((v) => v["metric.r"])).toEqual([10, 12, 10]);
    expect(estimate(out.map((v) => v["metric.r"]))).toEqual(estimate([10, 12, 10]));
    // a replication where the formula has no value (nothing resolved) gives none
    expect(withUserMetrics([{ "cost.total": 5, "funnel.resolved": 0 }], [m])[0]["metric.r"]).toBeNull();
  });

  it("bad formulas are one-line option errors naming the metric", async () => {
    const e = (specs: string[]) => {
      try {
        parseUserMetrics(specs);
      } catch (x) {
        expect(x).toBeInstanceOf(InputError);
        return (x as InputError).problems.map((p) => `${p.path}: ${p.message}`);
      }
      throw new Error("accepted");
    };
    expect(e(["cost.total / funnel.resolved"])[0]).toMatch(/^metrics\[0\]: expected "name = formula"/);
    expect(e(["x = cost.totl / 2"])[0]).toMatch(/^metrics\[0\]: bad formula "x = cost.totl \/ 2": unknown KPI "cost.totl"/);
    expect(e(["x = cost.total /"])[0]).toMatch(/^metrics\[0\]: bad formula "x = cost.total \/": unexpected end of expression at character 17$/);
    expect(e(["x = 1", "x = 2"])[0]).toBe('metrics[1]: the metric "x" is defined twice');
    expect(e(["x = import(cost.total)"])[0]).toMatch(/unknown function "import"/);
    const a = loadScenario(smallBaseline(2), { file: "a.json" });
    const err = await thrown(() => simulate(a, { metrics: ["x = channel.sms.serviceLevel"] }));
    expect((err as InputError).problems[0]).toEqual({ path: "metrics[0]", message: '"x" reads "channel.sms.serviceLevel", which this run does not have' });
  });
});
