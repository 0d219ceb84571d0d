/**
 * The simulator against exact queueing results.
 *
 * For M/M/c (Erlang C) and M/M/c+M (Erlang A) at light, medium and heavy load and for
 * pools from 1 to 500 agents, the simulation's replication intervals must cover the
 * exact values of P(wait), service level, ASA, abandonment, occupancy and the mean queue
 * length. Each case is a simple-form scenario run through the library as a user runs it: the
 * full-form scenario it stands for, on the one engine, its result's `analytic` rows giving the
 * exact value beside the simulated estimate (the interval `supportsim run` reports).
 *
 * How "cover" is judged, so the test is both strict and deterministic: every check must
 * fall inside the 99.9% Student-t interval (a real bias of a few tenths of a percent
 * fails it at these run lengths), and across all checks the share covered by the 95%
 * interval — the interval `supportsim run` reports — must be at least 85% (with ~40
 * checks and a correct simulator the expected share is 95%; 85% or less would happen by
 * chance less than 2% of the time). The seeds are fixed, so the result is reproducible.
 */
import { describe, expect, it } from "vitest";
import { erlangA, erlangC, type QueueMetrics } from "../../src/analytic/index.js";
import { tCritical } from "../../src/analysis/confidence.js";
import { loadScenario } from "../../src/api/scenario.js";
import { simulate } from "../../src/api/simulate.js";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

interface Case {
  label: string;
  agents: number;
  rho: number; // offered load per agent, λ/(cμ)
  ahtMinutes: number;
  patienceMinutes?: number;
  hours: number;
  warmupHours: number;
  reps: number;
}

const THRESHOLD_S = 20;

/** The case as a simple-form scenario file. */
function scenario(c: Case): object {
  return {
    name: c.label,
    seed: 20261123,
    replications: c.reps,
    horizon: { hours: c.hours, warmupHours: c.warmupHours, intervalMinutes: 60 },
    serviceLevel: { thresholdSeconds: THRESHOLD_S },
    arrivals: { ratePerHour: (c.rho * c.agents * 60) / c.ahtMinutes },
    tiers: [{
      name: "L1",
      agents: c.agents,
      handleTime: { dist: "exponential", meanMinutes: c.ahtMinutes },
      ...(c.patienceMinutes ? { patience: { dist: "exponential", meanMinutes: c.patienceMinutes } } : {}),
    }],
  };
}

function exact(c: Case): QueueMetrics {
  const input = {
    ratePerHour: (c.rho * c.agents * 60) / c.ahtMinutes,
    ahtMinutes: c.ahtMinutes,
    agents: c.agents,
    patienceMinutes: c.patienceMinutes,
    thresholdSeconds: THRESHOLD_S,
  };
  return c.patienceMinutes ? erlangA(input) : erlangC(input);
}

const CASES: Case[] = [
  // Erlang C (no abandonment)
  { label: "M/M/1, light (ρ=0.5)", agents: 1, rho: 0.5, ahtMinutes: 5, hours: 4000, warmupHours: 50, reps: 10 },
  { label: "M/M/10, medium (ρ=0.8)", agents: 10, rho: 0.8, ahtMinutes: 5, hours: 1500, warmupHours: 20, reps: 10 },
  { label: "M/M/100, heavy (ρ=0.95)", agents: 100, rho: 0.95, ahtMinutes: 5, hours: 200, warmupHours: 10, reps: 10 },
  { label: "M/M/500, heavy (ρ=0.97)", agents: 500, rho: 0.97, ahtMinutes: 5, hours: 40, warmupHours: 4, reps: 10 },
  // Erlang A (exponential patience)
  { label: "M/M/1+M, heavy (ρ=0.9)", agents: 1, rho: 0.9, ahtMinutes: 5, patienceMinutes: 3, hours: 4000, warmupHours: 50, reps: 10 },
  { label: "M/M/50+M, the reference model (ρ=0.9)", agents: 50, rho: 0.9, ahtMinutes: 5, patienceMinutes: 2, hours: 400, warmupHours: 10, reps: 10 },
  { label: "M/M/20+M, light (ρ=0.5)", agents: 20, rho: 0.5, ahtMinutes: 5, patienceMinutes: 2, hours: 800, warmupHours: 10, reps: 10 },
  { label: "M/M/500+M, heavy (ρ=0.97)", agents: 500, rho: 0.97, ahtMinutes: 5, patienceMinutes: 2, hours: 40, warmupHours: 4, reps: 10 },
  { label: "M/M/200+M, overloaded (ρ=1.1)", agents: 200, rho: 1.1, ahtMinutes: 5, patienceMinutes: 3, hours: 60, warmupHours: 4, reps: 10 },
];

interface Check {
  label: string;
  metric: string;
  exact: number;
  mean: number;
  hw95: number;
  hw999: number;
}

const checks: Check[] = [];

describe("simulation vs exact Erlang C / Erlang A", () => {
  for (const c of CASES) {
    it(c.label, async () => {
      const ex = exact(c);
      const r = await simulate(loadScenario(scenario(c)));
      const a = r.analytic!;
      expect(a.model).toBe(c.patienceMinutes ? "erlang-a" : "erlang-c");
      const labels: Record<string, string> = { probWait: "P(wait)", serviceLevel: "service level", asaSeconds: "ASA (s)", occupancy: "occupancy", meanQueueLength: "mean queue length", abandonRate: "abandon rate" };
      if (!c.patienceMinutes) expect(r.estimates["channel.contacts.abandoned"].mean).toBe(0);
      for (const row of a.rows) {
        if (!(row.metric in labels) || (row.metric === "abandonRate" && !c.patienceMinutes)) continue;
        // the exact value the result carries is the formula's
        expect(row.exact).toBe(ex[row.metric]);
        const e = row.simulated;
        const hw95 = (e.ci95![1] - e.ci95![0]) / 2;
        // the reported interval is mean ± t(0.975, n − 1)·s/√n (unless clipped at a bound): the 99.9% one scales it
        const hw999 = (hw95 * tQuantile(0.9995, c.reps - 1)) / tCritical(c.reps);
        const chk = { label: c.label, metric: labels[row.metric], exact: row.exact, mean: e.mean!, hw95, hw999 };
        checks.push(chk);
        expect(Math.abs(chk.mean - chk.exact), `${c.label} ${chk.metric}: sim ${chk.mean} ± ${hw999} (99.9%) vs exact ${chk.exact}`).toBeLessThanOrEqual(hw999);
      }
    });
  }

  it("the 95% intervals cover the exact values at the nominal rate", () => {
    expect(checks.length).toBeGreaterThanOrEqual(40);
    const covered = checks.filter((k) => Math.abs(k.mean - k.exact) <= k.hw95).length;
    const misses = checks.filter((k) => Math.abs(k.mean - k.exact) > k.hw95).map((k) => `${k.label} ${k.metric}`);
    console.log(`95% interval coverage: ${covered}/${checks.length}${misses.length ? ` (missed: ${misses.join("; ")})` : ""}`);
    expect(covered / checks.length).toBeGreaterThanOrEqual(0.85);
  });
});
