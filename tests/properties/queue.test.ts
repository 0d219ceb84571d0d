/**
 * Properties that hold for every valid scenario (fast-check generates them):
 * conservation (every counted arrival is answered or abandoned once the run drains),
 * metrics within their ranges, determinism by seed, common random numbers across
 * scenarios; and Little's law on long runs, including non-exponential distributions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runReplications } from "../../src/analysis/replications.js";
import { runScenario } from "../../src/analysis/run.js";
import { RandomStreams } from "../../src/engine/random.js";
import { simulateReplication, type ModelConfig } from "../../src/model/contactCenter.js";
import { validateScenario } from "../../src/scenario/load.js";

const duration = (maxMean: number) =>
  fc.oneof(
    fc.record({ dist: fc.constant("exponential"), meanMinutes: fc.double({ min: 0.2, max: maxMean, noNaN: true }) }),
    fc.record({ dist: fc.constant("deterministic"), minutes: fc.double({ min: 0, max: maxMean, noNaN: true }) }),
    fc.record({ dist: fc.constant("uniform"), minMinutes: fc.constant(0.1), maxMinutes: fc.double({ min: 0.5, max: maxMean * 2, noNaN: true }) }),
    fc.record({ dist: fc.constant("normal"), meanMinutes: fc.double({ min: 0.5, max: maxMean, noNaN: true }), sdMinutes: fc.double({ min: 0, max: 5, noNaN: true }) }),
    fc.record({ dist: fc.constant("lognormal"), meanMinutes: fc.double({ min: 0.2, max: maxMean, noNaN: true }), cv: fc.double({ min: 0.1, max: 3, noNaN: true }) }),
    fc.record({ dist: fc.constant("gamma"), meanMinutes: fc.double({ min: 0.2, max: maxMean, noNaN: true }), cv: fc.double({ min: 0.2, max: 2, noNaN: true }) }),
    fc.record({ dist: fc.constant("erlang"), meanMinutes: fc.double({ min: 0.2, max: maxMean, noNaN: true }), k: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ dist: fc.constant("empirical"), samplesMinutes: fc.array(fc.double({ min: 0, max: maxMean, noNaN: true }), { minLength: 1, maxLength: 6 }), interpolate: fc.boolean() }),
  );

/** Random valid scenarios, small enough to run many of them. */
const scenarioArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    replications: fc.integer({ min: 1, max: 3 }),
    hours: fc.double({ min: 2, max: 24, noNaN: true }),
    warmFrac: fc.double({ min: 0, max: 0.5, noNaN: true }),
    intervalMinutes: fc.constantFrom(15, 30, 60),
    thresholdSeconds: fc.integer({ min: 1, max: 120 }),
    rate: fc.double({ min: 1, max: 600, noNaN: true }),
    pattern: fc.option(fc.array(fc.double({ min: 0, max: 600, noNaN: true }), { minLength: 2, maxLength: 6 }), { nil: undefined }),
    agents: fc.integer({ min: 1, max: 40 }),
    handle: duration(12),
    patience: fc.option(duration(6), { nil: undefined }),
  })
  .map((r) => ({
    name: "generated",
    seed: r.seed,
    replications: r.replications,
    horizon: { hours: r.hours, warmupHours: r.hours * r.warmFrac, intervalMinutes: r.intervalMinutes },
    serviceLevel: { thresholdSeconds: r.thresholdSeconds },
    arrivals: r.pattern && r.pattern.some((x) => x > 0) ? { pattern: { stepMinutes: 45, ratesPerHour: r.pattern, repeat: true } } : { ratePerHour: r.rate },
    tiers: [{ name: "L1", agents: r.agents, handleTime: r.handle, ...(r.patience ? { patience: r.patience } : {}) }],
  }));

