/**
 * A Monte Carlo over the inputs against an independent computation with a known answer
 * (issue 17): a single M/M/50+M queue whose arrival rate is uncertain — uniform on 480–600 an hour —
 * run with `simulateUncertainty` (a Latin hypercube of input sets, replications per set), against
 * Erlang A integrated over the range. The service level and the abandon rate are monotone in the
 * rate, so their percentiles are Erlang A at the rate's percentiles (P10 of the service level at
 * the rate's P90), and the probability that a target holds is the share of the rate's range below
 * the rate at which Erlang A meets it exactly (found by bisection).
 */
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/api/scenario.js";
import { simulateUncertainty, type UncertaintyResult } from "../../src/api/uncertainty.js";
import { erlangA } from "../../src/analytic/index.js";

const LOW = 480, HIGH = 600;
const exact = (ratePerHour: number) => erlangA({ ratePerHour, ahtMinutes: 5, agents: 50, patienceMinutes: 2, thresholdSeconds: 20 });
/** The rate at which f(rate) crosses `level` (f monotone on [LOW, HIGH]). */
function crossing(f: (rate: number) => number, level: number): number {
  let a = LOW, b = HIGH;
  const up = f(b) > f(a);
  for (let i = 0; i < 60; i++) {
    const m = (a + b) / 2;
    if ((f(m) < level) === up) a = m;
    else b = m;
  }
  return (a + b) / 2;
}

describe("Monte Carlo over a ranged arrival rate against Erlang A integrated over the range", () => {
  let r: UncertaintyResult;
  it("runs 20 input sets × 2 replications", async () => {
    const s = loadScenario(
      {
        name: "ranged queue", seed: 11, replications: 2,
        horizon: { hours: 400, warmupHours: 4 }, serviceLevel: { thresholdSeconds: 20 },
        arrivals: { ratePerHour: { low: LOW, high: HIGH, dist: "uniform" } },
        tiers: [{ name: "L1", agents: 50, handleTime: { dist: "exponential", meanMinutes: 5 }, patience: { dist: "exponential", meanMinutes: 2 } }],
      },
      { file: "ranged.json" },
    );
    r = await simulateUncertainty([s], { sets: 20, threads: 2, targets: { serviceLevel: 0.9, maxAbandon: 0.03 } });
    expect(r.inputs.map((i) => i.key)).toEqual(["arrivals.ratePerHour"]);
    // one draw per twentieth of the range (Latin hypercube)
    const strata = r.draws["arrivals.ratePerHour"].map((x) => Math.floor(((x - LOW) / (HIGH - LOW)) * 20)).sort((a, b) => a - b);
    expect(strata).toEqual(Array.from({ length: 20 }, (_, k) => k));
  }, 600_000);

  it("P10 / P50 / P90 of the service level and the abandon rate are Erlang A at the rate's P90 / P50 / P10", () => {
    const kpis = r.runs[0].kpis;
    const rateAt = (q: number) => LOW + q * (HIGH - LOW);
    const sl = kpis["channel.contacts.serviceLevel"], ab = kpis["channel.contacts.abandonRate"];
    // within 1.2 points of a spread of 16 (the service level) and 0.5 of 5 (abandonment): about 3 standard
    // errors of 20 strata (a stratum is 6 calls an hour wide) and 2 × 400 hours of noise per set
    const near = (x: number | null, want: number, tol: number) => expect(Math.abs(x! - want), `${x} against ${want}`).toBeLessThan(tol);
    near(sl.p10, exact(rateAt(0.9)).serviceLevel, 0.012);
    near(sl.p50, exact(rateAt(0.5)).serviceLevel, 0.012);
    near(sl.p90, exact(rateAt(0.1)).serviceLevel, 0.012);
    near(ab.p10, exact(rateAt(0.1)).abandonRate, 0.005);
    near(ab.p50, exact(rateAt(0.5)).abandonRate, 0.005);
    near(ab.p90, exact(rateAt(0.9)).abandonRate, 0.005);
    // the rate is almost all of the spread; the noise of 400 hours is small
    expect(sl.inputShare!).toBeGreaterThan(0.8);
  });

  it("the probability that each target holds is the share of the rate's range where Erlang A meets it", () => {
    const slTarget = r.runs[0].targets.find((t) => t.key === "channel.contacts.serviceLevel")!;
    const abTarget = r.runs[0].targets.find((t) => t.key === "channel.contacts.abandonRate")!;
    const pSl = (crossing((x) => exact(x).serviceLevel, 0.9) - LOW) / (HIGH - LOW);
    const pAb = (crossing((x) => exact(x).abandonRate, 0.03) - LOW) / (HIGH - LOW);
    expect(pSl).toBeGreaterThan(0.2);
    expect(pSl).toBeLessThan(0.8);
    expect(Math.abs(slTarget.probability! - pSl)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(abTarget.probability! - pAb)).toBeLessThanOrEqual(0.1);
  });
});
