/**
 * A status quo with constant inputs is stationary: week by week over the measured window, each
 * channel's requests per need (its share of the demand, which the growing customer base does not
 * move) stay flat within noise — the first eight measured weeks against the last eight (two
 * against two in the baseline's four measured weeks). Customers start expecting the waits the status quo
 * gives (analysis/experiments/statusQuo.ts), so nothing pulls channel choice once the run starts.
 *
 * The shipped status quo scenarios are baseline.json and baseline-year.json; every other shipped
 * full-form scenario is a what-if that changes something against it (from its start or at a
 * date), where customers' expectations then move by design.
 *
 * On the code before (every customer starting at the response target, 24 h for e-mail, while the
 * status quo answers in about 2.5 h) baseline-year fails: e-mail's share rises by more than half.
 * The churn check fails on the code before the initial experiences: +56 %.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tCritical } from "../../src/analysis/confidence.js";
import { loadScenario } from "../../src/api/scenario.js";
import { simulate, type IntervalRow } from "../../src/api/simulate.js";

const SCENARIOS = join(import.meta.dirname, "..", "..", "scenarios");

/** Σ over the rows of a series' metric mean, and the standard error of that sum (intervals taken as independent). */
function blockSum(rows: readonly IntervalRow[], reps: number): { sum: number; se: number } {
  let sum = 0, v = 0;
  for (const r of rows) {
    const e = r.metrics.offered ?? r.metrics.needs;
    sum += e.mean ?? 0;
    if (e.ci95) v += ((e.ci95[1] - e.ci95[0]) / 2 / tCritical(reps)) ** 2;
  }
  return { sum, se: Math.sqrt(v) };
}

describe("a status quo is stationary", () => {
  for (const [file, reps, weeks] of [["baseline.json", 6, 2], ["baseline-year.json", 4, 8]] as const) {
    it(`${file}: each channel's requests per need, first ${weeks} measured weeks against the last ${weeks}, within noise`, async () => {
      const r = await simulate(loadScenario(join(SCENARIOS, file)), { replications: reps, threads: 2, intervals: true });
      const perWeek = (7 * 24 * 60) / r.intervalMinutes;
      const first = r.intervals![0].interval, last = Math.max(...r.intervals!.map((x) => x.interval));
      const inBlock = (x: IntervalRow, from: number) => x.interval >= from && x.interval < from + weeks * perWeek;
      const early = first, late = last + 1 - weeks * perWeek;
      const needs = (from: number) => blockSum(r.intervals!.filter((x) => x.series === "needs" && inBlock(x, from)), reps);
      const [n0, n1] = [needs(early), needs(late)];
      for (const ch of r.channels) {
        const block = (from: number) => blockSum(r.intervals!.filter((x) => x.series === ch.name && inBlock(x, from)), reps);
        const [a, b] = [block(early), block(late)];
        const s0 = a.sum / n0.sum, s1 = b.sum / n1.sum;
        // the share's standard error (delta method, numerator and denominator taken as independent: conservative)
        const se = (x: { sum: number; se: number }, n: { sum: number; se: number }) => (x.sum / n.sum) * Math.hypot(x.se / x.sum, n.se / n.sum);
        const noise = Math.hypot(se(a, n0), se(b, n1));
        expect(Math.abs(s1 - s0), `${ch.name}: requests per need ${s0.toFixed(4)} in the first ${weeks} weeks, ${s1.toFixed(4)} in the last (noise ${noise.toFixed(4)})`).toBeLessThan(3 * noise + 0.01 * s0);
      }
    }, 600_000);
  }

  it("baseline-year: churn does not climb as memories fill — the last full quarter's monthly churns within 15% of the first's", async () => {
    // customers present at the start remember the status quo's settled experiences (model/customers/initialExperience.ts);
    // starting them with none, monthly churns rose from 138 to 300 over the year (+56% from Feb–Apr to Oct–Dec)
    const r = await simulate(loadScenario(join(SCENARIOS, "baseline-year.json")), { replications: 4, threads: 2 });
    const month = (m: string) => r.estimates[`retention.byMonth.${m}.churned`].mean!;
    const first = (month("2027-02") + month("2027-03") + month("2027-04")) / 3;
    const last = (month("2027-10") + month("2027-11") + month("2027-12")) / 3;
    expect(Math.abs(last / first - 1), `monthly churns ${first.toFixed(0)} in Feb–Apr, ${last.toFixed(0)} in Oct–Dec`).toBeLessThan(0.15);
  }, 600_000);
});