describe("conservation and ranges (fast-check)", () => {
  it("every counted arrival is answered or abandoned; nothing is left in the system; metrics stay in range", () => {
    fc.assert(
      fc.property(scenarioArb, (json) => {
        const s = validateScenario(json);
        const out = runScenario(s);
        for (const r of out.run.replications) {
          expect(r.leftInSystem).toBe(0);
          const t = r.total;
          expect((t.answered as number) + (t.abandoned as number)).toBe(t.offered);
          for (const key of ["occupancy", "abandonRate", "serviceLevel", "probWait"] as const) {
            const v = t[key];
            if (v !== null) {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1 + 1e-12);
            }
          }
          if (t.serviceLevel !== null && t.abandonRate !== null) expect(t.serviceLevel).toBeLessThanOrEqual(1 - t.abandonRate + 1e-12);
          if (!s.tiers[0].patience) expect(t.abandoned).toBe(0);
          if (t.asaSeconds !== null) expect(t.asaSeconds).toBeGreaterThanOrEqual(0);
        }
        // per interval, by arrival interval: offered = answered + abandoned
        const acc = out.run.intervals;
        for (let i = out.run.firstInterval; i < acc.intervals; i++) {
          const offered = acc.get(i, 1, 0).mean, answered = acc.get(i, 1, 1).mean, abandoned = acc.get(i, 1, 2).mean;
          if (offered !== null) expect((answered as number) + (abandoned as number)).toBeCloseTo(offered, 9);
        }
      }),
      { numRuns: 60, seed: 4242 },
    );
  });

  it("the same seed gives byte-identical JSON; another seed gives different numbers", () => {
    fc.assert(
      fc.property(scenarioArb, (json) => {
        const s = validateScenario(json);
        const a = JSON.stringify(runScenario(s).result);
        const b = JSON.stringify(runScenario(validateScenario(structuredClone(json))).result);
        expect(a).toBe(b);
        const other = JSON.stringify(runScenario(s, { seed: (s.seed as number) + 1 }).result);
        const offeredA = JSON.parse(a).total.offered.mean, offeredO = JSON.parse(other).total.offered.mean;
        if (offeredA > 50) expect(other).not.toBe(a);
        expect(typeof offeredO).toBe("number");
      }),
      { numRuns: 25, seed: 99 },
    );
  });
});

describe("common random numbers", () => {
  it("changing staffing does not change the arrivals or the contacts' handle times and patience", () => {
    const base: ModelConfig = {
      horizon: 600, warmup: 0, intervalLength: 30, threshold: 1 / 3,
      arrivals: { starts: [0], ratesPerMinute: [2] },
      tiers: [{ name: "L1", agents: 8, handleTime: { type: "lognormal", mean: 4, cv: 1 }, patience: { type: "exponential", mean: 2 } }],
    };
    const traceOf = (agents: number) => {
      const rows: string[] = [];
      const cfg = { ...base, tiers: [{ ...base.tiers[0], agents }] };
      simulateReplication(cfg, new RandomStreams(5, 0), {
        contact(arrival, _tier, _wait, outcome, _agent, handle) {
          rows.push(`${arrival}|${outcome === "answered" ? handle : ""}`);
        },
      });
      return rows;
    };
    const few = traceOf(6), many = traceOf(12);
    const arrivals = (rows: string[]) => rows.map((r) => r.split("|")[0]).sort();
    expect(arrivals(few)).toEqual(arrivals(many));
    expect(few.length).toBeGreaterThan(1000);
    // a contact answered in both scenarios has the same handle time in both
    const handles = new Map(many.map((r) => r.split("|") as [string, string]));
    let same = 0;
    for (const r of few) {
      const [t, h] = r.split("|");
      if (h !== "" && handles.get(t) !== "") {
        expect(handles.get(t)).toBe(h);
        same++;
      }
    }
    expect(same).toBeGreaterThan(500);
  });
});

describe("Little's law", () => {
  // Time-average number waiting L must equal arrival rate × mean wait of all contacts W
  // (both measured over the observation window). Long runs keep the edge effects of the
  // window (contacts waiting across its ends) below the 1% tolerance.
  const cases: [string, ModelConfig][] = [
    ["M/M/20 (ρ = 0.9)", {
      horizon: 60 * 300, warmup: 600, intervalLength: 60, threshold: 1 / 3,
      arrivals: { starts: [0], ratesPerMinute: [3.6] },
      tiers: [{ name: "L1", agents: 20, handleTime: { type: "exponential", mean: 5 } }],
    }],
    ["lognormal service, gamma patience, intraday pattern", {
      horizon: 60 * 24 * 14, warmup: 60 * 24, intervalLength: 30, threshold: 1 / 3,
      arrivals: { starts: [0, 480, 720, 1020], ratesPerMinute: [0.5, 4, 3, 1], cycle: 1440 },
      tiers: [{ name: "L1", agents: 14, handleTime: { type: "lognormal", mean: 4, cv: 1.5 }, patience: { type: "gamma", mean: 3, cv: 0.5 } }],
    }],
  ];
  for (const [label, cfg] of cases) {
    it(label, () => {
      const run = runReplications(cfg, { seed: 11, replications: 4 });
      for (const r of run.replications) {
        const t = r.total;
        const window = cfg.horizon - cfg.warmup;
        const lambda = (t.offered as number) / window;
        const W = (t.meanWaitSeconds as number) / 60;
        const L = t.meanQueueLength as number;
        expect(L).toBeGreaterThan(0.05);
        expect(Math.abs(L - lambda * W) / L).toBeLessThan(0.01);
      }
    });
  }
});
