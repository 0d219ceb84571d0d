/**
 * The estimators against exact M/M/c results on short measured windows, where the biased
 * alternatives show (simple-form scenarios run through the library, as a user runs them):
 *
 * 1. Time averages count every waiting contact. An M/M/1 at ρ = 0.9 measured for 30 minutes
 *    after 30 hours of warm-up: many of the contacts waiting in the window arrived before it. The
 *    channel's mean backlog must cover the exact Lq = ρ²/(1 − ρ) = 8.1 (leaving the early
 *    arrivals out reads far less).
 * 2. Rates are ratios of sums. An M/M/2 at ρ = 0.75 with about 30 contacts per measured hour: the
 *    service level over the run and per interval must cover Erlang C's exact value, where the
 *    mean of the replications' (or intervals') own ratios is biased by several points — shown
 *    here too, so that the test would fail if the estimates were made that way.
 *
 * On the code before this change, 1 fails (4.5 against 8.1) and 2 fails (the run's and every
 * interval's service level were means of per-replication ratios).
 */
import { describe, expect, it } from "vitest";
import { erlangC } from "../../src/analytic/index.js";
import { loadScenario } from "../../src/api/scenario.js";
import { simulate } from "../../src/api/simulate.js";
import { runReplications } from "../../src/analysis/experiments/replications.js";

const within = (e: { ci95: [number, number] | null }, x: number) => e.ci95 !== null && e.ci95[0] <= x && x <= e.ci95[1];

describe("estimators on short windows against exact M/M/c results", () => {
  it("the time-average queue counts every waiting contact, also those that arrived before the window", async () => {
    const s = loadScenario({
      name: "M/M/1 at 0.9",
      seed: 11,
      replications: 2000,
      horizon: { hours: 30.5, warmupHours: 30, intervalMinutes: 30 },
      arrivals: { ratePerHour: 54 },
      tiers: [{ name: "L1", agents: 1, handleTime: { dist: "exponential", meanMinutes: 1 } }],
    });
    const r = await simulate(s, { threads: 2 });
    const lq = (0.9 * 0.9) / (1 - 0.9);
    const backlog = r.estimates["channel.contacts.meanBacklog"];
    expect(within(backlog, lq), `mean backlog ${JSON.stringify(backlog)} against exact ${lq}`).toBe(true);
    // the Erlang-model queue of the single queue agrees (both count every waiting contact)
    expect(within(r.queue!.L1.meanQueueLength, lq)).toBe(true);
  }, 300_000);

  it("service level is a ratio of sums over replications and intervals: unbiased at ~30 contacts where a mean of ratios is not", async () => {
    const rate = 30, agents = 2, aht = 3; // a = 1.5 erlangs, ρ = 0.75
    const input = { ratePerHour: rate, ahtMinutes: aht, agents, thresholdSeconds: 20 };
    const exact = erlangC(input).serviceLevel;
    const def = {
      name: "M/M/2 short windows",
      seed: 5,
      replications: 1500,
      horizon: { hours: 9, warmupHours: 8, intervalMinutes: 60 },
      serviceLevel: { thresholdSeconds: 20 },
      arrivals: { ratePerHour: rate },
      tiers: [{ name: "L1", agents, handleTime: { dist: "exponential", meanMinutes: aht } }],
    };
    const s = loadScenario(def);
    const r = await simulate(s, { threads: 2, intervals: true });
    const sl = r.estimates["channel.contacts.serviceLevel"];
    expect(within(sl, exact), `service level ${JSON.stringify(sl)} against exact ${exact}`).toBe(true);
    // the one measured interval, from the per-interval series
    const rows = r.intervals!.filter((row) => row.series === "contacts");
    expect(rows).toHaveLength(1);
    expect(within(rows[0].metrics.serviceLevel, exact), `interval ${JSON.stringify(rows[0].metrics.serviceLevel)}`).toBe(true);
    // what a mean of the replications' own ratios gives on the same replications: biased beyond its own interval
    const run = runReplications(s.config, { seed: 5, replications: 1500 });
    const own = run.replications.map((v) => v["channel.contacts.serviceLevel"]).filter((x): x is number => x !== null);
    const mean = own.reduce((a, b) => a + b, 0) / own.length;
    const sd = Math.sqrt(own.reduce((a, b) => a + (b - mean) ** 2, 0) / (own.length - 1));
    expect(Math.abs(mean - exact)).toBeGreaterThan((3 * sd) / Math.sqrt(own.length));
  }, 300_000);
});
