/**
 * Expertise is a lasting lever (docs/model.md §3), with common random numbers: every variant is
 * the same small company (3,000 customers, no sales, no churn, so the customer count is exact)
 * run with the same seed and replications, and only its segment's expertise (or a training
 * programme) differs. Measured late: 8 whole weeks after 34 weeks of warm-up, when every
 * customer present at the start has long learned (T = 75 days).
 *
 * 1. Higher segment expertise → fewer how-to needs per customer-month, monotonically over five
 *    levels, in every replication (under CRN the candidates are the same and a higher level only
 *    accepts fewer), and late in the run each level's rate is its settled rate
 *    r·(1 + (m − 1)(1 − e)): the difference persists.
 * 2. Customer training: closing more of a segment's gap to full expertise never brings more
 *    how-to needs, brings fewer once it has ramped in (the settled rate with the level raised),
 *    leaves the other need types exactly as they were, and costs its monthly cost.
 *
 * On the code before (expertise only set a new customer's start; everyone settled at expert
 * level within months) 1 fails: late in the run every level needs ≈ r (0.36 per customer-month
 * at every level, not 2.35r … 1.15r). 2 fails there because `customerTraining` does not exist.
 */
import { afterAll, describe, expect, it } from "vitest";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { runReplications } from "../../src/analysis/experiments/replications.js";
import type { Values } from "../../src/kpi/values.js";
import type { SupportConfig } from "../../src/model/config.js";
import { buildSupport } from "../../src/scenario/full/build.js";
import { loadAnyScenarioFile } from "../../src/scenario/load.js";
import { smallBaseline } from "../helpers/smallBaseline.js";
import { scenarioFolder } from "../helpers/workflowScenarios.js";

const SEED = 7, REPS = 4, WEEKS_MEASURED = 8;
const MONTH_DAYS = 365.25 / 12;
const files = scenarioFolder("supportsim-expertise-");
afterAll(() => files.remove());

/** The small company with one segment of expertise `e`, no sales, no churn; `patch` may add to it. */
function run(name: string, e: number, patch: Record<string, unknown> = {}): { cfg: SupportConfig; reps: Values[] } {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const s = smallBaseline(REPS, (x: any) => {
    x.name = name;
    x.horizon = { days: 7 * (34 + WEEKS_MEASURED), warmupDays: 7 * 34, intervalMinutes: 60 };
    x.customers.salesPerMonth = 0;
    x.customers.segments = [{ name: "all", share: 1, expertise: e, churnPerYear: 0, priority: "standard", plan: "free" }];
    Object.assign(x, patch);
  });
  const path = files.write(`${name}.json`, s);
  const any = loadAnyScenarioFile(path);
  if (any.form !== "support") throw new Error("expected a full-form scenario");
  const cfg = buildSupport(any.scenario, { baseDir: files.dir, file: path });
  return { cfg, reps: runReplications(cfg, { seed: SEED, replications: REPS }).replications };
}

const num = (v: Values, key: string): number => {
  const x = v[key];
  if (typeof x !== "number") throw new Error(`${key}: expected a number, got ${x}`);
  return x;
};
/** How-to needs per customer-month of each replication over the measured weeks. */
const howToPerCm = (r: { cfg: SupportConfig; reps: Values[] }): number[] =>
  r.reps.map((v) => num(v, "needType.how-to.needs") / (3000 * ((7 * WEEKS_MEASURED) / MONTH_DAYS)));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const halfWidth = (xs: number[]) => {
  const m = mean(xs), sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
  return (tQuantile(0.9995, xs.length - 1) * sd) / Math.sqrt(xs.length);
};
/** The settled multiplier 1 + (m − 1)(1 − L) of expertise level L. */
const settled = (cfg: SupportConfig, L: number) => 1 + (cfg.learning.noviceMultiplier - 1) * (1 - L);
/** r: how-to needs per customer-month at full expertise. */
const rate = (cfg: SupportConfig) => cfg.needTypes.find((n) => n.name === "how-to")!.ratePerMinute * 1440 * MONTH_DAYS;

describe("expertise is a lasting lever (common random numbers)", () => {
  it("higher segment expertise → fewer how-to needs per customer-month late in the run, monotonically, at the settled rate", () => {
    const levels = [0.1, 0.3, 0.5, 0.7, 0.9];
    const runs = levels.map((e) => run(`expertise-${e}`, e));
    const perCm = runs.map(howToPerCm);
    for (let i = 1; i < levels.length; i++) {
      // every replication: the same candidates, and a higher level accepts a subset of them
      perCm[i].forEach((x, k) => expect(x, `replication ${k}: expertise ${levels[i]} against ${levels[i - 1]}`).toBeLessThanOrEqual(perCm[i - 1][k]));
      // and clearly fewer on average: the settled rates step by (m − 1)·0.2·r = 0.3r
      expect(mean(perCm[i]), `expertise ${levels[i]} against ${levels[i - 1]}`).toBeLessThan(0.9 * mean(perCm[i - 1]));
    }
    levels.forEach((e, i) => {
      const cfg = runs[i].cfg, exact = rate(cfg) * settled(cfg, e), got = mean(perCm[i]);
      // customers present at the start (tenure ~ Exp(730 d)) have learned: what is left is < 0.1 % of the settled rate
      expect(Math.abs(got - exact), `expertise ${e}: ${got.toFixed(4)} ± ${halfWidth(perCm[i]).toFixed(4)} how-to needs per customer-month, settled ${exact.toFixed(4)}`)
        .toBeLessThanOrEqual(halfWidth(perCm[i]) + 0.005 * exact);
    });
  });

  it("customer training: more of the gap closed never brings more how-to needs, and fewer once ramped in; nothing else moves", () => {
    const e = 0.3, gaps = [0, 0.25, 0.5, 1];
    // from day 28, ramping in over a month, well before the measured weeks
    const runs = gaps.map((c) => run(`training-${c}`, e, { customerTraining: { start: "2027-02-01", rampMonths: 1, gapClosed: { all: c }, costPerMonth: 2000 } }));
    const perCm = runs.map(howToPerCm);
    gaps.forEach((c, i) => {
      const cfg = runs[i].cfg, L = 1 - (1 - e) * (1 - c), exact = rate(cfg) * settled(cfg, L), got = mean(perCm[i]);
      expect(Math.abs(got - exact), `gap closed ${c}: ${got.toFixed(4)}, settled at level ${L}: ${exact.toFixed(4)}`).toBeLessThanOrEqual(halfWidth(perCm[i]) + 0.005 * exact);
      if (i === 0) return;
      perCm[i].forEach((x, k) => expect(x, `replication ${k}: gap closed ${c} against ${gaps[i - 1]}`).toBeLessThanOrEqual(perCm[i - 1][k]));
      expect(mean(perCm[i])).toBeLessThan(0.9 * mean(perCm[i - 1]));
      // the other need types: the very same needs (the same candidates, accepted alike)
      runs[i].reps.forEach((v, k) => {
        for (const n of ["defect", "account"]) expect(num(v, `needType.${n}.needs`), `${n}, replication ${k}`).toBe(num(runs[0].reps[k], `needType.${n}.needs`));
      });
    });
    // its cost: 2,000 a month over the measured weeks, in its own category
    const months = (7 * WEEKS_MEASURED) / MONTH_DAYS;
    for (const v of runs[1].reps) expect(num(v, "cost.byCategory.customer training")).toBeCloseTo(2000 * months, -2);
  });
});
