/**
 * The simulator against exact queueing results.
 *
 * For M/M/c (Erlang C) and M/M/c+M (Erlang A) at light, medium and heavy load and for
 * pools from 1 to 500 agents, the simulation's replication intervals must cover the
 * exact values of P(wait), service level, ASA, abandonment and occupancy.
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
import { halfWidth } from "../../src/analysis/confidence.js";
import { runReplications } from "../../src/analysis/replications.js";
import { Tally } from "../../src/engine/statistics.js";
import type { ModelConfig } from "../../src/model/contactCenter.js";
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

function model(c: Case): ModelConfig {
  const lambdaPerMin = (c.rho * c.agents) / c.ahtMinutes;
  return {
    horizon: c.hours * 60,
    warmup: c.warmupHours * 60,
    intervalLength: 60,
    threshold: THRESHOLD_S / 60,
    arrivals: { starts: [0], ratesPerMinute: [lambdaPerMin] },
    tiers: [{
      name: "L1",
      agents: c.agents,
      handleTime: { type: "exponential", mean: c.ahtMinutes },
      patience: c.patienceMinutes ? { type: "exponential", mean: c.patienceMinutes } : undefined,
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
    it(c.label, () => {
      const ex = exact(c);
      const run = runReplications(model(c), { seed: 20261123, replications: c.reps });
      const per = (f: (r: (typeof run.replications)[number]["total"]) => number | null) => {
        const t = new Tally();
        for (const r of run.replications) {
          const v = f(r.total);
          if (v !== null) t.add(v);
        }
        return t;
      };
      const targets: [string, number, Tally][] = [
        ["P(wait)", ex.probWait, per((m) => m.probWait)],
        ["service level", ex.serviceLevel, per((m) => m.serviceLevel)],
        ["ASA (s)", ex.asaSeconds, per((m) => m.asaSeconds)],
        ["occupancy", ex.occupancy, per((m) => m.occupancy)],
        ["mean queue length", ex.meanQueueLength, per((m) => m.meanQueueLength)],
      ];
      if (c.patienceMinutes) targets.push(["abandon rate", ex.abandonRate, per((m) => m.abandonRate)]);
      else expect(run.total.abandoned.mean).toBe(0);
      for (const [metric, exactValue, t] of targets) {
        const hw95 = halfWidth(t.count, t.sd);
        const hw999 = (tQuantile(0.9995, t.count - 1) * t.sd) / Math.sqrt(t.count);
        const chk = { label: c.label, metric, exact: exactValue, mean: t.mean, hw95, hw999 };
        checks.push(chk);
        expect(Math.abs(t.mean - exactValue), `${c.label} ${metric}: sim ${t.mean} ± ${hw999} (99.9%) vs exact ${exactValue}`).toBeLessThanOrEqual(hw999);
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
